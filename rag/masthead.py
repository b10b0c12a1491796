"""A newspaper page's masthead line: the paper and the issue date every article on the page is of.

A page lifted from a newspaper may open with its running head, "天水日报　2025年5月8日　星期四　第三版
文旅·交通" or "2026年1月14日 星期三　第三版　产业·经济　责任编辑：罗小平": the paper's name, the issue
date, the weekday, the page and its section. The reports under it say 今年, 去年, "12月28日" and 全市
of that date and of the paper's city; ``rag.ingest`` gives the issue date to the articles that carry
no date of their own, and ``rag.setting`` gives the paper's place to those that name no place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DATE = r"(?P<year>(?:19|20)\d\d)年(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
_PAPER = r"(?P<paper>[\u4e00-\u9fff]{2,8}?(?:日报|晚报|早报|都市报|时报|商报|报))"
_WEEKDAY = r"(?:星期|周)[一二三四五六日天]"
_PAGE = r"第[\d一二三四五六七八九十]{1,3}版"
# the paper's name, the date, then a weekday or a page number (a body line may start with a date, none
# goes on with 星期四 or 第三版 right after it); a section name and an editor's name may follow
MASTHEAD = re.compile(
    rf"^(?:{_PAPER}[\s　]*)?{_DATE}[\s　]*(?:(?P<weekday>{_WEEKDAY})[\s　]*)?(?P<page>{_PAGE})?[^。！？；，,;]{{0,30}}$"
)
# a paper whose name starts with the place it is of writes that place, somewhere on its page, with a level
_LEVELS = ("省", "自治区", "市", "州", "盟", "地区", "县", "区", "旗")


@dataclass(frozen=True)
class Masthead:
    date: str  # ISO date of the issue
    paper: str | None  # "天水日报"; None when the line does not name it


def read_masthead(line: str) -> Masthead | None:
    """The masthead a single printed line is, or None. A line counts when it holds a date and either the
    paper's name or a weekday or page after the date (not a body sentence opening with a date)."""
    match = MASTHEAD.match(line.strip())
    if match is None or not (match.group("paper") or match.group("weekday") or match.group("page")):
        return None
    year, month, day = (int(match.group(k)) for k in ("year", "month", "day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Masthead(f"{year:04d}-{month:02d}-{day:02d}", match.group("paper"))


def paper_place(paper: str | None, page_text: str) -> str | None:
    """The place a local paper is of, as its page writes it ("天水日报" → 天水市 when the page says 天水市),
    or None: a paper whose name is no place the page names with a level (人民日报, 经济日报) is of none."""
    if not paper:
        return None
    stem = re.sub(r"(?:日报|晚报|早报|都市报|时报|商报|报)$", "", paper)
    if len(stem) < 2:
        return None
    for level in _LEVELS:
        if stem + level in page_text:
            return stem + level
    return None
