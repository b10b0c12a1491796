"""Evidence checks that decide a refusal: what the question names that the passages do not."""
from __future__ import annotations

import re

from ..numbers import values_in
from ..schema import Hit, Paragraph
from .question import QuestionAnalysis, entity_in, resolved_periods, time_in, without_baselines
from .settings import ablated

def paragraph_context(paragraph: Paragraph) -> str:
    """What a paragraph is read with: its article's headline, year and setting (the places its
    headline, dateline and lead name, rag.setting: 全县 under "甘肃省 岷川县"), then its text."""
    year = f"{paragraph.date[:4]}年" if paragraph.date else ""
    setting = "" if ablated("article_setting") else getattr(paragraph, "setting", None) or ""
    # the periods its headline and text say relative to the article's year (今年上半年 → 2025年上半年)
    periods = resolved_periods(f"{paragraph.title or ''}\n{paragraph.text}", year or next(iter(re.findall(r"(?:19|20)\d\d年", setting)), None))
    return f"{paragraph.title or ''}\n{year}\n{setting}\n{paragraph.text}\n{periods}"


def global_missing(analysis: QuestionAnalysis, hits: list[Hit]) -> str | None:
    """A named place/organisation or period that no retrieved passage mentions."""
    contexts = [paragraph_context(h.paragraph) for h in hits]
    for entity in analysis.entities:
        if not any(entity_in(entity, c) for c in contexts):
            return f"检索到的段落中没有提到“{entity}”"
    for term in analysis.time_terms:
        if not any(time_in(term, without_baselines(c)) for c in contexts):
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

