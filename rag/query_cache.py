"""A small in-memory LRU of query vectors, keyed by encoder name and exact query text.

Staff ask the same questions again, the UI has example buttons, and
``rag eval`` searches each question twice (the answer, then the top 10), so
a repeated query costs a dictionary lookup instead of an encoder call. The
encoder name is part of the key because it names everything that changes a
vector (model files, engine, quantisation), so two encoders never share an
entry. The cache holds at most ``max_entries`` vectors (1.5 kB each for
e5-small) and returns copies, so a caller cannot change a cached vector.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Sequence

import numpy as np

DEFAULT_MAX_ENTRIES = 2048


class QueryVectorLRU:
    """Thread-safe LRU: (encoder name, text) -> read-only float32 vector."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES):
        self.max_entries = max(0, int(max_entries))
        self._entries: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.hits = self.misses = 0

    def encode(self, encoder_name: str, texts: Sequence[str], encode: Callable[[list[str]], np.ndarray], dim: int) -> np.ndarray:
        """Vectors of ``texts``, calling ``encode`` once, only for the distinct texts not cached."""
        texts = list(texts)
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for text in texts:
                vector = self._entries.get((encoder_name, text))
                if vector is not None:
                    self._entries.move_to_end((encoder_name, text))
                    found[text] = vector
            missing = [t for t in dict.fromkeys(texts) if t not in found]
            self.hits += len(texts) - sum(1 for t in texts if t in missing)
            self.misses += len(missing)
        if missing:
            vectors = np.asarray(encode(missing), dtype=np.float32).reshape(len(missing), dim)
            with self._lock:
                for text, vector in zip(missing, vectors):
                    frozen = vector.copy()
                    frozen.flags.writeable = False
                    found[text] = frozen
                    if self.max_entries:
                        self._entries[(encoder_name, text)] = frozen
                        self._entries.move_to_end((encoder_name, text))
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        out = np.zeros((len(texts), dim), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = found[text]
        return out


# The one process-wide cache every encoder's encode_queries goes through.
QUERY_VECTORS = QueryVectorLRU()
