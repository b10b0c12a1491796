"""Build, publish, check and load the on-disk index.

Layout of an index directory::

    index/
      CURRENT              name of the published build (replaced atomically)
      builds/<name>/       manifest.json, chunks.sqlite, keyword/, dense/, user_words.txt
      .lock                held while a build runs

A build is written into a fresh folder under builds/ and becomes visible only
when CURRENT is replaced, so killing a build at any moment leaves the
previous index usable, and a reader that resolved CURRENT keeps a complete
build even while a newer one is published.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .chunk_table import ChunkTable, write_chunk_table
from .chunking import chunk_paragraphs
from .corpus import CorpusError, corpus_fingerprint, read_corpus
from .dense_store import DenseStore
from .encoders import Encoder
from .keyword_store import KeywordStore
from .tokenize import ChineseTokenizer, extract_user_words
from .vector_cache import CachedEncoder

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
CHUNK_MAX_CHARS = 200
CHUNK_OVERLAP_SENTENCES = 0
MANIFEST_FILE = "manifest.json"
USER_WORDS_FILE = "user_words.txt"
BUILDS_DIR = "builds"
CURRENT_FILE = "CURRENT"

Report = Callable[[str], None]


class IndexCorrupt(Exception):
    """An index that exists but cannot be trusted; the message says why."""


def expected_settings(encoder: Encoder) -> dict:
    """Everything besides the corpus that makes an index valid for this configuration."""
    return {
        "format_version": FORMAT_VERSION,
        "encoder": encoder.name,
        "dim": encoder.dim,
        "chunking": {"max_chars": CHUNK_MAX_CHARS, "overlap_sentences": CHUNK_OVERLAP_SENTENCES},
    }


@dataclass
class Index:
    """A loaded build: the chunk table, both search stores and the tokenizer that made the keyword store."""

    directory: Path
    manifest: dict
    table: ChunkTable
    keyword: KeywordStore
    dense: DenseStore
    tokenizer: ChineseTokenizer


def _published_build(index_dir: Path) -> Path | None:
    pointer = index_dir / CURRENT_FILE
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    return index_dir / BUILDS_DIR / name if name else None


def read_manifest(index_dir: Path) -> dict | None:
    """The published build's manifest, None when nothing is published; IndexCorrupt when unreadable."""
    build = _published_build(index_dir)
    if build is None:
        return None
    try:
        manifest = json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"索引清单无法读取（{exc.__class__.__name__}）") from exc
    if not isinstance(manifest, dict):
        raise IndexCorrupt("索引清单格式不对")
    return manifest


def staleness(index_dir: Path, corpus: Path, encoder: Encoder) -> str | None:
    """Why the index must be (re)built, or None when the published one fits."""
    try:
        manifest = read_manifest(index_dir)
    except IndexCorrupt as exc:
        return f"索引已损坏：{exc}"
    if manifest is None:
        return "还没有索引"
    wanted = expected_settings(encoder)
    for key, value in wanted.items():
        if manifest.get(key) != value:
            return f"索引设置已变化（{key}: {manifest.get(key)!r} → {value!r}）"
    if manifest.get("corpus_fingerprint") != corpus_fingerprint(corpus):
        return "资料文件有变化"
    return None


def load_index(index_dir: Path) -> Index:
    """Load the published build; IndexCorrupt when any part is missing or unreadable."""
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexCorrupt("还没有索引")
    build = _published_build(index_dir)
    assert build is not None
    try:
        table = ChunkTable(build)
        keyword = KeywordStore.load(build / "keyword")
        dense = DenseStore.load(build / "dense")
        user_words = (build / USER_WORDS_FILE).read_text(encoding="utf-8").split("\n")
    except Exception as exc:  # any unreadable part means the whole build is untrusted
        raise IndexCorrupt(f"索引文件无法读取（{exc.__class__.__name__}: {exc}）") from exc
    counts = table.counts()
    if counts["chunks"] != manifest.get("counts", {}).get("chunks") or len(dense) != counts["chunks"]:
        raise IndexCorrupt("索引各部分的条目数不一致")
    tokenizer = ChineseTokenizer([w for w in user_words if w])
    return Index(build, manifest, table, keyword, dense, tokenizer)


@contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _publish(index_dir: Path, build: Path) -> None:
    _write_atomically(index_dir / CURRENT_FILE, build.name + "\n")
    dir_fd = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _remove_old_builds(index_dir: Path, keep: set[str]) -> None:
    """Keep the published build and the one before it (a running reader may still use it)."""
    builds = sorted((index_dir / BUILDS_DIR).iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
    for build in builds:
        if build.name not in keep:
            shutil.rmtree(build, ignore_errors=True)


def build_index(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info) -> dict:
    """Build an index of ``corpus`` and publish it in ``index_dir``; returns the manifest."""
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def stage(name: str, since: float) -> float:
        now = time.perf_counter()
        timings[name] = round(now - since, 3)
        return now

    t = time.perf_counter()
    fingerprint = corpus_fingerprint(corpus)
    articles, paragraphs = read_corpus(corpus)
    if not paragraphs:
        raise CorpusError(f"资料中没有可以索引的文章：{corpus}")
    t = stage("ingest", t)
    chunks = chunk_paragraphs(paragraphs, max_chars=CHUNK_MAX_CHARS, overlap_sentences=CHUNK_OVERLAP_SENTENCES)
    t = stage("chunk", t)
    report(f"{len(articles)} 篇文章，{len(paragraphs)} 个段落，{len(chunks)} 个片段")
    user_words = extract_user_words(p.text for p in paragraphs)
    tokenizer = ChineseTokenizer(user_words)
    tokens = [tokenizer.tokenize(c.index_text) for c in chunks]
    t = stage("tokenize", t)
    ids = [c.id for c in chunks]
    keyword = KeywordStore.build(tokens, ids)
    t = stage("bm25", t)
    report(f"正在编码 {len(chunks)} 个片段（{encoder.name}）…")
    import numpy as np

    # Cached by content hash: a rebuild re-encodes only passages never seen before.
    vectors = CachedEncoder(encoder).encode_passages([c.index_text for c in chunks], progress=progress)
    t = stage("encode", t)
    dense = DenseStore.build(vectors, np.asarray(ids, dtype=np.int64))
    t = stage("faiss", t)

    with _build_lock(index_dir):
        builds = index_dir / BUILDS_DIR
        builds.mkdir(exist_ok=True)
        previous = _published_build(index_dir)
        build = builds / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        build.mkdir()
        write_chunk_table(build, articles, paragraphs, chunks)
        keyword.save(build / "keyword")
        dense.save(build / "dense")
        (build / USER_WORDS_FILE).write_text("\n".join(user_words), encoding="utf-8")
        t = stage("write", t)
        manifest = {
            **expected_settings(encoder),
            "corpus": str(corpus.resolve()),
            "corpus_fingerprint": fingerprint,
            "tokenizer": tokenizer.settings(),
            "dense_index": dense.kind,
            "counts": {
                "articles": len(articles),
                "paragraphs": len(paragraphs),
                "chunks": len(chunks),
                "characters": sum(len(c.text) for c in chunks),
            },
            "build_seconds": round(time.perf_counter() - started, 3),
            "stage_seconds": timings,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        _write_atomically(build / MANIFEST_FILE, json.dumps(manifest, ensure_ascii=False, indent=2))
        _publish(index_dir, build)
        keep = {build.name} | ({previous.name} if previous is not None else set())
        _remove_old_builds(index_dir, keep)
    report(f"索引已建好：{index_dir}（用时 {manifest['build_seconds']:.1f} 秒）")
    return manifest


def open_index(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info) -> Index:
    """Load the index for ``corpus``, building it first when missing, stale or corrupt."""
    reason = staleness(index_dir, corpus, encoder)
    if reason is None:
        try:
            return load_index(index_dir)
        except IndexCorrupt as exc:
            reason = f"索引已损坏：{exc}"
    report(f"{reason}，正在建立索引…")
    build_index(corpus, index_dir, encoder, progress=progress, report=report)
    return load_index(index_dir)
