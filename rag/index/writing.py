"""Writing a build: a fresh folder, the table, dense and keyword stores (or a Milvus generation), the manifest, then
publishing it by replacing CURRENT atomically; the build lock, and the steps where tests inject a crash or a full disk."""
from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import shutil
import signal
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..chunk_table import TABLE_FILE, ChunkTable, TableWriter
from ..chunking import chunk_paragraphs
from ..corpus import CorpusError
from ..schema import Chunk
from ..sources import ORIGIN_ADDED, SourceGroup
from ..stores.faiss import DenseStore
from ..encoders import Encoder, engines_of
from ..source_store import SourceStore, store_digest
from ..sentence_vectors import write_sentence_vectors
from ..stores import StoreChoice, StoreUnavailable
from ..stores.bm25 import KeywordStore
from ..tokenize import ChineseTokenizer, extract_user_words
from ..vector_cache import CachedEncoder
from .manifest import (BUILDS_DIR, CHUNK_MAX_CHARS, CHUNK_OVERLAP_SENTENCES, CURRENT_FILE, IndexCorrupt,
                       MANIFEST_CHECKSUM, MANIFEST_FILE, Report, SENTENCE_VECTORS_ENV, STORE_DIGEST, USER_WORDS_FILE,
                       expected_settings, file_checksums, manifest_checksum, manifest_of, read_user_words)
from .added import store_drift

log = logging.getLogger(__name__)


# Steps of writing a build where tests inject a crash or a full disk.
FAULT_POINTS = ("table_copied", "table_written", "dense_written", "keyword_written", "before_publish", "store_written",
                "after_publish")


def _fault_point(name: str) -> None:
    """Test hook: die or fail here when RAG_FAULT_AT names this step."""
    if os.environ.get("RAG_FAULT_AT") != name:
        return
    if os.environ.get("RAG_FAULT_MODE", "kill") == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)
    os.kill(os.getpid(), signal.SIGKILL)


def _encoding_report(report: Report, encoder_name: str) -> Callable[[int, int], None]:
    """What a build tells the user before encoding: how many new passages it encodes (the slow step) and how many
    the vector cache gives; nothing when there is no new passage."""
    def announce(to_encode: int, cached: int) -> None:
        if to_encode:
            from_cache = f"（另有 {cached} 个片段的向量取自缓存）" if cached else ""
            report(f"正在编码 {to_encode} 个新片段（{encoder_name}）…{from_cache}")
        elif cached:
            report(f"{cached} 个新片段的向量全部取自缓存，无需编码")
    return announce


@contextmanager
def build_lock(index_dir: Path, replica: bool = False) -> Iterator[None]:
    """Held while a build is written. A replica folder (rag.replica) is written only by its own sync (``replica``)."""
    if not replica:
        _refuse_replica(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _refuse_replica(index_dir: Path) -> None:
    from ..replica import replica_of

    source = replica_of(index_dir)
    if source is not None:
        raise IndexCorrupt(f"{index_dir} 是 Milvus 索引 {source.alias}（{source.uri}）的只读副本，不能在这里建索引、添加或删除文章；"
                           "请在写入端（建立该索引的目录）运行，副本会在下一个问题时自动跟上。")


def write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def publish(index_dir: Path, build: Path) -> None:
    write_atomically(index_dir / CURRENT_FILE, build.name + "\n")
    dir_fd = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def remove_old_builds(index_dir: Path, keep: set[str]) -> None:
    """Keep the published build and the one before it (a running reader may still use it)."""
    builds = sorted((index_dir / BUILDS_DIR).iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
    for build in builds:
        if build.name not in keep:
            shutil.rmtree(build, ignore_errors=True)


@dataclass
class UpdateResult:
    """What an update did, group by group (a group is one added or corpus file)."""

    added: list[str]
    replaced: list[str]
    unchanged: list[str]
    removed: list[str]
    conflicts: list[tuple[str, str]]  # (group, why it was not taken), messages for users
    new_chunks: int = 0
    encoded: int = 0  # passages actually run through the encoder (the rest came from the vector cache)
    seconds: float = 0.0
    stage_seconds: dict[str, float] | None = None
    manifest: dict | None = None  # the published manifest; None when nothing had to change

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed)


def _new_build_dir(index_dir: Path) -> Path:
    builds = index_dir / BUILDS_DIR
    builds.mkdir(parents=True, exist_ok=True)
    build = builds / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    build.mkdir()
    return build


def write_build(
    index_dir: Path,
    encoder: Encoder,
    previous: Path | None,
    add: list[SourceGroup],
    remove: set[str],
    corpus: Path,
    fingerprint: str,
    progress: bool,
    report: Report,
    ingest_seconds: float = 0.0,
    backend: StoreChoice = StoreChoice(),
) -> UpdateResult:
    """Write a build = ``previous`` (None: empty) minus ``remove`` plus ``add``, and publish it.

    The caller holds the build lock. An added group whose file hash is
    already indexed is left alone; one whose source names belong to another
    group is refused. Nothing is published when nothing changes.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {"ingest": round(ingest_seconds, 3)}
    clock = started

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now

    result = UpdateResult([], [], [], [], [])
    store = SourceStore(index_dir) if SourceStore(index_dir).exists() else None
    store_entries = store.entries() if store is not None else {}
    build = _new_build_dir(index_dir)
    saved = None  # the store records an update replaced, to put back when it is not published
    try:
        if previous is not None:
            shutil.copyfile(previous / TABLE_FILE, build / TABLE_FILE)
            _fault_point("table_copied")
        writer = TableWriter(build / TABLE_FILE, create=previous is None)
        try:
            existing = writer.group_hashes()
            owners = writer.source_names()
            added_in_build = writer.group_hashes(origin=ORIGIN_ADDED)
            if store is not None and previous is not None:  # catch up with the store (e.g. after a killed update)
                more, fewer = store_drift(index_dir, store, added_in_build, {g.name for g in add} | remove, report)
                add, remove = add + more, remove | fewer
                store_entries = store.entries()
            to_insert: list[SourceGroup] = []
            for name in sorted(remove):
                if name in existing:
                    result.removed.append(name)
            for group in add:
                if existing.get(group.name) == group.hash and group.name not in remove:
                    result.unchanged.append(group.name)
                    continue
                clash = next((d.source for d in group.docs if owners.get(d.source, group.name) != group.name), None)
                if clash is not None:
                    result.conflicts.append((group.name, f"与已收录的“{owners[clash]}”中的来源同名（{clash}），请改名后再添加"))
                    continue
                (result.replaced if group.name in existing else result.added).append(group.name)
                to_insert.append(group)
            store_put = [g for g in to_insert if g.origin == ORIGIN_ADDED and store_entries.get(g.name) != g.hash]
            store_delete = [name for name in result.removed if name in added_in_build and name in store_entries]
            new_entries = {name: digest for name, digest in {**store_entries, **{g.name: g.hash for g in store_put}}.items()
                           if name not in store_delete}
            digest = store_digest(new_entries) if store is not None else None
            if not result.changed and previous is not None and fingerprint == manifest_of(previous).get("corpus_fingerprint") \
                    and digest == manifest_of(previous).get(STORE_DIGEST):
                writer.abandon()
                shutil.rmtree(build, ignore_errors=True)
                result.seconds = round(time.perf_counter() - started, 3)
                return result

            removed_ids = writer.delete_groups(set(result.removed) | {g.name for g in to_insert if g.name in existing})
            for group in to_insert:
                writer.insert_group(group)
            lap("table")

            if previous is not None:
                user_words = read_user_words(previous)
            else:  # a fresh build learns its dictionary from all its text
                user_words = extract_user_words(p.text for g in to_insert for p in g.paragraphs)
            tokenizer = ChineseTokenizer(user_words)
            lap("user_words")
            paragraphs = writer.paragraphs_without_chunks()
            next_id = max(int(writer.meta("next_chunk_id", "0")), writer.max_chunk_id() + 1)
            chunks = [
                Chunk(next_id + n, c.source, c.title, c.paragraph, c.text, c.para_start, c.para_end)
                for n, c in enumerate(chunk_paragraphs(paragraphs, max_chars=CHUNK_MAX_CHARS, overlap_sentences=CHUNK_OVERLAP_SENTENCES))
            ]
            writer.set_meta("next_chunk_id", str(next_id + len(chunks)))
            lap("chunk")
            tokens = [tokenizer.tokenize(c.index_text) for c in chunks]
            writer.insert_chunks(chunks, tokens)
            lap("tokenize")
            cached = CachedEncoder(encoder)
            vectors = cached.encode_passages([c.index_text for c in chunks], progress=progress,
                                             announce=_encoding_report(report, encoder.name))
            result.encoded = cached.misses
            result.new_chunks = len(chunks)
            lap("encode")
            counts = writer.counts()
            if counts["chunks"] == 0:
                raise CorpusError("索引里将没有任何可检索的段落")
            all_ids, all_tokens = writer.all_tokens()
            writer.commit()
        except BaseException:
            writer.abandon()
            raise
        _fault_point("table_written")

        import numpy as np

        new_ids = np.asarray([c.id for c in chunks], dtype=np.int64)
        if backend.kind == "milvus":
            store_settings = _write_milvus_generation(index_dir, build, previous, backend, encoder.dim, chunks, vectors,
                                                      dict(zip(all_ids, all_tokens)))
            dense_kind = "milvus-flat"
            lap("milvus")
        else:
            store_settings = backend.settings()
            if previous is None:
                dense = DenseStore.build(vectors, new_ids)
            else:
                dense = DenseStore.load(previous / "dense", mmap=False)
                dense.remove(removed_ids)
                dense.add(vectors, new_ids)
            dense.save(build / "dense")
            dense_kind = dense.kind
            lap("faiss")
        _fault_point("dense_written")
        if store_settings.get("keyword", {}).get("library", "bm25s") == "bm25s":
            if backend.kind == "milvus":
                report(f"提示：Milvus {store_settings['server_version']} 没有 BM25 全文检索（2.5 起才有），关键词检索（BM25）留在本机索引目录。")
            # Rebuilt from the stored tokens: cheaper and simpler than patching bm25s's matrices (see report timings).
            keyword = KeywordStore.build(all_tokens, all_ids)
            keyword.save(build / "keyword")
            lap("bm25")
        # the answer stage scores sentences by meaning; their vectors come with the build (unless a
        # benchmark of retrieval at scale turns them off: the answer stage then encodes them on demand)
        if os.environ.get(SENTENCE_VECTORS_ENV, "on") != "off":
            write_sentence_vectors(build, previous, [p.text for p in paragraphs], encoder)
            lap("sentence_vectors")
        _fault_point("keyword_written")
        write_atomically(build / USER_WORDS_FILE, "\n".join(user_words))
        manifest = {
            **expected_settings(encoder),
            "engines": engines_of(encoder),  # what made this build's new vectors (same space as "encoder")
            "corpus": str(corpus.resolve()),
            "corpus_fingerprint": fingerprint,
            "tokenizer": tokenizer.settings(),
            "dense_index": dense_kind,
            "store": store_settings,
            "counts": counts,
            "build_seconds": round(time.perf_counter() - started, 3),
            "stage_seconds": timings,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "derived_from": previous.name if previous is not None else None,
            STORE_DIGEST: digest,
        }
        if previous is not None:
            manifest["first_built_at"] = manifest_of(previous).get("first_built_at") or manifest_of(previous).get("built_at")
        manifest["files"] = file_checksums(build)
        manifest[MANIFEST_CHECKSUM] = manifest_checksum(manifest)
        write_atomically(build / MANIFEST_FILE, json.dumps(manifest, ensure_ascii=False, indent=2))
        _fsync_tree(build)
        if backend.kind == "milvus":  # what a replica needs besides the search collection (rag.replica)
            _write_milvus_build_files(build, store_settings)
        _fault_point("before_publish")
        if store is not None and (store_put or store_delete):  # the user's articles, durably, before anyone can see the build
            saved = store.snapshot([g.name for g in store_put] + store_delete)
            store.apply(put=store_put, delete=store_delete)
            _fault_point("store_written")
    except BaseException as exc:
        # SQLite ("database or disk is full"), FAISS (RuntimeError) and numpy ("N requested and M written")
        # do not all say ENOSPC; callers should see one kind of error for a full disk.
        full = isinstance(exc, (sqlite3.OperationalError, RuntimeError, OSError)) and getattr(exc, "errno", None) != errno.ENOSPC \
            and _disk_is_full(exc, index_dir)
        shutil.rmtree(build, ignore_errors=True)  # never published: a half-written build is simply dropped
        if saved is not None:
            store.restore(saved)
        if full:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(index_dir)) from exc
        raise
    try:
        publish(index_dir, build)
    except BaseException:
        if saved is not None:
            store.restore(saved)
        raise
    _fault_point("after_publish")
    keep = {build.name} | ({previous.name} if previous is not None else set())
    remove_old_builds(index_dir, keep)
    if backend.kind == "milvus":
        _publish_milvus_generation(index_dir, backend, build.name, keep)
    result.manifest = manifest
    result.seconds = round(time.perf_counter() - started, 3)
    result.stage_seconds = timings
    return result


def _write_milvus_generation(index_dir: Path, build: Path, previous: Path | None, store: StoreChoice, dim: int,
                             new_chunks: Sequence[Chunk], vectors, tokens: dict[int, list[str]]) -> dict:
    """Write the build's Milvus collection from its (committed) chunk table; returns the manifest's store settings."""
    from ..stores.milvus import collection_prefix, generation_name, write_generation

    table = ChunkTable(build)
    try:
        dates = {(p.source, p.number): p.date or "" for p in table.all_paragraphs()}
        docs = {d.source: d for d in table.docs()}
        rows = [
            {"id": c.id, "source": c.source, "group": docs[c.source].group, "label": docs[c.source].label or "",
             "title": c.title or "", "date": dates.get((c.source, c.paragraph), ""), "paragraph": c.paragraph,
             "para_start": c.para_start, "para_end": c.para_end}
            for c in table.all_chunks()
        ]
    finally:
        table.close()
    previous_store = manifest_of(previous).get("store", {}) if previous is not None else {}
    previous_collection = previous_store.get("collection") if previous_store.get("uri") == store.uri else None
    name = generation_name(collection_prefix(index_dir), build.name)
    try:
        settings = write_generation(store.uri, name, dim, rows, tokens, {c.id: v for c, v in zip(new_chunks, vectors)},
                                    previous_collection)
    except StoreUnavailable:
        raise
    except Exception as exc:  # pymilvus / grpc errors: the build is dropped, the published one stays
        raise StoreUnavailable(f"写入 Milvus 失败（{store.uri}）：{exc.__class__.__name__}: {str(exc)[:300]}") from exc
    return {**settings, "alias": collection_prefix(index_dir)}


def _publish_milvus_generation(index_dir: Path, store: StoreChoice, build_name: str, keep: set[str]) -> None:
    """Point the index's alias at the published generation and drop generations no build keeps."""
    from ..stores.milvus import collection_prefix, drop_generations, files_collection, generation_name, publish_alias

    prefix = collection_prefix(index_dir)
    kept = {generation_name(prefix, name) for name in keep}
    try:
        publish_alias(store.uri, generation_name(prefix, build_name), prefix)
        drop_generations(store.uri, prefix, kept | {files_collection(name) for name in kept})
    except Exception as exc:  # the build is published (CURRENT); the alias is for other readers and catches up next time
        log.warning("Milvus alias/cleanup after publishing %s failed: %s", build_name, exc)


def _write_milvus_build_files(build: Path, store_settings: dict) -> None:
    """Every file of the written build (manifest included) into the generation's companion collection, so that a
    replica with only the URI can answer (rag.replica). Written before publishing: the alias never points at a
    generation without them."""
    from ..stores.milvus import write_build_files

    files = {path.relative_to(build).as_posix(): path for path in sorted(build.rglob("*")) if path.is_file()}
    try:
        write_build_files(store_settings["uri"], store_settings["collection"], files)
    except StoreUnavailable:
        raise
    except Exception as exc:  # pymilvus / grpc errors: the build is dropped, the published one stays
        raise StoreUnavailable(f"写入 Milvus 失败（{store_settings['uri']}）：{exc.__class__.__name__}: {str(exc)[:300]}") from exc


def _disk_is_full(exc: BaseException, index_dir: Path) -> bool:
    if "full" in str(exc).lower():
        return True
    try:
        return shutil.disk_usage(index_dir).free < 16 * 1024 * 1024
    except OSError:
        return False


def _fsync_tree(build: Path) -> None:
    """Flush every file of a build to disk before CURRENT points at it (a power cut must not publish holes)."""
    for path in sorted(build.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    fd = os.open(build, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
