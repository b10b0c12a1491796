"""Whose figure it is: each article figure bound to its own place, period and list position, before 一致 or 不一致.

A figure of an article sentence is told of the subject its sentence gives it, not of every name the paragraph says. A claim
found 一致 on a figure bound to another place or period is not said by the article (the worst error of a fact-checker is a
wrong figure marked 一致); a claim found 不一致 on such a figure is not either: the article states that measure for another
subject only, so the claim is 未找到, not 不一致. The binding, read from the article text alone:

- ``bind_place`` — **the nearest place before it**: the last place with a place suffix (区, 县, 市, …) named in the figure's
  sentence before it ("南岗区冰雪季…实现旅游收入295.1亿元" is 南岗区's); where none is, a 全区 / 全州 before it in its
  sentence is the last place of that kind named before it in the paragraph ("蓬莱区是…。…全区…146万千瓦" is 蓬莱区's) —
  one named as a neighbour or for comparison ("毗邻城东区", "比城东区") left out — or the paragraph's subject, its first place,
  and where the paragraph names none, a whole of another kind than the claim's place ("全州新建的8所" is not 康乐县's).
  A claim place said earlier in the sentence with another place named after it, a clause apart, before the figure, is
  that other place's ("对拉丁美洲进出口…；…对非洲进出口…，增长15.3%").
- ``bind_period`` — **the holiday or season before it** in its sentence ("元旦假期…412.6万人次。春节假期…183.5亿元"; "冰雪季
  共…完成旅客吞吐量…"; "国庆黄金周" is 国庆's, a bare 黄金周 / 小长假 any holiday's), and **from A to B**: "由2020年的93.4%提高到96.2%"
  binds 93.4% to 2020 and 96.2% to the later time (which a claim's "2020年以来" / "自2020年" span includes).
- ``bind_list`` — **its position in a 分别 list**: "甲、乙和丙分别为146万千瓦、96万千瓦和70万千瓦" pairs the names in order with
  the figures; a claim naming one of the names is told only by its own figure.

Only figure claims found 一致, or 不一致 on a value, are reread (``RAG_CHECK_ABLATE=binding`` switches all off, each part by
its own name too).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .ablation import ingredient_on
from .candidates import _common_noun, _level
from .subject import PROVINCE_ABBREVIATIONS, province_core
from .claims import PLACE_SUFFIX, places_in
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim

if TYPE_CHECKING:
    from ..schema import Paragraph
    from .candidates import ContextOf
    from .verify import Verdict

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:\n]")
_SEPARATE = re.compile(r"[，,；;、和及与：:]")
# a place pointed back to, no new one: "镇里投资860万元", "县上", "当地"
_BACK = re.compile(r"[省市县区州镇乡村旗][里上内]|当地|本地|这里|此地")
_WHOLE = re.compile(r"全(省|市|县|区|州|盟|旗|镇|乡)")
# holidays and seasons a figure is told of (a closed class of the calendar, not of any article)
_HOLIDAY = re.compile(r"(元旦|春节|清明|五一|劳动节|端午|中秋|国庆)(?:黄金周|小长假|长假|假期)?"
                      r"|暑期|暑假|寒假|黄金周|小长假|冰雪季|旅游季|雪季|雨季|旺季|淡季|赛季|汛期")
# a break of any named holiday: "国庆黄金周" is 国庆's, a bare "黄金周" may be any of them
_GENERIC_BREAK = ("黄金周", "小长假")
_SAME_HOLIDAY = {"劳动节": "五一"}
_YEAR = r"(?:19|20)\d\d年"
# "由2020年的93.4%提高到96.2%": the figure after 提高到 is the later one
_TO_LATER = re.compile(r"(?:提高|提升|增加|增长|上升|下降|减少|降低|扩大|缩小|达|升|降)(?:到|至)$")
_FROM_YEAR = re.compile(rf"[由从]({_YEAR})")
# "2020年以来", "自2020年", "2020年起": a span opening then, not the year itself
_SINCE_YEAR = re.compile(rf"({_YEAR})(?:以来|起|至今|开始)|自从?({_YEAR})")
# a place named as a neighbour or for comparison, not the paragraph's subject: "毗邻城东区", "与城东区相邻", "比城东区"
_NEIGHBOUR_BEFORE = re.compile(r"(?:毗邻|紧邻|邻近|相邻|接壤|比|较|和|与|同|及)$")
_NEIGHBOUR_AFTER = re.compile(r"^(?:相邻|接壤|毗邻|交界|相比|比较)")
_OWN_YEAR = re.compile(rf"[由从]({_YEAR})的?$")
_RESPECTIVELY = "分别"
_ITEM_SPLIT = re.compile(r"[、和及与]")
_FIGURE_LIKE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?[^\d、，,；;。和及与]{0,4}")


def _verdict(kind: str, **fields) -> "Verdict":
    from .verify import Verdict  # (verify imports this module)
    return Verdict(kind, **fields)


def _kind(place: str) -> str:
    """What kind of place: 省 for a province however written ("贵州", "广西壮族自治区"), else its suffix, a two-character
    name ending in 州 left unknown ("杭州" is a city; "临夏州" a prefecture)."""
    if province_core(place) in PROVINCE_ABBREVIATIONS:
        return "省"
    kind = _level(place)
    return "" if kind == "州" and len(place) < 3 else kind


def _suffixed(place: str) -> bool:
    """Written with its own suffix ("蓬莱区", "临夏州", "福建省"): a province named bare ("福建鸿步鞋业", "天津康颐…公司")
    often opens a company's name."""
    kind = _kind(place)
    return bool(kind) and (kind != "省" or place.endswith(("省", "自治区")))


_RANK = {"省": 5, "州": 4, "盟": 4, "市": 4, "县": 3, "区": 3, "旗": 3, "镇": 2, "乡": 2, "街道": 2, "村": 1}


def _stem(place: str) -> str:
    return PLACE_SUFFIX.sub("", place) or place


def _same_place(a: str, b: str) -> bool:
    sa, sb = _stem(a), _stem(b)
    return sa in b or sb in a or a in b or b in a


def _no_place(place: str) -> bool:
    """A word read as a place that names none of its own: a scope or every one of a kind ("全区", "各县区", "该县"), a
    cut-off name's end ("…彝族自治县"), a pointer back ("镇里"), a kind of place ("古镇", "建成区")."""
    return (place.startswith(("全", "各", "本", "该", "自治")) or _BACK.fullmatch(place) is not None
            or (len(place) < 3 and bool(_level(place)) and _kind(place) != "省") or (bool(_level(place)) and _common_noun(place)))


def _placed(text: str) -> list[tuple[int, str]]:
    """The places named in ``text`` with where each is last said, in order (those that name none left out)."""
    out = []
    for place in places_in(text):
        if _no_place(place):
            continue
        at = text.rfind(place)
        if at >= 0 and text[at - 1:at] != "全":  # "全苏木" is a scope
            out.append((at, place))
    return sorted(out)


def _parallel(text: str, j: int, ours: str, i: int, other: str) -> bool:
    """The two places stand in the same frame ("对拉丁美洲进出口…；对非洲进出口…"): the same two characters after both,
    or the same character before both (not a mark)."""
    after = text[j + len(ours):j + len(ours) + 2]
    if len(after) == 2 and after == text[i + len(other):i + len(other) + 2]:
        return True
    return j > 0 and i > 0 and text[j - 1] == text[i - 1] and not _SEPARATE.search(text[j - 1])


def _figure_at(verdict: "Verdict") -> tuple["Paragraph", int, int] | None:
    """The paragraph and offsets of the article figure the verdict rests on."""
    if not verdict.evidence or not verdict.found:
        return None
    paragraph, span_start, span_end = verdict.evidence[0]
    text = paragraph.text
    found = verdict.found
    at = text.find(found, span_start)
    while at < 0 and len(found) > 1:  # "增长15.3%" for a direction claim: the figure is its end
        found = found[1:]
        at = text.find(found, span_start)
    if at < 0 or at > span_end:
        return None
    return paragraph, at, at + len(found)


def _sentence_start(text: str, at: int) -> int:
    """Where the figure's sentence opens: after the last 。！？ or line break before it (clauses after "；" are the same
    sentence's: "对拉丁美洲进出口…；对非洲进出口…，增长15.3%")."""
    return max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)


def _claim_before(claim: Claim) -> str:
    """The claim sentence before its figure."""
    return claim.sentence[:max(0, claim.stated_start - claim.sentence_start)]


# --------------------------------------------------------------------------- the parts


def _whole_of(text: str, kind: str) -> list[str]:
    """The places of ``kind`` a 全区 / 全州 after ``text`` may stand for: the paragraph's subject (its first place, if of
    that kind) and the last of that kind named before, places named as a neighbour or for comparison ("毗邻城东区",
    "与城东区相邻", "比城东区") left out; all of that kind if every one is such a neighbour."""
    placed = _placed(text)
    of_kind = [(i, p) for i, p in placed if _kind(p) == kind]
    own = [(i, p) for i, p in of_kind
           if not _NEIGHBOUR_BEFORE.search(text[max(0, i - 2):i]) and not _NEIGHBOUR_AFTER.search(text[i + len(p):])]
    out = [p for _, p in (own or of_kind)[-1:]]
    if placed and _kind(placed[0][1]) == kind and placed[0][1] not in out and (placed[0] in own or not own):
        out.insert(0, placed[0][1])
    return out


def bind_place(claim: Claim, text: str, s_start: int, at: int) -> str | None:
    """The place the figure at ``at`` is bound to where it is not one of the claim's places (else None)."""
    ours = [p for p in claim.places if not _no_place(p)]
    if not ours:
        return None
    before = text[s_start:at]
    named = _placed(before)
    suffixed = [(i, p) for i, p in named if _suffixed(p)]
    if suffixed and any(_suffixed(p) for p in ours):
        i, last = suffixed[-1]
        whole = [m for m in _WHOLE.finditer(before) if m.start() > i + len(last)]
        # (a claim place the sentence names before the figure is told by the parallel frame below; a 分别 list pairs
        # its names in order: "城中区和城东区分别新增就业2047人和1800人")
        if (not whole and not any(_same_place(last, p) for p in ours) and not any(_stem(p) in before for p in ours)
                and _RESPECTIVELY not in before[i:]):
            return last
    if named:
        # a claim place said earlier in the sentence, another place named nearer the figure, a clause apart
        i, last = named[-1]
        if not any(_same_place(last, p) for p in ours):
            for p in ours:
                j = before.find(p)
                if 0 <= j < i and _SEPARATE.search(before[j + len(p):i]) and _parallel(before, j, p, i, last):
                    return last
        # a place without a suffix in the figure's own clause ("2025年，长岛综试区水产品产量26.8万吨"), where the sentence says
        # none of the claim's places before the figure
        clause = max((m.end() for m in _CLAUSE_MARK.finditer(before)), default=0)
        if (i >= clause and not _kind(last) and any(_suffixed(p) for p in ours) and not any(p in before for p in ours)
                and not any(_same_place(last, p) for p in claim.places)):
            return last
        if suffixed:
            return None
    whole = list(_WHOLE.finditer(before))
    if not whole or named:
        return None
    kind = whole[-1].group(1)
    earlier = _whole_of(text[:s_start], kind)
    if earlier:
        return None if any(_same_place(e, p) for e in earlier for p in ours) else earlier[-1]
    # the whole of a larger kind than the claim's place ("全州新建的8所" for 康乐县): the figure is not the part's
    ranks = {_RANK.get(_kind(p), 0) for p in ours} - {0}
    if ranks and _RANK.get(kind, 0) > max(ranks) and not any(_kind(p) == kind for p in claim.places):
        return whole[-1].group()
    return None


def _holidays(text: str) -> list[str]:
    """The holidays and seasons named in ``text``, in order, each by its own name ("国庆黄金周" 国庆, "劳动节" 五一)."""
    return [_SAME_HOLIDAY.get(m.group(1) or m.group(), m.group(1) or m.group()) for m in _HOLIDAY.finditer(text)]


def bind_period(claim: Claim, text: str, s_start: int, at: int) -> str | None:
    """The holiday, season or year the figure is bound to where the claim's before its figure is another (else None)."""
    before = text[s_start:at]
    ours_before = _claim_before(claim)
    ours, theirs = _holidays(ours_before), _holidays(before)
    if ours and theirs and theirs[-1] not in ours and not (set(ours) & set(_GENERIC_BREAK) or theirs[-1] in _GENERIC_BREAK):
        return theirs[-1]
    since = {y for m in _SINCE_YEAR.finditer(ours_before) for y in m.groups() if y}
    years = set(re.findall(_YEAR, ours_before))
    if years:
        # the claim's own "由…提高到…" or "2020年以来…提高到…" says it
        if _TO_LATER.search(before) and not _FROM_YEAR.search(ours_before) and not years <= since:
            start = _FROM_YEAR.search(before[-30:])
            if start and start.group(1) in years and len(set(re.findall(_YEAR, before))) == 1:
                return f"{start.group(1)}以后"
        own = _OWN_YEAR.search(before)
        if own and own.group(1) not in years:
            return own.group(1)
    return None


def bind_list(claim: Claim, text: str, s_start: int, at: int) -> str | None:
    """The name of the 分别 list the figure is paired with, where the claim names another of the list (else None)."""
    before = text[s_start:at]
    r = before.rfind(_RESPECTIVELY)
    if r < 0 or _CLAUSE_MARK.search(before[r:]):
        return None
    start = max((m.end() for m in _CLAUSE_MARK.finditer(before[:r])), default=0)
    items = [i.strip() for i in _ITEM_SPLIT.split(before[start:r]) if i.strip()]
    if len(items) < 2:
        return None
    # the figure's position among the figures after 分别
    figures_before = [m for m in re.finditer(r"\d+(?:\.\d+)?", before[r:]) if not before[r:][m.end():m.end() + 1] in "."]
    position = len(figures_before)
    if position >= len(items):
        return None
    mine = items[position]

    def said(item: str) -> bool:
        return any(item[:n] in claim.text for n in range(len(item), 1, -1))
    if said(mine):
        return None
    others = [item for k, item in enumerate(items) if k != position and said(item)]
    return mine if others else None


_PARTS = (("bind_place", bind_place, "地点"), ("bind_period", bind_period, "时期"), ("bind_list", bind_list, "对象"))


def rebind(claim: Claim, verdict: "Verdict", context_of: "ContextOf") -> "Verdict":
    """``verdict`` unless it is a 一致, or a 不一致 on a value, of a figure claim resting on a figure the article binds to
    another place, period or list item (then 未找到, the paragraph cited)."""
    if claim.kind != "figure" or not ingredient_on("binding"):
        return verdict
    if verdict.verdict != SUPPORTED and not (verdict.verdict == CONTRADICTED and verdict.differs in ("数值", "方向", "单位")):
        return verdict
    where = _figure_at(verdict)
    if where is None:
        return verdict
    paragraph, at, end = where
    text = paragraph.text
    s_start = _sentence_start(text, at)
    for switch, part, what in _PARTS:
        if not ingredient_on(switch):
            continue
        other = part(claim, text, s_start, at)
        if other is not None:
            return _verdict(NOT_FOUND, reason=f"资料里的“{text[at:end]}”说的是{other}，不是所述{what}的数字。", related=(paragraph,))
    return verdict
