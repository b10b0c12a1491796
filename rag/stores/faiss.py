"""Chunk vectors in FAISS, searched by cosine similarity.

Vectors are L2-normalised float32, so inner product is cosine. Every vector
carries its chunk id (``IndexIDMap2``), which survives saving, loading,
adding and removing.

Two index kinds:

* ``flat``: exact ``IndexFlatIP``. Search scans every vector: 5-6 ms per
  query for 100k x 384 on one core here, so it is the right choice for the
  corpora this project indexes.
* ``hnsw``: ``IndexHNSWFlat`` (inner product), approximate, for big corpora.
  ``efSearch`` is calibrated at build time so recall@10 against exact
  search stays at least 0.95 (see ``_calibrate_ef_search``).

``auto`` picks flat below ``AUTO_HNSW_THRESHOLD`` vectors and HNSW above.
50k, from eval/bench_perf.py on this 2-core machine: a flat scan of 100k
vectors took 6-9 ms per query under load, which with query encoding (15-25 ms
under load) broke the 30 ms retrieval budget; HNSW at 100k answered in ~0.8 ms
with tie-aware recall@10 of 0.9997 on real queries (0.98-0.99 on 17k real
vectors at the calibrated efSearch).

On disk: ``dense.faiss`` (FAISS's own format) and ``dense.json`` (kind,
dimension, HNSW settings, removed ids).
"""
from __future__ import annotations

import json
import logging
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import faiss
import numpy as np

log = logging.getLogger(__name__)

INDEX_FILE = "dense.faiss"
META_FILE = "dense.json"
FORMAT_VERSION = 1

KINDS = ("flat", "hnsw", "auto")
AUTO_HNSW_THRESHOLD = 50_000

HNSW_M = 32  # graph degree; 32 is FAISS's usual choice for 384-768 dimensions
HNSW_EF_CONSTRUCTION = 80
HNSW_RECALL_TARGET = 0.95
# Calibration aims a little higher than the target: 200 probe queries
# estimate recall to about +-0.01.
HNSW_CALIBRATION_RECALL = 0.97
HNSW_CALIBRATION_QUERIES = 200
HNSW_PROBE_NOISE = 2.0  # probe = stored vector + this many per-dimension spreads of noise
HNSW_EF_SEARCH_START = 16
HNSW_EF_SEARCH_MAX = 4096
HNSW_EF_SEARCH_DEFAULT = 64  # when there are too few vectors to calibrate on
HNSW_TIE_EPSILON = 1e-3  # cosine: a result this close to the exact k-th best counts as found
# A filtered HNSW search walks a graph whose other nodes are off limits and
# misses allowed vectors; up to this many allowed ids, compare them exactly.
HNSW_EXACT_FILTER_LIMIT = 20_000


def _as_matrix(vectors: np.ndarray, dim: int | None = None) -> np.ndarray:
    """A C-contiguous float32 copy of ``vectors`` with unit-length rows."""
    matrix = np.array(vectors, dtype=np.float32, copy=True, order="C")
    if matrix.ndim == 1:
        matrix = matrix.reshape(1, -1)
    if matrix.ndim != 2:
        raise ValueError(f"expected a 2-d array of vectors, got shape {np.shape(vectors)}")
    if dim is not None and matrix.shape[1] != dim:
        raise ValueError(f"vectors have dimension {matrix.shape[1]}, the index has {dim}")
    if len(matrix):
        faiss.normalize_L2(matrix)
    return matrix


def _as_ids(ids: Iterable[int] | np.ndarray) -> np.ndarray:
    if isinstance(ids, np.ndarray):
        return np.ascontiguousarray(ids.reshape(-1), dtype=np.int64)
    return np.fromiter((int(i) for i in ids), dtype=np.int64)


@contextmanager
def _single_thread() -> Iterator[None]:
    """One OpenMP thread for a single query: on 2 cores, 2 threads are ~5x slower."""
    previous = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(previous)


class DenseStore:
    """Unit vectors keyed by chunk id, searched by cosine similarity."""

    def __init__(
        self,
        index: faiss.IndexIDMap2,
        kind: str,
        *,
        ef_search: int | None = None,
        calibrated_recall: float | None = None,
        removed: Iterable[int] = (),
        mapped: bool = False,
    ) -> None:
        self._index = index
        self._kind = kind
        self._ef_search = ef_search
        self._calibrated_recall = calibrated_recall
        # HNSW graphs cannot delete nodes; removed ids are hidden at search
        # time until the next rebuild.
        self._removed: set[int] = {int(i) for i in removed}
        # A memory-mapped index is read-only (FAISS aborts the process on a
        # write), so it is copied into memory before the first change.
        self._mapped = mapped
        if kind == "hnsw" and ef_search is not None:
            self._hnsw().hnsw.efSearch = ef_search

    # -- building -----------------------------------------------------------

    @classmethod
    def build(cls, vectors: np.ndarray, ids: np.ndarray, kind: str = "auto") -> DenseStore:
        """Index ``vectors[i]`` as chunk ``ids[i]``; ``kind`` is "flat", "hnsw" or "auto"."""
        if kind not in KINDS:
            raise ValueError(f"unknown index kind {kind!r}; choose one of {', '.join(KINDS)}")
        if np.ndim(vectors) != 2:
            raise ValueError(f"expected a 2-d array of vectors, got shape {np.shape(vectors)}")
        matrix = _as_matrix(vectors)
        id_array = _as_ids(ids)
        if len(matrix) != len(id_array):
            raise ValueError(f"{len(matrix)} vectors but {len(id_array)} ids")
        if len(np.unique(id_array)) != len(id_array):
            raise ValueError("chunk ids must be unique")
        if kind == "auto":
            kind = "flat" if len(matrix) < AUTO_HNSW_THRESHOLD else "hnsw"
        index = faiss.IndexIDMap2(_new_base_index(kind, matrix.shape[1]))
        index.add_with_ids(matrix, id_array)
        if kind == "flat":
            return cls(index, kind)
        ef_search, recall = _calibrate_ef_search(index, matrix)
        return cls(index, kind, ef_search=ef_search, calibrated_recall=recall)

    @property
    def kind(self) -> str:
        return self._kind

    @property
    def dim(self) -> int:
        return self._index.d

    def __len__(self) -> int:
        return self._index.ntotal - len(self._removed)

    def ids(self) -> np.ndarray:
        """The chunk ids in the store."""
        stored = faiss.vector_to_array(self._index.id_map)
        if not self._removed:
            return stored
        return stored[~np.isin(stored, np.fromiter(self._removed, dtype=np.int64))]

    def settings(self) -> dict:
        """What the index manifest records about this store."""
        settings: dict = {
            "library": "faiss",
            "faiss_version": faiss.__version__,
            "kind": self._kind,
            "metric": "inner_product",
            "dim": self.dim,
            "vectors": len(self),
        }
        if self._kind == "hnsw":
            settings.update(
                hnsw_m=HNSW_M,
                hnsw_ef_construction=HNSW_EF_CONSTRUCTION,
                hnsw_ef_search=self._ef_search,
                hnsw_calibrated_recall=self._calibrated_recall,
            )
        return settings

    # -- searching ----------------------------------------------------------

    def search(
        self, query_vector: np.ndarray, k: int, allowed: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """Up to ``k`` (chunk id, cosine) pairs, most similar first.

        ``allowed`` restricts the result to those chunk ids.
        """
        query = _as_matrix(query_vector, self.dim)
        if len(query) != 1:
            raise ValueError("search takes one query vector")
        if k <= 0 or len(self) == 0 or not np.any(query):
            return []
        if allowed is not None:
            allowed_ids = _as_ids(set(allowed) - self._removed)
            if len(allowed_ids) == 0:
                return []
            if self._kind == "hnsw" and len(allowed_ids) <= HNSW_EXACT_FILTER_LIMIT:
                return self._exact_search(query, k, allowed_ids)
            selector = faiss.IDSelectorBatch(allowed_ids)
        elif self._removed:
            selector = faiss.IDSelectorNot(faiss.IDSelectorBatch(_as_ids(self._removed)))
        else:
            selector = None
        params = None
        if self._kind == "hnsw":
            params = faiss.SearchParametersHNSW(efSearch=max(self._ef_search or 0, k))
            if selector is not None:
                params.sel = selector
        elif selector is not None:
            params = faiss.SearchParameters(sel=selector)
        k = min(k, len(self))
        with _single_thread():
            scores, found = self._index.search(query, k, params=params)
        return [(int(i), float(s)) for i, s in zip(found[0], scores[0]) if i != -1]

    def _exact_search(self, query: np.ndarray, k: int, candidate_ids: np.ndarray) -> list[tuple[int, float]]:
        """Cosine against just the candidate ids' stored vectors (ids not stored are skipped)."""
        stored = faiss.vector_to_array(self._index.id_map)
        present = candidate_ids[np.isin(candidate_ids, stored)]
        if len(present) == 0:
            return []
        vectors = np.vstack([self._index.reconstruct(int(i)) for i in present])
        scores = vectors @ query[0]
        top = np.argsort(-scores, kind="stable")[:k]
        return [(int(present[j]), float(scores[j])) for j in top]

    # -- changing -----------------------------------------------------------

    def add(self, vectors: np.ndarray, ids: np.ndarray) -> None:
        """Add vectors under new chunk ids (an id already in the store is an error)."""
        matrix = _as_matrix(vectors, self.dim)
        id_array = _as_ids(ids)
        if len(matrix) != len(id_array):
            raise ValueError(f"{len(matrix)} vectors but {len(id_array)} ids")
        if len(np.unique(id_array)) != len(id_array):
            raise ValueError("chunk ids must be unique")
        if len(id_array) == 0:
            return
        if np.isin(id_array, self.ids()).any():
            raise ValueError("some chunk ids are already in the dense index; remove them first")
        self._ensure_in_memory()
        if self._removed.intersection(id_array.tolist()):
            # The old vector of a re-used id is still in the HNSW graph.
            self._compact()
        self._index.add_with_ids(matrix, id_array)

    def remove(self, ids: Iterable[int]) -> int:
        """Remove chunk ids; returns how many were in the store."""
        id_array = _as_ids(set(int(i) for i in ids))
        present = id_array[np.isin(id_array, self.ids())]
        if len(present) == 0:
            return 0
        self._ensure_in_memory()
        if self._kind == "hnsw":
            self._removed.update(present.tolist())
        else:
            self._index.remove_ids(faiss.IDSelectorBatch(present))
        return len(present)

    def _ensure_in_memory(self) -> None:
        if self._mapped:
            # A serialise/deserialise round trip copies the index into memory
            # it owns (faiss.clone_index would keep viewing the mapped file).
            self._index = faiss.deserialize_index(faiss.serialize_index(self._index))
            self._mapped = False
            if self._kind == "hnsw":
                self._hnsw().hnsw.efSearch = self._ef_search

    def _compact(self) -> None:
        """Rebuild the HNSW graph without the removed vectors."""
        keep = self.ids()
        vectors = np.vstack([self._index.reconstruct(int(i)) for i in keep]) if len(keep) else np.zeros((0, self.dim), np.float32)
        index = faiss.IndexIDMap2(_new_base_index(self._kind, self.dim))
        index.add_with_ids(vectors, keep)
        self._index = index
        self._removed.clear()
        self._hnsw().hnsw.efSearch = self._ef_search

    def _hnsw(self) -> faiss.IndexHNSWFlat:
        return faiss.downcast_index(self._index.index)

    # -- storing ------------------------------------------------------------

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a reader never opens a half-written file.
        index_tmp = directory / (INDEX_FILE + ".tmp")
        faiss.write_index(self._index, str(index_tmp))
        meta = {
            "format": FORMAT_VERSION,
            "kind": self._kind,
            "dim": self.dim,
            "vectors": len(self),
            "ef_search": self._ef_search,
            "calibrated_recall": self._calibrated_recall,
            "removed": sorted(self._removed),
        }
        meta_tmp = directory / (META_FILE + ".tmp")
        meta_tmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(index_tmp, directory / INDEX_FILE)
        os.replace(meta_tmp, directory / META_FILE)

    @classmethod
    def load(cls, directory: Path, mmap: bool = True) -> DenseStore:
        """Open a saved store; with ``mmap`` the vectors stay on disk until read."""
        directory = Path(directory)
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"unknown dense index format {meta.get('format')!r} in {directory}")
        path = directory / INDEX_FILE
        index, mapped = None, False
        if mmap:
            try:
                # IO_FLAG_MMAP_IFC maps the vectors of flat-code indexes
                # (IndexFlat, HNSWFlat's storage); the plain IO_FLAG_MMAP
                # only applies to IVF lists.
                index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC)
                mapped = True
            except RuntimeError as error:
                log.info("memory-mapping %s failed (%s); reading it into memory", path, error)
        if index is None:
            index = faiss.read_index(str(path))
        if not isinstance(index, faiss.IndexIDMap2):
            raise ValueError(f"{path} is not an id-mapped FAISS index")
        return cls(
            index,
            meta["kind"],
            ef_search=meta.get("ef_search"),
            calibrated_recall=meta.get("calibrated_recall"),
            removed=meta.get("removed", ()),
            mapped=mapped,
        )


def _new_base_index(kind: str, dim: int) -> faiss.Index:
    if kind == "flat":
        return faiss.IndexFlatIP(dim)
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        return index
    raise ValueError(f"unknown index kind {kind!r}")


def _calibrate_ef_search(index: faiss.IndexIDMap2, vectors: np.ndarray, k: int = 10) -> tuple[int, float | None]:
    """The smallest efSearch (doubling) whose tie-aware recall@k on probe queries reaches the target.

    Tie-aware (as in ann-benchmarks): a found vector counts when it is one of
    the exact top k or scores within HNSW_TIE_EPSILON of the exact k-th best.

    Probe queries are stored vectors moved by Gaussian noise of twice the
    data's per-dimension spread: they are not graph nodes (a stored vector
    finds itself and its linked neighbours too easily, which flatters the
    recall), yet they stay in the data's region. On random data their recall
    tracks that of unseen random queries within 0.01. The exact answer comes
    from a flat scan.
    """
    n = len(vectors)
    if n <= k:
        return HNSW_EF_SEARCH_DEFAULT, None
    rng = np.random.default_rng(0)
    sample = rng.choice(n, size=min(HNSW_CALIBRATION_QUERIES, n), replace=False)
    spread = vectors.std(axis=0)
    probes = vectors[sample] + HNSW_PROBE_NOISE * spread * rng.standard_normal((len(sample), vectors.shape[1]))
    probes = _as_matrix(probes)
    exact_scores, exact = faiss.knn(probes, vectors, k, metric=faiss.METRIC_INNER_PRODUCT)
    stored_ids = faiss.vector_to_array(index.id_map)
    truth = [set(stored_ids[row[row != -1]].tolist()) for row in exact]
    # The k-th best exact score per probe: a found vector scoring at least this
    # (less a hair) is as good as the exact answer. Near-duplicates (reprinted
    # news) tie within ~1e-3, and which of the tied ids a graph search returns
    # is arbitrary; counting ids only would escalate efSearch to the maximum
    # (slower than a flat scan) without returning better passages.
    floors = exact_scores[:, -1] - HNSW_TIE_EPSILON
    hnsw = faiss.downcast_index(index.index)
    ef = HNSW_EF_SEARCH_START
    while True:
        hnsw.hnsw.efSearch = ef
        scores, found = index.search(probes, k)
        recall = float(np.mean([
            min(len(wanted), len(set(row.tolist()) & wanted) + int(np.sum((row_scores >= floor) & ~np.isin(row, list(wanted)) & (row != -1))))
            / len(wanted)
            for row, row_scores, wanted, floor in zip(found, scores, truth, floors)
        ]))
        if recall >= HNSW_CALIBRATION_RECALL or ef >= HNSW_EF_SEARCH_MAX:
            break
        ef *= 2
    if recall < HNSW_RECALL_TARGET:
        log.warning("HNSW recall@%d is only %.3f at efSearch=%d", k, recall, ef)
    return ef, recall
