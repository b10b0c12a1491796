"""Another modifier of the asked measure's head: the figure's clause says the head noun the question
measures, but qualified by another word than the question's.

"刑事案件平均审理天数是多少" is not answered by "民事案件平均审理天数为46.3天", "城镇调查失业率" not by
"城镇登记失业率为2.76%", "早稻的总产量" not by "粮食总产量增加18.6万吨", "累计成交额" not by "单日成交额
突破3000万元", "月人均基本养老金" not by "城乡居民基础养老金…163元": Chinese names a kind of a measure by
the words right before its head (the head and what stands between stay the same), so when those words
differ, the figure is of a sibling measure the article gives instead.

The comparison reads the question and the clause with jieba: for a noun of the question that the
clause says as a word of its own, it walks back over the words the two share right before it, and
compares the first pair that differ. Both must be content words (a noun, a distinguishing word, an
adjective, an abbreviation, a verbal noun; a plain verb only against a verb of the question: 调查 /
登记), neither a place, a time, a number nor a scope word (全市, 本地); the asked one must not be said in the
clause (nor a synonym, a word of its 词林 class or an abbreviation of a longer word there), and the
clause's own one must not be said in the question: a paraphrase says the asked modifier in other
words, which those readings catch ("规上工业" against "规模以上工业": 以上 is no content word). A word of 词林's
small class counts as said in other words, except between natural kinds and produce (玉米 / 小麦, 大蒜 / 蔬菜),
whose synonym groups are species: those are another crop, or the kind, and the figure a sibling's.
"""
from __future__ import annotations

from ...places import pos_tokenizer
from ..question import GENERIC_PLACES, QuestionAnalysis, entity_in, pos_cut
from ..scoring import abbreviated
from ..settings import ablated
from ..synonyms import kindred_in, said_in, word_codes

# a place, person or organisation name, a time, a number or a scope word names who and when, not what kind
_NAME_FLAGS = ("ns", "nr", "nt", "nrt", "nrfg", "t", "m", "q")
_SCOPE = "全我本各当该"
_PERSON_FLAGS = ("nr", "nrt", "nrfg")
_OF = ("的", "之")
_MISREAD_FLAGS = ("m",) + _PERSON_FLAGS
# directional complements ("自己出来创业") say no kind
_COMPLEMENTS = frozenset("起来 下来 出来 上来 过来 进来 回来 下去 上去 出去".split())


# the scope words that name every kind of the noun after them, not a place, level or period (各项存款余额, 各类案件)
_EVERY_KIND = frozenset({"各项", "各类", "各种", "各式", "各色"})


def _content(word: str, flag: str, verbs: bool) -> bool:
    """A word that can say which kind of a measure is meant: two characters or more, a noun, a
    distinguishing word, an adjective, an abbreviation or a verbal noun (a verb only when ``verbs``); a code in
    letters (PM10, PM2.5 of 平均浓度) names a kind as a noun does."""
    if len(word) < 2 or flag in _NAME_FLAGS or word in _COMPLEMENTS:
        return False
    if word[0] in _SCOPE:
        return _misread_scope(word, flag)
    if flag == "eng" and not ablated("modifier_letters"):
        return True
    return flag[:1] in ("n", "b", "a", "j") or flag == "vn" or (verbs and flag[:1] == "v")


# what a scope word's second character names: a level, a place, a period or a set of things (全市, 本地, 各类, 本届)
_SCOPE_OF = "市县区省州盟旗镇乡村国地级类届期年月日季部体处面方边些次种样个项所家单员球院校场局馆站域天城境网线程盘"


def _misread_scope(word: str, flag: str) -> bool:
    """A word opening with a scope character that names no scope but a kind, which jieba tags a pronoun (本科 of
    本科上线人数): two characters, the second naming no level, place, period or set (本科, 全科), and 词林 filing it
    among things (its classes A-D), never among pronouns or attributes. Such a word is a noun."""
    if ablated("modifier_scope_misread") or len(word) != 2 or word[1] in _SCOPE_OF:
        return False
    codes = word_codes(word)
    return bool(codes) and all(code[:1] in "ABCD" for code in codes)


def _kind_verb(tokens: list[tuple[str, str]], at: int) -> bool:
    """A verb glued between a distinguishing word or adjective and the head ("高级|认证|企业", "一般|认证|企业"): part of
    the head's phrase, so the words before it name the kind."""
    if ablated("modifier_kind_verb") or not tokens[at][1].startswith("v") or at == 0 or at + 1 >= len(tokens):
        return False
    return tokens[at + 1][0] not in _OF and tokens[at - 1][1][:1] in ("a", "b") and len(tokens[at - 1][0]) >= 2


def _straddled(word: str, at: int) -> bool:
    """Whether the characters of ``word`` around ``at`` make a word of their own (加工 in 加工业, at 1): what starts at
    ``at`` is read across a boundary of the word, not as a word it ends with."""
    return bool(pos_tokenizer().tokenizer.FREQ.get(word[:at + 1])) and len(word[:at]) == 1


def _before(tokens: list[tuple[str, str]], at: int) -> int:
    """The index of the word before ``at``, past a 的 joining a modifier to its head, and past a gloss in brackets
    after the modifier ("可吸入颗粒物（PM10）平均浓度": the bracket names the word before it again, in letters)."""
    at -= 1
    if at >= 0 and tokens[at][0] in _CLOSE and not ablated("modifier_gloss"):
        opening = next((k for k in range(at - 1, max(at - 6, -1), -1) if tokens[k][0] in _OPEN), None)
        if opening is not None and opening > 0:
            at = opening - 1
    if at >= 0 and tokens[at][0] in _OF:
        at -= 1
    return at


_OPEN, _CLOSE = ("（", "("), ("）", ")")
# a generic measure noun after a noun ("上线人数", "参保人数", "企业数量"): it counts what the noun before it names, so
# that noun is the head a modifier qualifies ("本科上线人数" against "专科上线人数")
_COUNT_HEADS = frozenset({"人数", "数量", "总数", "人次", "户数", "个数", "家数", "次数"})


def _compound(tokens: list[tuple[str, str]], at: int) -> bool:
    """Whether the noun at ``at`` modifies a noun right after it ("粮食中转量"): then it is not the head."""
    if at + 1 >= len(tokens):
        return False
    word, flag = tokens[at + 1]
    if word in _COUNT_HEADS and not ablated("modifier_count_head"):
        return False
    # (a rate's 每斤 after it says per what, not a longer noun: "零售价格每斤13.8元")
    return flag.startswith("n") and len(word) >= 2 and not word.startswith("每")


def other_things(word: str, other: str) -> bool:
    """Whether 词林 files ``word`` and ``other`` only among natural kinds and produce (plants, animals, microbes,
    foods: _KINDS) and in no synonym group together: then they name two things even within one small class, a sibling
    (玉米 / 小麦, 番茄 / 大蒜) or the kind and one of its members (蔬菜 / 大蒜), never one thing in other words (as
    老百姓 / 群众 of one small class of people, or 房子 / 住房 of buildings, do)."""
    return word != other and _thing(word) and _thing(other) and not set(word_codes(word)) & set(word_codes(other))


# 词林's classes of natural kinds and what is made of them: plants (Bh), animals (Bi), microbes (Bj), foods and drugs
# (Br). Their synonym groups are species and produce (小麦, 玉米; 大米, 面粉); those of artefacts are often one thing in
# other words (房子 / 住房, Bn), so they are left out.
_KINDS = ("Bh", "Bi", "Bj", "Br")


def _thing(word: str) -> bool:
    """A word 词林 files only among natural kinds and produce (八角: a spice and a plant), unless modifier_things is
    off."""
    codes = word_codes(word)
    return not ablated("modifier_things") and bool(codes) and all(c.startswith(_KINDS) for c in codes)


def _kindred(word: str, words: list[str]) -> bool:
    """``word`` said by a word of its 词林 small class among ``words``, other things (other_things) left out."""
    return kindred_in(word, [w for w in words if not other_things(word, w)])


def _asked_said(word: str, clause: str, words: list[str]) -> bool:
    return said_in(word, clause) or _kindred(word, words) or abbreviated(word, clause) \
        or any(w in word for w in words if len(w) >= 2 and w not in _OF)


def _split_compounds(tokens: list[tuple[str, str]], entities: tuple[str, ...]) -> list[tuple[str, str]]:
    """The tokens with each common noun jieba keeps whole as modifier and head (行政案件 → 行政|案件, 机电设备 →
    机电|设备) read as its two words, when both are words of its dictionary of two characters or more: Chinese
    names a kind of a measured thing by the word before its head, glued or not ("审结行政案件" against "审结劳动争议
    案件"), so the head must be found in either."""
    if ablated("modifier_compound"):
        return tokens
    frequency = pos_tokenizer().tokenizer.FREQ
    out = []
    for word, flag in tokens:
        split = None
        if flag in ("n", "nz") and len(word) >= 4 and not any(entity_in(e, word) for e in entities):
            for at in range(2, len(word) - 1):
                front, tail = word[:at], word[at:]
                if frequency.get(front) and frequency.get(tail):
                    front_cut = pos_cut(front)
                    front_flag = front_cut[0][1] if len(front_cut) == 1 else "n"
                    # (a verb before the head says what is done, no kind: 播种|面积 stays one noun)
                    if not (front_flag.startswith("v") and front_flag != "vn"):
                        split = [(front, front_flag), (tail, "n")]
                    break
        out.extend(split or [(word, flag)])
    return out


def other_modifier(clause: str, analysis: QuestionAnalysis) -> tuple[str, str] | None:
    """(the asked modifier, the clause's own) when the figure's ``clause`` says a noun the question
    measures under another modifier than the question's ("刑事案件" asked, "民事案件…平均审理天数"
    said), else None."""
    asked = [(w, f) for w, f in pos_cut(analysis.text) if w.strip()]
    own = [(w, f) for w, f in pos_cut(clause) if w.strip()]
    found = _other_modifier(asked, own, clause, analysis, [n for n in analysis.measured_nouns if len(n) >= 2])
    if found or ablated("modifier_compound"):
        return found
    # read again with the nouns jieba keeps whole split into modifier and head, the noun counted after the
    # wh-word ("审结了多少件行政案件") measured as the one before it is
    measured = [n for n in analysis.measured_nouns if len(n) >= 2]
    if analysis.type_noun and len(analysis.type_noun) >= 2:
        measured.append(analysis.type_noun)
    return _other_modifier(_split_compounds(asked, analysis.entities), _split_compounds(own, analysis.entities), clause,
                           analysis, measured)


def _other_modifier(asked: list[tuple[str, str]], own: list[tuple[str, str]], clause: str, analysis: QuestionAnalysis,
                    measured: list[str]) -> tuple[str, str] | None:
    clause_words = [w for w, _ in own]
    question_words = [w for w, _ in asked]
    times = [t for t in analysis.time_terms]
    for i, (head, flag) in enumerate(asked):
        if len(head) < 2 or not flag.startswith("n") or any(entity_in(e, head) for e in analysis.entities) \
                or not any(head in n for n in measured) or _compound(asked, i):
            continue
        for j, (word, _) in enumerate(own):
            # a total's head (总产值, 总产量) is said by the head alone (产值): 总 says the sum, not another measure
            total = head.startswith("总") and len(head) >= 3 and word == head[1:] and not ablated("modifier_total_head")
            # and the clause's total (蔬菜总产量) says the head asked (大蒜产量): 总 sums the kind the words before it name
            total = total or word == "总" + head and not ablated("modifier_clause_total")
            if (word != head and not total) or _compound(own, j):
                continue
            a, b = _before(asked, i), _before(own, j)
            # the words the two share before the head belong to its phrase (平均审理天数), not to a verb's or
            # preposition's (从进医院到开通血管 against 从入院到开通血管)
            while a >= 0 and b >= 0 and asked[a][0] == own[b][0] and (
                    _content(*asked[a], False) or _kind_verb(asked, a) and _kind_verb(own, b)):
                a, b = _before(asked, a), _before(own, b)
            if a < 0 or b < 0:
                continue
            (mod, mod_flag), (other, other_flag) = asked[a], own[b]
            # a word jieba tags a person's name that the question's reading does not take for one (玉米 in
            # "玉米播种面积": not among its entities) is an everyday noun
            if mod_flag in _PERSON_FLAGS and not ablated("modifier_misread_name") \
                    and not any(entity_in(e, mod) or entity_in(mod, e) for e in analysis.entities):
                mod_flag = "n"
            # and a word it tags a number or a person's name that 词林 files only among things (八角 of "八角产量",
            # 夏粮 of "夏粮播种面积") is a thing's name, in the question and in the clause
            if mod_flag in _MISREAD_FLAGS and _thing(mod):
                mod_flag = "n"
            if other_flag in _MISREAD_FLAGS and _thing(other):
                other_flag = "n"
            # a verb joined by 的 is a relative clause in the asker's words ("转运的粮食", "歇脚的驿站"), and a
            # verb right before a noun of the clause its object ("助力农牧业"); a verb before the head names a
            # kind only glued to it in the question ("累计成交额", "调查失业率") against a noun or the like
            glued = asked[a + 1][0] not in _OF
            if not glued and a > 0 and asked[a - 1][1].startswith(("v", "p")):
                continue  # a relative clause (看比赛的观众): the asker's words for who is meant
            if not _content(mod, mod_flag, glued) or any(entity_in(e, mod) for e in analysis.entities) \
                    or any(mod in t for t in times) or mod in GENERIC_PLACES:
                continue
            # a scope word naming every kind of the head (各项存款, 各类案件) sums the kinds: the asked one (住户存款)
            # is a part of its figure, not the figure
            every_kind = other in _EVERY_KIND and not ablated("modifier_every_kind")
            if not every_kind and (not _content(other, other_flag, glued and mod_flag[:1] == "v" and own[b + 1][0] not in _OF)
                                   or other in GENERIC_PLACES):
                continue
            # two words opening alike say one thing (货车 / 货运, 农村 / 农牧区); siblings differ in their
            # opening and may share their head (刑事 / 民事)
            if mod[0] == other[0]:
                continue
            # (the asked word said only as the tail of the clause's own, longer one names a kind of it, "加工业" of
            # 工业, "农产品加工业产值" for 工业总产值: the figure of that kind, not the asked whole)
            # only when the asked word runs across the clause word's own boundary (加工|业: 加工 is a word): "行业协会"
            # is 行业 + 协会, the asked word with a modifier the asker left out)
            subtype = len(other) > len(mod) and other.endswith(mod) and not ablated("modifier_subtype") \
                and clause.count(mod) == clause.count(other) and _straddled(other, len(other) - len(mod))
            if _asked_said(mod, clause, clause_words) and not subtype:
                continue
            # (a scope word of every kind shares 词林's class of amounts with the question's 多少, 几: no wording of it)
            if said_in(other, analysis.text) or not every_kind and _kindred(other, question_words) \
                    or any(other in w or w in other for w in question_words if len(w) >= 2 and not (subtype and w == mod)):
                continue
            return mod, other
    return None
