"""A near-miss objection that rests on the question's own words, overruled by meaning and answer type.

Several near-miss checks (rag.answer.near_miss) read where the question's words stand: at another
figure of the sentence (asked_here, asked_word_here), at a figure of another retrieved sentence
(asked_elsewhere, noun_elsewhere), or not at the figure's own verb or subject (action, subject).
They presume the question uses the article's words. A question in everyday words does not
("多少人报名跑" for 吸引参赛选手3.2万人, "涨了多少" for 同比增长41.5%): its words stand nowhere, or
at some other figure by chance, and the check refuses the very sentence that states the fact.

A true near miss differs: the question names the other measure in the article's own words
("康乐县新建了几所学校" against "为34所乡村学校配齐了实验室", where the articles say 新建 at other
figures). So those objections are overruled only when the sentence lacks some of the question's words and
all of them are said nowhere in the retrieved passages (they are the asker's words, not another
measure's name) nor restrict what is counted (新增, 不算改扩建), and
three further signs say the sentence answers: it is the retrieved sentence closest in meaning to the
question (sentence vectors, within PARAPHRASE_MARGIN of the closest of all), retrieval is sure of its
paragraph (the top one, or both legs rank it high), and its figure is of the answer type asked: in a
unit of the asked kind (人 for 多少人, 元 for 多少钱), or a percentage when a change is asked. (Sentence
closeness alone does not separate: on the dev halves as many near misses as paraphrases stood at the
top.) Checks about the figure's own form or frame (another place,
period, scope, part, per-unit rate, counted noun, a distinguishing qualifier) are facts the sentence
vectors blur, and are never overruled.
"""
from __future__ import annotations

import re
from typing import Callable

from .question import GENERIC_NOUNS, QUANTITY, QuestionAnalysis, entity_in, pos_cut
from .scoring import Candidate
from .settings import ablated
from .spans import figure_units, same_kind_of_unit
from .synonyms import kindred_in, said_in, word_codes

# checks that read where the question's own words stand (rag.answer.near_miss.check)
WORD_CHECKS = frozenset({"asked_here", "asked_word_here", "asked_elsewhere", "noun_elsewhere", "action", "subject"})
# how far below the retrieved sentence closest in meaning the overruled one may be (cosine); on the dev
# halves the true paraphrases stand at the top (0.000 to 0.005 below), near misses mostly 0.01 or more below
PARAPHRASE_MARGIN = 0.005

_PERCENT = re.compile(r"[%％]|个百分点$")


def answer_type_agrees(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the candidate's figure is of the type asked: its unit of the asked unit's kind, or a
    percentage for a change asked ("涨了多少")."""
    span = candidate.span
    if span is None:
        return False
    if analysis.unit:
        unit = next((u for start, end, u in figure_units(candidate.sentence) if start <= span.start < end), "")
        return bool(unit) and (unit == analysis.unit or same_kind_of_unit(analysis.unit, unit))
    return analysis.asks_change and bool(_PERCENT.search(span.text.rstrip("以上下左右")))


# content words: nouns, verbs, adjectives, distinguishing words, idioms and abbreviations (jieba's tags)
_CONTENT_FLAGS = ("n", "v", "a", "b", "l", "j")
_NOT_CONTENT = re.compile(r"^(?:多少|几|什么|哪|怎么|是否|有没有|一共|总共|大概|大约|现在|目前)")


def lacked_words(candidate: Candidate, analysis: QuestionAnalysis) -> list[str]:
    """The question's content words (two characters or more, no name, period or generic noun) that the
    candidate's sentence says neither itself, by a synonym, nor by a word of the same 词林 small class."""
    return _lacked(analysis.text, candidate.sentence, analysis)


def _lacked(text: str, sentence: str, analysis: QuestionAnalysis) -> list[str]:
    tokens = [w for w, _ in pos_cut(sentence)]
    return [
        w for w, flag in pos_cut(text)
        if len(w) >= 2 and flag[:1] in _CONTENT_FLAGS and w not in GENERIC_NOUNS and not _NOT_CONTENT.match(w)
        and not any(entity_in(e, w) or entity_in(w, e) for e in analysis.entities)
        and not any(w in t for t in analysis.time_terms + analysis.soft_time_terms)
        and not said_in(w, sentence) and not kindred_in(w, tokens)
    ]


def measure_in_other_words(measure: str, sentence: str, analysis: QuestionAnalysis, passages: str) -> bool:
    """Whether the content words of a question's ``measure`` (or of a whole question: its names and periods are left
    out) that ``sentence`` does not say (itself, by a synonym or a
    word of its 词林 small class) are the asker's own: none restricts what is counted and none is said anywhere else in
    the retrieved ``passages`` (another measure's name there would be). The same word test as a paraphrase's
    (``_unsaid_elsewhere``), for a measure alone ("来的游客" told by "接待游客…万人次", "装卸的货" by 货物吞吐量)."""
    lacked = _lacked(measure, sentence, analysis)
    if any(_RESTRICTING.search(w) for w in lacked):
        return False
    others = passages.replace(sentence, "\n")
    return not any(said_in(w, others) for w in lacked)


# a lacked word that restricts what is counted, whatever the articles say: an increment (新增, 新建, 新开:
# 新 before a verb asks what was newly done, which a level 共有41处 does not give) or an exclusion
# (不算改扩建, 未纳入, 非公办)
_RESTRICTING = re.compile(r"^新|[不没未非无除]")


def _unsaid_elsewhere(candidate: Candidate, analysis: QuestionAnalysis, passages: str, check: str | None = None) -> bool:
    """Whether the sentence lacks some of the question's words, none of them restricting what is counted,
    and all said nowhere else in the retrieved passages. Against the ``action`` check (the figure's own verb
    is another) the lacked words must also be everyday words 词林 files (报名, 拿出): a verb it does not know
    (办结 for 受理) is a term naming a stage of its own."""
    lacked = lacked_words(candidate, analysis)
    if not lacked or any(_RESTRICTING.search(w) for w in lacked):
        return False
    if check == "action" and not all(word_codes(w) for w in lacked):
        return False
    others = passages.replace(candidate.sentence, "\n")
    return not any(said_in(w, others) for w in lacked)


def overruled(
    candidates: list[Candidate], refused: list[tuple[Candidate, str | None]], analysis: QuestionAnalysis,
    retrieval_sure: Callable[[Candidate], bool],
) -> list[Candidate]:
    """Of the near-missed ``refused`` (each with the name of the check that refused it; None for a miss
    found by no word check), those whose objection is overruled by meaning and answer type."""
    if ablated("paraphrased_measure") or analysis.kind != QUANTITY:
        return []
    sims = [c.similarity for c in candidates if c.similarity is not None]
    if not sims:
        return []
    closest = max(sims)
    passages = "\n".join(dict.fromkeys(f"{c.hit.paragraph.title or ''}\n{c.hit.paragraph.text}" for c in candidates))
    return [
        c for c, check in refused
        if check in WORD_CHECKS and c.similarity is not None and c.similarity >= closest - PARAPHRASE_MARGIN
        and retrieval_sure(c) and answer_type_agrees(c, analysis) and _unsaid_elsewhere(c, analysis, passages, check)
    ]
