"""A month alone against the months up to it (switch ``month_alone``): "11月当月，孝感全社会用电量达到168.43亿千瓦时" is
November's figure, "1至11月，全市全社会用电量达到168.43亿千瓦时" that of January to November, and the one does not tell the
other; nor does "前10个月…" tell a claim of "10月份…".

``periods_in`` reads both as the month ("M11"), which is right for what it is used for (a claim's 11月 said around the
figure), so the difference is read here, on the words before each figure: the months a span ends ("1至11月", "1—11月",
"1月至11月", "前11个月", "前11月") and the months said alone ("11月当月", "11月份", "11月单月", a bare "11月，" not ending
a span, after no 截至/到/至/前 and before no 底/末/日/以来: "截至11月底" is as cumulative as "1至11月").
"""
from __future__ import annotations

import re

from .ablation import ingredient_on

_MONTH = r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_SPAN = re.compile(rf"(?<![\d.])(?:(?:1|一)月?\s*(?:至|到|—|－|-|~|～)\s*|前){_MONTH}(?:个)?月")
# a month said by itself: not the end of a span or a date, not 截至/到 it, not its end (底/末) or a day of it
_ALONE = re.compile(rf"(?<![\d.至到—－\-~～前止截个])(?<!截至){_MONTH}月份?(?:当月|单月)?(?![份当单底末初\d日号以中上下至到—－\-~～])")


def _number(written: str) -> int:
    return int(written) if written.isdigit() else _CN[written]


def span_months(text: str) -> set[int]:
    """The months that end a span of months in ``text``: "1至11月" → {11}, "前10个月" → {10}."""
    return {_number(m.group(1)) for m in _SPAN.finditer(text)}


def alone_months(text: str) -> set[int]:
    """The months ``text`` says by themselves: "11月当月" → {11}, "10月份" → {10}, "1至11月" → set()."""
    found = set()
    for match in _ALONE.finditer(text):
        number = _number(match.group(1))
        if number == 1 and _SPAN.match(text, match.start()):
            continue  # the 1月 opening "1月至11月"
        found.add(number)
    return found


def other_months(claim_before: str, article_before: str) -> bool:
    """Whether the claim's words before its figure say a month alone the article's words before its figure say only as the end
    of a span (or the other way round): another period, however alike the figure."""
    if not ingredient_on("month_alone"):
        return False
    claim_alone, claim_span = alone_months(claim_before), span_months(claim_before)
    article_alone, article_span = alone_months(article_before), span_months(article_before)
    return bool((claim_alone - claim_span) & (article_span - article_alone)
                or (claim_span - claim_alone) & (article_alone - article_span))


# what follows a month that says it is the month alone: "11月当月，" is a period, not a date claim of an event
MONTH_ALONE_MARK = re.compile(r"份?(?:当月|单月)")  # (matched at the month's end)
