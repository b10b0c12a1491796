"""BM25 over real jieba tokens of seed paragraphs, with bm25s underneath."""
from __future__ import annotations

import json

import numpy as np
import pytest

from rag.stores.bm25 import KeywordStore
from rag.tokenize import ChineseTokenizer, extract_user_words


# Marker phrases that pick a few paragraphs from different seed articles; the
# queries below are worded differently from the paragraphs they should find.
MARKERS = {
    "qilian": "80%以上财政资金投向民生领域",
    "zero_work": "零工订单超2.46万单",
    "irrigation": "列为重点民生工程",
    "volunteers": "志愿服务组织5800个",
    "guide": "联合印发了《青海省以工代赈",
}
QUERIES = {
    "qilian": "祁连县把多少财政资金投向民生",
    "zero_work": "城中区零工驿站小程序匹配了多少订单",
    "irrigation": "哈拉直沟乡渠道维修改造什么时候开工",
    "guide": "以工代赈村民自建工作指南是哪些部门印发的",
}


@pytest.fixture(scope="module")
def tokenizer(seed_blocks) -> ChineseTokenizer:
    return ChineseTokenizer(extract_user_words(seed_blocks))


@pytest.fixture(scope="module")
def corpus(tokenizer, seed_blocks):
    """Chunk id -> paragraph, for one paragraph per marker plus some others; ids are sparse."""
    paragraphs = seed_blocks
    chosen: dict[str, str] = {}
    for name, marker in MARKERS.items():
        # The headline list repeats some phrases; take the longest paragraph with the marker.
        chosen[name] = max((p for p in paragraphs if marker in p), key=len)
    others = [p for p in paragraphs if len(p) > 60 and p not in chosen.values()][:20]
    texts = list(chosen.values()) + others
    ids = [1000 + 7 * n for n in range(len(texts))]
    id_of = {name: ids[n] for n, name in enumerate(chosen)}
    return texts, ids, id_of


@pytest.fixture(scope="module")
def store(tokenizer, corpus) -> KeywordStore:
    texts, ids, _ = corpus
    return KeywordStore.build([tokenizer.tokenize(t) for t in texts], ids)


def test_the_paragraph_a_query_is_about_ranks_first(store, tokenizer, corpus):
    _, _, id_of = corpus
    for name, query in QUERIES.items():
        results = store.search(tokenizer.tokenize(query), k=5)
        assert results, query
        assert results[0][0] == id_of[name], (query, results)


def test_results_are_ids_with_descending_positive_scores(store, tokenizer, corpus):
    _, ids, _ = corpus
    results = store.search(tokenizer.tokenize("城中区就业服务"), k=10)
    assert 0 < len(results) <= 10
    scores = [score for _, score in results]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)
    assert {chunk_id for chunk_id, _ in results} <= set(ids)
    assert all(isinstance(chunk_id, int) and isinstance(score, float) for chunk_id, score in results)


def test_k_limits_and_zero_scores_are_skipped(store, tokenizer):
    tokens = tokenizer.tokenize("哈拉直沟乡")
    everything = store.search(tokens, k=1000)
    assert len(everything) < len(store)  # documents without the word are not padded in
    assert store.search(tokens, k=1) == everything[:1]
    assert store.search(tokens, k=0) == []


def test_unknown_and_empty_queries_find_nothing(store):
    assert store.search([], k=5) == []
    assert store.search(["不存在的词语xyz", "qqqq"], k=5) == []
    # Unknown tokens next to a known one are ignored, not an error.
    assert store.search(["qqqq", "祁连县"], k=5) == store.search(["祁连县"], k=5)


def test_allowed_restricts_the_results(store, tokenizer, corpus):
    _, ids, id_of = corpus
    tokens = tokenizer.tokenize(QUERIES["qilian"])
    best = store.search(tokens, k=5)[0][0]
    assert best == id_of["qilian"]
    allowed = set(ids) - {best}
    filtered = store.search(tokens, k=5, allowed=allowed)
    assert filtered
    assert all(chunk_id in allowed for chunk_id, _ in filtered)
    # Same scores as unfiltered, just without the excluded chunk.
    unfiltered = dict(store.search(tokens, k=len(ids)))
    assert all(unfiltered[chunk_id] == score for chunk_id, score in filtered)
    assert store.search(tokens, k=5, allowed={best}) == [(best, unfiltered[best])]
    assert store.search(tokens, k=5, allowed=set()) == []
    assert store.search(tokens, k=5, allowed={424242}) == []


@pytest.mark.parametrize("mmap", [True, False])
def test_save_and_load_give_identical_results(store, tokenizer, tmp_path, mmap):
    store.save(tmp_path)
    loaded = KeywordStore.load(tmp_path, mmap=mmap)
    assert len(loaded) == len(store)
    assert np.array_equal(loaded.ids, store.ids)
    for query in list(QUERIES.values()) + ["社会工作", "2025年"]:
        tokens = tokenizer.tokenize(query)
        assert loaded.search(tokens, k=8) == store.search(tokens, k=8)
    assert loaded.settings() == store.settings()


def test_saved_files_are_bm25s_arrays_and_json_without_pickle(store, tmp_path):
    store.save(tmp_path)
    names = {p.name for p in tmp_path.iterdir()}
    assert "ids.json" in names and "vocab.index.json" in names and "params.index.json" in names
    for path in tmp_path.iterdir():
        if path.suffix == ".npy":
            np.load(path, allow_pickle=False)  # raises if the array needed pickle
        else:
            json.loads(path.read_text(encoding="utf-8"))
    assert not [n for n in names if n.endswith((".pkl", ".pickle"))]


def test_saving_twice_writes_the_same_bytes(tokenizer, corpus, tmp_path):
    texts, ids, _ = corpus
    token_lists = [tokenizer.tokenize(t) for t in texts]
    KeywordStore.build(token_lists, ids).save(tmp_path / "a")
    KeywordStore.build(token_lists, ids).save(tmp_path / "b")
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        KeywordStore.build([["a"], ["b"]], [1])
    with pytest.raises(ValueError):
        KeywordStore.build([["a"], ["b"]], [1, 1])


def test_a_store_without_tokens_searches_to_nothing(tmp_path):
    empty = KeywordStore.build([[], []], [5, 6])
    assert len(empty) == 2
    assert empty.search(["a"], k=3) == []
    empty.save(tmp_path)
    assert KeywordStore.load(tmp_path).search(["a"], k=3) == []
    assert KeywordStore.build([], []).search(["a"], k=3) == []


def test_documents_with_no_tokens_sit_beside_others():
    store = KeywordStore.build([["城中区", "就业"], [], ["祁连县"]], [10, 11, 12])
    assert [i for i, _ in store.search(["祁连县"], k=3)] == [12]
    assert {i for i, _ in store.search(["就业", "祁连县"], k=3)} == {10, 12}
