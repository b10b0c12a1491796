"""Filling in what one side of a comparison leaves to the other: a shared place, period, scope or measure
("祁连县" against "城中区的城镇新增就业" is "祁连县的城镇新增就业"), a side of anchors only taking the other's
words with its own anchors swapped in, a predicate or a kind noun both sides share.
"""
from __future__ import annotations

import re
from typing import Callable

from ..question import GENERIC_PLACES, pos_cut
from ..settings import ablated
from .anchors import NAME_LEVELS, PERIOD, SCOPE, is_time_word, period_phrase, read_anchors, times_named
from .lead_name import lead_name, opening_place


def _swap(text: str, old: tuple[str, ...], new: tuple[str, ...]) -> str:
    """``text`` with its first ``old`` anchor replaced by the first ``new`` one, or ``new`` put in front."""
    if not new:
        return text
    if old and old[0] in text:
        return text.replace(old[0], new[0], 1)
    return "".join(new) + text


# nouns that close a place's name ("峨岚山景区"): a side naming another place ("云溪镇") takes their place too
_NAME_TYPE_NOUNS = ("景区", "景点", "公园", "园区", "街道", "社区", "广场", "古镇", "小镇", "码头", "机场", "车站", "乡镇")
_NAME_ENDINGS = tuple("省市县区州镇乡村旗") + _NAME_TYPE_NOUNS


def _names_a_place(side: str) -> bool:
    """Whether a side is one place's name ("龙泉温泉小镇", "峨岚山景区", "祁连县"): it ends like one and
    holds no verb (not "赣州完成的交通投资")."""
    # a verbal noun may stand inside a name ("柳叶湖|旅游|度假区"): only a verb proper says the side is no name
    verbs = ("v",) if ablated("name_verbal_noun") else ("v", "vn")
    words = pos_cut(side)
    if not ablated("name_verbal_noun") and len(side) <= 5 and len(words) >= 2 and words[-1][0] in "市县区州镇乡旗":
        return True  # a short name the tagger cut before its level ("沾益|区", 沾益 read as a verb) is a name still
    return side.endswith(_NAME_ENDINGS) and not any(flag.startswith("v") and flag not in verbs[1:] for _, flag in words)


def _swap_name(text: str, old: tuple[str, ...], new: tuple[str, ...]) -> str:
    """``_swap`` for a name: the whole name the tagger cut in pieces is replaced ("峨|岚山" with the
    single character jieba left before it, and a closing "景区" when the new name is a full name of
    its own), so "云溪镇" against "春节假期峨岚山景区" reads "春节假期云溪镇", not "春节假期峨云溪镇景区"."""
    if not new or not old or old[0] not in text:
        return _swap(text, old, new)
    start = text.index(old[0])
    end = start + len(old[0])
    offsets, at = [], 0
    for word, flag in pos_cut(text):
        at = text.find(word, at)
        offsets.append((word, flag, at, at + len(word)))
        at += len(word)
    for word, flag, a, b in reversed(offsets):
        if b == start and len(word) == 1 and flag in ("ns", "nr", "nz", "j", "zg", "ng"):
            start = a
    if new[0].endswith(_NAME_ENDINGS):
        for word, _, a, b in offsets:
            if a == end and word in _NAME_TYPE_NOUNS:
                end = b
    return text[:start] + new[0] + text[end:]


def _place_word(text: str) -> str:
    """The whole phrase of ``text`` naming a place of some level the analysis did not read as a name: its
    first word ending in an admin level, not a scope (全区), with the name words jieba cut off before it
    back to the period, a 的 or a clause break ("宝鸡|高新区", "云岭|经|开区": the phrase is 云岭经开区, so a
    side replacing it leaves no fragment nor the other side's city)."""
    words = pos_cut(text)
    for i, (word, _) in enumerate(words):
        if len(word) >= 2 and word[-1] in "省市县区州镇乡村旗" and not SCOPE.match(word) and word not in GENERIC_PLACES:
            phrase = word
            for before, flag in reversed(words[max(0, i - 3):i]):
                if (is_time_word(before, flag) or flag in ("uj", "x", "c", "v", "m") or SCOPE.match(before)
                        or not re.fullmatch(r"[\u4e00-\u9fff]+", before)):
                    break
                phrase = before + phrase
            return phrase
    return ""


def _swap_kind(text: str, new: tuple[str, ...], find: Callable[[str], str]) -> str:
    """``text`` with its phrase of one kind (a period, a place word: ``find``) replaced by ``new``'s first,
    or ``new`` put in front when it has none: "2020年" against "阿热勒村现在的苹果种植面积" is
    "阿热勒村2020年的苹果种植面积", "渭滨区" against "上半年宝鸡高新区的…" is "上半年宝鸡渭滨区的…"."""
    if not new:
        return text
    old = find(text)
    if old and new[0] != old and (new[0][-1:] == old[-1:] or find is period_phrase):
        return text.replace(old, new[0], 1)
    return _swap(text, (), new) if new[0] not in text else text


def _parallel_item(side: str, other: str) -> str:
    """The words of ``other`` parallel to ``side``: its last words, as long as ``side`` and ending as it
    does ("蓝塘镇段" of "秋香江堤防蓝塘镇段" against "水墩镇段", both a 镇's 段), when what comes before them
    is a whole phrase of its own that ``side`` leaves out. Empty otherwise."""
    if ablated("parallel_item") or len(other) < len(side) + 2 or len(side) < 3 or side in other:
        return ""
    item = other[-len(side):]
    shared = 0  # how much of the ending the two share
    while shared < len(side) and item[-shared - 1] == side[-shared - 1]:
        shared += 1
    if shared * 2 < len(side) or re.search(r"[的\d]", item + side) or read_anchors(side).times:
        return ""
    starts, at = set(), 0
    for word, _ in pos_cut(other):
        starts.add(at)
        at += len(word)
    return item if len(other) - len(item) in starts else ""


def _period_sides(side: str, other: str) -> str:
    """"南通家纺市场群2025年上半年和下半年成交额": two periods of one subject, the first side ending in its period
    and the second opening with its own before the measure. ``side`` completed from ``other`` this way ("" when
    the two are not so): the first takes the measure, the second the subject and the year."""
    if ablated("period_sides"):
        return ""
    end = next((m for m in PERIOD.finditer(side) if m.end() == len(side) and m.start() > 0), None)
    start = PERIOD.match(other)
    if end and start and len(side[:end.start()]) >= 2 and len(other) - start.end() >= 2 and not PERIOD.search(other, start.end()):
        return side + other[start.end():]
    end = next((m for m in PERIOD.finditer(other) if m.end() == len(other) and m.start() > 0), None)
    start = PERIOD.match(side)
    if end and start and len(other[:end.start()]) >= 2 and len(side) - start.end() >= 2 and not PERIOD.search(side, start.end()):
        year = re.match(r"(?:\d{4}|今|去|明|前|当)年度?", end.group())
        own_year = re.match(r"(?:\d{4}|今|去|明|前|当)年", start.group())
        return other[:end.start()] + (year.group() if year and not own_year and year.group() != end.group() else "") + side
    return ""


def parallel_head(side: str, other: str) -> str:
    """The measure ``other`` says after its opening head parallel to ``side``: "人均可支配收入" of
    "城镇居民人均可支配收入" for "农村居民", "昼间平均等效声级" of "道路交通声环境昼间平均等效声级" for "城市区域声环境":
    ``side`` ends as that head does (two characters or more, the head's words ending there) with words of its own before,
    and names no period, figure or 的 of its own. "" otherwise ("汽车" against "全国汽车司机" is no head of its own)."""
    if ablated("parallel_head") or "的" in side or len(side) < 3 or side in other or re.search(r"\d", side) \
            or times_named(side):
        return ""
    ends, at = [], 0
    for word, _ in pos_cut(other):
        at += len(word)
        ends.append(at)
    best, tail = 1, ""
    for end in ends[:-1]:
        shared = 0
        while shared < min(len(side), end) and side[-shared - 1] == other[end - shared - 1]:
            shared += 1
        rest = other[end:]
        if best < shared < len(side) and shared < end and len(rest) >= 3 and not rest.startswith(("的", "和", "与")):
            best, tail = shared, rest
    return tail


# a calendar period opening a side before its place ("今年射洪市…", "1—11月宝塔区…", "去年宝塔区…")
_OPENING_PERIOD = re.compile(r"^(?:(?:\d{4}|今|去|明|上)年度?)?(?:\d{1,2}(?:至|到|-|—|–|～)\d{1,2}月份?"
                             r"|前(?:\d{1,2}|[一二两三四五六七八九十]{1,2})个月|[上下]半年|前三季度|第?[一二三四1-4]季度|\d{1,2}月份?)?")
# the place a side names right after that period: a short name ending in a level, words following it
_OPENING_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,4}?[市县区旗州](?![市县区旗州])(?=[\u4e00-\u9fff]{2,})")


def _period_then_place(side: str, other: str) -> str | None:
    """A place side ("船山区") against one opening with a period, then a place, then its measure ("今年射洪市发放
    的创业担保贷款比船山区多多少"): the other's words with this place in its place, the period kept first ("今年船山区发放
    的创业担保贷款"); the side opening so is complete itself. None when neither reads so (period_then_place)."""
    if ablated("period_then_place"):
        return None
    for named, opening, swap in ((side, other, True), (other, side, False)):
        # a place's or a body's name alone ("船山区"; "子长市", which the tagger does not read as a place; "市中医医院")
        anchors = read_anchors(named)
        if not (named[-1:] in NAME_LEVELS and not named.endswith(_NAME_TYPE_NOUNS) and len(named) <= 8
                and not anchors.times and (anchors.bare or not anchors.entities)
                and not any(flag.startswith("v") for _, flag in pos_cut(named))):
            continue
        period = _OPENING_PERIOD.match(opening)
        if not period.group():  # a place opening the other with no period first is lead_name's to read
            continue
        rest = opening[period.end():]
        place = opening_place(rest, named) if named[-1:] not in "市县区旗州" else ""
        if not place:
            match = _OPENING_PLACE.match(rest) if named[-1:] in "市县区旗州" else None
            place = match.group() if match else ""
        if not place or place == named or len(rest) - len(place) < 2 or times_named(place) \
                or any(is_time_word(word, flag) for word, flag in pos_cut(place)):  # "暑期|盘州" is no place
            continue
        if anchors.bare and any(place in entity or entity in place for entity in read_anchors(opening).entities):
            continue  # a place the anchors read, against a side they read, is theirs to swap (anchor_kind: 东湖区)
        return opening[:period.end()] + named + rest[len(place):] if swap else side
    return None


def complete(side: str, other: str) -> str:
    """``side`` as a phrase that stands alone, borrowing from ``other`` what it leaves out:
    "祁连县" against "城中区的城镇新增就业" is "祁连县的城镇新增就业"; "线上网络招聘"
    against "城中区线下招聘活动" is "城中区线上网络招聘"."""
    mine, theirs = read_anchors(side), read_anchors(other)
    by_period = _period_sides(side, other)
    if by_period:
        return by_period
    opened = _period_then_place(side, other)
    if opened is not None:
        return opened
    tail = parallel_head(side, other)
    if tail:  # "农村居民" against "城镇居民人均可支配收入": the head's own measure, with the other's scope, place and period
        opening = other[:len(other) - len(tail) - len(side)]  # the words before the other's head (its place, period)
        borrowed = theirs.scope if theirs.scope and not mine.scope else ""
        borrowed += "".join(e for e in theirs.entities if e in opening and e not in side) if not mine.entities else ""
        return borrowed + _lent_times(theirs.times, other, side) + side + tail
    if parallel_head(other, side):  # "城镇居民人均可支配收入" against "农村居民": complete, lent no 农村居民
        return side
    lead = lead_name(other, side)
    if lead:  # "海安市" against "如皋市去年城镇新增就业" is "海安市去年城镇新增就业"
        return side + other[len(lead):]
    if lead_name(side, other):  # the side with the name of its own borrows only the other's period
        return ("" if times_named(side) or PERIOD.search(side) else _lent_times(times_named(other), other, side)) + side
    if _names_a_place(side) and _names_a_place(other):
        # "峨岚山景区" and "龙泉温泉小镇": two names, each complete; only a period or scope is shared
        borrowed = theirs.scope if theirs.scope and not mine.scope and not mine.entities else ""
        borrowed += _lent_times(theirs.times, other, side) if not mine.times else ""
        if not borrowed and not mine.times:  # "春节假期峨岚山景区" and "云溪镇": the period before the name
            prefix = ""
            for word, flag in pos_cut(other):
                # only time words ("春节假期", "今年一季度", "春节|期间"): "鼓楼社区" lends no 鼓楼
                if not (is_time_word(word, flag) or (prefix and flag == "f")) or word in side:
                    break
                prefix += word
            borrowed = prefix if prefix != other and not side.startswith(prefix) else ""
        return borrowed + side
    item = _parallel_item(side, other)
    if item:  # "水墩镇段" against "秋香江堤防蓝塘镇段": one more item of what the other names, "秋香江堤防水墩镇段"
        return other[: len(other) - len(item)] + side
    if mine.bare and not theirs.bare:  # only anchors: the other side's words with these anchors
        text = other
        level = mine.entities[0][-1:] if mine.entities else ""
        if level and _place_word(text)[-1:] == level and not ablated("anchor_kind"):
            text = _swap_kind(text, mine.entities, _place_word)
        else:
            text = _swap_name(text, theirs.entities, mine.entities)
        if ablated("anchor_kind") or not period_phrase(side) or not period_phrase(text):
            text = _swap(text, theirs.times, mine.times)
        else:
            text = _swap_kind(text, (period_phrase(side),), period_phrase)
        text = _swap(text, theirs.figures, mine.figures)
        counterpart = mine.scope[:1] + ("内" if mine.scope.endswith("外") else "外")  # 省外 in place of 省内
        if mine.scope and mine.scope.endswith(("内", "外")) and counterpart in text and not ablated("scope_outside"):
            text = text.replace(counterpart, mine.scope, 1)
        elif mine.scope:
            text = _swap(text, (theirs.scope,) if theirs.scope else (), (mine.scope,))
        return text
    words = pos_cut(side)
    predicate = shared_predicate(side, other)
    if predicate:  # "星瀚智能和江城微电子新增授权发明专利": what B does is said of A too
        side += predicate
        words = pos_cut(side)
    parallel, tail = False, ""
    if "的" in other and "的" not in side and not side.endswith("的"):
        # "城镇居民" against "农村居民的人均可支配收入": the two heads are parallel (same last word),
        # so what follows 的 is measured of both; read before the one-bare-noun rule below
        head, _, measure = other.rpartition("的")
        tail = words[-1][0] if side else ""
        parallel = len(measure) >= 2 and measure not in side and len(tail) >= 2 and head.endswith(tail[-2:]) and head != side
    if not parallel and len(words) == 1 and words[0][1] == "n" and len(side) >= 2 and side not in other \
            and "的" in other and not mine.entities and not mine.times:
        # one bare noun against "驿站覆盖的站点": "驿站覆盖的劳动者", the modifier is shared
        return other[:other.rindex("的") + 1] + side
    if side.endswith("的") and not other.endswith("的"):  # "网上的" against "线下提供的岗位": "网上的岗位"
        side += other.rpartition("的")[2] if "的" in other else (pos_cut(other)[-1][0] if other else "")
    elif parallel:
        side += "的" + other.rpartition("的")[2]
    elif not ablated("shared_measure") and "的" in other and "的" not in side and 2 <= len(mine.measure) <= 4 \
            and re.fullmatch(r"[\u4e00-\u9fff]{2,}", other.rpartition("的")[2]) and other.rpartition("的")[2] not in side \
            and len(read_anchors(other.rpartition("的")[0]).measure) >= 2:  # "湟源县的下乡演出": a place's, no thing's measure
        # "高血压和2型糖尿病患者的规范管理率": a short bare thing against one followed by 的 and a measure
        # ("A和B的X") has that measure too
        side += "的" + other.rpartition("的")[2]
    borrowed = ""
    if theirs.scope and not mine.scope and not mine.entities:
        borrowed += theirs.scope
    # a side with a place word of the other's level (宝鸡高新区 against 渭滨区) or a period of its own (现在
    # against 2020年) is already placed or dated: it borrows neither
    own_place = not ablated("anchor_kind") and theirs.entities and theirs.entities[0][-1:] == _place_word(side)[-1:]
    if theirs.entities and not mine.entities and not mine.scope and not own_place:
        # a parallel head ("农村居民" against "城镇居民") is the other side's own, not lent
        borrowed += "".join(e for e in theirs.entities if e not in side and not (parallel and e.endswith(tail[-2:])))
    # nor the period a bare period is (A比2023年: A is the current figure, the period tells the two apart)
    only_period = theirs.bare and not theirs.entities and not theirs.figures
    if theirs.times and not mine.times and (ablated("anchor_kind") or not (period_phrase(side) or only_period)):
        borrowed += _lent_times(theirs.times, other, side)
    return borrowed + side


def _lent_times(times: tuple[str, ...], other: str, side: str) -> str:
    """The period ``other`` lends ``side``: its words ``times`` not in ``side``, or the whole period phrase they stand
    in when it holds more ("今年1—11月", whose words read are only 11月: a range and its year are one period)."""
    joined = "".join(t for t in times if t not in side)
    if ablated("range_period") or not joined:
        return joined
    phrase = period_phrase(other)
    return phrase if len(phrase) > len(joined) and all(t in phrase for t in times) and phrase not in side else joined


_NOUN_FLAGS = ("n", "nr", "ns", "nt", "nz", "j", "m", "t", "mq")


def shared_predicate(side: str, other: str) -> str:
    """"A和B新增授权发明专利": when ``side`` is a bare subject (nouns and names only, no 的) and
    ``other`` is a parallel subject of about its length followed by a predicate (from its first
    verb on), that predicate, which the question says of both; "" otherwise."""
    if ablated("shared_predicate") or "的" in side or "的" in other:
        return ""
    mine = [(w, f) for w, f in pos_cut(side) if not is_time_word(w, f) and f not in ("m", "mq")]
    if not mine or not all(f.startswith(_NOUN_FLAGS) for _, f in mine):
        return ""
    subject = ""
    for word, flag in pos_cut(other):
        if flag.startswith("v") and len(word) >= 2 and len(subject) >= 2:
            rest = other[other.index(word, len(subject)):]
            # a rest ending as a name does ("旅游度假区", "经济开发区") is the rest of the other side's name, no predicate
            named = not ablated("name_verbal_noun") and rest.endswith(_NAME_ENDINGS)
            if abs(len(subject) - sum(len(w) for w, _ in mine)) <= 2 and rest not in side and len(rest) >= 4 and not named:
                return rest
            return ""
        if not flag.startswith(_NOUN_FLAGS):
            return ""
        subject += word
    return ""


# the last character of a side naming one kind among several ("物业服务类", "国家级", "A型"): the other side may
# go on after its own such word with the noun both kinds are of ("市场管理类诉求", "省级重点龙头企业")
_KIND_ENDINGS = "类级型式档等种"


def kind_tail(side: str, other: str) -> str:
    """The noun ``other`` puts after its word of the kind ``side`` ends with ("诉求" of "市场管理类诉求" for
    "物业服务类"), when that word comes early in ``other`` (its parallel of ``side``) at a word boundary; "" otherwise."""
    if ablated("kind_tail") or len(side) < 2 or side[-1] not in _KIND_ENDINGS or side[-1] in other[-1:]:
        return ""
    at = 0
    for word, _ in pos_cut(other):
        at += len(word)
        if word.endswith(side[-1]):
            tail = other[at:]
            if at <= len(side) + 2 and len(tail) >= 2 and "的" not in tail and tail not in side:
                return tail
            return ""
    return ""


def without_lent_place(full: str, side: str, lent: tuple[str, ...]) -> str:
    """``full`` without the place the other side lent it (``lent``, not in ``side``) when it opens the phrase,
    after its period at most ("厦门前三季度轨道交通的客运量" → "前三季度轨道交通的客运量"), and what is left
    opens with a noun or a period (not "办的零工活动"); "" otherwise."""
    if ablated("unplaced_side"):
        return ""
    for entity in lent:
        if entity in side:
            continue
        period = PERIOD.match(full)
        at = period.end() if period else 0
        if full.startswith(entity, at) or full.startswith(entity):
            start = at if full.startswith(entity, at) else 0
            rest = (full[:start] + full[start + len(entity):].lstrip("的")).strip()
            words = pos_cut(rest)
            if len(rest) >= 2 and words and (words[0][1][:1] in ("n", "t", "m") or PERIOD.match(rest)):
                return rest
    return ""
