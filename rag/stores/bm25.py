"""BM25 over pre-tokenized chunks (bm25s), addressed by chunk id.

bm25s precomputes every (token, document) BM25 weight into a sparse CSC
matrix, so a query only sums a few columns. We hand it our own jieba tokens
(bm25s's tokenizer is for space-separated languages) and keep the chunk ids
next to it, so callers never see bm25s's row positions.

On disk, a directory holds bm25s's own files (``*.index.npy`` arrays saved
without pickle, ``vocab.index.json``, ``params.index.json``) plus
``ids.json`` mapping row positions to chunk ids.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Sequence

import bm25s
import numpy as np

# bm25s sets its own logger to DEBUG, which floods the CLI's stderr on every build.
logging.getLogger("bm25s").setLevel(logging.WARNING)

IDS_FILE = "ids.json"
FORMAT_VERSION = 1

# bm25s's defaults (Lucene's BM25 variant).
DEFAULT_K1 = 1.5
DEFAULT_B = 0.75
DEFAULT_METHOD = "lucene"


class KeywordStore:
    """A BM25 index over token lists, searched by token list, returning chunk ids."""

    def __init__(self, retriever: bm25s.BM25 | None, ids: np.ndarray) -> None:
        # ``retriever`` is None only for an index with no tokens at all,
        # which bm25s cannot represent; every search on it finds nothing.
        self._retriever = retriever
        self._ids = np.asarray(ids, dtype=np.int64)
        self._positions: dict[int, int] | None = None  # chunk id -> row, built on first filtered search

    @classmethod
    def build(
        cls,
        token_lists: Sequence[list[str]],
        ids: Sequence[int],
        *,
        k1: float = DEFAULT_K1,
        b: float = DEFAULT_B,
        method: str = DEFAULT_METHOD,
    ) -> KeywordStore:
        """Index ``token_lists[i]`` as chunk ``ids[i]``."""
        if len(token_lists) != len(ids):
            raise ValueError(f"{len(token_lists)} token lists but {len(ids)} ids")
        id_array = np.asarray(ids, dtype=np.int64)
        if len(np.unique(id_array)) != len(id_array):
            raise ValueError("chunk ids must be unique")
        # A sorted vocabulary makes token ids, and so the saved files,
        # identical from run to run (bm25s would number tokens in set order).
        vocabulary = {token: n for n, token in enumerate(sorted({t for tokens in token_lists for t in tokens}))}
        if not vocabulary:
            return cls(None, id_array)
        corpus_token_ids = [[vocabulary[t] for t in tokens] for tokens in token_lists]
        retriever = bm25s.BM25(k1=k1, b=b, method=method)
        retriever.index((corpus_token_ids, vocabulary), create_empty_token=False, show_progress=False)
        return cls(retriever, id_array)

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def ids(self) -> np.ndarray:
        return self._ids

    def search(
        self, query_tokens: list[str], k: int, allowed: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """Up to ``k`` (chunk id, BM25 score) pairs, best first, only positive scores.

        Tokens the corpus never uses are ignored; a query with none left
        finds nothing. ``allowed`` restricts the result to those chunk ids.
        A repeated query token counts once per occurrence, as in Lucene.
        """
        if k <= 0 or self._retriever is None:
            return []
        vocabulary = self._retriever.vocab_dict
        token_ids = [vocabulary[t] for t in query_tokens if t in vocabulary]
        if not token_ids:
            return []
        # bm25s sums the query tokens' precomputed columns (np.add.at, fast in numpy 2).
        scores = self._retriever.get_scores_from_ids(token_ids)
        if allowed is not None:
            rows = self._rows_of(allowed)
            rows = rows[scores[rows] > 0]
        else:
            rows = np.flatnonzero(scores > 0)
        if len(rows) > k:
            rows = rows[np.argpartition(-scores[rows], k - 1)[:k]]
        # Best first; equal scores in chunk-id order so results are stable.
        order = np.lexsort((self._ids[rows], -scores[rows]))
        rows = rows[order]
        return [(int(self._ids[r]), float(scores[r])) for r in rows]

    def _rows_of(self, allowed: set[int]) -> np.ndarray:
        if self._positions is None:
            self._positions = {int(chunk_id): row for row, chunk_id in enumerate(self._ids)}
        positions = self._positions
        return np.fromiter(
            (positions[i] for i in allowed if i in positions), dtype=np.int64
        )

    def settings(self) -> dict:
        """BM25 parameters, for the index manifest."""
        retriever = self._retriever
        return {
            "library": "bm25s",
            "bm25s_version": bm25s.__version__,
            "method": retriever.method if retriever else DEFAULT_METHOD,
            "k1": retriever.k1 if retriever else DEFAULT_K1,
            "b": retriever.b if retriever else DEFAULT_B,
            "documents": len(self),
            "vocabulary": len(retriever.vocab_dict) if retriever else 0,
        }

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        if self._retriever is not None:
            # allow_pickle=False is bm25s's default; spelled out because the
            # project never writes pickles. No corpus is saved: texts live in
            # the chunk table.
            self._retriever.save(directory, corpus=None, allow_pickle=False)
        meta = {"format": FORMAT_VERSION, "empty": self._retriever is None, "ids": self._ids.tolist()}
        (directory / IDS_FILE).write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, mmap: bool = True) -> KeywordStore:
        """Open a saved store; with ``mmap`` the score arrays stay on disk until read."""
        directory = Path(directory)
        meta = json.loads((directory / IDS_FILE).read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"unknown keyword index format {meta.get('format')!r} in {directory}")
        ids = np.asarray(meta["ids"], dtype=np.int64)
        if meta["empty"]:
            return cls(None, ids)
        retriever = bm25s.BM25.load(directory, mmap=mmap, load_corpus=False, allow_pickle=False)
        if retriever.scores["num_docs"] != len(ids):
            raise ValueError(
                f"keyword index in {directory} has {retriever.scores['num_docs']} rows but {len(ids)} ids"
            )
        return cls(retriever, ids)
