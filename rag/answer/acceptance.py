"""One small learned decision: may a sentence the lexical checks object to answer by its meaning?

A sentence whose objection is only wording, or a missing question word, is accepted when a
logistic regression over a handful of general features says it answers (p >= threshold): its
closeness in meaning to the question (sentence vectors) and its margin to the closest retrieved
sentence, how sure retrieval is of its paragraph, what its objection is, how much of the
question's words it says, whether it holds a span of the asked type, whether a near-miss check
flags its figure. The weights are trained on the development halves only by
``eval/train_acceptance.py`` and committed as ``acceptance.json``; nothing but this file is read
at run time (no scikit-learn). Without the file, or with RAG_ANSWER_ABLATE=learned_acceptance,
the hand rule (SEMANTIC_MARGIN, MAX_AGREEING_RANK in rag.answer.pipeline) decides.
"""
from __future__ import annotations

import functools
import json
import logging
import math
import os
from pathlib import Path

from .question import NAME, SENTENCE, QuestionAnalysis, coverage
from .scoring import HARD, WORDING, Candidate, Lack, noun_said
from .synonyms import word_codes

log = logging.getLogger(__name__)

WEIGHTS = Path(__file__).with_name("acceptance.json")

FEATURES = (
    "similarity", "margin", "top_paragraph", "leg_rank", "hard_noun", "wording_noun", "measure", "clause",
    "measure_coverage", "nouns_said", "span", "near_miss", "score", "closer_sentences", "things_unsaid",
)


def admissible(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """The rejected sentences the decision is asked about: those objected to for wording, or for a
    question word they do not say; typed questions only with a span of the asked type."""
    if not (candidate.objection == WORDING or (candidate.objection == HARD and candidate.lacks == Lack.NOUN)):
        return False
    return candidate.span is not None or analysis.kind in (SENTENCE, NAME)


def _names_thing(word: str) -> bool:
    """词林 files ``word`` under people, things, time and place or abstract things (A to D), or not at all."""
    codes = word_codes(word)
    return not codes or any(code[0] in "ABCD" for code in codes)


def features(
    candidate: Candidate, analysis: QuestionAnalysis, closest: float, near_missed: bool, closer: int = 0
) -> list[float]:
    sim = candidate.similarity if candidate.similarity is not None else 0.0
    ranks = candidate.hit.ranks or {}
    leg = max(ranks.values()) if len(ranks) >= 2 else 10
    nouns = analysis.nouns
    unsaid = [n for n in nouns if not noun_said(n, candidate.sentence)]
    said = 1.0 - len(unsaid) / len(nouns) if nouns else 1.0
    return [
        sim,
        closest - sim,
        1.0 if candidate.rank == 0 else 0.0,
        1.0 / (1 + leg),
        1.0 if candidate.objection == HARD else 0.0,
        1.0 if candidate.objection == WORDING and candidate.lacks == Lack.NOUN else 0.0,
        1.0 if candidate.lacks == Lack.MEASURE else 0.0,
        1.0 if candidate.lacks == Lack.CLAUSE else 0.0,
        coverage(analysis.measure, candidate.sentence) if analysis.measure else 1.0,
        said,
        1.0 if candidate.span is not None else 0.0,
        1.0 if near_missed else 0.0,
        candidate.score / 10.0,
        1.0 / (1 + closer),
        float(sum(_names_thing(n) for n in unsaid)),
    ]


@functools.lru_cache(maxsize=4)
def _model(path: str) -> dict | None:
    try:
        model = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if model.get("features") != list(FEATURES):
        log.warning("%s was trained on other features; the hand rule decides", path)
        return None
    return model


def model() -> dict | None:
    """The committed weights (RAG_ACCEPTANCE_WEIGHTS names another file, for cross-validation)."""
    return _model(os.environ.get("RAG_ACCEPTANCE_WEIGHTS") or str(WEIGHTS))


def probability(weights: dict, values: list[float]) -> float:
    z = weights["bias"] + sum(w * (v - m) / s for w, v, m, s in zip(weights["coef"], values, weights["mean"], weights["scale"]))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
