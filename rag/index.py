"""Build, update, publish, check and load the on-disk index.

Layout of an index directory::

    index/
      CURRENT              name of the published build (replaced atomically)
      builds/<name>/       manifest.json, chunks.sqlite, keyword/, dense/, user_words.txt
      .lock                held while a build runs

A build is written into a fresh folder under builds/ and becomes visible only
when CURRENT is replaced, so killing a build at any moment leaves the
previous index usable, and a reader that resolved CURRENT keeps a complete
build even while a newer one is published.

Updates (`rag add`, `rag remove`, a changed corpus file) never change a
published build: a new build is derived from the previous one (the SQLite
table copied and changed in one transaction, the FAISS index loaded, ids
removed and added, the BM25 index rebuilt from the tokens stored in the
table) and published the same way. Only the new paragraphs' chunks are
tokenized and encoded; chunk ids keep growing and are never reused. A
settings change (encoder, chunking, format) rebuilds everything, the added
articles included (their text is kept in the table).

``RAG_FAULT_AT`` (tests only) names a step at which the process kills
itself (``RAG_FAULT_MODE=kill``, the default) or fails as a full disk would
(``enospc``); see ``FAULT_POINTS``.
"""
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
from typing import Callable, Iterable, Iterator, Sequence

from .chunk_table import TABLE_FILE, ChunkTable, TableWriter
from .chunking import chunk_paragraphs
from .corpus import CorpusError, corpus_fingerprint, corpus_group_hashes, corpus_groups
from .schema import Chunk
from .sources import ORIGIN_ADDED, ORIGIN_CORPUS, SourceGroup, group_of
from .stores.faiss import DenseStore
from .encoders import Encoder
from .ingest import PARSER_VERSION
from .stores import SearchLeg, StoreChoice, StoreUnavailable
from .stores.bm25 import KeywordStore
from .tokenize import ChineseTokenizer, extract_user_words
from .vector_cache import CachedEncoder

log = logging.getLogger(__name__)

FORMAT_VERSION = 2  # 2: sources table, stored tokens, paragraph text hashes
CHUNK_MAX_CHARS = 200
CHUNK_OVERLAP_SENTENCES = 0
MANIFEST_FILE = "manifest.json"
USER_WORDS_FILE = "user_words.txt"
BUILDS_DIR = "builds"
CURRENT_FILE = "CURRENT"

Report = Callable[[str], None]

# Steps of writing a build where tests inject a crash or a full disk.
FAULT_POINTS = ("table_copied", "table_written", "dense_written", "keyword_written", "before_publish", "after_publish")


def _fault_point(name: str) -> None:
    """Test hook: die or fail here when RAG_FAULT_AT names this step."""
    if os.environ.get("RAG_FAULT_AT") != name:
        return
    if os.environ.get("RAG_FAULT_MODE", "kill") == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)
    os.kill(os.getpid(), signal.SIGKILL)


class IndexCorrupt(Exception):
    """An index that exists but cannot be trusted; the message says why."""


class StoreUnreachable(IndexCorrupt):
    """The index's store (a Milvus server or folder) cannot be reached now: not a reason to rebuild."""


def expected_settings(encoder: Encoder) -> dict:
    """Everything besides the corpus that makes an index valid for this configuration."""
    return {
        "format_version": FORMAT_VERSION,
        "encoder": encoder.name,
        "dim": encoder.dim,
        "chunking": {"max_chars": CHUNK_MAX_CHARS, "overlap_sentences": CHUNK_OVERLAP_SENTENCES},
        "parser": PARSER_VERSION,
    }


@dataclass
class Index:
    """A loaded build: the chunk table, both search stores and the tokenizer that made the keyword store."""

    directory: Path
    manifest: dict
    table: ChunkTable
    keyword: SearchLeg  # KeywordStore (bm25s) or MilvusKeyword
    dense: SearchLeg  # DenseStore (FAISS) or MilvusDense
    tokenizer: ChineseTokenizer

    @property
    def store(self) -> StoreChoice:
        return StoreChoice.from_manifest(self.manifest)

    def allowed_chunks(self, since: str | None, until: str | None, sources: Sequence[str]) -> set[int]:
        """The chunk ids a filter admits; on Milvus also as a filter expression the server applies itself."""
        ids = self.table.chunk_ids_where(since, until, sources)
        if self.store.kind != "milvus":
            return ids
        from .stores.milvus import allowed_chunks

        return allowed_chunks(ids, since, until, sources)


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


CORPUS_CHANGED = "资料文件有变化"


def published_build_name(index_dir: Path) -> str | None:
    """The name CURRENT points at (cheap: one small read), None when nothing is published."""
    build = _published_build(index_dir)
    return build.name if build is not None else None


def staleness(index_dir: Path, corpus: Path, encoder: Encoder, store: StoreChoice | None = None) -> str | None:
    """Why the index must be (re)built, or None when the published one fits (``store`` None: any store)."""
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
    if store is not None and store.settings() != StoreChoice.from_manifest(manifest).settings():
        return f"存储方式已变化（{StoreChoice.from_manifest(manifest).settings()} → {store.settings()}）"
    if manifest.get("corpus_fingerprint") != corpus_fingerprint(corpus):
        return CORPUS_CHANGED
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
        keyword, dense = _load_stores(build, manifest)
        user_words = (build / USER_WORDS_FILE).read_text(encoding="utf-8").split("\n")
    except StoreUnavailable as exc:
        raise StoreUnreachable(str(exc)) from exc
    except Exception as exc:  # any unreadable part means the whole build is untrusted
        raise IndexCorrupt(f"索引文件无法读取（{exc.__class__.__name__}: {exc}）") from exc
    counts = table.counts()
    stored = len(dense)
    if StoreChoice.from_manifest(manifest).kind == "milvus":
        try:
            stored = dense.count()  # what the server holds, not what the manifest says
        except Exception as exc:
            raise StoreUnreachable(f"Milvus 集合无法读取（{exc.__class__.__name__}: {exc}）") from exc
    if counts["chunks"] != manifest.get("counts", {}).get("chunks") or stored != counts["chunks"]:
        raise IndexCorrupt("索引各部分的条目数不一致")
    tokenizer = ChineseTokenizer([w for w in user_words if w])
    return Index(build, manifest, table, keyword, dense, tokenizer)


def _load_stores(build: Path, manifest: dict) -> tuple[SearchLeg, SearchLeg]:
    """The keyword and dense legs of a build: files in the build folder, or the build's Milvus generation."""
    store = manifest.get("store") or {}
    if store.get("kind", "faiss") == "faiss":
        return KeywordStore.load(build / "keyword"), DenseStore.load(build / "dense")
    from .stores.milvus import MilvusDense, MilvusKeyword

    rows = manifest["counts"]["chunks"]
    dense = MilvusDense(store["uri"], store["collection"], rows, manifest["dim"])
    if store["keyword"]["library"] == "milvus-bm25":
        return MilvusKeyword(store["uri"], store["collection"], rows), dense
    return KeywordStore.load(build / "keyword"), dense


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


def _write_build(
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
    store: StoreChoice = StoreChoice(),
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
    build = _new_build_dir(index_dir)
    try:
        if previous is not None:
            shutil.copyfile(previous / TABLE_FILE, build / TABLE_FILE)
            _fault_point("table_copied")
        writer = TableWriter(build / TABLE_FILE, create=previous is None)
        try:
            existing = writer.group_hashes()
            owners = writer.source_names()
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
            if not result.changed and previous is not None and fingerprint == _manifest_of(previous).get("corpus_fingerprint"):
                writer.abandon()
                shutil.rmtree(build, ignore_errors=True)
                result.seconds = round(time.perf_counter() - started, 3)
                return result

            removed_ids = writer.delete_groups(set(result.removed) | {g.name for g in to_insert if g.name in existing})
            for group in to_insert:
                writer.insert_group(group)
            lap("table")

            if previous is not None:
                user_words = _read_user_words(previous)
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
            if chunks:
                report(f"正在编码 {len(chunks)} 个新片段（{encoder.name}）…")
            cached = CachedEncoder(encoder)
            vectors = cached.encode_passages([c.index_text for c in chunks], progress=progress)
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
        if store.kind == "milvus":
            store_settings = _write_milvus_generation(index_dir, build, previous, store, encoder.dim, chunks, vectors,
                                                      dict(zip(all_ids, all_tokens)))
            dense_kind = "milvus-flat"
            lap("milvus")
        else:
            store_settings = store.settings()
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
            if store.kind == "milvus":
                report(f"提示：Milvus {store_settings['server_version']} 没有 BM25 全文检索（2.5 起才有），关键词检索（BM25）留在本机索引目录。")
            # Rebuilt from the stored tokens: cheaper and simpler than patching bm25s's matrices (see report timings).
            keyword = KeywordStore.build(all_tokens, all_ids)
            keyword.save(build / "keyword")
            lap("bm25")
        _fault_point("keyword_written")
        _write_atomically(build / USER_WORDS_FILE, "\n".join(user_words))
        manifest = {
            **expected_settings(encoder),
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
        }
        if previous is not None:
            manifest["first_built_at"] = _manifest_of(previous).get("first_built_at") or _manifest_of(previous).get("built_at")
        _write_atomically(build / MANIFEST_FILE, json.dumps(manifest, ensure_ascii=False, indent=2))
        _fsync_tree(build)
        _fault_point("before_publish")
    except BaseException as exc:
        # SQLite ("database or disk is full"), FAISS (RuntimeError) and numpy ("N requested and M written")
        # do not all say ENOSPC; callers should see one kind of error for a full disk.
        full = isinstance(exc, (sqlite3.OperationalError, RuntimeError, OSError)) and getattr(exc, "errno", None) != errno.ENOSPC \
            and _disk_is_full(exc, index_dir)
        shutil.rmtree(build, ignore_errors=True)  # never published: a half-written build is simply dropped
        if full:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(index_dir)) from exc
        raise
    _publish(index_dir, build)
    _fault_point("after_publish")
    keep = {build.name} | ({previous.name} if previous is not None else set())
    _remove_old_builds(index_dir, keep)
    if store.kind == "milvus":
        _publish_milvus_generation(index_dir, store, build.name, keep)
    result.manifest = manifest
    result.seconds = round(time.perf_counter() - started, 3)
    result.stage_seconds = timings
    return result


def _write_milvus_generation(index_dir: Path, build: Path, previous: Path | None, store: StoreChoice, dim: int,
                             new_chunks: Sequence[Chunk], vectors, tokens: dict[int, list[str]]) -> dict:
    """Write the build's Milvus collection from its (committed) chunk table; returns the manifest's store settings."""
    from .stores.milvus import collection_prefix, generation_name, write_generation

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
    previous_store = _manifest_of(previous).get("store", {}) if previous is not None else {}
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
    from .stores.milvus import collection_prefix, drop_generations, generation_name, publish_alias

    prefix = collection_prefix(index_dir)
    try:
        publish_alias(store.uri, generation_name(prefix, build_name), prefix)
        drop_generations(store.uri, prefix, {generation_name(prefix, name) for name in keep})
    except Exception as exc:  # the build is published (CURRENT); the alias is for other readers and catches up next time
        log.warning("Milvus alias/cleanup after publishing %s failed: %s", build_name, exc)


def _disk_is_full(exc: BaseException, index_dir: Path) -> bool:
    if "full" in str(exc).lower():
        return True
    try:
        return shutil.disk_usage(index_dir).free < 16 * 1024 * 1024
    except OSError:
        return False


def _manifest_of(build: Path) -> dict:
    return json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))


def _read_user_words(build: Path) -> list[str]:
    return [w for w in (build / USER_WORDS_FILE).read_text(encoding="utf-8").split("\n") if w]


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


def _usable_previous(index_dir: Path, encoder: Encoder) -> Path | None:
    """The published build when it loads and was made with these settings, else None."""
    try:
        manifest = read_manifest(index_dir)
        if manifest is None or any(manifest.get(k) != v for k, v in expected_settings(encoder).items()):
            return None
        return load_index(index_dir).directory
    except StoreUnreachable:
        raise
    except IndexCorrupt:
        return None


def added_groups_to_keep(index_dir: Path) -> list[SourceGroup]:
    """The added articles of the newest readable build (published first), re-parsed from their stored text.

    A full rebuild carries them over, so changing the encoder or finding the
    published build damaged loses nothing that an older intact build holds.
    """
    builds_dir = index_dir / BUILDS_DIR
    candidates: list[Path] = []
    published = _published_build(index_dir)
    if published is not None:
        candidates.append(published)
    if builds_dir.is_dir():
        candidates += sorted((b for b in builds_dir.iterdir() if b != published and (b / MANIFEST_FILE).is_file()),
                             key=lambda p: p.stat().st_mtime, reverse=True)
    for build in candidates:
        try:
            table = ChunkTable(build)
            docs = table.docs(origin=ORIGIN_ADDED, with_text=True)
            table.close()
        except Exception as exc:  # a damaged or old-format build: try the one before
            log.info("cannot read added articles from %s (%s)", build, exc)
            continue
        by_group: dict[str, list] = {}
        for doc in docs:
            by_group.setdefault(doc.group, []).append((doc, doc.text or ""))
        return [group_of(name, ORIGIN_ADDED, items[0][0].group_hash, items) for name, items in by_group.items()]
    return []


def _recorded_store(index_dir: Path) -> StoreChoice:
    """The store the published build uses (FAISS when there is none or it is unreadable)."""
    try:
        return StoreChoice.from_manifest(read_manifest(index_dir))
    except IndexCorrupt:
        return StoreChoice()


def build_index(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info,
                store: StoreChoice | None = None) -> dict:
    """Build an index of ``corpus`` (plus the articles added earlier) from scratch and publish it; returns the manifest.

    ``store`` None keeps the store the published build uses.
    """
    fingerprint = corpus_fingerprint(corpus)
    with _build_lock(index_dir):
        store = store or _recorded_store(index_dir)
        if store.kind == "milvus":  # an unreachable server fails here, not after ingesting and encoding everything
            from .stores.milvus import check_reachable

            check_reachable(store.uri)
        ingest_started = time.perf_counter()
        groups = corpus_groups(corpus, added_at=time.strftime("%Y-%m-%dT%H:%M:%S"))
        if not any(g.paragraphs for g in groups):
            raise CorpusError(f"资料中没有可以索引的文章：{corpus}")
        added = added_groups_to_keep(index_dir)
        corpus_sources = {d.source for g in groups for d in g.docs}
        added = [g for g in added if not corpus_sources & {d.source for d in g.docs}]
        paragraphs = sum(len(g.paragraphs) for g in groups + added)
        report(f"{sum(len(g.articles) for g in groups + added)} 篇文章，{paragraphs} 个段落"
               + (f"（含 {len(added)} 个另外添加的文件）" if added else ""))
        result = _write_build(index_dir, encoder, None, groups + added, set(), corpus, fingerprint, progress, report,
                              ingest_seconds=time.perf_counter() - ingest_started, store=store)
    assert result.manifest is not None
    report(f"索引已建好：{index_dir}（用时 {result.manifest['build_seconds']:.1f} 秒）")
    return result.manifest


def sync_corpus(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info,
                store: StoreChoice | None = None) -> UpdateResult:
    """Bring the published index in line with the corpus folder, redoing only the changed files.

    Falls back to a full build when there is no usable index for these settings.
    """
    with _build_lock(index_dir):
        previous = _usable_previous(index_dir, encoder)
        if previous is not None:
            fingerprint = corpus_fingerprint(corpus)
            table = ChunkTable(previous)
            indexed = {d.group: d.group_hash for d in table.docs(origin=ORIGIN_CORPUS)}
            table.close()
            ingest_started = time.perf_counter()
            current = corpus_group_hashes(corpus)
            changed = {name for name, digest in current.items() if indexed.get(name) != digest}
            gone = set(indexed) - set(current)
            groups = corpus_groups(corpus, names=changed, added_at=time.strftime("%Y-%m-%dT%H:%M:%S"))
            # A changed file that no longer yields text is removed, like a deleted one.
            gone |= changed - {g.name for g in groups}
            report(f"资料有变化：{len(changed)} 个文件新增或修改，{len(gone)} 个文件删除，只更新这些文件…")
            return _write_build(index_dir, encoder, previous, groups, gone, corpus, fingerprint, progress, report,
                                ingest_seconds=time.perf_counter() - ingest_started, store=_recorded_store(index_dir))
    manifest = build_index(corpus, index_dir, encoder, progress=progress, report=report, store=store)
    return UpdateResult([], [], [], [], [], manifest=manifest)


def update_index(
    index_dir: Path,
    encoder: Encoder,
    add: Sequence[SourceGroup] = (),
    remove: Iterable[str] = (),
    progress: bool = False,
    report: Report = log.info,
) -> UpdateResult:
    """Add (or replace) and remove groups of the published index; the index must exist and fit ``encoder``."""
    with _build_lock(index_dir):
        previous = _usable_previous(index_dir, encoder)
        if previous is None:
            raise IndexCorrupt("索引不存在或与当前设置不符，请先运行 rag index")
        manifest = _manifest_of(previous)
        return _write_build(index_dir, encoder, previous, list(add), set(remove), Path(manifest["corpus"]),
                            manifest["corpus_fingerprint"], progress, report, store=StoreChoice.from_manifest(manifest))


def open_index(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info,
               store: StoreChoice | None = None) -> Index:
    """Load the index for ``corpus``: built first when missing, corrupt or made with other settings
    (``store`` None: whichever store it uses), updated file by file when only the corpus changed."""
    reason = staleness(index_dir, corpus, encoder, store)
    if reason is None:
        try:
            return load_index(index_dir)
        except StoreUnreachable:
            raise
        except IndexCorrupt as exc:
            reason = f"索引已损坏：{exc}"
    if reason == CORPUS_CHANGED:
        sync_corpus(corpus, index_dir, encoder, progress=progress, report=report, store=store)
    else:
        report(f"{reason}，正在建立索引…")
        build_index(corpus, index_dir, encoder, progress=progress, report=report, store=store)
    return load_index(index_dir)
