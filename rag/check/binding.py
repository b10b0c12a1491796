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
- ``bind_report_year`` — **the year of a bare part of the year**: "一季度" with no year before it in its paragraph is of its report's
  year (``Paragraph.date``: once the part has ended by the report's date; the year before when it has not begun) or of the year a
  "今年"/"去年" before it names, so "2024年一季度…" is not told by it in a report of May 2025.
- ``bind_whole_year`` — **a whole year tells no part of it**: a claim of a holiday or a part of the year ("五一假期…", "上半年…") is not
  told by a figure its sentence gives a year and no part ("2024年…完成旅客吞吐量38.6万人次"), but by the part's figure later in that
  sentence where there is one ("…；今年计划再建2000张，上半年已完成1120张").
- ``bind_list`` — **its position in a 分别 list**: "甲、乙和丙分别为146万千瓦、96万千瓦和70万千瓦" pairs the names in order with
  the figures; a claim naming one of the names is told only by its own figure.

- ``bind_role`` — **from or to**: a claim's "提高到每人每月148元" is told by the to-value of "由每人每月148元提高到168元",
  not by its from-value (→ 不一致 with 168元).
- ``bind_subject`` — **the claim's subject's own figure**: where the paragraph gives the claim's subject (a run of its words
  holding one of its names) its own figure of the claim's unit after the claim's words ("陶溪川文创街区5天接待游客47.6万
  人次"), a figure of a list's total or of other names ("甲、乙、丙机场…累计完成…138.6万人次") tells the claim not: the own
  figure does (一致 or 不一致). ``bind_list`` likewise tells the claim by its own item's figure where the claim names one.
- Whose place: the claim's opening place ("天元区聚集了…", switch ``opening_place``) where the place reading missed it; a
  "该村" pointing back is the last 村 named before (``pointer_place``, a place written after a larger one's suffix too:
  "攀莲镇贤家村"); a 全市 that neither opens a clause nor stands in the figure's own clause is no subject
  (``whole_as_subject``: "东平区作为全市…的核心承载区，聚集…" is 东平区's); a 分别 item named with a scope or followed by 等
  ("全市带鱼", "鲳鱼等主要经济鱼类…") is its name (``list_items``).

Only figure claims found 一致, or 不一致 on a value, are reread (``RAG_CHECK_ABLATE=binding`` switches all off, each part by
its own name too).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..calendar_words import GENERIC_BREAKS, HOLIDAYS, OTHER_SEASONS, SEASONS, words
from .ablation import ingredient_on
from .candidates import _common_noun, _level
from .change import CLAIM_TO, ENDED_BY, FROM_BEFORE, FROM_YEAR, OWN_YEAR, TO_AFTER, YEAR
from .subject import PROVINCE_ABBREVIATIONS, names_in, province_core
from .claims import PART_NAMES, PLACE_SUFFIX, periods_in, places_in
from .figures import find_figures
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
# a place pointed back to by its kind: "该村去年有37户…" is the last 村 named before
_POINTER = re.compile(r"(?:该|这个|此)(省|市|县|区|州|盟|旗|镇|乡|村)")
# holidays and seasons a figure is told of (a closed class of the calendar, not of any article)
_HOLIDAY = re.compile(f"({'|'.join(words(HOLIDAYS))})(?:黄金周|小长假|长假|假期)?"
                      f"|{'|'.join(words(SEASONS) + GENERIC_BREAKS + OTHER_SEASONS)}")
_SAME_HOLIDAY = {word: family for family, said in HOLIDAYS for word in said if word != family}  # 劳动节 is 五一
# "2020年以来", "自2020年", "2020年起": a span opening then, not the year itself
SINCE_YEAR = re.compile(rf"({YEAR})(?:以来|起|至今|开始)|自从?({YEAR})")
# a place named as a neighbour or for comparison, not the paragraph's subject: "毗邻城东区", "与城东区相邻", "比城东区"
_NEIGHBOUR_BEFORE = re.compile(r"(?:毗邻|紧邻|邻近|相邻|接壤|比|较|和|与|同|及)$")
_NEIGHBOUR_AFTER = re.compile(r"^(?:相邻|接壤|毗邻|交界|相比|比较)")
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


# the place a claim sentence opens with, its subject ("天元区聚集了…", "迤沙拉村的旅居民宿…"), which a cut of the words may miss
_OPENING_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:区|县|市|州|旗|镇|乡|村))")
_NOT_A_NAME = re.compile(r"[一二三四五六七八九十百千万全首各该本每季度年月日个家所城农今去上下前后这那]")
# kinds of area, no place's name ("核心区", "保护区", "景区")
_AREA = re.compile(r"(?:城|景|园|街|社|新|片|辖|矿|山|牧|市|郊|校|库|老|湾|港|保护|开发|建成|示范|功能|核心|承载|试验|集聚|产业)区$")
# a smaller place written right after a larger one's suffix: "攀莲镇贤家村" (the place reading may miss it)
_CHAINED = r"(?<=[省市县区州旗镇乡])[\u4e00-\u9fff]{{2,4}}?{kind}(?![民委务])"


def own_places(claim: Claim) -> list[str]:
    """The claim's places that name one of their own, its opening place added where the place reading missed it or cut
    its first character ("迤沙拉村" read as "沙拉村")."""
    ours = [p for p in claim.places if not _no_place(p)]
    if not ingredient_on("opening_place"):
        return ours
    opening = _OPENING_PLACE.match(claim.sentence.lstrip())
    if opening is not None:
        name = opening.group(1)
        if (not _NOT_A_NAME.search(name[:-1]) and not _AREA.search(name) and not (_no_place(name) and not _common_noun(name))
                and not any(name in p for p in ours)):
            ours = [p for p in ours if p not in name] + [name]
    return ours


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
    ours = own_places(claim)
    if not ours:
        return None
    before = text[s_start:at]
    named = _placed(before)
    suffixed = [(i, p) for i, p in named if _suffixed(p)]
    if suffixed and any(_suffixed(p) for p in ours):
        i, last = suffixed[-1]
        whole = [m for m in _WHOLE.finditer(before) if m.start() > i + len(last)]
        if ingredient_on("whole_as_subject"):  # "东平区作为全市…的核心区，聚集…": a 全市 qualifying a noun is no subject
            clause = max((m.end() for m in _CLAUSE_MARK.finditer(before)), default=0)
            whole = [m for m in whole if m.start() >= clause or _CLAUSE_MARK.match(before, m.start() - 1)]
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
    pointer = list(_POINTER.finditer(before)) if ingredient_on("pointer_place") else []
    if pointer and not named and (not whole or pointer[-1].start() > whole[-1].start()):
        kind = pointer[-1].group(1)
        said = text[:s_start]
        earlier = [p for _, p in sorted(_placed(said) + [(m.start(), m.group()) for m in re.finditer(_CHAINED.format(kind=kind), said)])
                   if _kind(p) == kind]
        if earlier and not any(_same_place(earlier[-1], p) for p in ours):
            return earlier[-1]
        return None
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


def bind_whole(claim: Claim, text: str, s_start: int, at: int, lead: str) -> str | None:
    """The article's own whole: a 全市 / 全县 opening the figure's sentence, where neither that sentence before the figure nor its
    paragraph before it names a place of that kind, is the article's place of that kind, the first its title and lead (``lead``,
    the article before the paragraph) name ("襄阳市…" then "全市…接待游客1562.3万人次"); a claim of another place of that kind or a
    smaller one ("宜城市", a county-level city of 襄阳) is not told by it (returned: that place)."""
    ours = [p for p in own_places(claim) if _suffixed(p)]
    before = text[s_start:at]
    whole = _WHOLE.search(before)
    if not ours or whole is None or _placed(before) or _placed(text[:s_start]) and _whole_of(text[:s_start], whole.group(1)):
        return None
    kind = whole.group(1)
    if any(m.group(1) == kind for m in _WHOLE.finditer(_claim_before(claim))):
        return None  # the claim speaks of the whole itself ("全区…出口额")
    if any(_kind(p) == kind and _same_place(p, q) for p in places_in(text[:at]) for q in ours):
        return None
    # (clause by clause: a place read across a line or a dateline, "本报讯丰林市", is cut at its start)
    first = next((p for clause in re.split(r"[，,；;。！？!?：:、\s]+", lead) for p in places_in(clause)
                  if _kind(p) == kind and not _no_place(p) and _suffixed(p)), None)
    if first is None:
        return None
    if any(_same_place(first, p) for p in ours) or not all(_RANK.get(_kind(p), 0) <= _RANK.get(kind, 0) for p in ours):
        return None
    return first


def _holidays(text: str) -> list[str]:
    """The holidays and seasons named in ``text``, in order, each by its own name ("国庆黄金周" 国庆, "劳动节" 五一)."""
    return [_SAME_HOLIDAY.get(m.group(1) or m.group(), m.group(1) or m.group()) for m in _HOLIDAY.finditer(text)]


def bind_period(claim: Claim, text: str, s_start: int, at: int) -> str | None:
    """The holiday, season or year the figure is bound to where the claim's before its figure is another (else None).

    Its 由A…到B reading rereads a figure a verdict already rests on, so it reads wider than the candidates' (across clause
    marks, 30 characters back for 由/从 and a year) but binds only where the sentence before the figure names that one year;
    it also binds the start figure to its own year ("由2020年的93.4%"). ``rag.check.change`` holds the words of every
    reading of a change and says how they differ."""
    before = text[s_start:at]
    ours_before = _claim_before(claim)
    ours, theirs = _holidays(ours_before), _holidays(before)
    if ours and theirs and theirs[-1] not in ours and not (set(ours) & set(GENERIC_BREAKS) or theirs[-1] in GENERIC_BREAKS):
        return theirs[-1]
    since = {y for m in SINCE_YEAR.finditer(ours_before) for y in m.groups() if y}
    years = set(re.findall(YEAR, ours_before))
    if years:
        # the claim's own "由…提高到…" or "2020年以来…提高到…" says it
        if ENDED_BY.search(before) and not FROM_YEAR.search(ours_before) and not years <= since:
            start = FROM_YEAR.search(before[-30:])
            if start and start.group(1) in years and len(set(re.findall(YEAR, before))) == 1:
                return f"{start.group(1)}以后"
        own = OWN_YEAR.search(before)
        if own and own.group(1) not in years:
            return own.group(1)
    return None


# the year before the one told of, named relative to it: "由去年的13.5分钟缩短到11.2分钟" (13.5分钟 is last year's)
_LAST_YEAR = r"(?:去年|上年|上一年)(?:同期|底|末|全年)?"
# the claim's own last year, not a base it compares with ("比去年多…") nor the start of its own change ("由去年的…")
_CLAIM_LAST_YEAR = re.compile(rf"(?<![比较与同和跟由从]){_LAST_YEAR}")
_FROM_LAST_YEAR = re.compile(rf"[由从]{_LAST_YEAR}的?")


def bind_from_period(claim: Claim, text: str, s_start: int, at: int) -> "tuple[str, int, int, str] | None":
    """The end of a change taken for the level of its start's period: "去年…平均到达现场时间为11.2分钟" against "由去年的13.5分钟
    缩短到11.2分钟" is told by 13.5分钟, last year's own figure (→ 不一致 on 时间; its offsets returned). Only where the claim gives
    its figure last year's and no change of its own."""
    if claim.figure is None:
        return None
    ours_before = _claim_before(claim)
    clause = ours_before[max((m.end() for m in _CLAUSE_MARK.finditer(ours_before)), default=0):]
    if not _CLAIM_LAST_YEAR.search(ours_before) or CLAIM_TO.search(ours_before) or re.search(r"[由从]", clause):
        return None
    before = text[max(s_start, at - 40):at]
    start = None
    for m in _FROM_LAST_YEAR.finditer(before):
        start = m
    if start is None:
        return None
    figures = [f for f in find_figures(before[start.end():]) if f.kind == "figure"]
    if not figures or figures[0].start != 0:
        return None
    between = before[start.end() + figures[0].end:]
    to = TO_AFTER.match(between)
    if to is None or to.end() != len(between):
        return None
    base = at - len(before) + start.end()
    return "去年的数值", base + figures[0].start, base + figures[0].end, "时间"


def _tells_claims_value(claim: Claim, text: str, at: int) -> bool:
    """Whether the article figure at ``at`` holds the claim's value (the guards read only what a 一致 rests on)."""
    from .compare import units_match, value_satisfies
    theirs = next((f for f in find_figures(text[at:at + 24]) if f.kind == "figure"), None)
    return theirs is not None and theirs.start == 0 and claim.figure is not None and units_match(claim.figure, theirs) \
        and value_satisfies(claim.figure, theirs)


# the start of a change told of its own period, right before the figure: "由上年的20.6%", "由2023年底的31.2%"
_START_OF = re.compile(r"[由从](?P<when>[^，,；;。：:由从]{1,12}?)的?$")


def bind_start_period(claim: Claim, text: str, s_start: int, at: int) -> "str | tuple[str, int, int, str] | None":
    """The start of a change taken for the level of the claim's own period (switch ``bind_start``): "去年…漏损率为10.8%" against
    "改造后，…漏损率由上年的10.8%下降到8.9%", "截至9月底，…比重为31.2%" against "由2023年底的31.2%提高到43.6%". The start is its
    own period's (上年, 2023年底) and the claim names another of its own and no change: the claim is told by the change's end
    where the paragraph before names the claim's period or none but the year's (→ 不一致 on 时间), else not by this figure (未找到)."""
    if claim.figure is None or re.search(r"[由从]", claim.sentence) or CLAIM_TO.search(_claim_before(claim)):
        return None
    if not _tells_claims_value(claim, text, at):
        return None
    ours = clause_periods(_claim_before(claim)) | set(claim.periods)
    start = _START_OF.search(text[max(s_start, at - 16):at])
    if not ours or start is None:
        return None
    theirs = clause_periods(start.group("when"))
    if not theirs or ours & theirs or any(f.kind == "figure" for f in find_figures(start.group("when"))):
        return None
    figures = [f for f in find_figures(text[at:at + 40]) if f.kind == "figure"]
    if len(figures) < 2 or figures[0].start != 0:
        return None
    to = TO_AFTER.match(text[at + figures[0].end:at + figures[1].start])
    if to is None or to.end() != figures[1].start - figures[0].end:
        return None
    told = clause_periods(text[:at - len(start.group())]) - {"全年", "当年"}
    if told and not ours <= told:
        return f"{start.group('when')}的数值"
    return "变化后的数值", at + figures[1].start, at + figures[1].end, "时间"


# a clause of a figure, items of a list apart: "其中国有博物馆13家、非国有博物馆8家"
_ITEM_MARK = re.compile(r"[，,；;。！？!?：:、\n]")
# 非 opening the complement of what follows it ("非居民", "非国有"), not of a word of its own ("并非", "除非", "非常", "是非")
_NOT = re.compile(r"(?<![并除莫是])非(?![常洲得])")
# how many opening characters of the complement's words name the claim's own part ("居民供热价格为…" in "居民供热价格仍为…")
_PART_KEY = 4


def _complement(ours: str, theirs: str) -> str | None:
    """The words one clause says after 非 and the other says without it ("居民供热价格" of "非居民供热价格…"), two characters or
    more, else None."""
    for negated, plain in ((theirs, ours), (ours, theirs)):
        for m in _NOT.finditer(negated):
            longest = None
            for end in range(m.end() + 2, len(negated) + 1):
                word = negated[m.end():end]
                if not re.fullmatch(r"[\u4e00-\u9fff]+", word) or not _said_plain(word, plain):
                    break
                longest = word
            if longest is not None:
                return longest
    return None


def _said_plain(word: str, text: str) -> bool:
    """``word`` said in ``text`` with no 非 right before it."""
    return any(not _NOT.match(text[max(0, m.start() - 1):m.start()]) for m in re.finditer(re.escape(word), text))


def _clauses(claim: Claim, text: str, s_start: int, at: int, mark: re.Pattern) -> Iterator[tuple[int, str, list]]:
    """The other clauses of the sentence of the figure at ``at`` (opening at ``s_start``, clauses cut at ``mark``) that hold a
    figure of the claim's unit, in order: (where the clause opens, its text, its figures of the claim's unit)."""
    end = _SENTENCE_END.search(text, at)
    s_end = end.start() if end else len(text)
    bounds = [s_start] + [m.end() for m in mark.finditer(text, s_start, s_end)] + [s_end]
    for a, b in zip(bounds, bounds[1:]):
        if a <= at < b:
            continue
        clause = text[a:b]
        figures = [f for f in find_figures(clause) if f.kind == "figure" and f.unit == claim.figure.unit]
        if figures:
            yield a, clause, figures


def bind_complement(claim: Claim, text: str, s_start: int, at: int) -> "str | tuple[str, int, int, str] | None":
    """A figure of the complement (switch ``complement``): the article figure's clause says 非 before words the claim's says
    without it, or the other way round ("居民供热价格为…36元" against "居民供热价格仍为…24元，非居民供热价格为…36元"; "非国有博物馆有
    13家" against "其中国有博物馆13家、非国有博物馆8家"). The figure is the other part's: the claim is told by the figure its
    sentence gives the claim's own part (of the claim's unit, its clause saying the words as the claim does), else not here."""
    if claim.figure is None or not _tells_claims_value(claim, text, at):
        return None
    ours = _claim_before(claim)
    ours = ours[max((m.end() for m in _ITEM_MARK.finditer(ours)), default=0):]
    c_start = max([s_start] + [m.end() for m in _ITEM_MARK.finditer(text, s_start, at)])
    word = _complement(ours, text[c_start:at])
    if word is None:
        return None
    negated = not _said_plain(word, ours)  # the claim's own part is 非 + word
    word = word[:_PART_KEY]
    for a, clause, figures in _clauses(claim, text, s_start, at, _ITEM_MARK):
        said = clause[:figures[0].start]
        if (negated and re.search(_NOT.pattern + re.escape(word), said)) or (not negated and _said_plain(word, said)):
            return "另一部分的数值", a + figures[0].start, a + figures[0].end, "对象"
    return f"{'' if negated else '非'}{word}的数值"


# a period said in a clause of its own figure: "上半年为24.7亿元，全年达到63.2亿元" (each figure is its clause's period's)
_YEAR_WORDS = re.compile(r"全年|年底|年末|去年|上年|今年|当年|同期")


# a period compared with, not the clause's own: "比去年同期增长", "较上年", "同比"
_BASE_PERIOD = re.compile(r"[比较与和同跟][^，,；;。\d]{0,2}?(?:去年|上年|上一年|前年)(?:同期|全年)?|同期")


def clause_periods(text: str) -> set[str]:
    """The periods a clause tells as its own figure's: most specific periods and year words, a base compared with ("比去年同期") left out."""
    text = _BASE_PERIOD.sub(" ", text)
    return set(periods_in(text, most_specific=True)) | set(_YEAR_WORDS.findall(text))


def bind_clause_period(claim: Claim, text: str, s_start: int, at: int) -> "tuple[str, int, int, str] | None":
    """The figure of another period's clause: where the found figure's own clause names a period the claim does not, and another
    clause of its sentence names the claim's period before a figure of the claim's unit ("上半年为24.7亿元，全年达到63.2亿元"
    for "上半年达到63.2亿元"), the claim is told by that figure (一致 or 不一致 on 时间)."""
    if claim.figure is None or not claim.periods:
        return None
    ours = set(claim.periods)
    c_start = max([s_start] + [m.end() for m in _CLAUSE_MARK.finditer(text, s_start, at)])
    theirs = clause_periods(text[c_start:at])
    if not theirs or ours & theirs:
        return None
    for a, clause, figures in _clauses(claim, text, s_start, at, _CLAUSE_MARK):
        if ours & set(periods_in(clause[:figures[0].start], most_specific=True)):
            return "另一时期的数值", a + figures[0].start, a + figures[0].end, "时间"
    return None


# --------------------------------------------------------------------------- the report's year
# the months a part of the year spans ("Q1" January to March): a part named without its year is of its report's year once it
# has ended by the report's date, of the year before when it has not begun ("四季度" in a report of January)
_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12), "Q1-3": (1, 9)}
_WRITTEN_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!代)")
# a year named from the report's own: "今年一季度", "去年上半年" (not a base compared with: "比去年", "同比")
_RELATIVE_YEAR = re.compile(r"(?<![比较与同和跟由从])(今年|去年|上年|前年)")
_RELATIVE_OFFSET = {"今年": 0, "去年": 1, "上年": 1, "前年": 2}


def _report_year(text: str, at: int, part: str, date: str) -> int | None:
    """The year of an article figure's part of the year ``part``, from the paragraph before it (``text[:at]``) and its report's
    ``date``: the last year named before it, written out (None: the figure has its own year, another rule's business) or
    relative to the report ("今年", "去年"), else the part's year by the report's date (None while the part is under way)."""
    written = [m.end() for m in _WRITTEN_YEAR.finditer(text, 0, at)]
    relative = list(_RELATIVE_YEAR.finditer(text, 0, at))
    try:
        year, month = int(date[:4]), int(date[5:7])
    except ValueError:
        return None
    if relative and (not written or relative[-1].end() > written[-1]):
        return year - _RELATIVE_OFFSET[relative[-1].group(1)]
    if written:
        return None
    first, last = _PART_MONTHS[part]
    if last < month:
        return year
    if first > month:
        return year - 1
    return None


def bind_report_year(claim: Claim, text: str, s_start: int, at: int, date: str | None) -> str | None:
    """A claim's year for its part of the year ("2024年一季度…") against an article figure of that part told without a year
    ("今年以来…。一季度全市接待游客…"): the article's part takes the year of its report (``Paragraph.date``); another year than the
    claim's is another period (→ 未找到)."""
    if claim.figure is None or not date:
        return None
    years = [p for p in claim.periods if p.isdigit()]
    parts = [p for p in claim.periods if p in _PART_MONTHS]
    if len(years) != 1 or len(parts) != 1:
        return None
    sentence = text[s_start:at]
    if _WRITTEN_YEAR.search(sentence) or parts[0] not in periods_in(sentence):
        return None
    theirs = _report_year(text, at, parts[0], date)
    if theirs is None or str(theirs) == years[0]:
        return None
    return f"{theirs}年{PART_NAMES[parts[0]]}"


def bind_whole_year(claim: Claim, text: str, s_start: int, at: int) -> "str | tuple[str, int, int, str] | None":
    """A claim of a holiday or a part of the year ("今年五一假期…突破1万人次", "一季度…") against an article figure its sentence gives
    a year and no part of it, no holiday ("2024年天水机场完成旅客吞吐量38.6万人次"): a whole year's figure tells no part of it
    (→ 未找到), a figure of the claim's part told later in its sentence does (一致 or 不一致 on 数值; its offsets returned)."""
    if claim.figure is None:
        return None
    ours_before = _claim_before(claim)
    if not (_holidays(ours_before) or any(p in _PART_MONTHS for p in claim.periods)):
        return None
    sentence = text[s_start:at]
    if _holidays(sentence) or any(not p.isdigit() for p in periods_in(sentence)):
        return None
    written = _WRITTEN_YEAR.findall(sentence)
    whole = f"{written[-1]}年全年" if written else "全年" if "全年" in sentence else None
    if whole is None:
        return None
    # the claim's own part told later in the sentence ("2024年…1500张…；今年计划再建2000张，上半年已完成1120张"): its figure tells it
    ours = set(_holidays(ours_before)) | {p for p in claim.periods if p in _PART_MONTHS}
    end = _SENTENCE_END.search(text, at)
    s_end = end.start() if end else len(text)
    bounds = [m.end() for m in _CLAUSE_MARK.finditer(text, at, s_end)] + [s_end]
    for a, b in zip(bounds, bounds[1:]):
        clause = text[a:b]
        figures = [f for f in find_figures(clause) if f.kind == "figure" and f.unit == claim.figure.unit]
        if figures and ours & (set(periods_in(clause[:figures[0].start])) | set(_holidays(clause[:figures[0].start]))):
            return "所述时期的数值", a + figures[0].start, a + figures[0].end, "数值"
    return whole


def _item_name(item: str) -> str:
    """A 分别 list item's own name: its scope opening ("全市带鱼") and what follows 等 ("鲳鱼等主要经济鱼类…") left out."""
    item = _WHOLE.sub("", item, count=1) if _WHOLE.match(item) else item
    return item.split("等")[0].strip()


def bind_list(claim: Claim, text: str, s_start: int, at: int) -> "str | tuple[str, int, int] | None":
    """The name of the 分别 list the figure is paired with, where the claim names another of the list (else None); where
    the claim's own name has its own figure there, that figure's offsets too (the claim is told by it: 不一致 or 一致)."""
    before = text[s_start:at]
    r = before.rfind(_RESPECTIVELY)
    if r < 0 or _CLAUSE_MARK.search(before[r:]):
        return None
    start = max((m.end() for m in _CLAUSE_MARK.finditer(before[:r])), default=0)
    items = [i.strip() for i in _ITEM_SPLIT.split(before[start:r]) if i.strip()]
    if ingredient_on("list_items"):
        items = [_item_name(i) for i in items]
    if len(items) < 2:
        return None
    # the figure's position among the figures after 分别
    figures_before = [m for m in re.finditer(r"\d+(?:\.\d+)?", before[r:]) if not before[r:][m.end():m.end() + 1] in "."]
    position = len(figures_before)
    if position >= len(items):
        return None
    mine = items[position]

    def said(item: str) -> bool:
        return len(item) >= 2 and any(item[:n] in claim.text for n in range(len(item), 1, -1))
    if said(mine):
        return None
    others = [k for k, item in enumerate(items) if k != position and said(item)]
    if not others:
        return None
    if ingredient_on("list_items") and len(others) == 1:
        # the figures after 分别, in order, up to the clause's end: the claim's item's own
        end = _CLAUSE_MARK.search(text, at)
        run = text[s_start + r:end.start() if end else len(text)]
        figures = [f for f in find_figures(run) if f.kind == "figure"]
        if len(figures) == len(items) and claim.figure is not None and figures[others[0]].unit == claim.figure.unit:
            f = figures[others[0]]
            return mine, s_start + r + f.start, s_start + r + f.end
    return mine


# qualifiers and verbs of reaching between a label and its figure: "接待游客超过", "吞吐量达到"
_REACHING = re.compile(r"(?:超过|超|近|约|逾|达到|达|为|共|累计|合计|了|已|有|突破|分别)+$")
_LISTED_NEXT = "、和与及"
_LABEL_TAIL = 4  # characters of the claim's words right before its figure that the subject's own figure must have too
_SUBJECT_MIN = 4  # characters of the claim's subject said before that figure


def _common_run(a: str, b: str) -> str:
    """The longest run of characters both texts have."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def bind_subject(claim: Claim, text: str, s_start: int, at: int) -> "tuple[str, int, int] | None":
    """The claim's own subject with its own figure in the paragraph: "陶溪川文创街区5天接待游客47.6万人次；陶阳里…和…分别接待
    游客39.2万人次" tells "陶溪川文创街区接待游客39.2万人次" by 47.6万人次; "甲机场、乙机场、丙机场…累计完成旅客吞吐量138.6万
    人次；其中甲机场完成旅客吞吐量82.4万人次" tells 甲机场's by 82.4万人次. The subject is a run of the claim's words before its
    figure holding a name of the claim, said before another figure of the claim's unit with the claim's words right before its
    figure; the found figure's sentence says that subject not at all, or only as an item of a list."""
    if claim.figure is None:
        return None
    before = _REACHING.sub("", _claim_before(claim))
    tail = before[-_LABEL_TAIL:]
    if len(tail) < _LABEL_TAIL or re.search(r"\d", tail):
        return None
    names = [n for n in names_in(before) if not _no_place(n)] + own_places(claim)
    if not names:
        return None
    found_start = max([s_start] + [m.end() for m in re.finditer(r"[；;]", text[:at])])
    found_sentence = text[found_start:at]  # the figure's own part
    part_end = re.compile(r"[；;。！？!?\n]").search(text, at)
    found_end = part_end.start() if part_end else len(text)
    own = []
    for figure in find_figures(text):
        if figure.kind != "figure" or figure.start <= at < figure.end or figure.unit != claim.figure.unit:
            continue
        if found_start <= figure.start < found_end:  # (a figure of the found one's own part is a list's, its pairing bind_list's)
            continue
        start = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, figure.start)), default=0)
        if _RESPECTIVELY in text[start:figure.start]:
            continue
        lead = _REACHING.sub("", text[start:figure.start])
        if not lead.endswith(tail):
            continue
        subject = _common_run(before[:-len(tail)], lead[:-len(tail)])
        if len(subject) < _SUBJECT_MIN or not any(n in subject or subject in n for n in names):
            continue
        k = found_sentence.find(subject)
        listed = k >= 0 and (found_sentence[k + len(subject):k + len(subject) + 1] in _LISTED_NEXT and k + len(subject) < len(found_sentence)
                             or k > 0 and found_sentence[k - 1] in _LISTED_NEXT)
        if k >= 0 and not listed:
            return None
        own.append((subject, figure))
    if len(own) != 1:
        return None
    subject, figure = own[0]
    return subject, figure.start, figure.end


def _role_to(claim: Claim) -> bool:
    """The claim's figure is the value something was raised or cut to: "提高到每人每月148元"."""
    return CLAIM_TO.search(_claim_before(claim)) is not None




def bind_role(claim: Claim, text: str, s_start: int, at: int) -> "str | tuple[str, int, int] | None":
    """A from-value taken for the claim's to-value: "提高到每人每月148元" against "由每人每月148元提高到168元" is told by
    168元 (its offsets returned); a from-value against a claim that states no change is not bound here."""
    if not _role_to(claim) or FROM_BEFORE.search(text[s_start:at]) is None:
        return None
    figures = [f for f in find_figures(text[at:at + 40]) if f.kind == "figure"]
    if len(figures) < 2 or figures[0].start != 0:
        return None
    between = text[at + figures[0].end:at + figures[1].start]
    if TO_AFTER.match(between) is None or not TO_AFTER.match(between).end() == len(between):
        return None
    to = figures[1]
    return "变化后的数值", at + to.start, at + to.end


_PARTS = (("bind_place", bind_place, "地点"), ("bind_whole", bind_whole, "地点"), ("bind_period", bind_period, "时期"),
          ("bind_from_period", bind_from_period, "时期"), ("bind_start", bind_start_period, "时期"), ("bind_clause_period", bind_clause_period, "时期"),
          ("bind_report_year", bind_report_year, "时期"), ("bind_whole_year", bind_whole_year, "时期"),
          ("bind_list", bind_list, "对象"), ("complement", bind_complement, "对象"),
          ("bind_subject", bind_subject, "对象"),
          ("bind_role", bind_role, "变化"))


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
    lead = None
    for switch, part, what in _PARTS:
        if not ingredient_on(switch):
            continue
        if switch == "bind_whole":  # (the one part that reads the article before the paragraph)
            if lead is None:
                context = context_of(paragraph)
                cut = context.rfind(text)
                lead = context[:cut] if cut >= 0 else ""
            other = part(claim, text, s_start, at, lead)
        elif switch == "bind_report_year":  # (and the one that reads its report's date)
            other = part(claim, text, s_start, at, paragraph.date)
        else:
            other = part(claim, text, s_start, at)
        if isinstance(other, tuple):
            return _own_figure(claim, verdict, paragraph, at, end, *other)
        if other is not None:
            return _verdict(NOT_FOUND, reason=f"资料里的“{text[at:end]}”说的是{other}，不是所述{what}的数字。", related=(paragraph,))
    return verdict


def _own_figure(claim: Claim, verdict: "Verdict", paragraph: "Paragraph", at: int, end: int, whose: str, o_start: int,
                o_end: int, differs: str = "数值") -> "Verdict":
    """The claim told by the figure the article binds to the claim's own subject or role (at ``o_start:o_end``): 一致 where
    it holds the claim's value, else 不一致 on 数值."""
    from .compare import units_match, value_satisfies
    text = paragraph.text
    written = text[o_start:o_end]
    theirs = next((f for f in find_figures(written) if f.kind == "figure"), None)
    if theirs is None or claim.figure is None or not units_match(claim.figure, theirs):
        return _verdict(NOT_FOUND, reason=f"资料里的“{text[at:end]}”说的是{whose}，不是所述的数字。", related=(paragraph,))
    if value_satisfies(claim.figure, theirs):
        return _verdict(SUPPORTED, reason=f"资料写的是“{written}”，与“{claim.stated}”一致。", found=written,
                        evidence=((paragraph, o_start, o_end),))
    said = text[max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, o_start)), default=0):o_end]
    return _verdict(CONTRADICTED, reason=f"资料写的是“{said}”：{written}，而不是{claim.stated}（{differs}不同）。",
                    found=written, differs=differs, evidence=((paragraph, o_start, o_end),))
