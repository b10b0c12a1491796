"""Evidence checks that decide a refusal: what the question names that the passages do not."""
from __future__ import annotations

import re

from ..numbers import values_in
from ..schema import Hit, Paragraph
from ..places import pos_cut, pos_tokenizer
from .question import GENERIC_PLACES, QuestionAnalysis, entity_in, resolved_days, resolved_periods, resolved_years, time_in, without_baselines
from .settings import ablated


def entity_said(entity: str, text: str) -> bool:
    """Whether ``text`` names ``entity``, also in full when the question says it short: a name keeps
    its own first word and its kind, and a full name inserts its rank between them ("扎龙保护区" is
    扎龙国家级自然保护区). The head kept is two characters or more and the kind three or more, in order,
    at most eight characters apart, within one clause."""
    if entity_in(entity, text) or paired_short_names(entity, text):
        return True
    if ablated("short_names") or len(entity) < 5:
        return False
    for cut in range(2, len(entity) - 2):
        head, kind = entity[:cut], entity[cut:]
        if re.search(re.escape(head) + r"[^，。；！？,;!?、\s]{1,8}?" + re.escape(kind), text):
            return True
    return _office_said(entity, text)


_HAN = r"\u4e00-\u9fff"


def paired_short_names(noun: str, text: str) -> bool:
    """"清华北大" is 清华大学、北京大学: two short names of two characters glued into one word, said in ``text`` as two
    items of a list one right after the other (、, 和, 与, 及 between), each in full or by the longer word it
    abbreviates, one of them at least shortened (switch ``paired_short_names``). Only a word of four characters is one."""
    if len(noun) != 4 or ablated("paired_short_names"):
        return False
    first, second = noun[:2], noun[2:]
    for m in re.finditer(re.escape(first[0]) + f"[{_HAN}]{{0,3}}?" + re.escape(first[1]), text):
        # the first name runs on to its word's end (清华|大学), a list's mark, then the second name
        tail = re.match(f"[{_HAN}]{{0,3}}?(?=[、和与及])", text[m.end():])
        if tail is None:
            continue
        after = m.end() + tail.end() + 1
        follow = re.match(re.escape(second[0]) + f"[{_HAN}]{{0,3}}?" + re.escape(second[1]), text[after:])
        if follow and (m.end() - m.start() + tail.end() > 2 or follow.end() > 2):
            return True
    return False


# an office named short after its place: 洛阳市|文旅局, 黔东南州|文旅局, 渝中区|人社局
_OFFICE_SHORT = re.compile(r"(.{2,8}?[省市州县区])([\u4e00-\u9fff]{2,4}[局委厅办])")


def _office_said(entity: str, text: str) -> bool:
    """Whether ``text`` names a government office the question calls by its short name after its place
    ("洛阳市文旅局"): the place said in the text, and the office's full name (文化广电和旅游局: each
    character of 文旅局 in order, at most five apart, ending the same) right after the place or after its
    level ("市文化广电和旅游局", as an article calls its own city's office)."""
    m = _OFFICE_SHORT.fullmatch(entity)
    if m is None or ablated("org_short_names"):
        return False
    place, short = m.groups()
    if not entity_in(place, text) and not entity_in(place[:-1], text):
        return False
    gaps = "".join(re.escape(ch) + r"[^，。；！？,;!?、\s]{0,5}?" for ch in short[:-1])
    pattern = "(?:" + re.escape(place) + "|" + re.escape(place[:-1]) + "|" + re.escape(place[-1]) + ")(" + gaps + re.escape(short[-1]) + ")"
    return any(len(found.group(1)) > len(short) for found in re.finditer(pattern, text))


_YEAR = re.compile(r"(?:19|20)\d\d年")


def paragraph_context(paragraph: Paragraph) -> str:
    """What a paragraph is read with: its article's headline, year and setting (the places its
    headline, dateline and lead name, rag.setting: 全县 under "甘肃省 岷川县"), then its text."""
    year = f"{paragraph.date[:4]}年" if paragraph.date else ""
    setting = "" if ablated("article_setting") else getattr(paragraph, "setting", None) or ""
    # the periods its headline and text say relative to the article's year (今年上半年 → 2025年上半年);
    # an undated article's year is the one its setting names
    article_year = year or next(iter(_YEAR.findall(setting)), None)
    # an article of an issue early in a year whose lead reports the year before (setting 2025年, printed 2026): its 全年, 年末
    reported = next((y for y in _YEAR.findall(setting) if year and int(y[:4]) == int(year[:4]) - 1), None)
    periods = resolved_periods(f"{paragraph.title or ''}\n{paragraph.text}", article_year, paragraph.date, reported)
    days = resolved_days(paragraph.text, paragraph.date)
    years = resolved_years(paragraph.text, paragraph.date)
    return f"{paragraph.title or ''}\n{year}\n{setting}\n{paragraph.text}\n{periods}\n{days}\n{years}"


_YEAR_AND_PART = re.compile(r"(\d{4})年(.+)")


def period_in(term: str, paragraph: Paragraph, article_text: str = "") -> bool:
    """Whether ``paragraph`` (read with its article's context) speaks of the period ``term``; a year's
    part asked with the year ("2025年上半年") is the paragraph's own "上半年" when its article is of that
    year: dated so, or saying the whole term in another retrieved paragraph (``article_text``: its lead
    "通报2025年上半年全省…"), as news speaks of its own year without naming it again."""
    context = without_baselines(paragraph_context(paragraph))
    if time_in(term, context):
        return True
    m = _YEAR_AND_PART.fullmatch(term)
    if m is None or ablated("own_year"):
        return False
    own_year = (paragraph.date or "").startswith(m.group(1)) or time_in(term, without_baselines(article_text))
    return own_year and time_in(m.group(2), context)


_PLACE_SUFFIX = "县区乡镇旗"
# a head that makes a word no place of its own: 开发区, 保护区 (kinds of zone), 全县, 该镇 (scope words)
_NO_PLACE = re.compile(r"^[全该本我各每这那此某其同外邻临]|(?:开发|示范|保护|试验|实验|自贸|功能|行政|集聚|产业|风景|旅游|服务|城中|核心|高新|综保|保税|经开|湾|新)区$")


def _place_head(entity: str) -> str:
    """A place at the head of a longer name (渝中区人社局: 渝中区, 沂水县城中村: 沂水县): the entity's first
    jieba words, two to six characters ending in a county/district/town suffix, never cutting a word
    ("江苏省|镇江市" has no 江苏省镇) nor holding a wider level (省, 市, 州) inside. "" when none."""
    head = ""
    for word, _ in pos_cut(entity):
        head += word
        if len(head) > 6 or len(head) >= len(entity) or re.search("[省市州]", head[:-1]):
            return ""
        if head[-1] in _PLACE_SUFFIX and len(head) >= 2:
            return head
    return ""


# pieces no name is made of: particles, prepositions, conjunctions, pronouns, adverbs, numbers, measure and time words
_NOT_NAME_FLAGS = "upcrdmqxtf"


def _generic_kind(name: str) -> bool:
    """A bare 镇/乡/村 after a common word of the language names a kind of town, not a town: 重点|镇,
    特色|镇, 中心|村, 试点|村 (one dictionary word, no name tag, of a frequency only everyday words
    reach); 桃源|乡 (a rarer word) and 太平|镇 (tagged a place) stay names."""
    words = pos_cut(name)
    if len(words) != 1 or words[0][1] in ("ns", "nr", "nz", "nt"):
        return False
    return pos_tokenizer().tokenizer.FREQ.get(name, 0) >= _COMMON_WORD_FREQ


# jieba's dictionary frequency of an everyday word (重点 12694, 特色 8092, 试点 1130); place-like nouns
# run lower (桃源 353, 集镇 361)
_COMMON_WORD_FREQ = 900


def _a_place(name: str) -> bool:
    return len(name) >= 3 and name[-1] in _PLACE_SUFFIX and name not in GENERIC_PLACES and not _NO_PLACE.search(name)


def asked_places(analysis: QuestionAnalysis) -> list[str]:
    """The county, district, township or town names a question asks about, also where the
    question's reading took none as a name: one at the head of a longer name (渝中区人社局:
    渝中区), one jieba cut apart from its suffix (桃源|乡, 篁|岭|乡) or tagged another kind
    (申中乡)."""
    if ablated("asked_places"):
        return []
    found = []
    for entity in analysis.entities:
        head = _place_head(entity)
        if head and _a_place(head):
            found.append(head)
    tokens = pos_cut(analysis.text)
    for i, (word, flag) in enumerate(tokens):
        if _a_place(word) and flag in ("ns", "nr", "nz", "nt"):
            found.append(word)
        elif word in tuple(_PLACE_SUFFIX) and flag == "n":
            # the one to three name pieces right before a bare suffix, two to four characters in all
            name = ""
            for piece, piece_flag in reversed(tokens[max(0, i - 3):i]):
                if piece_flag[0] in _NOT_NAME_FLAGS or len(name + piece) > 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", piece):
                    break
                name = piece + name
            if len(name) >= 2 and not _generic_kind(name) and _a_place(name + word):
                found.append(name + word)
    return list(dict.fromkeys(p for p in found if p not in analysis.entities))


def global_missing(analysis: QuestionAnalysis, hits: list[Hit]) -> str | None:
    """A named place/organisation or period that no retrieved passage mentions."""
    contexts = [paragraph_context(h.paragraph) for h in hits]
    for entity in list(analysis.entities) + asked_places(analysis):
        if not any(entity_said(entity, c) for c in contexts):
            return f"检索到的段落中没有提到“{entity}”"
    for term in analysis.time_terms:
        if not any(period_in(term, h.paragraph) for h in hits):
            return f"检索到的段落中没有“{term}”的数据"
    for figure in figures_missing(analysis, "\n".join(contexts)):
        return f"检索到的段落中没有“{figure}”"
    return None


def figures_missing(analysis: QuestionAnalysis, text: str) -> list[str]:
    """The numbers the question names ("超过1000万辆的城市") that ``text`` does not
    state in any writing ("百万" is 1000000, "2.46万" is 24600)."""
    if not analysis.figures:
        return []
    stated = values_in(text)
    return [written for written, value in analysis.figures if value not in stated]

