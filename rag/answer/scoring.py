"""Scoring every sentence of the retrieved paragraphs against the question.

Each sentence gets a score (entities, time qualifiers, the measured thing, the
best span of the asked type, its paragraph's rank) and, when it cannot answer,
the reason why. Objections are of two strengths: a missing entity, period,
figure, asked thing or span is *hard*; a wording mismatch is *soft*
(``WORDING``), since a paraphrase raises it too; the sentence vectors decide those.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from typing import Callable

from ..dateline import DATELINE
from ..places import LOCAL_LEVELS
from ..schema import Hit
from ..setting import one_place_word, places_named
from ..sentences import split_sentences
from .evidence import entity_said, figures_missing, paired_short_names, paragraph_context, period_in
from .question import (
    DATE,
    NAME,
    ORG,
    PERSON,
    PLACE,
    QUANTITY,
    SENTENCE,
    QuestionAnalysis,
    coverage,
    entity_in,
    is_province,
    pos_cut,
    pos_tokenizer,
    place_level,
    places_of_level,
    role_said_in_words,
    time_in,
    without_baselines,
)
from .settings import ablated
from .related_head import said_by_measure
from .counted_people import counted_by_unit
from .spans import RATE_AS_CHANGE, UNITS, Span, asks_a_name, best_span, kind_of_name
from .synonyms import general_word_for, kindred_in, said_in, small_classes, synonyms

_CJK = "\u4e00-\u9fff"

# How much of the measured thing's wording the answer sentence must share
# (bigram coverage, see rag.answer.question.coverage). Below this the passages talk
# about something else, whatever their retrieval score.
MIN_MEASURE_COVERAGE = 0.4
# How much of the measured thing must stand in the number's own clause.
MIN_LOCAL_MATCH = 0.15

# Objection strengths (Candidate.objection), weakest first.
WORDING = "wording"
HARD = "hard"


class Lack(str, Enum):
    """What a rejected sentence does not say (``Candidate.lacks``): the structured reason behind its
    user-facing ``reason``, for code to read instead of the Chinese message."""

    ENTITY = "entity"  # a place or organisation the question names
    PERIOD = "period"  # a period the question names
    FIGURE = "figure"  # a number the question names
    NOUN = "noun"  # a noun of the question, not even in a word of its class (hard when it is the asked thing)
    ROLE = "role"  # the role asked about ("副局长是谁")
    SPAN = "span"  # a span of the asked type, or a name of the asked kind ("哪支球队")
    MEASURE = "measure"  # the measured thing, barely talked about
    CLAUSE = "clause"  # the measured thing, in the figure's own clause

# --- matching sentences to the question ------------------------------------------

@dataclass(frozen=True)
class Candidate:
    hit: Hit
    rank: int  # 0-based rank of the paragraph among the distinct retrieved paragraphs
    sent_start: int
    sent_end: int
    sentence: str
    score: float
    eligible: bool
    reason: str | None  # why not eligible
    span: Span | None
    # how strong the objection is: None (eligible), WORDING (a paraphrase raises it too), or
    # HARD (a missing entity, period, figure, asked thing, role or span of the asked type)
    objection: str | None = None
    similarity: float | None = None  # cosine of the sentence and the question (sentence vectors)
    context_used: tuple[str, ...] = ()  # how the article's context supplied an entity the sentence leaves out
    lacks: Lack | None = None  # what it does not say, when not eligible (the structured ``reason``)


# how an article refers to its own place once it has named it: 全省 for the province, 全县/该县 for the county
# (not 全市场/该区域: 市场 and 区域 are words of their own, a market and an area)
_WORD_AFTER = {"市": "场", "区": "域"}
_WIDE = {
    level: re.compile(rf"(?:全|该|本|我){level}" + (f"(?!{_WORD_AFTER[level]})" if level in _WORD_AFTER else ""))
    for level in ("省", "市", "县", "区", "州", "旗", "盟")
}
_WIDE["省"] = re.compile(r"全省|我省|本省")


# a sentence going on about the person the one before named: 她 or 他 its subject, after at most a time phrase
# ("去年6月，她…"); 该/其 (该公司) may point back past the sentence before, to another one
_PRONOUN_SUBJECT = re.compile(r"^(?:[^，。；！？]{0,10}，)?(?:她|他)(?![们])")


def _entity_level(
    entity: str, sentence: str, title: str, paragraph_text: str, article_text: str, province_ok: bool,
    inherit: bool = True, setting: str = "", lead_text: str | None = None,
) -> tuple[float, str | None]:
    """1.0 in the sentence, 0.6 elsewhere in the paragraph; inherited from the article
    (``inherit``): 0.8 in the title, 0.5 in another retrieved paragraph of the same
    article or as its "全省"/"全县"; else 0. ``setting``: the places the article's headline,
    dateline and lead name (Paragraph.setting); ``lead_text``: the article's retrieved lead (the paragraph
    opening with its dateline) and the paragraph right before this one, the other paragraphs a name that is
    no place is inherited from (None: any). With the level, how the article's context supplied the entity,
    for the user to see (None when the paragraph names it)."""
    if entity_said(entity, sentence):
        return 1.0, None
    if inherit and entity_said(entity, title):
        return 0.8, f"“{entity}”见文章标题《{title}》"
    if entity_said(entity, paragraph_text):
        return 0.6, None
    if not inherit:
        return 0.0, None
    level = setting_level(entity, setting)
    in_setting = _in_setting(entity, setting, level)
    # an article names its place in the lead paragraph and then says "全县"; an article
    # about several places of that level (辽宁 and 四川) gives none of them to a paragraph;
    # and a place another paragraph names in passing (分市看，上饶市…) is not where the
    # article is: only a place its headline, dateline or lead name is inherited
    if (
        entity_said(entity, article_text)
        and not _other_places(entity, paragraph_text, article_text, level)
        and (level is None or in_setting or ablated("setting_inherit"))
        # a name (a resort, a garden) another paragraph of a long report names is what that paragraph is
        # about: the article is about it only where its lead names it, as its place is the one its setting names
        and (level is not None or lead_text is None or entity_said(entity, lead_text) or (one_place_word(entity) and in_setting))
    ):
        return 0.5, f"“{entity}”见同一篇文章《{title}》的其他段落"
    # a province asked by name is "全省/我省" in its own paper's articles; a county or city
    # the article's lead names is "全县/该县", "全市/我市" there
    if level == "省":
        # a municipality (重庆, 天津) is a province its own articles call 全市/我市 once their setting names it
        city = entity.removesuffix("市") in _MUNICIPALITIES and _only_within(entity, setting) and not ablated("setting_level")
        wide = (_WIDE["省"].search(sentence + title) or (city and _WIDE["市"].search(sentence + title))) if province_ok else None
    elif level in _WIDE and in_setting and not ablated("setting_wide"):
        wide = None if _other_places(entity, paragraph_text, "", level) else _WIDE[level].search(sentence + title)
    else:
        wide = None
    if wide and level == "省":
        return 0.5, f"文中“{wide.group(0)}”即{entity}（同一来源的文章提到{entity}）"
    if wide:
        return 0.5, f"文中“{wide.group(0)}”即{entity}（文章的报头、标题、电头或导语指明{entity}）"
    return 0.0, None


_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")


def _only_within(entity: str, setting: str) -> bool:
    """Whether the article's setting names ``entity`` and nothing but it and places within it (its
    区/县): a page province given to an article datelined in another city (成都) is not its 全市."""
    places = setting.split()
    core = entity.removesuffix("市")
    return any(core in p for p in places) and all(core in p or place_level(p) in ("区", "县") for p in places)


def setting_level(entity: str, setting: str) -> str | None:
    """The administrative level of a place asked (rag.answer.question.place_level); a name asked
    without its suffix (温宿, 包头) has the level of the place its article's setting writes in full
    (温宿县: 县), so the article's 全县/该县 speaks of it."""
    level = place_level(entity)
    if level is not None or not setting or ablated("setting_level"):
        return level
    full = {place_level(p) for p in setting.split() if p.startswith(entity) and len(p) > len(entity)}
    return full.pop() if len(full) == 1 else None


def _in_setting(entity: str, setting: str, level: str | None = None) -> bool:
    """Whether ``entity`` is the one place of its level in the article's setting (an article set
    in two counties gives neither to its 全县)."""
    if not setting:
        return False
    places = setting.split()
    level = level or place_level(entity)
    if not any((entity_in(entity, place) or entity_in(place, entity)) and not _other_level(entity, place, level) for place in places):
        return False
    same_level = [p for p in places if level and place_level(p) == level]
    return all(entity_in(entity, p) or entity_in(p, entity) for p in same_level)


def _other_level(entity: str, place: str, level: str | None) -> bool:
    """Whether a place of the setting shares only its stem with the one asked: 大理市 is not 大理州 (a city within the
    prefecture its paper is of), nor 吉林市 吉林省's; a municipality asked as a province (重庆) stays 重庆市."""
    other = place_level(place)
    return (level in LOCAL_LEVELS and other in LOCAL_LEVELS and other != level and entity != place
            and not ablated("same_stem_level"))


def _referred_places(sentence: str, setting: str, paragraph_text: str) -> list[tuple[str, str]]:
    """The places a sentence refers to as its article's (全区, 该县, 我市: ``_WIDE``), each the one place
    of that level its article's setting names (Paragraph.setting), while the paragraph names no other."""
    if not setting or ablated("setting_reference"):
        return []
    found = []
    for level, pattern in _WIDE.items():
        word = pattern.search(sentence)
        places = list(dict.fromkeys(p for p in setting.split() if place_level(p) == level))
        if word and len(places) == 1 and not _other_places(places[0], paragraph_text, "", level):
            found.append((word.group(0), places[0]))
    return found


def _contradicted(referred: list[tuple[str, str]], asked_places: list[str]) -> str | None:
    """Why a sentence whose 全区/该县 is its article's place (金口河区) does not answer for another place
    of that level the question names (光明区), or None."""
    for word, place in referred:
        for asked in asked_places:
            if place_level(asked) == place_level(place) and not (entity_in(asked, place) or entity_in(place, asked)):
                return f"相关段落中的“{word}”指{place}，不是{asked}"
    return None


def _other_places(entity: str, paragraph_text: str, article_text: str, level: str | None = None) -> bool:
    """Whether the paragraph, or the article it stands in, names another place of the
    entity's level (the article is then about several, and this paragraph may be another's)."""
    level = level or place_level(entity)
    if level is None or ablated("article_places"):
        return False
    named = set()
    for part in dict.fromkeys([paragraph_text, *article_text.split("\n")]):
        named |= places_of_level(level, part)
    return any(not (entity_in(place, entity) or entity_in(entity, place)) for place in named)


def distinct_paragraph_hits(hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for hit in hits:
        key = (hit.paragraph.source, hit.paragraph.number)
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out


def _counted_in(noun: str, text: str) -> bool:
    """"几个省份" is counted as "10省": the unit names the counted thing."""
    return bool(re.search(r"\d\s*" + re.escape(noun[0]), text)) and noun[0] in UNITS


# a measure named by its unit: 吨位 (a ship's 20万吨级), 亩数, 户数
_BY_UNIT = re.compile(r"(.{1,2}?)(?:位|数|量|级)")


def _measured_by_unit(noun: str, text: str) -> bool:
    """Whether ``text`` states ``noun`` by its unit: "多大吨位" is said by "20万吨级", "户数" by "3200户"."""
    m = _BY_UNIT.fullmatch(noun)
    if m is None or m.group(1) not in UNITS or ablated("measure_unit_said"):
        return False
    return bool(re.search(r"\d\s*(?:万亿|亿|万|千|百)?(?:余|多)?" + re.escape(m.group(1)), text))


# a pair of opposite motions (进出, 出入, 装卸, 迎送), alone or before the place passed (进出港, 出入境, 进出站): what goes
# both ways through a port, airport, station or border, which news counts as its 吞吐量 (旅客吞吐量, 货物吞吐量);
# never 进出口 (foreign trade, a part of the traffic)
_TWO_WAY = re.compile(r"(?:进出|出入|装卸|迎送|来往|往来)[港站岛]?")
_THROUGHPUT = re.compile(r"吞吐")


def _two_way_said(noun: str, text: str) -> bool:
    """Whether ``noun`` names the two-way traffic of a place of passage (进出港旅客's 进出港) and ``text`` counts it by
    its throughput ("完成旅客吞吐量286.4万人次")."""
    return (not ablated("two_way_throughput") and bool(_TWO_WAY.fullmatch(noun))
            and bool(_THROUGHPUT.search(text)))


def _noun_present(noun: str, text: str) -> bool:
    """Whether the passages talk about ``noun``: most of its bigrams, so "户籍人口"
    matches "人口户籍" wording but "失业率" does not match "就业率"."""
    if _measured_by_unit(noun, text) or _two_way_said(noun, text):
        return True
    if re.fullmatch(r"[A-Za-z0-9]+", noun):
        return noun.lower() in re.sub(r"\s", "", text.lower())
    if noun in text or any(s in text for s in synonyms(noun)):  # 邮编 is 邮政编码
        return True
    # a rate of change (增幅, 增速, 降幅) is said by its change before a percentage: "同比增长14.2%" (as
    # spans.RATE_AS_CHANGE reads it at the figure)
    if noun in RATE_AS_CHANGE and not ablated("rate_noun_by_change") and re.search(
            RATE_AS_CHANGE[noun] + r"了?[^，。；！？,;!?\d]{0,3}\d[\d.]*[%％]", text):
        return True
    # Chinese compounds are head-final: "发送量", "增长率" are talked about as
    # "发送旅客…", "增长4.5%"; the modifier is the part that must be there
    # (so "失业率" is not "就业率")
    if len(noun) >= 3 and noun[:-1] in text:
        return True
    # a four-character compound is often written with words inserted between its two
    # halves ("施工单位" as "施工总承包单位")
    if len(noun) == 4 and re.search(re.escape(noun[:2]) + r"[^，。；！？,;!?]{1,4}" + re.escape(noun[2:]), text):
        return True
    return abbreviated(noun, text) or same_characters(noun, text)


_NO_PUNCT = r"[^，。；！？,;!?、\s“”（）()]"


def same_characters(noun: str, text: str) -> bool:
    """Whether ``text`` says ``noun`` with its own characters in another compound: a two-character
    word turned round ("收麦" as 麦收) and a longer one keeping its first and last character
    around others of the same length ("起拍价" as 起始价: the modifier and the head stay)."""
    if ablated("same_characters") or not re.fullmatch(f"[{_CJK}]+", noun):
        return False
    if len(noun) == 2:
        return noun[::-1] in text
    pattern = re.escape(noun[0]) + _NO_PUNCT + "{%d}" % (len(noun) - 2) + re.escape(noun[-1])
    return any(not _other_word(noun[1:], m.group()[1:]) for m in re.finditer(pattern, text))


def _other_word(asked: str, said: str) -> bool:
    """Whether the head part said ("投入" of 总投入) is a word of its own that means something else than
    the asked one ("收入" of 总收入; 户数 for 人数): both are dictionary words and no synonyms (词林)."""
    if asked == said or ablated("other_word_head"):
        return False
    frequency = pos_tokenizer().tokenizer.FREQ
    return bool(frequency.get(asked) and frequency.get(said)) and not kindred_in(asked, [said])


def role_said(role: str, sentence: str) -> bool:
    """Whether ``sentence`` names the role asked ("负责人是谁"): the word itself, or, for the general
    word of a 词林 small class (负责人, 领导), a title of that class (理事长 is 负责人)."""
    return role in sentence or any(general_word_for(role, word) for word, _ in pos_cut(sentence)) \
        or role_said_in_words(role, sentence)


# A news photograph is credited on a line of its own: "通讯员张玉善摄", "本报记者 李静 摄影", "（王强 摄）"
_PHOTO_CREDIT = re.compile(r"^[（(]?[^，。；！？,;!?]{2,16}(?:摄|摄影)[）)]?[。]?$|^(?:摄影|图)[:：/]")
# "照片是谁拍的", "这组图片是谁摄的", "谁拍的照片"
_PHOTOGRAPHER_ASKED = re.compile(r"(?:照片|图片|相片|组图|图)[^，。？?]{0,6}谁[^，。？?]{0,2}[拍摄]|谁[拍摄](?:的|了)?(?:这组|这张|那组|那张)?(?:照片|图片|相片)")


def photo_credit(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Whether ``sentence`` is a photo credit and the question asks who took the photograph: the
    credit says the photograph and the taking without either word (照片, 拍)."""
    return (
        not ablated("photo_credit")
        and analysis.kind in (PERSON, SENTENCE)
        and bool(_PHOTOGRAPHER_ASKED.search(analysis.text))
        and bool(_PHOTO_CREDIT.search(sentence.strip()))
    )


def _said_in_kind(noun: str, parts: tuple[str, ...]) -> bool:
    if ablated("word_classes"):
        return False
    if len(noun) >= 4 and any(noun[-2:] in part for part in parts):
        return True
    if not small_classes(noun):  # no 词林 class: nothing is kindred (and tagging the parts is the cost)
        return False
    return any(kindred_in(noun, [w for w, _ in pos_cut(part)]) for part in parts if part)


def abbreviated(noun: str, text: str) -> bool:
    """Whether ``text`` says a longer word that ``noun`` abbreviates: a Chinese short form keeps
    the first character of each part, in order ("社工" is 社会工作, "电车" in 电动汽车, "人社"
    is 人力资源和社会保障), so each character of the short form stands in the text in order, at
    most three characters apart ("女队" in 女子足球队), and the longer word starts with the first one."""
    if ablated("abbreviations") or not re.fullmatch(f"[{_CJK}]+", noun):
        return False
    if paired_short_names(noun, text):
        return True
    if not 2 <= len(noun) <= 3:
        return False
    gaps = "".join(re.escape(ch) + r"[^，。；！？,;!?、\s]{0,3}?" for ch in noun[:-1])
    return any(m.end() - m.start() > len(noun) for m in re.finditer(gaps + re.escape(noun[-1]), text))


def _asked_noun(noun: str, analysis: QuestionAnalysis) -> bool:
    """Whether ``noun`` is the very thing asked (its absence means the passages cannot
    answer), rather than wording around it that a paraphrase may change.

    The asked thing stands next to the wh-word ("总投资多少", "摩托车保有量是多少",
    "副局长是谁"). Questions answered by a name or a sentence name the thing itself
    ("文件叫什么" → 《通知》, "哪场战斗" → 平型关大捷), so their nouns are wording;
    and "照片是谁拍的" asks who did something, so 照片 is no role.
    """
    if analysis.kind in (NAME, SENTENCE):
        return False
    if analysis.kind == PERSON:
        return bool(re.search(re.escape(noun) + r"[是为]?(?:谁|哪位)[？?。！!]?$", analysis.text))
    if noun == analysis.type_noun and (analysis.unit or analysis.kind in (PLACE, ORG)):
        return False  # the counted thing ("多少户人家") or the answer's kind ("哪所学校")
    return any(noun in phrase for phrase in analysis.focus)


def _used_as_verb(noun: str, question: str) -> bool:
    """A word the tagger cut across the question's words and reads as a noun, used with an aspect
    particle ("一共用了多少个场馆": 共用 is jieba's cut of 一共|用了): the verb of the user's wording, which
    the passages need not name. (Any noun before 了 is not enough: "新装了" is refused on heldout
    near misses when read so.)"""
    if ablated("noun_as_verb"):
        return False
    # "装车装了多少套", "吃饭吃了几顿": a verb and its object, the verb said again before 了 (离合词)
    if len(noun) == 2 and re.search(re.escape(noun) + re.escape(noun[0]) + "[了过得]", question) and not ablated("verb_copy"):
        return True
    at = question.find(noun + "了")
    if at < 1:
        return False
    frequency = pos_tokenizer().tokenizer.FREQ
    return bool(frequency.get(question[at - 1] + noun[0])) and bool(frequency.get(noun[1:]))


def score_sentences(analysis: QuestionAnalysis, hits: list[Hit], inherit: bool = True) -> list[Candidate]:
    """Every sentence of ``hits`` as a Candidate; ``inherit``: a paragraph inherits its
    article's headline and its other paragraphs' places (全省 under 青海 is 青海省)."""
    sources_with = {
        e: {h.paragraph.source for h in hits if entity_said(e, paragraph_context(h.paragraph))}
        for e in analysis.entities
        if is_province(e)
    }
    # the retrieved text of each article, for entities named only in its lead paragraph
    articles: dict[tuple[str, str | None], str] = {}
    for h in hits:
        key = (h.paragraph.source, h.paragraph.title)
        articles[key] = articles.get(key, "") + "\n" + h.paragraph.text
    # each article's retrieved lead: the paragraph opening with its dateline ("本报讯（记者…）", "新华社…电")
    leads: dict[tuple[str, str | None], str] = {}
    if not ablated("name_from_lead"):
        for h in hits:
            if DATELINE.match(h.paragraph.text.lstrip()):
                key = (h.paragraph.source, h.paragraph.title)
                leads[key] = leads.get(key, "") + "\n" + h.paragraph.text
    # the places the question names (also those its analysis reads as words: 和平区智慧养老平台)
    asked_places = [] if ablated("setting_reference") else places_named(analysis.text)
    candidates = []
    for rank, hit in enumerate(hits):
        p = hit.paragraph
        title = p.title or ""
        context = paragraph_context(p)
        setting = "" if ablated("article_setting") else getattr(p, "setting", None) or ""
        article_text = articles[(p.source, p.title)] if p.title else ""
        # the paragraph right before it, when retrieved: a report names its subject and goes on about it in the next
        # paragraph ("走进…中和街道的职工驿站…" / "驿站负责人介绍，驿站现已覆盖…")
        before = next((h.paragraph.text for h in hits if h.paragraph.source == p.source
                       and h.paragraph.number == p.number - 1 and h.paragraph.title == p.title), "")
        times_ok = all(period_in(t, p, article_text) for t in analysis.time_terms)
        unstated_figures = figures_missing(analysis, context)
        # nouns named exactly anywhere in the article count; a near match only in the sentence
        absent_nouns = [
            n for n in analysis.nouns
            if not said_in(n, title + article_text + context) and not _used_as_verb(n, analysis.text)
            and not (n == analysis.type_noun and _counted_in(n, context))
            # the paragraph's short or turned form of it (电动自行车 for 电动车) is said for all its sentences
            and not (not ablated("paragraph_wording") and (abbreviated(n, context) or same_characters(n, context)))
        ]
        sentences = [(a, b) for a, b in split_sentences(p.text)]
        for index, (start, end) in enumerate(sentences):
            raw = p.text[start:end]
            lead = len(raw) - len(raw.lstrip())
            sentence = raw.strip()
            if len(sentence) < 4:
                continue
            s_start = start + lead
            s_end = s_start + len(sentence)
            if analysis.kind == PERSON and sentence.endswith("”") and index + 1 < len(sentences):
                # a quotation is attributed in the sentence after it ("“……”老农户师存福回忆道。"):
                # who said it is asked, so the two are read as one
                s_end = sentences[index + 1][1]
                s_end -= len(p.text[s_start:s_end]) - len(p.text[s_start:s_end].rstrip())
                sentence = p.text[s_start:s_end]
            elif analysis.kind in (QUANTITY, DATE) and index + 1 < len(sentences) and not ablated("pronoun_follows"):
                # "王某某是退休教师。去年6月，她被诱导准备转账36万元": the next sentence whose subject is a
                # pronoun (她, 他) goes on about the person this sentence names; when this one gives no
                # figure of the asked kind, the two are read as one
                following = p.text[sentences[index + 1][0]:sentences[index + 1][1]].strip()
                if _PRONOUN_SUBJECT.match(following) and best_span(sentence, analysis)[0] is None:
                    s_end = sentences[index + 1][1]
                    s_end -= len(p.text[s_start:s_end]) - len(p.text[s_start:s_end].rstrip())
                    sentence = p.text[s_start:s_end]
            previous = p.text[sentences[index - 1][0]:sentences[index - 1][1]] if index else ""
            levels_and_context = [
                _entity_level(
                    e, sentence, title, p.text, article_text, p.source in sources_with.get(e, ()), inherit, setting,
                    None if ablated("name_from_lead") else leads.get((p.source, p.title), "") + "\n" + before,
                )
                for e in analysis.entities
            ]
            ent_levels = [level for level, _ in levels_and_context]
            context_used = tuple(how for level, how in levels_and_context if how and level > 0)
            ent_score = sum(ent_levels) / len(ent_levels) if ent_levels else 1.0
            time_score = (
                sum(
                    1.0 if time_in(t, without_baselines(sentence)) else 0.7 if time_in(t, without_baselines(context)) else 0.0
                    for t in analysis.time_terms
                )
                / len(analysis.time_terms)
                if analysis.time_terms
                else 1.0
            )
            # the measured thing in this sentence, in it and the one before (a sentence
            # often says "本次联赛" after the previous one named it), and in the title
            # a sentence's 全区/该县 names the one place of that level its article's setting names (和平区):
            # the question's words naming that place are said there (和平区智慧养老平台 by 平台与全区…)
            referred = _referred_places(sentence, setting, p.text) if inherit else []
            # (only a place the question names, and not as an entity: the entity check scores that one)
            said = sentence + "".join(
                f"\n{place}" for _, place in referred
                if place in analysis.text and not any(entity_in(e, place) or entity_in(place, e) for e in analysis.entities)
            )
            measure_score = (
                0.5 * coverage(analysis.measure, said)
                + 0.3 * coverage(analysis.measure, previous + said)
                + 0.2 * coverage(analysis.measure, title + said)
            )
            context_used += tuple(
                f"文中“{word}”即{place}（文章的报头、标题、电头或导语指明{place}）" for word, place in referred
                if place in analysis.text and place not in sentence and all(place not in how for how in context_used)
            )
            if photo_credit(analysis, sentence):  # "通讯员张玉善摄" says who took the photograph asked about
                measure_score = 1.0
            missing_nouns = [
                n for n in absent_nouns
                if not _noun_present(n, title + previous + said) and not photo_credit(analysis, sentence)
            ]
            # a missing noun the sentence says in a word of the same 词林 small class (老百姓 as
            # 群众, 动工 as 开工) or by its head alone (办事效率 as 效率) is wording, not absence:
            # the sentence vectors decide
            absent_in_kind = [n for n in missing_nouns if not _said_in_kind(n, (title, previous, sentence))]
            soft = coverage(analysis.soft_time_terms, context) if analysis.soft_time_terms else 1.0
            span, span_score, local = best_span(sentence, analysis)
            if analysis.kind == QUANTITY and absent_in_kind:
                # the figure's own measure word said in everyday words (估值 for 品牌价值, 金额 for 交易额): wording,
                # which the sentence vectors and the near-miss checks decide (rag.answer.related_head)
                absent_in_kind = [n for n in absent_in_kind if not said_by_measure(n, sentence, span, analysis)
                                  and not counted_by_unit(n, sentence, span, analysis)]
            score = (
                3.0 * ent_score
                + 1.5 * time_score
                + 3.0 * measure_score
                + 0.3 * soft
                + span_score
                + 0.6 / (1 + rank)
            )
            reason = None
            soft_reason = None  # an objection a paraphrase can raise (wording only)
            lacks = None
            objection = HARD
            contradicted = _contradicted(referred, asked_places)
            if ent_levels and min(ent_levels) == 0.0:
                missing = [e for e, lv in zip(analysis.entities, ent_levels) if lv == 0.0]
                reason, lacks = f"相关段落中没有提到“{missing[0]}”", Lack.ENTITY
            elif contradicted:
                reason, lacks = contradicted, Lack.ENTITY
            elif not times_ok:
                reason, lacks = f"相关段落中没有“{analysis.time_terms[0]}”的数据", Lack.PERIOD
            elif unstated_figures:
                reason, lacks = f"相关段落中没有“{unstated_figures[0]}”", Lack.FIGURE
            elif any(_asked_noun(n, analysis) for n in absent_in_kind) or len(absent_in_kind) > 1:
                reason, lacks = f"相关段落中没有谈到“{absent_in_kind[0]}”", Lack.NOUN
            elif analysis.kind == PERSON and analysis.role and not role_said(analysis.role, sentence):
                reason, lacks = f"相关段落中没有提到{analysis.role}", Lack.ROLE
            elif analysis.kind in (QUANTITY, DATE, PERSON, PLACE) and span is None and not (
                # "谁在阳台养鸡": "一楼大爷" is no name, but the sentence answers
                analysis.kind == PERSON and not analysis.role and measure_score >= 0.75
            ):
                reason = "相关段落中没有找到所问的" + {QUANTITY: "数量", DATE: "时间", PERSON: "人名", PLACE: "地点"}[analysis.kind]
                lacks = Lack.SPAN
            elif span is None and analysis.type_noun and (
                analysis.kind == ORG or (analysis.kind == PLACE and kind_of_name(analysis.type_noun) is not None)
            ):
                # "哪支球队夺冠" asks for a team's name: a sentence naming none does not answer
                reason, lacks = f"相关段落中没有找到所问的{analysis.type_noun}", Lack.SPAN
            elif span is None and analysis.kind == NAME and asks_a_name(analysis):
                # "吉祥物叫什么名字": a sentence that gives no name does not answer (span6)
                reason, lacks = "相关段落中没有找到所问的名称", Lack.SPAN
            elif missing_nouns:
                soft_reason, lacks = f"相关段落中没有谈到“{missing_nouns[0]}”", Lack.NOUN
            elif analysis.measure and measure_score < MIN_MEASURE_COVERAGE:
                soft_reason, lacks = f"没有段落谈到“{'、'.join(analysis.measure)}”", Lack.MEASURE
            elif analysis.kind == QUANTITY and analysis.measure and local < MIN_LOCAL_MATCH:
                soft_reason, lacks = "相关段落中的数字或时间与所问的对不上", Lack.CLAUSE
            if reason is None and soft_reason is not None:
                objection = WORDING
            reason = reason or soft_reason
            candidates.append(
                Candidate(
                    hit, rank, s_start, s_end, sentence, score, reason is None, reason, span,
                    None if reason is None else objection, None, context_used, lacks,
                )
            )
    return candidates



def with_similarities(candidates: list[Candidate], similarity: Callable[[list[str]], list[float]]) -> list[Candidate]:
    """The candidates with their sentence's similarity to the question (one batch for all)."""
    sims = similarity([c.sentence for c in candidates]) if candidates else []
    return [replace(c, similarity=sim) for c, sim in zip(candidates, sims)]
