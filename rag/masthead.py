"""A newspaper page's masthead line: the paper and the issue date every article on the page is of.

A page lifted from a newspaper may open with its running head, "天水日报　2025年5月8日　星期四　第三版
文旅·交通" or "2026年1月14日 星期三　第三版　产业·经济　责任编辑：罗小平": the paper's name, the issue
date, the weekday, the page and its section. The reports under it say 今年, 去年, "12月28日" and 全市
of that date and of the paper's city; ``rag.ingest`` gives the issue date to the articles that carry
no date of their own, and ``rag.setting`` gives the paper's place to those that name no place.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .ingest_switches import switched_off
from .places import LOCAL_LEVELS, dictionary_place, pos_cut


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
# the levels below a province (LOCAL_LEVELS) are told apart by a page's own reference words (全州, 该市, 我县):
# 大理日报's page writes both 大理市 and 大理州, and says 全州 of its whole area
_REFERENCE = {level: re.compile(rf"[全该本我]{level}" + ("(?!场)" if level == "市" else "(?!域)" if level == "区" else ""))
              for level in LOCAL_LEVELS}
_REFERENCES_FOR_LEVEL = 3  # how often a page says 全市/该市 before its paper's stem, written with no level, is read as that 市
# a line holding the paper's name alone, printed above the line of its date ("大理日报" / "2026年5月7日 星期四 第3版")
_PAPER_LINE = re.compile(rf"^{_PAPER}$")


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


def paper_line(line: str) -> str | None:
    """The paper's name when a printed line holds it alone ("大理日报"), the masthead printed over two lines."""
    match = _PAPER_LINE.match(line.strip())
    return match.group("paper") if match else None


def paper_place(paper: str | None, page_text: str, by_references: bool = True) -> str | None:
    """The place a local paper is of, as its page writes it ("天水日报" → 天水市 when the page says 天水市),
    or None: a paper whose name is no place the page names with a level (人民日报, 经济日报) is of none.
    ``by_references``: where the page writes its stem at two local levels (大理市 and 大理州) the paper is of
    the one its reference words say most (全州, 该州: 大理州), and a stem the page never writes with a level
    (张家口) is of the level its reference words say (全市: 张家口市)."""
    if not paper:
        return None
    stem = re.sub(r"(?:日报|晚报|早报|都市报|时报|商报|报)$", "", paper)
    if len(stem) < 2:
        return None
    written = [level for level in _LEVELS if stem + level in page_text]
    if not by_references:
        return stem + written[0] if written else None
    if written and written[0] not in LOCAL_LEVELS:
        return stem + written[0]  # a province's paper (江西日报: 江西省)
    said = Counter({level: len(_REFERENCE[level].findall(page_text)) for level in LOCAL_LEVELS})
    if written:
        return stem + max(written, key=lambda level: said[level])  # ties keep _LEVELS' order (max takes the first)
    level, times = said.most_common(1)[0]
    # the stem said on the page beyond its masthead (京能张家口热电公司), and its level said again and again: a
    # national paper's stem (人民, 经济) given a level names no place anyone asks about
    if times >= _REFERENCES_FOR_LEVEL and (page_text.count(stem) >= 2 or _place_word(stem, level)):
        return stem + level
    return None


def _place_word(stem: str, level: str) -> bool:
    """Whether jieba reads a paper's stem as one place word (黄南, 临夏) and its dictionary holds the stem at the level the
    page's reference words say, written short (临夏州) or in full as an autonomous place (黄南藏族自治州): such a paper is
    of that place even where the page writes the stem only in its masthead (黄南报's page says 全州 throughout and 黄南
    nowhere else). A national paper's stem is a common word (人民, 经济, 光明), and a region's (皖西日报, of 六安市) is a
    place word with no 皖西市: both still need the page to say the stem again.
    ``RAG_INGEST_ABLATE=paper_place_word`` switches this off."""
    return not switched_off("paper_place_word") and pos_cut(stem) == ((stem, "ns"),) and dictionary_place(stem + level)
