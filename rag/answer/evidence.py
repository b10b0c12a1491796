"""Evidence checks that decide a refusal: what the question names that the passages do not."""
from __future__ import annotations

import re

from ..numbers import values_in
from ..schema import Hit, Paragraph
from .question import QuestionAnalysis, entity_in, resolved_periods, time_in, without_baselines
from .settings import ablated


def entity_said(entity: str, text: str) -> bool:
    """Whether ``text`` names ``entity``, also in full when the question says it short: a name keeps
    its own first word and its kind, and a full name inserts its rank between them ("扎龙保护区" is
    扎龙国家级自然保护区). The head kept is two characters or more and the kind three or more, in order,
    at most eight characters apart, within one clause."""
    if entity_in(entity, text):
        return True
    if ablated("short_names") or len(entity) < 5:
        return False
    for cut in range(2, len(entity) - 2):
        head, kind = entity[:cut], entity[cut:]
        if re.search(re.escape(head) + r"[^，。；！？,;!?、\s]{1,8}?" + re.escape(kind), text):
            return True
    return False


_YEAR = re.compile(r"(?:19|20)\d\d年")


def paragraph_context(paragraph: Paragraph) -> str:
    """What a paragraph is read with: its article's headline, year and setting (the places its
    headline, dateline and lead name, rag.setting: 全县 under "甘肃省 岷川县"), then its text."""
    year = f"{paragraph.date[:4]}年" if paragraph.date else ""
    setting = "" if ablated("article_setting") else getattr(paragraph, "setting", None) or ""
    # the periods its headline and text say relative to the article's year (今年上半年 → 2025年上半年);
    # an undated article's year is the one its setting names
    article_year = year or next(iter(_YEAR.findall(setting)), None)
    periods = resolved_periods(f"{paragraph.title or ''}\n{paragraph.text}", article_year)
    return f"{paragraph.title or ''}\n{year}\n{setting}\n{paragraph.text}\n{periods}"


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


def global_missing(analysis: QuestionAnalysis, hits: list[Hit]) -> str | None:
    """A named place/organisation or period that no retrieved passage mentions."""
    contexts = [paragraph_context(h.paragraph) for h in hits]
    for entity in analysis.entities:
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

