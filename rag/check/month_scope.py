"""One month against the months up to it (switch ``month_scope``): "11月当月，全市空气质量优良天数比例为80%" tells November
alone; "1至11月，…优良天数比例为87.6%" January to November; and the one does not tell the other.

Monthly reports give both side by side, the running total and the month just ended, with the same measure words; and
``periods_in`` reads "1至11月" and "11月当月" alike as the month "M11" (a month of the article figure's sentence is no
conflict in the scoring: it is as often the date of an event as the period of a figure). So a claim of the eleven months
was 一致 with the one month's figure, and a claim of the one month with the eleven months'; a claim of 全年 with the
figure of 12月当月 or of 1—11月.

The scope is read here on the words before each figure in its own sentence, the last one said before the figure:
- a span from January, "1至11月", "1—11月份", "一至十一月", "前11个月", and 全年 (to 12), 前三季度 (9), 上半年 (6), 一季度 (3);
- one month, "11月当月", "11月份当月", "11月单月", or a month said alone ("今年11月，…", "11月份，…"), not a day ("12月5日"),
  an end or a start ("11月底", "11月以来", "11月中旬"), nor a month a span or an as-of ends at ("1至11月", "截至11月").
Only when both the claim's and the article figure's sentences say a scope, one of them one month, and they differ (one
month against the months up to it, or another month), does the article figure not hold the claim's period: no 一致 from it.
Two spans to different months (前三季度 against 全年) are left as before: taken out of the scoring, the other span's figure
let a far figure of another sentence contradict a claim the article does not give (a fresh13 dev claim, 2024年前三季度…).
"""
from __future__ import annotations

import re

from .ablation import ingredient_on
from .as_of import MONTH_NUMERALS, words_before

_MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_SPAN = re.compile(rf"(?<![\d.])(?:1|一)月?(?:份)?\s*(?:至|到|—|－|-|~|～)\s*(?P<span>{_MONTH})月(?:份)?"
                   rf"|前(?P<first>{_MONTH})个月|(?P<year>全年)|(?P<q13>前三季度)|(?P<h1>上半年)|(?<![第二三四])(?P<q1>一季度|第一季度)")
# one month: "11月当月", "11月份当月", or a month alone, not a day, an end, a start or part of a month, nor the end of a span
_ONE = re.compile(rf"(?<![\d.至到—－\-~～])(?<!截至)(?<!截止)(?P<one>{_MONTH})月(?:份)?(?P<alone>当月|单月)?"
                  rf"(?![份\d日号底末初中上下以起前后至到—－\-~～〇零一二三四五六七八九十])")
_QUARTER_ENDS = {"year": 12, "q13": 9, "h1": 6, "q1": 3}


def _month(written: str) -> int:
    return int(written) if written.isdigit() else MONTH_NUMERALS[written]


def month_scope(before: str) -> tuple[str, int] | None:
    """The last scope of months said in ``before`` (the words before a figure in its sentence): ("span", 11) for "1至11月",
    "前11个月"; ("span", 12) for 全年; ("one", 11) for "11月当月" or "今年11月，"; None where it says none."""
    found: list[tuple[int, tuple[str, int]]] = []
    spans = []
    for m in _SPAN.finditer(before):
        spans.append((m.start(), m.end()))
        if m.group("span"):
            found.append((m.end(), ("span", _month(m.group("span")))))
        elif m.group("first"):
            found.append((m.end(), ("span", _month(m.group("first")))))
        else:
            kind = next(k for k in _QUARTER_ENDS if m.group(k))
            found.append((m.end(), ("span", _QUARTER_ENDS[kind])))
    for m in _ONE.finditer(before):
        if any(s <= m.start() < e for s, e in spans):
            continue  # the month a span ends at ("1至11月")
        found.append((m.end(), ("one", _month(m.group("one")))))
    return max(found)[1] if found else None


def other_month_scope(claim, candidate) -> bool:
    """Whether the claim (a ``Claim``) tells its figure of one month, or of the months up to one, and the article figure's
    sentence (a ``Candidate``'s) of another scope, one of the two a month alone: "1至11月…80%" is not told by "11月当月，…80%"."""
    if not ingredient_on("month_scope") or claim.kind != "figure" or claim.figure is None:
        return False
    claim_before, article_before = words_before(claim, candidate)
    ours = month_scope(claim_before)
    if ours is None:
        return False
    theirs = month_scope(article_before)
    return theirs is not None and theirs != ours and "one" in (theirs[0], ours[0])
