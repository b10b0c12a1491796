"""A column of briefs: short reports printed one after another under one heading (issue 11).

A page closes with a column of briefs, "经济简讯" or "简　讯" over short reports, each a paragraph of its
own that opens with a mark ("●本报岑溪讯　去年全市三黄鸡…") or with its own run-in headline set off by a
wide space ("全市新增市场经营主体6.93万户　记者从市市场监管局获悉，去年全市…"). Each brief is a report of
its own: the heading is no section of the article printed above the column, and a brief's 全市/全县 is the
place its own dateline or first sentence names, or, naming none, its paper's (the masthead's 绵阳日报:
绵阳市), never the place of the article above it.
"""
from __future__ import annotations

import re

from .setting import article_setting

BRIEF_MARKS = "●■◆▲★◎•▪"  # the mark opening each brief of a column ("●云龙县今年为全县…", "■ 1月9日，平利县在…")
# a column's heading: 简讯, 经济简讯, 民生快讯, "简　讯" (spaces between its characters)
_COLUMN = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:简讯|快讯|短讯|速递|速览)$")
_LABELLED = re.compile(r"^[^，。：:]{1,16}[：:]")  # "■链接：…", "■记者手记：…": an article's sidebar, no brief


def is_brief(text: str) -> bool:
    """Whether a paragraph opens with a brief's mark ("●本报岑溪讯…")."""
    return text[:1] in BRIEF_MARKS


def is_brief_column(heading: str | None) -> bool:
    """Whether a heading names a column of briefs ("经济简讯", "简　讯")."""
    return bool(heading) and _COLUMN.match(re.sub(r"[\s\u3000]", "", heading)) is not None


def brief_setting(text: str, setting: str | None, paper_place: str | None) -> str | None:
    """The setting of one brief: the places its dateline and first sentence name ("●本报岑溪讯　去年全市…":
    岑溪), else its paper's place, else the setting it was given. A labelled sidebar ("■链接：…") keeps the
    setting of its article."""
    text = text.lstrip(BRIEF_MARKS + " \u3000")
    if _LABELLED.match(text):
        return setting
    places = [p for p in article_setting(None, text) if not p.endswith("年")]
    return " ".join(places) if places else paper_place or setting
