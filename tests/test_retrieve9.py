"""Retrieval (eighth session, helper retrieve9): a paragraph's closest stored sentence vector in the rerank (real encoder, real index).

The small corpus under tests/data/retrieve9 is written for these tests: one article says in a single
sentence of a long paragraph how long pupils used to walk to school ("步行两个多小时才能到校"); another
paragraph of it shares the question's words (学生, 上学) but says nothing about time.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over
from rag.rerank import SENTENCE_MARGIN, SENTENCE_WEIGHT
from rag.retrieve import rerank_by_coverage
from rag.schema import Chunk

CORPUS = Path(__file__).resolve().parent / "data" / "retrieve9"
WALK = "步行两个多小时才能到校"  # the answer sentence, inside a long paragraph about school buildings
QUESTIONS = ["以前学生上学要走多长时间？", "学生上学要走多久？"]


def _compact(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return assistant_over(CORPUS, tmp_path_factory, "retrieve9")


@pytest.fixture(scope="module")
def small_without_sentence_vectors(tmp_path_factory):
    from rag.index import SENTENCE_VECTORS_ENV

    mp = pytest.MonkeyPatch()
    mp.setenv(SENTENCE_VECTORS_ENV, "off")
    try:
        return assistant_over(CORPUS, tmp_path_factory, "retrieve9-nosent")
    finally:
        mp.undo()


def _top(assistant, question: str, weight: float) -> list[str]:
    saved = assistant.retriever.sentence_weight
    assistant.retriever.sentence_weight = weight
    try:
        return [_compact(h.paragraph.text) for h in assistant.search(question, k=3).hits]
    finally:
        assistant.retriever.sentence_weight = saved


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_paragraph_whose_sentence_answers_rises_above_one_sharing_only_the_words(small, question):
    on = _top(small, question, SENTENCE_WEIGHT)
    off = _top(small, question, 0.0)
    assert WALK in on[0]
    assert WALK not in off[0]  # without the term the word-sharing paragraph (校车, 学生乘车安全) comes first
    assert "学生乘车安全" in off[0]


def test_sentence_closeness_reads_stored_vectors_only(small):
    retriever = small.retriever
    vector = small.encoder.encode_queries([QUESTIONS[0]])[0]
    chunks = small.index.table.chunks(list(range(500)))
    closeness = retriever.sentence_closeness(vector, chunks)
    assert closeness is not None and len(closeness) == len({(c.source, c.paragraph) for c in chunks.values()})
    best = max(closeness, key=closeness.get)
    assert WALK in _compact(small.index.table.paragraph(*best).text)
    assert all(-1.0 <= v <= 1.0 for v in closeness.values())


def test_the_term_is_off_when_the_build_stores_no_sentence_vectors(small_without_sentence_vectors):
    assistant = small_without_sentence_vectors
    vector = assistant.encoder.encode_queries([QUESTIONS[0]])[0]
    chunks = assistant.index.table.chunks(list(range(500)))
    assert assistant.retriever.sentence_closeness(vector, chunks) is None  # nothing is encoded at question time
    for question in QUESTIONS:
        assert _top(assistant, question, SENTENCE_WEIGHT) == _top(assistant, question, 0.0)


def test_the_rerank_term_prefers_the_closer_paragraph_and_keeps_the_score_keys():
    chunks = {
        1: Chunk(1, "a.txt", None, 1, "校车线路覆盖全部乡镇。", 0, 11),
        2: Chunk(2, "a.txt", None, 2, "学生每天要步行两个小时到校。", 0, 14),
    }
    fused = [(1, 0.03, {"keyword": 2.0}, {"keyword": 1}), (2, 0.03, {"dense": 0.8}, {"dense": 1})]
    closeness = {("a.txt", 1): 0.80, ("a.txt", 2): 0.86}
    question = "海边的旅客怎样出行"  # no bigram in either passage: only the term decides
    assert [i for i, *_ in rerank_by_coverage(question, fused, chunks, closeness)] == [2, 1]
    assert [i for i, *_ in rerank_by_coverage(question, fused, chunks, closeness, sentence_weight=0.0)] == [1, 2]
    assert [i for i, *_ in rerank_by_coverage(question, fused, chunks, None)] == [1, 2]
    reranked = rerank_by_coverage(question, fused, chunks, closeness)
    assert all(set(scores) <= {"keyword", "dense", "overlap"} for _, _, scores, _ in reranked)
    # the pool's closest paragraph loses nothing: the term only lowers the others
    assert reranked[0][1] == pytest.approx(0.03)
    # within SENTENCE_MARGIN of the closest counts as equally close: the fused order stands
    near = {("a.txt", 1): 0.86 - SENTENCE_MARGIN / 2, ("a.txt", 2): 0.86}
    assert [i for i, *_ in rerank_by_coverage(question, fused, chunks, near)] == [1, 2]
