"""Which ingredients of the answer stage are on: all of them, unless switched off for an ablation.

``RAG_ANSWER_ABLATE=semantic,context`` (comma-separated names of ``AnswerSettings``
fields) turns ingredients off for a measurement run, so each one's contribution
can be measured through the same `rag eval` users run.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class AnswerSettings:
    semantic: bool = True  # sentence vectors: score and accept sentences that say the asked thing in other words
    near_miss: bool = True  # refuse a figure whose own clause measures something else, saying what the text gives
    context: bool = True  # the article's headline/dateline place inherited by its paragraphs (全省 → 青海省)
    comparison: bool = True  # "A和B哪个多", "A比B多多少": both sides retrieved and compared
    synonyms: bool = True  # 同义词词林 synonyms of question words (礼拜 = 星期)
    word_classes: bool = True  # 词林 classes: a word jieba tags as a place but 词林 files as an everyday word (上岗) names no place
    abbreviations: bool = True  # a short word is said by the longer one it abbreviates (社工 = 社会工作, 电车 in 电动汽车)
    outcome: bool = True  # "最后有多少人通过": the outcome an adverb stresses must be said in the answer's sentence
    figure_measure: bool = True  # a figure's own measure: one member of a summed list, a change for a level, another counted noun or head
    article_places: bool = True  # an article about several places of a level gives none of them to a paragraph naming none


def settings_from_environment() -> AnswerSettings:
    names = {f.name for f in fields(AnswerSettings)}
    off = {name.strip() for name in os.environ.get("RAG_ANSWER_ABLATE", "").split(",") if name.strip() in names}
    return replace(AnswerSettings(), **{name: False for name in off})


def ablated(name: str) -> bool:
    """Whether ``name`` is switched off for this run (for the parts that read no AnswerSettings)."""
    return name in {n.strip() for n in os.environ.get("RAG_ANSWER_ABLATE", "").split(",")}
