"""The answer stage: retrieved passages in, a checked, cited Answer out, without a language model.

``extract_answer(question, hits)`` reads the question (``question``), scores
every sentence of the top paragraphs (``scoring``, with the span finders of
``spans``), and answers with the best eligible sentence and its span, citing
the paragraph it stands in as [1]. It refuses from evidence (``evidence``)
rather than from a score threshold: a named place or period that no retrieved
passage mentions, a measured thing no sentence talks about, or no span of the
asked type near the question's terms.
"""
from __future__ import annotations

import time
from dataclasses import replace
from typing import Callable

from ..schema import Answer, Hit
from .compose import MAX_CITATIONS, citation, near_miss_refusal, refusal
from .near_miss import near_miss_check, other_of_kind, other_stage, outcome_unsaid
from .near_miss.sibling_subject import sibling_subject
from .near_miss.stock import stock_said
from .near_miss.unnamed import subject_unnamed
from .near_miss.rank import rank_unstated
from .near_miss.whole_for_part import whole_for_part
from .asked_place import with_places
from .paraphrased import overruled
from .role_holder import role_holders
from .evidence import global_missing
from .question import DATE, GENERIC_NOUNS, NAME, QUANTITY, SENTENCE, QuestionAnalysis, analyze_question, entity_in, pos_cut
from .synonyms import kindred_in, said_in
from .scoring import MIN_LOCAL_MATCH, WORDING, Candidate, distinct_paragraph_hits, score_sentences, with_similarities
from .settings import AnswerSettings, ablated
from .spans import ranked_spans

# Semantic evidence. A sentence rejected only for its wording (a paraphrase names the
# asked thing in other words) is accepted when it is, in meaning (sentence vectors), within
# SEMANTIC_MARGIN of the retrieved sentence closest to the question, and its paragraph is
# the top retrieved one or both retrieval legs rank it in their top MAX_AGREEING_RANK.
# Chosen on the development halves (eval/README.md): a margin of 0.01 accepted too few
# paraphrases; accepting from any retrieved paragraph answered two more of heldout's
# near misses (its totals fell 0.90 -> 0.83); adding the similarity to the sentence score
# made follow-ups worse, so it only decides acceptance.
SEMANTIC_MARGIN = 0.03
MAX_AGREEING_RANK = 3
# How far below the sentence closest to the question the best-scoring sentence's meaning may be for
# _closest_figure (which also asks it to be the best-scoring and its figure the closest of all figures of
# the asked type). On the dev halves, 160场比赛 for 踢多少场 is 0.032 below a sentence with no figure;
# 68.4亿元 教育支出 for 城市书房花了多少钱 (a near miss) 0.050 below.
CLOSEST_FIGURE_MARGIN = 0.04


def _retrieval_sure(candidate: Candidate) -> bool:
    ranks = candidate.hit.ranks
    return candidate.rank == 0 or (len(ranks) >= 2 and max(ranks.values()) <= MAX_AGREEING_RANK)


def semantically_accepted(candidates: list[Candidate], admissible: Callable[[Candidate], bool]) -> list[Candidate]:
    """The rejected sentences that may answer by their meaning: those ``admissible`` lets through
    (what their objection and span must be) whose meaning is within SEMANTIC_MARGIN of the sentence
    closest to the question, from a paragraph retrieval is sure of. Both the ordinary stage
    (``_semantic_paraphrases``) and a comparison's side (rag.answer.comparison.side_acceptance) use it."""
    sims = [c.similarity for c in candidates if c.similarity is not None]
    if not sims:
        return []
    closest = max(sims)
    return [
        c for c in candidates
        if admissible(c)
        and c.similarity is not None and c.similarity >= closest - SEMANTIC_MARGIN
        and _retrieval_sure(c)
    ]


def _semantic_paraphrases(analysis: QuestionAnalysis, candidates: list[Candidate]) -> list[Candidate]:
    """Sentences rejected only for their wording whose meaning is closest to the question,
    from a paragraph retrieval is sure of, and that, for a typed question, hold a span of
    the asked type."""
    return semantically_accepted(
        candidates, lambda c: c.objection == WORDING and (c.span is not None or analysis.kind in (SENTENCE, NAME))
    )


def _closest_figure(analysis: QuestionAnalysis, candidates: list[Candidate]) -> list[Candidate]:
    """The best-scoring sentence of all, when only its wording kept it from answering and its figure or
    date is the one closest in meaning to the question of every retrieved figure or date of the asked
    type, its sentence within CLOSEST_FIGURE_MARGIN of the closest sentence: the words the question says otherwise (签了征收协议 for 征收签约, 动工 for 开工建设) are other words
    for it, whatever retrieval ranked its paragraph. The near-miss checks still judge its figure."""
    if ablated("closest_figure") or analysis.kind not in (QUANTITY, DATE) or not candidates:
        return []
    best = max(candidates, key=lambda c: c.score)
    if best.objection != WORDING or best.span is None or best.similarity is None:
        return []
    sims = [c.similarity for c in candidates if c.similarity is not None]
    typed = [c.similarity for c in candidates if c.span is not None and c.similarity is not None]
    near = best.similarity >= max(sims) - CLOSEST_FIGURE_MARGIN
    return [best] if near and best.similarity >= max(typed) else []


# The near-miss checks run after near_miss_check, on any eligible sentence (each gives what the text says instead, or
# None): one list, run in one place (``_LateChecks``), so extract_answer, _other_figure and _placed_fallback agree.
LATE_CHECKS: tuple[tuple[str, Callable[[Candidate, QuestionAnalysis], str | None]], ...] = (
    ("outcome_unsaid", outcome_unsaid),
    ("other_of_kind", other_of_kind),
    ("other_stage", other_stage),
    ("subject_unnamed", subject_unnamed),
    ("sibling_subject", sibling_subject),
    ("whole_for_part", whole_for_part),
    ("rank_unstated", rank_unstated),
)


class _LateChecks:
    """The first of LATE_CHECKS that refuses a candidate, (its name, what the text gives), run once per candidate."""

    def __init__(self, analysis: QuestionAnalysis):
        self.analysis = analysis
        # by id, holding the candidate itself so that its id is not reused by another while cached
        self._found: dict[int, tuple[Candidate, tuple[str, str] | None]] = {}

    def __call__(self, candidate: Candidate) -> tuple[str, str] | None:
        cached = self._found.get(id(candidate))
        if cached is None or cached[0] is not candidate:
            found = next(((name, given) for name, check in LATE_CHECKS if (given := check(candidate, self.analysis))), None)
            cached = self._found[id(candidate)] = (candidate, found)
        return cached[1]


_CLAUSE_MARKS = "，；,;："


def _closest_given(analysis: QuestionAnalysis, candidate: Candidate | None) -> tuple[Hit, str] | None:
    """What the best refused sentence does give, for the refusal to quote: the clause of its
    figure or date, when only its wording kept it from answering (same place and period)."""
    if candidate is None or candidate.span is None or candidate.objection != WORDING or analysis.kind not in (QUANTITY, DATE):
        return None
    sentence, span = candidate.sentence, candidate.span
    left = max(sentence.rfind(mark, 0, span.start) for mark in _CLAUSE_MARKS) + 1
    rights = [i for i in (sentence.find(mark, span.end) for mark in _CLAUSE_MARKS + "。！？") if i >= 0]
    return candidate.hit, sentence[left:min(rights, default=len(sentence))]


def _other_figure(
    candidate: Candidate, analysis: QuestionAnalysis, sentences: list[str], check: tuple[str, str] | None = None,
    late: _LateChecks | None = None,
) -> Candidate | None:
    """The next figure of a sentence whose best one measures something else ("全县选聘生态护林员420名，
    其中脱贫人口310名": 420名 is not the part asked, 310名 is), when its own clause fits the question
    and no near-miss check refuses it; its score lowered by what its span scores less. ``check``: what
    near_miss_check found on the best figure (not run again)."""
    if analysis.kind != QUANTITY or candidate.span is None or ablated("other_figures"):
        return None
    ranked = ranked_spans(candidate.sentence, analysis)
    if not ranked or ranked[0][0] != candidate.span:
        return None
    if _other_part_asked(candidate, analysis, check):
        return None
    late = late or _LateChecks(analysis)
    for span, score, local in ranked[1:]:
        # a flow refused for the stock asked ("新增12家"): the clause going on to say the stock ("，总数达到79家") answers,
        # though the asked words stand at the flow's figure
        stock = bool(check and check[0] == "flow_for_stock" and stock_said(candidate.sentence, span.start, span.end))
        if local < MIN_LOCAL_MATCH and not stock:
            continue
        alt = replace(candidate, span=span, score=candidate.score - (ranked[0][1] - score))
        found = near_miss_check(alt, analysis, sentences)
        if (not found or (stock and found[0] in ("asked_here", "asked_word_here"))) and not late(alt):
            return alt
    return None


def _other_part_asked(candidate: Candidate, analysis: QuestionAnalysis, found: tuple[str, str] | None) -> bool:
    """"田径项目有多少人次破纪录" against "共有15人次打破…纪录，其中游泳项目破纪录7人次": the part the
    sentence names is not the asked one, and the part asked (田径) is not in the sentence, so the
    whole (15人次) does not answer it either."""
    if ablated("other_part"):
        return False
    if found is None or found[0] not in ("part", "whole"):  # a part refused, or a whole broken down by other parts
        return False
    words = [w for w, flag in pos_cut(analysis.text) if len(w) >= 2 and (flag[:1] in ("n", "b", "l", "j") or flag == "vn")
             and w not in GENERIC_NOUNS and not entity_in(w, candidate.sentence)]
    return any(not said_in(w, candidate.sentence) and not kindred_in(w, [t for t, _ in pos_cut(candidate.sentence)])
               for w in words)


# the near-miss checks that refuse a figure for being a wider scope's, another place's of the asked one's level or a
# group of places' (not a narrower place's, 孟津区 for 洛阳: the whole's figure elsewhere may answer then)
_PLACE_CHECKS = frozenset({"wider_scope", "place_unsaid", "place_subject", "joint", "whole_for_part"})


def _placed_fallback(
    eligible: list[Candidate], kept: list[Candidate], checks: dict, misses: dict, analysis: QuestionAnalysis,
    late: _LateChecks,
) -> list[Candidate]:
    """When the best-scoring sentence was refused for its place ("全省…新增公办学位15.6万个", "太原、大同、晋中三市…合计"
    for 太原市 asked), a lower-scoring sentence of another paragraph answers only when it names an asked place itself:
    one that does not ("新增学位中，义务教育学位9.8万个", "大同市平城区…新增学位1620个") is the same wider figure's
    breakdown or a neighbour's, the fallback of a question the text does not answer."""
    if ablated("placed_fallback") or not kept:
        return kept
    best = max(eligible, key=lambda c: c.score)
    if not misses.get(id(best)):
        return kept
    found = checks.get(id(best)) or late(best)
    reason = found[0] if found else None
    if reason not in _PLACE_CHECKS:
        return kept
    places = with_places(analysis).entities
    if not places:
        return kept
    return [c for c in kept if c.sentence == best.sentence or any(entity_in(p, c.sentence) for p in places)]


def extract_answer(
    question: str,
    hits: list[Hit] | tuple[Hit, ...],
    similarity: Callable[[list[str]], list[float]] | None = None,
    settings: AnswerSettings = AnswerSettings(),
    choose: Callable[[list[Candidate]], Candidate] | None = None,
    accept: Callable[[list[Candidate]], list[Candidate]] | None = None,
    waive: Callable[[Candidate, str], bool] | None = None,
) -> Answer:
    """The answer to ``question`` found in ``hits`` (best first), or an honest refusal.

    A typed question ("多少", "谁", "在哪", "什么时候") gets the span of that type
    (``Answer.short``) with its full sentence; other questions get the best
    sentence. ``[1]`` cites the paragraph holding the answer; the other retrieved
    paragraphs follow as [2], [3]… Never raises for odd input.

    ``similarity`` gives each sentence's closeness in meaning to the question
    (sentence vectors, see rag.sentence_vectors); without it only the words count.
    ``choose`` picks among the eligible sentences instead of the best score (a comparison
    prefers the side's figure stated like the other side's, see rag.answer.comparison.side_figures).
    ``accept`` names sentences to answer from when none is eligible (a comparison's side,
    whose figure the other side's then checks, see rag.answer.comparison.side_acceptance).
    ``waive(candidate, check)`` says which near misses (by the near-miss check's name) do not refuse a candidate
    (a comparison's side whose figure the side's own clause states, see rag.answer.comparison.worded_side_waiver).
    """
    started = time.perf_counter()
    question = (question or "").strip()
    analysis = analyze_question(question)
    distinct = distinct_paragraph_hits(list(hits))
    if not question:
        return Answer(question=question, answer="请输入问题。", refused=True, note="empty question")
    if not distinct:
        return refusal(question, analysis, distinct, "没有检索到相关段落", started)

    missing = global_missing(analysis, distinct)
    if missing:
        return refusal(question, analysis, distinct, missing, started)

    candidates = score_sentences(analysis, distinct, inherit=settings.context)
    if similarity is not None and settings.semantic and candidates:
        candidates = with_similarities(candidates, similarity)
    eligible = [c for c in candidates if c.eligible]
    if not eligible:
        eligible = _semantic_paraphrases(analysis, candidates)
        if accept is None:  # (a comparison's side has its own acceptance, checked against the other side)
            eligible += [c for c in _closest_figure(analysis, candidates) if all(c is not e for e in eligible)]
            if not eligible:  # a name introduced by the asked title alone, the organisation said before it
                eligible = role_holders(analysis, candidates, _retrieval_sure)
    if not eligible and accept is not None:
        eligible = accept(candidates)
    if settings.near_miss and eligible:
        sentences = list(dict.fromkeys(c.sentence for c in candidates))
        checks = {id(c): near_miss_check(c, analysis, sentences) if c.span is not None else None for c in eligible}
        if waive is not None:
            checks = {id(c): None if checks[id(c)] and waive(c, checks[id(c)][0]) else checks[id(c)] for c in eligible}
        late = _LateChecks(analysis)
        misses = {id(c): (checks[id(c)] or (None, None))[1] or (late(c) or (None, None))[1] for c in eligible}
        kept = [c for c in eligible if not misses.get(id(c))]
        kept += [
            alt for c in eligible if misses.get(id(c))
            for alt in [_other_figure(c, analysis, sentences, checks[id(c)], late)] if alt is not None
        ]
        kept = _placed_fallback(eligible, kept, checks, misses, analysis, late)
        if not kept:  # a check resting on the question's own words, overruled by meaning (rag.answer.paraphrased)
            kept = overruled(candidates, [
                (c, (checks[id(c)] or (None, None))[0] if not late(c) else None)
                for c in eligible if misses.get(id(c))
            ], analysis, _retrieval_sure)
        if not kept:  # every answering sentence's figure measures something else: say what the text gives
            best_miss = max(eligible, key=lambda c: c.score)
            return near_miss_refusal(question, analysis, distinct, best_miss.hit, misses[id(best_miss)], started)
        eligible = kept
    if not eligible:
        best_rejected = max(candidates, key=lambda c: c.score, default=None)
        return refusal(
            question, analysis, distinct, best_rejected.reason if best_rejected else None, started,
            _closest_given(analysis, best_rejected),
        )
    best = choose(eligible) if choose is not None else max(eligible, key=lambda c: c.score)

    if best.span is not None and analysis.kind != SENTENCE:
        short = best.span.text
        span = (best.sent_start + best.span.start, best.sent_start + best.span.end)
        body = f"{short} —— {best.sentence}[1]"
    else:
        short = best.sentence
        span = (best.sent_start, best.sent_end)
        body = f"{best.sentence}[1]"
    others = [h for h in distinct if h is not best.hit][: MAX_CITATIONS - 1]
    citations = (citation(1, best.hit, span),) + tuple(
        citation(n, hit, None) for n, hit in enumerate(others, start=2)
    )
    if best.context_used:
        body += "\n语境：" + "；".join(best.context_used) + "。"
    if len(citations) > 1:
        body += "\n其他相关段落：" + "".join(f"[{c.n}]" for c in citations[1:])
    return Answer(
        question=question,
        answer=body,
        refused=False,
        citations=citations,
        short=short,
        sentence=best.sentence,
        timings_ms={"extract": (time.perf_counter() - started) * 1000},
    )
