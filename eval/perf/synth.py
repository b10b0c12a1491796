"""Scaled corpora made from a real benchmark corpus, and vectors for them without encoding.

Encoding 100k passages with e5-small takes hours on 2 cores, so corpora
beyond the real one are built like this:

* Copy 0 of every document is the real document. Copy ``c >= 1`` is the
  document with a small deterministic edit: three mid-frequency Chinese
  characters (chosen by ``c``) are replaced by three others, and every digit
  is rotated by ``c % 9 + 1``. The edit is a per-character map
  (``str.translate``), length- and punctuation-preserving, so it commutes
  with paragraph splitting and chunking: every chunk of copy ``c`` is exactly
  the edited text of the matching real chunk.
* ``PerturbedCopyEncoder`` gives an edited chunk the real encoder's vector of
  its real chunk plus Gaussian noise (seeded by the text, so deterministic)
  scaled so that the copy's cosine to the real vector is about 0.95: close
  like a re-edited news item, yet distinct, so FAISS sees no exact ties.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from rag.chunking import chunk_paragraphs
from rag.corpus import read_corpus
from rag.index import CHUNK_MAX_CHARS, CHUNK_OVERLAP_SENTENCES
from rag.schema import Chunk

# Per-dimension noise: |noise|^2 ~ dim * sigma^2 = 0.108 for dim 384, so the
# perturbed vector's cosine to the real one is about 1/sqrt(1.108) = 0.95.
COPY_COSINE = 0.95
EDITED_CHARS_PER_COPY = 3
_SOURCE_RANKS = (5, 45)  # frequent enough that most chunks contain one
_TARGET_RANKS = (45, 200)


def noise_sigma(dim: int, cosine: float = COPY_COSINE) -> float:
    return float(np.sqrt((1.0 / cosine**2 - 1.0) / dim))


@dataclass(frozen=True)
class BaseCorpus:
    """The real corpus the scaled ones are made from: its records and chunks."""

    records: list[dict]  # doc_id, title, text, as in corpus.jsonl
    chunks: list[Chunk]
    chunks_per_doc: dict[str, int]

    @property
    def texts(self) -> list[str]:
        return [c.index_text for c in self.chunks]


def load_base(bench_dir: Path, max_docs: int | None = None) -> BaseCorpus:
    records = []
    with (bench_dir / "corpus.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records.append({"doc_id": str(record["doc_id"]), "title": record.get("title") or "", "text": record["text"]})
            if max_docs is not None and len(records) >= max_docs:
                break
    # Chunk exactly as the index builder does, through its own functions.
    tmp = _jsonl_text(records)
    _articles, paragraphs = _read_jsonl_text(tmp)
    chunks = chunk_paragraphs(paragraphs, max_chars=CHUNK_MAX_CHARS, overlap_sentences=CHUNK_OVERLAP_SENTENCES)
    per_doc = Counter(c.source for c in chunks)
    kept = [r for r in records if per_doc.get(r["doc_id"])]
    return BaseCorpus(kept, chunks, dict(per_doc))


def _jsonl_text(records: Sequence[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _read_jsonl_text(text: str):
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-perf-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text(text, encoding="utf-8")
        return read_corpus(path)


def copy_tables(texts: Sequence[str], copies: int) -> list[dict[int, int]]:
    """One str.translate table per copy; copy 0 is the identity (the real text)."""
    counts = Counter(ch for text in texts for ch in text if "\u4e00" <= ch <= "\u9fff")
    ranked = [ch for ch, _ in counts.most_common(_TARGET_RANKS[1])]
    sources = ranked[_SOURCE_RANKS[0] : _SOURCE_RANKS[1]]
    targets = ranked[_TARGET_RANKS[0] :]
    tables: list[dict[int, int]] = [{}]
    for c in range(1, copies):
        rng = np.random.default_rng(c)
        table: dict[int, int] = {}
        if sources and targets:
            picked = rng.choice(len(sources), size=min(EDITED_CHARS_PER_COPY, len(sources)), replace=False)
            replacements = rng.choice(len(targets), size=len(picked), replace=False)
            table = {ord(sources[i]): ord(targets[j]) for i, j in zip(picked, replacements)}
        shift = c % 9 + 1
        table.update({ord(str(d)): ord(str((d + shift) % 10)) for d in range(10)})
        tables.append(table)
    return tables


def copies_needed(base: BaseCorpus, target_chunks: int) -> int:
    return max(1, -(-target_chunks // max(1, len(base.chunks))))


def scaled_records(base: BaseCorpus, target_chunks: int) -> tuple[list[dict], int]:
    """Documents (real first, then edited copies) until about ``target_chunks`` chunks; and the copies used."""
    copies = copies_needed(base, target_chunks)
    tables = copy_tables(base.texts, copies)
    out: list[dict] = []
    total = 0
    for c, table in enumerate(tables):
        for record in base.records:
            if total >= target_chunks:
                return out, c + 1
            doc_id = record["doc_id"] if c == 0 else f"{record['doc_id']}~v{c}"
            out.append({"doc_id": doc_id, "title": record["title"].translate(table), "text": record["text"].translate(table)})
            total += base.chunks_per_doc[record["doc_id"]]
    return out, copies


def write_scaled_corpus(base: BaseCorpus, target_chunks: int, directory: Path) -> dict:
    """Write ``directory/corpus.jsonl``; returns what was made (for the report)."""
    records, copies = scaled_records(base, target_chunks)
    directory.mkdir(parents=True, exist_ok=True)
    text = _jsonl_text(records)
    (directory / "corpus.jsonl").write_text(text, encoding="utf-8")
    return {"documents": len(records), "copies": copies, "corpus_bytes": len(text.encode("utf-8"))}


def text_seed(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()[:8], "little")


def perturb(vector: np.ndarray, seed: int, sigma: float) -> np.ndarray:
    noisy = vector + sigma * np.random.default_rng(seed).standard_normal(vector.shape[-1]).astype(np.float32)
    return (noisy / np.linalg.norm(noisy)).astype(np.float32)


class PerturbedCopyEncoder:
    """An Encoder for scaled corpora: real vectors for real chunks, perturbed copies for edited ones.

    Queries go to the real encoder. A chunk text that is neither a real chunk
    nor an edited copy of one (should not happen; counted in ``misses``)
    borrows a real vector chosen by its hash.
    """

    def __init__(self, real_name: str, base_texts: Sequence[str], base_vectors: np.ndarray, copies: int, query_encoder=None):
        self.name = f"{real_name}+perturbed-copies(cos~{COPY_COSINE})"
        self.dim = int(base_vectors.shape[1])
        self._vectors = np.asarray(base_vectors, dtype=np.float32)
        self._sigma = noise_sigma(self.dim)
        self._row: dict[str, int] = {}
        for table in copy_tables(base_texts, copies):
            for row, text in enumerate(base_texts):
                self._row.setdefault(text.translate(table), row)
        self._real_texts = set(base_texts)
        self._query_encoder = query_encoder
        self.misses = 0

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        if self._query_encoder is None:
            raise RuntimeError("no query encoder")
        return self._query_encoder.encode_queries(texts)

    def encode_passages(self, texts: Sequence[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            row = self._row.get(text)
            if row is None:
                self.misses += 1
                row = text_seed(text) % len(self._vectors)
            if text in self._real_texts:
                out[i] = self._vectors[row]
            else:
                out[i] = perturb(self._vectors[row], text_seed(text), self._sigma)
        return out
