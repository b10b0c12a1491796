"""Hybrid, keyword and dense retrieval over the real seed index."""
from __future__ import annotations

import pytest

from rag.retrieve import fuse_rankings


def _compact(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("mode", ["hybrid", "keyword", "dense"])
@pytest.mark.parametrize(
    "question, evidence",
    [
        ("城中区一季度新增就业多少", "城镇新增就业2047人"),
        ("祁连县城镇新增就业多少人？", "城镇新增就业568人"),
    ],
)
def test_mission_questions_rank_the_right_paragraph_first(seed_assistant, mode, question, evidence):
    hits = seed_assistant.search(question, k=5, mode=mode).hits
    if mode == "hybrid":
        assert evidence in _compact(hits[0].paragraph.text)
    else:  # each leg alone must at least find it in its top 5
        assert any(evidence in _compact(h.paragraph.text) for h in hits)


def test_hits_carry_each_legs_scores_and_ranks(seed_assistant):
    hybrid = seed_assistant.search("零工驿站小程序注册了多少家企业", k=5, mode="hybrid").hits
    assert len(hybrid) == 5
    assert [h.score for h in hybrid] == sorted((h.score for h in hybrid), reverse=True)
    assert all({"keyword", "dense"} & set(h.scores) and set(h.scores) <= {"keyword", "dense", "overlap"} for h in hybrid)
    assert set(hybrid[0].scores) == {"keyword", "dense", "overlap"}
    assert all(0.0 <= h.scores["overlap"] <= 1.0 for h in hybrid)
    assert all(set(h.ranks) == set(h.scores) - {"overlap"} for h in hybrid)

    keyword = seed_assistant.search("零工驿站小程序注册了多少家企业", k=5, mode="keyword").hits
    assert all(set(h.scores) == {"keyword"} for h in keyword)
    dense = seed_assistant.search("零工驿站小程序注册了多少家企业", k=5, mode="dense").hits
    assert all(set(h.scores) == {"dense"} and -1.0 <= h.scores["dense"] <= 1.0 for h in dense)


def test_one_hit_per_paragraph_and_chunk_inside_it(seed_assistant):
    hits = seed_assistant.search("社会工作", k=10).hits
    keys = [(h.paragraph.source, h.paragraph.number) for h in hits]
    assert len(keys) == len(set(keys)) == 10
    for hit in hits:
        assert hit.paragraph.text[hit.chunk.para_start:hit.chunk.para_end] == hit.chunk.text


def test_timings_cover_every_stage(seed_assistant):
    timings = seed_assistant.search("哈拉直沟乡新干渠有多长", mode="hybrid").timings_ms
    assert {"tokenize", "bm25", "encode", "faiss", "fusion", "lookup", "rerank", "paragraphs", "total"} <= set(timings)


def test_rank_fusion_rewards_agreement_and_records_ranks():
    fused = fuse_rankings({"keyword": [(1, 9.0), (2, 5.0), (5, 2.0), (3, 1.0)], "dense": [(4, 0.95), (2, 0.8), (6, 0.5), (3, 0.4)]})
    order = [item for item, *_ in fused]
    assert order[0] == 2  # ranked 2nd by both legs beats 1st by one leg only
    assert order.index(3) < order.index(1)  # 4th by both beats 1st by one
    assert set(order) == {1, 2, 3, 4, 5, 6}
    item, score, scores, ranks = fused[0]
    assert scores == {"keyword": 5.0, "dense": 0.8} and ranks == {"keyword": 2, "dense": 2}


def test_coverage_rerank_prefers_the_passage_that_covers_the_question():
    from rag.rerank import question_bigrams, question_coverage
    from rag.retrieve import rerank_by_coverage
    from rag.schema import Chunk

    bigrams = question_bigrams("祁连县城镇新增就业多少人？")
    assert "多少" not in "".join(bigrams) and "祁连" in bigrams
    chunks = {
        1: Chunk(1, "a.txt", None, 1, "今年以来，西宁市举办招聘会十余场。", 0, 17),
        2: Chunk(2, "b.txt", "祁连以八成财力托起群众稳稳幸福", 3, "近年来，城镇新增就业568人。", 0, 14),
    }
    assert question_coverage(bigrams, chunks[2].index_text) > question_coverage(bigrams, chunks[1].index_text)
    # equal fused scores: coverage decides, and is reported as "overlap"
    fused = [(1, 0.03, {"keyword": 2.0}, {"keyword": 1}), (2, 0.03, {"dense": 0.8}, {"dense": 1})]
    reranked = rerank_by_coverage("祁连县城镇新增就业多少人？", fused, chunks)
    assert [item for item, *_ in reranked] == [2, 1]
    assert 0 < reranked[0][2]["overlap"] <= 1
