"""FAISS mechanics of the dense store on random unit vectors (real faiss, fixed seeds)."""
from __future__ import annotations

import faiss
import numpy as np
import pytest

from rag.stores.faiss import DenseStore


def unit_vectors(n: int, dim: int, seed: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def exact_top(vectors: np.ndarray, ids: np.ndarray, query: np.ndarray, k: int) -> list[int]:
    scores = vectors @ (query / np.linalg.norm(query))
    return [int(ids[i]) for i in np.argsort(-scores, kind="stable")[:k]]


@pytest.fixture(scope="module")
def data():
    vectors = unit_vectors(500, 32, seed=1)
    ids = np.arange(500, dtype=np.int64) * 13 + 5  # sparse, non-positional chunk ids
    return vectors, ids


@pytest.fixture(scope="module")
def flat(data) -> DenseStore:
    vectors, ids = data
    return DenseStore.build(vectors, ids, kind="flat")


def test_a_stored_vector_finds_itself_first_with_its_chunk_id(flat, data):
    vectors, ids = data
    for row in (0, 123, 499):
        results = flat.search(vectors[row], k=5)
        assert results[0][0] == int(ids[row])
        assert results[0][1] == pytest.approx(1.0, abs=1e-5)
        assert [i for i, _ in results] == exact_top(vectors, ids, vectors[row], 5)


def test_scores_are_cosines_in_descending_order(flat):
    query = unit_vectors(1, 32, seed=2)[0] * 7.5  # length does not matter
    results = flat.search(query, k=20)
    assert len(results) == 20
    scores = [s for _, s in results]
    assert scores == sorted(scores, reverse=True)
    assert all(-1.0001 <= s <= 1.0001 for s in scores)
    rescaled = flat.search(query / 7.5, k=20)
    assert [i for i, _ in rescaled] == [i for i, _ in results]
    assert [s for _, s in rescaled] == pytest.approx(scores, abs=1e-6)


def test_k_larger_than_the_store_and_degenerate_queries(flat, data):
    vectors, _ = data
    assert len(flat.search(vectors[0], k=10_000)) == len(flat)
    assert flat.search(vectors[0], k=0) == []
    assert flat.search(np.zeros(32, dtype=np.float32), k=5) == []
    with pytest.raises(ValueError):
        flat.search(np.ones(16, dtype=np.float32), k=5)


def test_auto_picks_flat_for_small_collections_and_kind_is_recorded(data):
    vectors, ids = data
    store = DenseStore.build(vectors, ids)
    assert store.kind == "flat"
    assert store.settings()["kind"] == "flat"
    assert len(store) == 500
    with pytest.raises(ValueError):
        DenseStore.build(vectors, ids, kind="ivf")
    with pytest.raises(ValueError):
        DenseStore.build(vectors, ids[:10])
    with pytest.raises(ValueError):
        DenseStore.build(vectors[:2], np.array([1, 1]))


def test_an_empty_store_finds_nothing_and_round_trips(tmp_path):
    empty = DenseStore.build(np.zeros((0, 8), dtype=np.float32), np.array([], dtype=np.int64))
    assert len(empty) == 0
    assert empty.search(np.ones(8, dtype=np.float32), k=3) == []
    empty.save(tmp_path)
    loaded = DenseStore.load(tmp_path)
    assert len(loaded) == 0
    loaded.add(np.ones((1, 8), dtype=np.float32), np.array([9]))
    assert loaded.search(np.ones(8, dtype=np.float32), k=3)[0][0] == 9


def test_allowed_restricts_to_those_ids_exactly(flat, data):
    vectors, ids = data
    allowed = {int(i) for i in ids[::7]}
    query = unit_vectors(1, 32, seed=3)[0]
    results = flat.search(query, k=10, allowed=allowed)
    mask = np.isin(ids, list(allowed))
    assert [i for i, _ in results] == exact_top(vectors[mask], ids[mask], query, 10)
    assert flat.search(query, k=10, allowed=set()) == []
    assert flat.search(query, k=10, allowed={999_999}) == []


def test_search_runs_single_threaded_and_restores_the_thread_count(flat, data):
    before = faiss.omp_get_max_threads()
    flat.search(data[0][0], k=3)
    assert faiss.omp_get_max_threads() == before


@pytest.mark.parametrize("mmap", [True, False])
def test_ids_and_results_survive_save_and_load(flat, data, tmp_path, mmap):
    vectors, ids = data
    flat.save(tmp_path)
    loaded = DenseStore.load(tmp_path, mmap=mmap)
    assert loaded.kind == "flat"
    assert len(loaded) == len(flat)
    assert sorted(loaded.ids().tolist()) == sorted(ids.tolist())
    for row in (3, 250):
        assert loaded.search(vectors[row], k=7) == flat.search(vectors[row], k=7)


@pytest.mark.parametrize("first_change", ["add", "remove"])
def test_changes_to_a_memory_mapped_store(data, tmp_path, first_change):
    # FAISS aborts the whole process on a write to a mapped index, so this
    # test failing may show up as a crash.
    vectors, ids = data
    DenseStore.build(vectors, ids, kind="flat").save(tmp_path)
    store = DenseStore.load(tmp_path, mmap=True)
    gone = [int(ids[0]), int(ids[1])]
    if first_change == "add":
        store.add(vectors[:1], np.array([42], dtype=np.int64))  # the same vector, a new id
        assert store.remove(gone + [777_777]) == 2
    else:
        assert store.remove(gone + [777_777]) == 2
        store.add(vectors[:1], np.array([42], dtype=np.int64))
    assert len(store) == 499
    assert store.search(vectors[0], k=1)[0][0] == 42
    assert not set(gone) & {i for i, _ in store.search(vectors[0], k=10)}
    with pytest.raises(ValueError):
        store.add(vectors[:1], np.array([42]))  # already there
    store.save(tmp_path / "again")
    reloaded = DenseStore.load(tmp_path / "again")
    assert len(reloaded) == 499
    assert reloaded.search(vectors[0], k=1)[0][0] == 42
    assert not set(gone) & set(reloaded.ids().tolist())
    # The original files are untouched.
    assert len(DenseStore.load(tmp_path)) == 500


@pytest.fixture(scope="module")
def hnsw_data():
    vectors = unit_vectors(3000, 64, seed=7)
    ids = np.arange(3000, dtype=np.int64) + 100_000
    return vectors, ids


@pytest.fixture(scope="module")
def hnsw(hnsw_data) -> DenseStore:
    vectors, ids = hnsw_data
    return DenseStore.build(vectors, ids, kind="hnsw")


def test_hnsw_recall_at_10_against_exact_search(hnsw, hnsw_data):
    vectors, ids = hnsw_data
    exact = DenseStore.build(vectors, ids, kind="flat")
    queries = unit_vectors(200, 64, seed=8)  # unseen queries, not stored vectors
    recall = np.mean(
        [
            len({i for i, _ in hnsw.search(q, 10)} & {i for i, _ in exact.search(q, 10)}) / 10
            for q in queries
        ]
    )
    assert recall >= 0.95
    assert hnsw.kind == "hnsw"
    assert hnsw.settings()["hnsw_ef_search"] >= 16


def test_hnsw_filter_remove_and_reload(hnsw_data, tmp_path):
    vectors, ids = hnsw_data
    store = DenseStore.build(vectors[:1000], ids[:1000], kind="hnsw")
    allowed = {int(i) for i in ids[:1000:50]}
    query = vectors[500]
    mask = np.isin(ids[:1000], list(allowed))
    results = store.search(query, k=5, allowed=allowed)
    assert [i for i, _ in results] == exact_top(vectors[:1000][mask], ids[:1000][mask], query, 5)

    assert store.remove([int(ids[500])]) == 1
    assert len(store) == 999
    assert int(ids[500]) not in {i for i, _ in store.search(query, k=10)}
    store.save(tmp_path)
    loaded = DenseStore.load(tmp_path)
    assert len(loaded) == 999
    assert int(ids[500]) not in {i for i, _ in loaded.search(query, k=10)}
    # Re-using a removed id stores the new vector, not the old one.
    loaded.add(vectors[501:502], ids[500:501])
    assert loaded.search(vectors[501], k=2)[0][1] == pytest.approx(1.0, abs=1e-5)
    assert {i for i, _ in loaded.search(vectors[501], k=2)} == {int(ids[500]), int(ids[501])}
    assert len(loaded) == 1000
