"""Two parts of one whole asked with the period or place said before one part only: "中卫前11个月出口比进口多多少",
"哈密去年出口和进口哪个增长得更快". The question says the period and place once, before the first part, so the two
side questions do not share them and what tells the sides apart (``stated_sides.side_cores``) keeps them on one side:
"中卫前11个月出口" against "前11个月进口". They date and place the whole both parts break down, as the article's
sentence does once ("前11个月，全市实现外贸进出口总额28.7亿元…其中，出口19.2亿元，增长18.9%；进口9.5亿元"), so
``paired_parts.part_words`` reads the part word after them (出口, 进口); ``paired_parts`` still checks the sentence's
paragraph names that place and is of that period.

And a growth rate asked of two such parts ("哪个增长得更快") is read from the rate the breakdown gives right after each
part's amount ("出口28.9亿元，同比增长6.5%；进口67.8亿元，同比增长24.3%"): the amounts alone answer no rate.
And one part word carrying the whole's qualifier while the other is bare ("全市外贸出口和进口哪个更多") is read bare
(``whole_qualified``), the breakdown's paragraph saying that qualifier of the whole ("全市外贸进出口总额…其中，出口…").

Switches: ``dated_parts`` (the part words after a period), ``whole_qualifier`` (the qualifier left to the whole),
``part_rates`` (the rates, read in ``answer``).
"""
from __future__ import annotations

import re

from ...setting import places_named
from ..question import pos_cut
from ..settings import ablated
from .anchors import PERIOD, is_time_word

# a scope word standing for the place (全市, 我市, 本县) and 的 after a place or period
_SCOPE = re.compile(r"[全我本该][省市县区州旗盟]|的")
# a run of months from January said by its count (前11个月, 前十个月), which ``PERIOD`` leaves out
_FIRST_MONTHS = re.compile(r"前(?:\d{1,2}|[一二两三四五六七八九十]{1,2})个?月")


def dated_before(words: list[str]) -> bool:
    """Whether the words before a side's part word are only periods (去年, 前11个月, 2025年1—11月), places the tagger
    knows (中卫, 哈密), scope words (全市) and 的, with at least one period among them; False when the switch is off."""
    if ablated("dated_parts") or not words:
        return False
    rest = PERIOD.sub(" ", _FIRST_MONTHS.sub(" ", "".join(words)))
    if rest == "".join(words):  # no period: ``paired_parts`` reads a place alone already
        return False
    for piece in rest.split():
        for word, flag in pos_cut(piece):
            if _SCOPE.fullmatch(word) or is_time_word(word, flag):
                continue
            if flag.startswith("ns") or places_named(word):
                continue
            return False
    return True


def whole_qualified(words: tuple[str, str]) -> tuple[tuple[str, str], str]:
    """Two part words where one carries the whole's qualifier before it and the other is bare: "外贸出口" against "进口"
    ("全市外贸出口和进口哪个更多"). The article says the qualifier once, of the whole ("全市外贸进出口总额14.3亿元…其中，
    出口6.1亿元…；进口8.2亿元"), so the parts are read bare: ((出口, 进口), "外贸"), the qualifier to be said by the
    breakdown's sentence or the words before it. ``words`` and "" when the words are not so (the same length, the
    tails unlike: 农村居民 against 城镇居民, 小麦 against 玉米) or the switch ``whole_qualifier`` is off."""
    if ablated("whole_qualifier"):
        return words, ""
    for side in (0, 1):
        word, other = words[side], words[1 - side]
        tail, qualifier = word[-len(other):], word[:-len(other)]
        if len(qualifier) < 2 or tail == other or tail[-1] != other[-1] or places_named(qualifier) \
                or PERIOD.search(qualifier):
            continue
        if [w for w, _ in pos_cut(tail)] != [tail]:
            continue
        return ((tail, other) if side == 0 else (other, tail)), qualifier
    return words, ""
