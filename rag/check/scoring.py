"""Scoring: each candidate figure read against a figure claim (``Scored``).

A candidate speaks about the claim when it measures the same thing (the words naming the article figure's measure
are restated by the claim, and the claim's measure words, its nouns above all, are said by the article: title, lead
paragraphs or paragraph), for the same place and period (the claim's anchors stand in the article, and the figure's
own clause or sentence names no other place or period of the same kind), with the claim's other figures of its clause
beside it ("超过500万辆的城市有27个").

Same subject (``subject``): places count as written, by a province's abbreviation ("在京") or as 全省 of a source
naming the province; the names around a figure (people, organisations, titles) that the article does not say are
kept on the row (``unsaid_names``). A candidate whose sentence is the one nearest in meaning (``semantic``) is kept on
looser word overlap; so is the stated value and unit found with the opposite direction ("效率提升38%" for
"办事效率下降38%") and the very number misquoted (``readings``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ..answer.question import is_province
from ..schema import Hit
from .compare import units_match, value_satisfies
from .figures import Figure, find_figures
from .measure import direction, key_words, measure_words, modality, share_present
from .total_qualifier import said_with_total, share_said
from .report import Claim
from .claims import names_another, places_in
from .ablation import ingredient_on
from .semantic import SEMANTIC_RESTATED_MIN
from .stations import another_station, claim_stations, station_name
from .subject import name_said, names_in, place_in, province_wide_in
from .candidates import derived, LOOSE_RESTATED_MIN, SAID_MIN, SUPPORT_MIN, Candidate, ContextOf, Scored, _article_words, _head_words, named_before, _level, _period_kind, _periods_of, candidates, _from_to, LATER
from .binding import SINCE_YEAR
from .only_of_kind import only_of_kind
from .as_of import counted_at_another_month
from .month_scope import other_month_scope
from .currency_slip import currency_misquoted
from .readings import _is_change, _date_event_words, _flipped, _opposite, _other_day_part, _other_span, _transposed, _unit_slip


def _co_figures_hold(claim: Claim, candidate: Candidate) -> bool:
    """The other figures of the claim's clause qualify what it counts ("超过500万辆的城市有27个"):
    each must be in the article figure's clause too."""
    others = candidate.clause_figures or candidate.sentence_figures  # a clause without others leans on its sentence
    if not ingredient_on("co_sentence"):
        return all(any(units_match(co, other) and value_satisfies(co, other) for other in others) for co in claim.co_figures)
    # a co-figure of a kind the article figure's clause has none of may stand anywhere in its sentence: "…17岁选手…73公斤级比赛中以
    # 抓举、挺举…夺得3枚金牌" has the 3枚 of "81公斤级比赛中夺得3枚金牌" ("超过300万辆的城市27个" has no 500万辆 for all that)
    def pool(co: Figure) -> tuple[Figure, ...]:
        return others if any(o.unit_class == co.unit_class for o in others) else candidate.sentence_figures
    return all(any(units_match(co, other) and value_satisfies(co, other) for other in pool(co)) for co in claim.co_figures)


def _anchors_hold(claim: Claim, candidate: Candidate, context: str, wide_sources: dict[str, set[str]],
                  article: str = "") -> tuple[bool, bool]:
    """Whether the claim's places and periods hold for the candidate: (place ok, period ok).

    Each must stand in the article around the figure (as written, by a province's abbreviation, or as 全省 of
    a source that names the province, ``subject``); and where the figure's own sentence names a place or
    period of the same kind as the claim's (乡 and 乡, a year and a year), it must be the claim's.
    """
    source = candidate.paragraph.source
    claim_places = claim.places + article_stems(claim, article)
    place_ok = all(place_in(place, context) or province_wide_in(place, context, source in wide_sources.get(place, ()))
                   or short_place_in(place, context) for place in claim_places)
    if place_ok and claim_places and candidate.own_places:
        for own in candidate.own_places:
            same_level = [p for p in claim_places if _same_level(p, own)]
            if same_level and not any(p in own or own in p for p in same_level):
                place_ok = False
    # (a whole the claim's own clause says, 全县 or 全市 as well as 全省, counts though it is no place of the claim's:
    # "全县一季度接待游客12万人次" is not told by "河口镇一季度接待游客12万人次")
    wholes = tuple(dict.fromkeys(claim.places + tuple(_WHOLE.findall(claim.text))))
    if place_ok and wholes and candidate.own_places and ingredient_on("scope") and _part_of_scope(wholes, candidate.own_places):
        place_ok = False  # "江西新能源汽车保有量…" is not told by "南昌市新能源汽车保有量达34.5万辆"
    if place_ok and candidate.item_place and _stem_of(candidate.item_place) not in claim.sentence:
        place_ok = False  # a roundup's item ("；叶集区126.8亿元") tells its measure of its place alone, whatever else the claim names
    context_periods = _periods_of(context)
    period_ok = all(period in context_periods for period in claim.periods)
    claim_periods = _claim_own_periods(claim) or claim.periods
    if period_ok and claim.periods and candidate.own_periods:
        for own in candidate.own_periods:
            same_kind = [p for p in claim_periods if _period_kind(p) == _period_kind(own)]
            if same_kind and own not in same_kind and not own.startswith("M") and not _later_than(own, same_kind) \
                    and not _after_start(own, same_kind):
                period_ok = False
        kinds = {_period_kind(p) for p in claim.periods}
        if period_ok and ingredient_on("part_of_year") and kinds == {"year"} and any(_period_kind(own) in ("Q", "H") for own in candidate.own_periods):
            period_ok = False  # a year's figure ("2025年…3500公里") is not a quarter's ("一季度，…865公里")
    if period_ok and counted_at_another_month(claim, candidate):
        period_ok = False  # "截至3月底，…1.86万人" is not told by "截至6月底，…1.86万人"
    if period_ok and other_month_scope(claim, candidate):
        period_ok = False  # "1至11月，…比例为80%" is not told by "11月当月，…比例为80%", nor "11月当月…" by "1至11月…"
    return place_ok, period_ok


def _stem_of(place: str) -> str:
    return place[:-1] if len(place) >= 3 and place[-1] in "县区市旗镇乡" else place


def _claim_own_periods(claim: Claim) -> tuple[str, ...]:
    """The periods of a claim whose figure ends a change told from another ("从2023年的35%升至78%": 78% is after 2023, as
    ``candidates._from_to`` reads an article's) or follows a span opening in a year ("2021年以来…提高到5.1万元": after
    2021, so not the start "由2021年的3.6万元" of the article's change), else ()."""
    if not ingredient_on("change_ends") or claim.figure is None or not claim.sentence:
        return ()
    at = claim.figure.start - claim.sentence_start
    if not 0 <= at <= len(claim.sentence):
        return ()
    before = claim.sentence[:at]
    since = [year for match in SINCE_YEAR.finditer(before) for year in match.groups() if year]
    return _from_to(before) or tuple(period + LATER if period + "年" in since else period for period in claim.periods)


def _later_than(own: str, claim_periods: Sequence[str]) -> bool:
    """With ``later_end``, an article figure's year after a year the claim marks ``LATER``: the claim's "由2020年的72%提高到86%" leaves
    the end's year unsaid, "some year after 2020", which the article's "提高到2025年的86%" names (2025 is after 2020)."""
    if not ingredient_on("later_end") or not own.isdigit():
        return False
    return any(p.endswith(LATER) and p.rstrip(LATER).isdigit() and int(own) > int(p.rstrip(LATER)) for p in claim_periods)


def _after_start(own: str, claim_periods: Sequence[str]) -> bool:
    """With ``end_year``, an article figure ending a change told from a year (``LATER``: "由2024年的512家增加到546家", some year
    after 2024) is of the later year the claim names: "由2024年的512家增加到2025年的546家" (the mirror of ``_later_than``)."""
    if not ingredient_on("end_year") or not own.endswith(LATER) or not own.rstrip(LATER).isdigit():
        return False
    return any(p.isdigit() and int(p) > int(own.rstrip(LATER)) for p in claim_periods)


_WHOLE = re.compile(r"全[国省市县区州]")


# places counted after their list: "瑞金、于都两地", "瑞金于都两地", "甲乙丙三县"
_COUNTED_PLACES = re.compile(r"([\u4e00-\u9fff、]{4,16}?)([两二三四五])(地|县|市|区)")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}


def _listed_places(article: str) -> list[str]:
    """The places of a list the article counts ("瑞金于都两地" 瑞金 and 于都): written with 、 between them, each of the last n
    items of two to three characters; written together, a place jieba reads followed by the rest (two or three characters)."""
    found = []
    for match in _COUNTED_PLACES.finditer(article):
        n, run = _COUNT[match.group(2)], match.group(1)
        if "、" in run:
            items = run.split("、")[-n:]
            if len(items) == n and all(2 <= len(item) <= 3 for item in items[1:]):
                known = places_in(items[0])
                first = known[-1] if known and items[0].endswith(known[-1]) else None
                found += ([first] if first else []) + items[1:]
            continue
        if n != 2:
            continue
        for known in places_in(run):
            rest = run[run.rfind(known) + len(known):]
            if run.rfind(known) >= 0 and 2 <= len(rest) <= 3:
                found += [known, rest]
                break
    return found


@lru_cache(maxsize=256)
def _county_stems(article: str) -> tuple[str, ...]:
    """The places of a list the article counts ("瑞金于都两地"; a name it writes with its suffix, "宁德市", is not enough: the claim's
    bare 宁德 may be its whole, no sibling of another place)."""
    return tuple(dict.fromkeys(_listed_places(article)))


def article_stems(claim: Claim, article: str) -> tuple[str, ...]:
    """With ``article_places``, the places of the claim jieba cut apart and the article names in a list it counts ("于都民宿…", cut
    于 + 都, where the article writes "瑞金于都两地"): the name, as a place of the claim's, written bare in the claim and part of none
    of its places."""
    if not ingredient_on("article_places") or not article or not claim.sentence:
        return ()
    return tuple(stem for stem in _county_stems(article) if stem in claim.sentence and not re.search(re.escape(stem) + "[县市区旗]", claim.sentence)
                 and not any(stem in p or p in stem for p in claim.places))
_COUNTY_LIKE = "县市区旗"
_PLACE_END = re.compile(r"[省市县区州镇乡村旗]|街道")


def short_place_in(place: str, context: str) -> bool:
    """With ``short_place``, a county, district or city the article names by its name alone and then as the whole of its kind
    ("五峰地处武陵山区，全县…" or "五峰土家族自治县" for 五峰县): its stem stands in the context not followed by another place
    suffix ("五峰镇" is a town), and the context speaks of 全县 / 该县 / 本县 (the suffix of the claim's place), or its stem is
    followed by a minority's 自治县."""
    if not ingredient_on("short_place") or len(place) < 3 or place[-1] not in _COUNTY_LIKE:
        return False
    stem, suffix = place[:-1], place[-1]
    if len(stem) < 2:
        return False
    bare = autonomous = False
    for match in re.finditer(re.escape(stem), context):
        after = context[match.end(): match.end() + 12]
        if re.match(r"[\u4e00-\u9fff]{1,6}族自治" + suffix, after):
            autonomous = True
        elif not _PLACE_END.match(after):
            bare = True
    return autonomous or (bare and re.search(f"[全该本]{suffix}", context) is not None)
# how wide a place is, by its suffix: a province or the whole country holds cities, counties, towns…
_RANK = {"国": 0, "省": 1, "自治区": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "区": 3, "旗": 3, "镇": 4, "乡": 4, "街道": 4, "村": 5}


def _rank(place: str) -> int | None:
    if place.startswith("全") and len(place) == 2:
        return _RANK.get(place[1])
    if is_province(place):
        return 1
    return next((rank for suffix, rank in _RANK.items() if place.endswith(suffix)), None)


# the ranks a place's suffix may stand for: a 市 is a prefecture's city or a county-level one (寿光市 beside 奎文区)
_RANKS = {"市": {2, 3}, "州": {2}, "盟": {2}, "县": {3}, "区": {3}, "旗": {3}, "镇": {4}, "乡": {4}, "街道": {4}}


def _same_level(place: str, other: str) -> bool:
    """Two places of one level, by their suffixes: the same suffix, or suffixes that may name the same rank (镇 and 乡,
    县 and 区, 区 and a county-level 市): a figure whose own clause names the one is not the other's ("杜集乡种植小麦5.2万亩"
    is not 柳河镇's)."""
    if _level(place) == _level(other):
        return True
    if not ingredient_on("level_rank"):
        return False
    ranks = [next((r for suffix, r in _RANKS.items() if p.endswith(suffix)), set()) for p in (place, other)]
    return bool(ranks[0] & ranks[1])


def _part_of_scope(claim_places: Sequence[str], own_places: Sequence[str]) -> bool:
    """The claim is told of a whole (全省, 全国, a province) and the article figure's own clause of a smaller place the
    claim does not name: a part's figure ("南昌市…34.5万辆" for "江西…"), not the whole's."""
    # (a county or city the claim names is a whole too: "鹤川县新建…3200亩" is not told by "其中，金牛镇全镇新建…3200亩")
    wide = [r for r in (_rank(p) for p in claim_places if p.startswith("全") or is_province(p) or ingredient_on("scope_rank"))
            if r is not None]
    if not wide:
        return False
    for own in own_places:
        if any(own in p or p in own for p in claim_places) or own.startswith(("各", "全", "每")):
            continue  # ("各乡镇网点…": every town is the whole again)
        rank = _rank(own)
        if rank is not None and rank > min(wide):
            return True
    return False


def _said_before(context: str, candidate: Candidate) -> str:
    """The article as far as the end of the figure's sentence: who and where a figure is about is said before it or in its
    sentence, not in a later one ("…总投资约412亿元；…。吉安至永新高速公路于3月26日建成通车": 412亿元 is not that road's)."""
    text = candidate.paragraph.text
    at = context.rfind(text)
    s_at = text.find(candidate.sentence)
    if at < 0 or s_at < 0:
        return context
    end = s_at + len(candidate.sentence)
    if ingredient_on("part_after"):
        # a later clause of the sentence that picks out a part ("…1500余名演员参演，其中台湾地区南音社团19个") tells no place
        # of this figure's
        later = _PART_AFTER.search(text, candidate.figure.end, end)
        end = later.start() if later else end
    return context[: at + end]


_PART_AFTER = re.compile(r"[，,；;](?=其中|包括|含)")


def _wide_sources(claim: Claim, hits: Sequence[Hit], context_of: "ContextOf") -> dict[str, set[str]]:
    """For each province the claim names, the sources among the hits whose text names it."""
    return {place: {h.paragraph.source for h in hits if place_in(place, context_of(h.paragraph))}
            for place in claim.places if is_province(place)}


def score_candidates(claim: Claim, stated: Figure, hits: Sequence[Hit], context_of: ContextOf,
                     nearest: frozenset[str] = frozenset()) -> list[Scored]:
    """Every candidate that may measure what the claim measures. A candidate whose sentence is among
    ``nearest`` (the article sentences nearest in meaning to the claim, ``semantic.nearest_sentences``) is
    kept on less word overlap, and marked ``semantic``."""
    claim_words = measure_words(claim.label, claim.places)
    claim_keys = key_words(claim.label, claim.places)
    claim_direction = direction(claim.label)
    claim_sentence = claim.sentence or claim.text
    claim_modality = modality(claim.label)
    scored = []
    wide_sources = _wide_sources(claim, hits, context_of)
    claim_names = _claim_names(claim) if ingredient_on("names") else ()
    claimed_stations = claim_stations(claim.text, claim.places)
    for candidate in candidates(hits, with_sizes=True):
        if candidate.figure.kind != stated.kind:
            continue
        if derived(candidate) and not _is_change(claim.label):
            continue  # the size of a change ("由300万标箱提升到450万标箱": 150万标箱) tells nothing of a level ("提升到500万标箱")
        if claim_modality != (_modality_of(candidate) if claim_modality else modality(candidate.label)):
            continue  # a target (目标, 计划, 预计) is another measure than a result
        context = context_of(candidate.paragraph)
        # a date: the claim's words must tell the article sentence's event; whose event it is may be the title's
        # ("设立日期:1993年5月7日" under "…大同庆新路支行": a record names its subject once, in its heading)
        event = f"{candidate.paragraph.title or ''}\n{candidate.sentence}" if ingredient_on("record") else candidate.sentence
        if stated.kind == "date" and ingredient_on("dateline") and _DATELINE.match(candidate.paragraph.text, candidate.figure.end):
            continue  # "本报三明9月28日讯", "新华社北京7月15日电": the day of the report, no event's
        if stated.kind == "date":
            restated = share_present(claim_words, event)
            event_words = _date_event_words(candidate) if ingredient_on("record") else ()
            if event_words and not share_present(event_words, claim_sentence):
                continue  # the article dates another event right there: "发证日期:2026年1月23日" is not when it was "设立"
        else:
            article_words = _article_words(candidate.label)
            if not article_words:
                continue  # "共有3200人": nothing says what is counted
            # what the article counts is named next to its figure: "…各乡镇网点以及村级站点累计吸纳就业人员374人"
            head = _head_words(candidate.label)
            restated = max(_restated(article_words, claim_sentence), _restated(head, claim_sentence) if len(head) >= 2 else 0.0)
            named = named_before(candidate.label) if ingredient_on("named_before") else ()
            if len(named) >= 2:  # what is counted is named right before the figure; words after it may tell what it did
                restated = max(restated, share_present(named, claim_sentence))  # ("奖牌总数396枚位列…金牌榜首位")
            elif named and ingredient_on("figure_of") and candidate.paragraph.text.startswith("的", candidate.figure.end):
                # a figure before 的 qualifies the thing after it, whose figure it is: "这所总投资8600万元的九年一贯制学校" measures
                # 总投资 (when the claim's words are all said in its sentence)
                restated = max(restated, min(share_present(named, claim_sentence), share_present(claim_words, candidate.subject_sentence)))
            if len(article_words) == 1:  # one shared word ("汽车") is not one measure unless the sentence says the rest
                # (its sentence with the one before when it opens by pointing back at it: "该校…占地68亩")
                restated = min(restated, _said_share(claim_words, candidate.subject_sentence))
        near = candidate.sentence.strip() in nearest
        flipped = _flipped(stated, claim_direction, candidate, restated, claim_words)
        loose = restated >= LOOSE_RESTATED_MIN and share_said(claim_words, candidate.subject_sentence) >= 0.9 and (
            not candidate.sentence_figures or share_said(claim_words, candidate.label) >= 0.9
            # (or its sentence has no other figure of its kind for the claim's words to mean: rag.check.only_of_kind)
            or ingredient_on("only_of_kind") and only_of_kind(stated, candidate))
        slip = _unit_slip(stated, candidate, claim_sentence) or _transposed(stated, candidate, claim_sentence)
        # (the very amount in another currency, its measure restated as a confirmation needs: rag.check.currency_slip)
        slip = slip or currency_misquoted(stated, candidate.figure, restated, SUPPORT_MIN)
        lexical = flipped or slip or restated >= SUPPORT_MIN or loose
        if not lexical:
            # the article's sentence says all the claim says, around more words of its own (its other figures of
            # this kind have their own words: "城镇新增就业568人，农牧区劳动力转移就业6211人次"); or it is the
            # sentence nearest in meaning and says at least some of what its figure counts
            if not (near and restated >= SEMANTIC_RESTATED_MIN):
                continue
        said = _said(claim_words, claim_keys, context)
        if not flipped and ingredient_on("flip_as_support") and stated.kind == "figure" and restated >= SUPPORT_MIN and said >= SAID_MIN:
            # a figure read closely enough to confirm the claim, its very value and unit told the other way ("受产品价格下行影响，同比
            # 下降6.8%" for "产值同比增长6.8%"): the same measure read backwards, whether or not its sentence names the claim's place
            flipped = _opposite(stated, claim_direction, candidate)
        before = _said_before(context, candidate) if ingredient_on("said_before") else context
        place_ok, period_ok = _anchors_hold(claim, candidate, before, wide_sources, context)
        if period_ok and ingredient_on("span") and _other_span(claim, candidate):
            period_ok = False  # "今年以来…568人" where the article's 568人 are "近年来"
        unsaid = tuple(name for name in claim_names if not name_said(name, event if stated.kind == "date" else before))
        # a station the claim names ("安阳站") is not another of its place's the figure's clause names ("去年，安阳东站共发送旅客…")
        unsaid += tuple(station_name(s) for s in claimed_stations if another_station(
            s, candidate.paragraph.text[:candidate.figure.start], f"{candidate.paragraph.text}\n{context}"))
        # what the claim's pointer stands for ("这家医院": 青岚县人民医院) is not the thing of the same kind the article sentence
        # names ("始建于1958年的青岚县中医院")
        unsaid += tuple(r for r in claim.referents if names_another(r, candidate.sentence) and not _bare_noun(r, candidate.sentence))
        article_direction = direction(candidate.label)
        direction_ok = not (claim_direction and article_direction and claim_direction != article_direction)
        value_ok = value_satisfies(stated, candidate.figure)
        if value_ok and stated.kind == "date" and ingredient_on("day_part") and _other_day_part(claim, candidate):
            value_ok = False  # "3月5日上午" against "3月5日下午"
        scored.append(Scored(candidate, restated, said, place_ok, period_ok, _co_figures_hold(claim, candidate),
                             units_match(stated, candidate.figure), value_ok, direction_ok,
                             share_said(claim_words, candidate.subject_sentence), near,
                             unsaid, flipped, _said(*_beside(claim_words, claim_keys, unsaid), context) if unsaid else said, lexical, slip,
                             share_said(claim_words, candidate.label)))
    scored.sort(key=lambda row: (-row.score, row.candidate.hit_rank))
    return scored


_DATELINE = re.compile(r"(?:[)）]|\s)?[讯电]")


_MEASURE_END = "量数额值"


def _restated(words: Sequence[str], text: str) -> float:
    """Share of ``words`` that ``text`` says, a measure noun also without its last character ("总产" for "总产量")."""
    if not ingredient_on("measure_short"):
        return share_said(words, text)
    return sum(1 for w in words if w in text or (len(w) >= 3 and w[-1] in _MEASURE_END and w[:-1] in text)
               or said_with_total(w, text)) / len(words) if words else 0.0


def _bare_noun(referent: str, sentence: str) -> bool:
    """The article sentence says the referent's noun alone, at the start of a clause ("今年前三季度，医院门急诊量达42.6万人次"): the
    thing its article is about, named before, not another of its kind ("始建于1958年的青岚县中医院")."""
    if not ingredient_on("bare_noun"):
        return False
    noun = referent[-2:]
    return all(m.start() == 0 or sentence[m.start() - 1] in "，,；;：:。、“（( " for m in re.finditer(noun, sentence))


_REALISED = re.compile(r"已|完成|实现|累计|截至|截止")


def _modality_of(candidate: Candidate) -> frozenset[str]:
    """A target's words (计划, 目标…) of the article figure's own clause, else of its sentence before it, when its clause says
    nothing done: "今年全市计划改造老旧小区320个，惠及居民7.8万户" (7.8万户 is planned too; "…，上半年已完成186个" is not).
    Read so for a claim that states a target only."""
    own = modality(candidate.label)
    if own or not ingredient_on("plan_sentence") or _REALISED.search(candidate.label):
        return own
    text = candidate.paragraph.text
    s_at = text.find(candidate.sentence)
    return modality(text[s_at: candidate.figure.start]) if 0 <= s_at <= candidate.figure.start else own


def _said(words: Sequence[str], keys: Sequence[str], context: str) -> float:
    """Share of the claim's measure words the article says, its nouns (``keys``) above all."""
    return min(_said_share(words, context) + 0.2, _said_share(keys, context)) if keys else _said_share(words, context)


def _said_share(words: Sequence[str], text: str) -> float:
    """Share of the claim's ``words`` that ``text`` says, with ``measure_stem`` a measure noun of the claim's also by its stem, as
    the article names the same measure without 额/量/数/值 ("进口512.2亿元" for "进口额为512.2亿元", "用电" for "用电量"):
    ``_restated`` read the other way."""
    if not ingredient_on("measure_stem"):
        return share_said(words, text)
    return sum(1 for w in words if w in text or (len(w) >= 3 and w[-1] in _MEASURE_END and _stem_before_figure(w[:-1], text))
               or _share_said(w, text) or said_with_total(w, text)) / len(words) if words else 0.0


_SHARE_WORDS = frozenset(("比重", "占比", "比例", "份额"))
_SHARE_OF = re.compile(r"占[^，,；;。]{1,24}?的?(?:比重|比例)?(?:为|达到|达|约|超过)?\s*[\d一二三四五六七八九十]")


def _share_said(word: str, text: str) -> bool:
    """A share's name (比重, 占比, 比例) said by a share the article tells as "占…的62.6%" ("对俄贸易…占全市外贸总额的62.6%")."""
    return word in _SHARE_WORDS and ingredient_on("share_of") and _SHARE_OF.search(text) is not None


def _stem_before_figure(stem: str, text: str) -> bool:
    """The stem of a measure noun names a figure right after it ("进口17.4亿元", "进口为17.4亿元"), as its own word: "出口" inside
    "进出口总值146.2亿元" names no export figure."""
    return re.search(re.escape(stem) + r"(?:额|量|为|达到|达|约|共)*[\d一二三四五六七八九十百千万亿两]", text) is not None


def _beside(words: Sequence[str], keys: Sequence[str], names: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The claim's measure words and nouns outside the given names."""
    outside = tuple(w for w in words if not any(w in name for name in names))
    return outside, tuple(w for w in keys if w in outside)


def _lead_in(claim: Claim) -> str:
    """The clauses without figures right before the claim's own in its sentence, which say whose figure it is
    ("王芳不慎遗失…发票，金额6449.42元")."""
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    pieces = re.split(r"(?<=[，,：:；;])", before)
    lead: list[str] = []
    for piece in reversed([p for p in pieces if p]):
        if find_figures(piece):
            break
        lead.insert(0, piece)
    return "".join(lead)


def _claim_names(claim: Claim) -> tuple[str, ...]:
    """The names of the claim's own words and lead-in clauses, apart from its places (checked as places) and
    what it states."""
    lead_in = _lead_in(claim)
    quoted_before = set(_QUOTED_NAME.findall(lead_in))  # a title in a clause before is a claim of its own, checked there
    return tuple(name for name in names_in(lead_in + claim.text) if name not in claim.stated and claim.stated not in name
                 and name not in quoted_before and not any(name in place or place in name for place in claim.places)
                 and not _runs_into(name, claim.stated))


def _runs_into(name: str, stated: str) -> bool:
    """A "name" jieba cut across the figure, ending in its first characters ("达二" of "达二万八千平方米"): no name."""
    return any(stated.startswith(name[i:]) or stated.endswith(name[:i]) for i in range(1, len(name)))


_QUOTED_NAME = re.compile(r"[“《]([^”》]{2,30})[”》]")


def whole_of_part(claim: Claim, own_places: Sequence[str], label: str) -> bool:
    """The claim is told of a part (a county, district or town: "黟县") and the article figure's own words (``label``) of a
    wider whole ("截至2025年底，全市建成…村级养老服务站562个") without naming the claim's place: the whole's figure, which
    says nothing of the part's (read for contradictions only; the mirror of ``_part_of_scope``)."""
    claim_places = [p for p in claim.places if not p.startswith("全") and not is_province(p)]
    # (a place jieba cut from its suffix, "石桥" + "区", ranks by the suffix the claim writes after it)
    parts = [rank for rank in (_rank(p) or _rank(_written_with_suffix(p, claim.text)) for p in claim_places) if rank is not None]
    if not parts or any(own in p or p in own for own in own_places for p in claim_places) or any(p in label for p in claim_places):
        return False
    return any((_rank(whole) or 9) < min(parts) for whole in _WHOLE.findall(label))


def _written_with_suffix(place: str, text: str) -> str:
    at = text.find(place)
    return text[at: at + len(place) + 1] if at >= 0 else place
