"""Sentence vectors: how close each passage sentence is in meaning to the question.

The answer stage reads sentences, not chunks, so an index build also stores one
e5 vector per paragraph sentence (``sentences.npz`` in the build, keyed by the
sentence's content hash and taken from the shared vector cache, so a rebuild
re-encodes nothing). At question time only the question is encoded (retrieval
has usually done that already). An index built before sentence vectors existed
gets them lazily, for the retrieved paragraphs only, through the same cache.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from .sentences import split_sentences
from .vector_cache import CachedEncoder, text_key

log = logging.getLogger(__name__)

SENTENCES_FILE = "sentences.npz"
MIN_SENTENCE_CHARS = 4  # shorter pieces are never answer sentences (see rag.answer.scoring)


def paragraph_sentences(text: str) -> list[str]:
    """The sentences of a paragraph as the scoring reads them (stripped, at least 4 characters)."""
    out = []
    for start, end in split_sentences(text):
        sentence = text[start:end].strip()
        if len(sentence) >= MIN_SENTENCE_CHARS:
            out.append(sentence)
    return out


KEY_BYTES = 32  # sha256 (rag.vector_cache.text_key)


def _keys_of(array: np.ndarray) -> list[bytes]:
    """The stored keys as 32-byte strings. Keys are stored as a uint8 matrix: numpy's "S32" strings
    drop trailing NUL bytes, so a digest ending in 0x00 would come back one byte short."""
    if array.dtype.kind == "S":  # the first files of this format
        return [bytes(k).ljust(KEY_BYTES, b"\0") for k in array]
    return [row.tobytes() for row in array.reshape(-1, KEY_BYTES)]


def _keys_array(keys: list[bytes]) -> np.ndarray:
    return np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(-1, KEY_BYTES) if keys else np.zeros((0, KEY_BYTES), np.uint8)


def write_sentence_vectors(build: Path, previous: Path | None, texts: Iterable[str], encoder) -> int:
    """Store the vectors of the sentences of ``texts`` (new paragraphs) in ``build``,
    with those of ``previous`` carried over; returns how many sentences were stored."""
    keys: list[bytes] = []
    vectors: list[np.ndarray] = []
    if previous is not None and (previous / SENTENCES_FILE).is_file():
        with np.load(previous / SENTENCES_FILE) as old:
            keys = _keys_of(old["keys"])
            vectors = [old["vectors"]]
    known = set(keys)
    new = list(dict.fromkeys(s for t in texts for s in paragraph_sentences(t) if text_key(s) not in known))
    if new:
        vectors.append(CachedEncoder(encoder).encode_passages(new).astype(np.float16))
        keys += [text_key(s) for s in new]
    matrix = np.concatenate(vectors) if vectors else np.zeros((0, encoder.dim), dtype=np.float16)
    with open(build / SENTENCES_FILE, "wb") as handle:
        np.savez(handle, keys=_keys_array(keys), vectors=matrix)
    return len(keys)


_STORED_LOCK = threading.Lock()
_STORED: dict[Path, tuple[dict[bytes, int], np.ndarray]] = {}  # the last builds read, shared by the answer stage and retrieval
_STORED_KEEP = 2


def stored_sentence_vectors(build: Path | None) -> tuple[dict[bytes, int], np.ndarray]:
    """The sentence vectors stored with ``build`` as (key -> row, float32 matrix), read once per build and
    shared; empty when the build has none (made with RAG_SENTENCE_VECTORS=off, or before they existed)."""
    empty: tuple[dict[bytes, int], np.ndarray] = ({}, np.zeros((0, 0), dtype=np.float32))
    path = build / SENTENCES_FILE if build is not None else None
    if path is None or not path.is_file():
        return empty
    with _STORED_LOCK:
        if build in _STORED:
            return _STORED[build]
        try:
            with np.load(path) as data:
                matrix = data["vectors"].astype(np.float32)
                rows = {key: n for n, key in enumerate(_keys_of(data["keys"]))}
        except (OSError, ValueError, KeyError) as exc:  # a damaged file only costs lazy encoding
            log.warning("sentence vectors in %s unreadable (%s); encoding on demand", path, exc)
            rows, matrix = empty
        while len(_STORED) >= _STORED_KEEP:
            _STORED.pop(next(iter(_STORED)))
        _STORED[build] = (rows, matrix)
        return rows, matrix


class SentenceVectors:
    """The sentence vectors of one index build, loaded on first use; sentences the build
    lacks are encoded through the vector cache (and kept in memory)."""

    def __init__(self, build: Path | None, encoder):
        self.build = build
        self.encoder = encoder
        self._rows: dict[bytes, np.ndarray] | None = None
        self._lock = threading.Lock()
        self.lazily_encoded = 0

    def _loaded(self) -> dict[bytes, np.ndarray]:
        if self._rows is None:
            with self._lock:
                if self._rows is None:
                    index, matrix = stored_sentence_vectors(self.build)
                    rows: dict[bytes, np.ndarray] = {key: matrix[n] for key, n in index.items()}
                    self._rows = rows
        return self._rows

    def vectors(self, sentences: Sequence[str]) -> np.ndarray:
        rows = self._loaded()
        keys = [text_key(s) for s in sentences]
        missing = list(dict.fromkeys(s for s, k in zip(sentences, keys) if k not in rows))
        if missing:
            encoded = CachedEncoder(self.encoder).encode_passages(missing)
            self.lazily_encoded += len(missing)
            for sentence, vector in zip(missing, encoded):
                rows[text_key(sentence)] = np.asarray(vector, dtype=np.float32)
        if not keys:
            return np.zeros((0, getattr(self.encoder, "dim", 0)), dtype=np.float32)
        return np.stack([rows[k] for k in keys])

    def similarities(self, query_vector: np.ndarray, sentences: Sequence[str]) -> list[float]:
        """Cosine similarity of each sentence to the question."""
        if not sentences:
            return []
        matrix = self.vectors(sentences)
        q = np.asarray(query_vector, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1) * (np.linalg.norm(q) or 1.0)
        return [float(v) for v in (matrix @ q) / np.where(norms == 0, 1.0, norms)]
