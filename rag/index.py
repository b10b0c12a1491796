"""Build, update, publish, check and load the on-disk index.

Layout of an index directory::

    index/
      CURRENT              name of the published build (replaced atomically)
      builds/<name>/       manifest.json, chunks.sqlite, keyword/, dense/, user_words.txt
      added/               the user's added articles: primary data (rag.source_store), never derived
      damaged/<name>/      builds found damaged, moved aside (kept, never deleted)
      .lock                held while a build runs

Every file of a build has its size and sha256 in the manifest, which
carries its own checksum. Opening the index checks sizes and the small
files' hashes; deriving a new build from one, and `rag doctor`, check every
hash. A damaged build is moved to damaged/ and the index is rebuilt from the
added-articles store plus the corpus folder, saying so in Chinese.

A build is written into a fresh folder under builds/ and becomes visible only
when CURRENT is replaced, so killing a build at any moment leaves the
previous index usable, and a reader that resolved CURRENT keeps a complete
build even while a newer one is published.

Updates (`rag add`, `rag remove`, a changed corpus file) never change a
published build: the store of added articles is changed right before the
new build is published (a crash in between is caught up at the next open,
since each manifest records the store digest it was built from), and the
new build is derived from the previous one (the SQLite
table copied and changed in one transaction, the FAISS index loaded, ids
removed and added, the BM25 index rebuilt from the tokens stored in the
table) and published the same way. Only the new paragraphs' chunks are
tokenized and encoded; chunk ids keep growing and are never reused. A
settings change (encoder, chunking, format) rebuilds everything, the added
articles included (from the store).

``RAG_FAULT_AT`` (tests only) names a step at which the process kills
itself (``RAG_FAULT_MODE=kill``, the default) or fails as a full disk would
(``enospc``); see ``FAULT_POINTS``.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
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
from .encoders import Encoder, engines_of
from .ingest import parser_setting
from .source_store import SourceStore, StoreProblem, record_key, store_digest
from .sentence_vectors import write_sentence_vectors
from .stores import SearchLeg, StoreChoice, StoreUnavailable
from .stores.bm25 import KeywordStore
from .tokenize import ChineseTokenizer, extract_user_words
from .vector_cache import CachedEncoder

log = logging.getLogger(__name__)

FORMAT_VERSION = 3  # 2: sources table, stored tokens, paragraph text hashes; 3: paragraph setting
CHUNK_MAX_CHARS = 200
CHUNK_OVERLAP_SENTENCES = 0
MANIFEST_FILE = "manifest.json"
USER_WORDS_FILE = "user_words.txt"
BUILDS_DIR = "builds"
CURRENT_FILE = "CURRENT"
DAMAGED_BUILDS_DIR = "damaged"
SMALL_FILE_BYTES = 256 * 1024  # files up to this size are hashed at every open; larger ones by `rag doctor` and updates

Report = Callable[[str], None]

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


class IndexCorrupt(Exception):
    """An index that exists but cannot be trusted; the message says why."""


class BuildDamaged(IndexCorrupt):
    """One file of a build fails its check: ``file`` (inside the build) and ``why``, for users."""

    def __init__(self, build: Path, file: str, why: str):
        super().__init__(f"{BUILDS_DIR}/{build.name}/{file} {why}")
        self.build, self.file, self.why = build, file, why


class StoreUnreachable(IndexCorrupt):
    """The index's store (a Milvus server or folder) cannot be reached now: not a reason to rebuild."""


def expected_settings(encoder: Encoder) -> dict:
    """Everything besides the corpus that makes an index valid for this configuration."""
    return {
        "format_version": FORMAT_VERSION,
        "encoder": encoder.name,
        "dim": encoder.dim,
        "chunking": {"max_chars": CHUNK_MAX_CHARS, "overlap_sentences": CHUNK_OVERLAP_SENTENCES},
        "parser": parser_setting(),
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
    return _checked_manifest(build)


MANIFEST_CHECKSUM = "manifest_sha256"


def _manifest_checksum(manifest: dict) -> str:
    body = {k: v for k, v in manifest.items() if k != MANIFEST_CHECKSUM}
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _checked_manifest(build: Path) -> dict:
    """A build's manifest; BuildDamaged when it is missing, unreadable or fails its own checksum."""
    if not build.is_dir():
        raise BuildDamaged(build, "", "不存在（CURRENT 指向的版本找不到）")
    try:
        manifest = json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildDamaged(build, MANIFEST_FILE, f"无法读取（{exc.__class__.__name__}）") from exc
    if not isinstance(manifest, dict):
        raise BuildDamaged(build, MANIFEST_FILE, "格式不对")
    if MANIFEST_CHECKSUM in manifest and manifest[MANIFEST_CHECKSUM] != _manifest_checksum(manifest):
        raise BuildDamaged(build, MANIFEST_FILE, "校验和不符")
    return manifest


def _sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _file_checksums(build: Path) -> dict[str, dict]:
    """Size and sha256 of every file of a build but the manifest (which carries its own checksum)."""
    return {
        path.relative_to(build).as_posix(): {"size": path.stat().st_size, "sha256": _sha256_file(path)}
        for path in sorted(build.rglob("*")) if path.is_file() and path.name != MANIFEST_FILE
    }


def verify_build(build: Path, full: bool = False) -> dict:
    """The build's manifest after checking every file it lists: sizes, and hashes of the small files
    (of all files when ``full``). BuildDamaged names the first file that fails.

    A build from before checksums (no "files" in its manifest) has nothing to compare against and passes.
    """
    manifest = _checked_manifest(build)
    for name, expected in (manifest.get("files") or {}).items():
        path = build / name
        try:
            size = path.stat().st_size
        except OSError:
            raise BuildDamaged(build, name, "不见了") from None
        if size != expected.get("size"):
            raise BuildDamaged(build, name, f"大小不符（应为 {expected.get('size')} 字节，实为 {size} 字节）")
        if (full or size <= SMALL_FILE_BYTES) and _sha256_file(path) != expected.get("sha256"):
            raise BuildDamaged(build, name, "校验和不符（内容被改动）")
    return manifest


SENTENCE_VECTORS_ENV = "RAG_SENTENCE_VECTORS"  # "off": builds store no sentence vectors (eval/perf synthetic scale)
CORPUS_CHANGED = "资料文件有变化"
ADDED_CHANGED = "添加的文章与索引不一致"
UPDATABLE = (CORPUS_CHANGED, ADDED_CHANGED)  # reasons an update file by file fixes (no full rebuild)


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
    recorded = manifest.get(STORE_DIGEST)
    if recorded is None:  # a build from before the store: compare with the added articles its table holds
        recorded = _added_digest_of(_published_build(index_dir))
    if recorded != SourceStore(index_dir).digest():
        return ADDED_CHANGED
    return None


def _added_digest_of(build: Path) -> str | None:
    try:
        table = ChunkTable(build)
        try:
            return store_digest({d.group: d.group_hash for d in table.docs(origin=ORIGIN_ADDED)})
        finally:
            table.close()
    except Exception:  # unreadable: the load that follows reports the damage
        return None


STORE_DIGEST = "added_store_digest"  # manifest key: the digest of the added-articles store the build was made from


def load_index(index_dir: Path) -> Index:
    """Load the published build; IndexCorrupt when any part is missing or unreadable."""
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexCorrupt("还没有索引")
    build = _published_build(index_dir)
    assert build is not None
    verify_build(build)
    try:
        table = ChunkTable(build)
        keyword, dense = _load_stores(build, manifest)
        user_words = (build / USER_WORDS_FILE).read_text(encoding="utf-8").split("\n")
    except StoreUnavailable as exc:
        raise StoreUnreachable(str(exc)) from exc
    except Exception as exc:  # any unreadable part means the whole build is untrusted
        raise BuildDamaged(build, "", f"无法读取（{exc.__class__.__name__}: {exc}）") from exc
    counts = table.counts()
    stored = len(dense)
    if StoreChoice.from_manifest(manifest).kind == "milvus":
        try:
            stored = dense.count()  # what the server holds, not what the manifest says
        except Exception as exc:
            raise StoreUnreachable(f"Milvus 集合无法读取（{exc.__class__.__name__}: {exc}）") from exc
    if counts["chunks"] != manifest.get("counts", {}).get("chunks") or stored != counts["chunks"]:
        raise BuildDamaged(build, "", "各部分的条目数不一致")
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
def _build_lock(index_dir: Path, replica: bool = False) -> Iterator[None]:
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
    from .replica import replica_of

    source = replica_of(index_dir)
    if source is not None:
        raise IndexCorrupt(f"{index_dir} 是 Milvus 索引 {source.alias}（{source.uri}）的只读副本，不能在这里建索引、添加或删除文章；"
                           "请在写入端（建立该索引的目录）运行，副本会在下一个问题时自动跟上。")


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
                more, fewer = _store_drift(index_dir, store, added_in_build, {g.name for g in add} | remove, report)
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
            if not result.changed and previous is not None and fingerprint == _manifest_of(previous).get("corpus_fingerprint") \
                    and digest == _manifest_of(previous).get(STORE_DIGEST):
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
        _write_atomically(build / USER_WORDS_FILE, "\n".join(user_words))
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
            manifest["first_built_at"] = _manifest_of(previous).get("first_built_at") or _manifest_of(previous).get("built_at")
        manifest["files"] = _file_checksums(build)
        manifest[MANIFEST_CHECKSUM] = _manifest_checksum(manifest)
        _write_atomically(build / MANIFEST_FILE, json.dumps(manifest, ensure_ascii=False, indent=2))
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
        _publish(index_dir, build)
    except BaseException:
        if saved is not None:
            store.restore(saved)
        raise
    _fault_point("after_publish")
    keep = {build.name} | ({previous.name} if previous is not None else set())
    _remove_old_builds(index_dir, keep)
    if backend.kind == "milvus":
        _publish_milvus_generation(index_dir, backend, build.name, keep)
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
    from .stores.milvus import collection_prefix, drop_generations, files_collection, generation_name, publish_alias

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
    from .stores.milvus import write_build_files

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


def _verified_previous(index_dir: Path, encoder: Encoder) -> Path | None:
    """The published build, every file's hash checked, when it was made with these settings; None when there is
    none or the settings differ. BuildDamaged when it fails a check: a new build is never derived from a damaged one."""
    manifest = read_manifest(index_dir)
    if manifest is None or any(manifest.get(k) != v for k, v in expected_settings(encoder).items()):
        return None
    build = _published_build(index_dir)
    assert build is not None
    verify_build(build, full=True)
    load_index(index_dir).table.close()
    return build


def _added_groups_in_builds(index_dir: Path) -> Iterator[tuple[Path, list[SourceGroup]]]:
    """Each readable build's added articles, re-parsed from the text its table keeps: the published build first,
    then the others and the damaged ones, newest first."""
    published = _published_build(index_dir)
    candidates: list[Path] = [published] if published is not None else []
    for folder in (BUILDS_DIR, DAMAGED_BUILDS_DIR):
        if (index_dir / folder).is_dir():
            candidates += sorted((b for b in (index_dir / folder).iterdir() if b != published and (b / TABLE_FILE).is_file()),
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
        yield build, [group_of(name, ORIGIN_ADDED, items[0][0].group_hash, items) for name, items in by_group.items()]


def _recorded_store(index_dir: Path) -> StoreChoice:
    """The store the published build uses (FAISS when there is none or it is unreadable)."""
    try:
        return StoreChoice.from_manifest(read_manifest(index_dir))
    except IndexCorrupt:
        return StoreChoice()


def _open_store(index_dir: Path, report: Report) -> SourceStore:
    """The added-articles store, made on first use. An index from before the store existed has its added
    articles imported from its newest readable build, so none is dropped. The caller holds the build lock."""
    store = SourceStore(index_dir)
    if store.exists():
        return store
    build, groups = next(_added_groups_in_builds(index_dir), (None, []))
    store.create(groups, f"{BUILDS_DIR}/{build.name}" if build is not None else "")
    if groups:
        report(f"已把 {len(groups)} 个添加的文件存入原始资料库 {store.directory}（此后重建索引都从这里读取）")
    return store


def _repair_store(index_dir: Path, store: SourceStore, damaged: list[tuple[Path, str]], report: Report) -> list[SourceGroup]:
    """Damaged store records restored from a build's copy of the same file; either way the damaged record is
    moved to added/damaged/ (kept). Each outcome is reported; returns the restored groups."""
    if not damaged:
        return []
    wanted = {path.stem: (path, why) for path, why in damaged}
    restored: list[SourceGroup] = []
    for build, groups in _added_groups_in_builds(index_dir):
        for group in groups:
            if record_key(group.name) in wanted:
                path, why = wanted.pop(record_key(group.name))
                aside = store.set_aside(path)
                store.apply(put=[group])
                restored.append(group)
                report(str(StoreProblem(str(path.relative_to(index_dir)), why,
                                        f"已从索引版本 {build.name} 中的副本恢复“{group.name}”（损坏的记录移到 {aside}）")))
        if not wanted:
            break
    for path, why in wanted.values():
        aside = store.set_aside(path)
        report(str(StoreProblem(str(path.relative_to(index_dir)), why, f"索引里也没有副本，已移到 {aside}（保留，未删除）")))
    return restored


def _store_drift(index_dir: Path, store: SourceStore, added_in_build: dict[str, str], claimed: set[str], report: Report
                 ) -> tuple[list[SourceGroup], set[str]]:
    """What a build derived from one holding ``added_in_build`` must add and remove to match the store, leaving
    alone the names the caller adds or removes itself. A name whose record file exists is never removed, even
    when the record cannot be read: the build's copy is then the one to keep."""
    entries = store.entries()
    keys = store.keys()
    stale = [name for name, digest in entries.items() if name not in claimed and added_in_build.get(name) != digest]
    gone = {name for name in added_in_build if name not in claimed and record_key(name) not in keys}
    groups: list[SourceGroup] = []
    if stale:
        loaded, damaged = store.load({store.record_path(name) for name in stale})
        groups = loaded + [g for g in _repair_store(index_dir, store, damaged, report) if added_in_build.get(g.name) != g.hash]
    if groups or gone:
        report(f"按原始资料库补齐索引：补上 {len(groups)} 个、去掉 {len(gone)} 个添加的文件")
    return groups, gone


def _set_aside(index_dir: Path, damage: IndexCorrupt) -> Path | None:
    """Move a damaged build to damaged/ (kept, never deleted); None when there is no build folder to move."""
    build = damage.build if isinstance(damage, BuildDamaged) else None
    if build is None or not build.is_dir() or build.parent.name != BUILDS_DIR:
        return None
    target = index_dir / DAMAGED_BUILDS_DIR / build.name
    target.parent.mkdir(exist_ok=True)
    os.replace(build, target)  # a rename: processes still reading the build keep their open files
    return target


def _recover(corpus: Path, index_dir: Path, encoder: Encoder, store: SourceStore, damage: IndexCorrupt,
             progress: bool, report: Report, backend: StoreChoice) -> dict:
    """Move the damaged build aside, say so, and build anew from the store and the corpus. The caller holds the lock."""
    aside = _set_aside(index_dir, damage)
    kept = f"损坏的版本已移到 {aside}（保留，未删除）。" if aside is not None else ""
    report(f"索引已损坏：{damage}。{kept}正在从原始资料库 {store.directory}（{len(store.keys())} 个添加的文件）"
           f"和资料目录 {corpus} 重新建立索引…")
    return _build_all(corpus, index_dir, encoder, store, progress, report, backend)


def _build_all(corpus: Path, index_dir: Path, encoder: Encoder, store: SourceStore, progress: bool, report: Report,
               backend: StoreChoice) -> dict:
    """A build of the corpus plus every article in the store, from scratch, published. The caller holds the lock."""
    fingerprint = corpus_fingerprint(corpus)
    ingest_started = time.perf_counter()
    groups = corpus_groups(corpus, added_at=time.strftime("%Y-%m-%dT%H:%M:%S"))
    if not any(g.paragraphs for g in groups):
        raise CorpusError(f"资料中没有可以索引的文章：{corpus}")
    added, damaged = store.load()
    added += _repair_store(index_dir, store, damaged, report)
    corpus_sources = {d.source for g in groups for d in g.docs}
    clashing = [g.name for g in added if corpus_sources & {d.source for d in g.docs}]
    for name in clashing:
        report(f"添加的文件“{name}”与资料目录中的文件同名，本次索引用资料目录中的版本（原始资料库中的记录保留）")
    added = [g for g in added if g.name not in clashing]
    paragraphs = sum(len(g.paragraphs) for g in groups + added)
    report(f"{sum(len(g.articles) for g in groups + added)} 篇文章，{paragraphs} 个段落"
           + (f"（含 {len(added)} 个另外添加的文件）" if added else ""))
    result = _write_build(index_dir, encoder, None, groups + added, set(), corpus, fingerprint, progress, report,
                          ingest_seconds=time.perf_counter() - ingest_started, backend=backend)
    assert result.manifest is not None
    report(f"索引已建好：{index_dir}（用时 {result.manifest['build_seconds']:.1f} 秒）")
    return result.manifest


def build_index(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info,
                store: StoreChoice | None = None) -> dict:
    """Build an index of ``corpus`` plus the added articles from scratch and publish it; returns the manifest.
    ``store`` (FAISS or Milvus) None keeps the one the published build uses.

    A published build that fails its checks is moved aside first (and the user told), not deleted.
    """
    with _build_lock(index_dir):
        backend = _reachable(store or _recorded_store(index_dir))
        sources = _open_store(index_dir, report)
        try:
            if read_manifest(index_dir) is not None:
                verify_build(_published_build(index_dir))
        except StoreUnreachable:
            raise
        except IndexCorrupt as damage:
            return _recover(corpus, index_dir, encoder, sources, damage, progress, report, backend)
        return _build_all(corpus, index_dir, encoder, sources, progress, report, backend)


def _reachable(backend: StoreChoice) -> StoreChoice:
    """``backend``, after checking that a Milvus server answers: an unreachable one fails here, not after
    ingesting and encoding everything."""
    if backend.kind == "milvus":
        from .stores.milvus import check_reachable

        check_reachable(backend.uri)
    return backend


def _refresh(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool, report: Report,
             wanted: StoreChoice | None = None) -> UpdateResult:
    """Bring the index in line with the corpus folder and the store (the caller holds the lock): a damaged build
    is set aside and rebuilt, other settings rebuild everything, otherwise only the changed files are redone."""
    store = _open_store(index_dir, report)
    backend = _reachable(wanted or _recorded_store(index_dir))
    try:
        previous = _verified_previous(index_dir, encoder)
    except StoreUnreachable:
        raise
    except IndexCorrupt as damage:
        return UpdateResult([], [], [], [], [], manifest=_recover(corpus, index_dir, encoder, store, damage, progress, report, backend))
    reason = staleness(index_dir, corpus, encoder, wanted)
    if reason is None:
        return UpdateResult([], [], [], [], [])
    if previous is not None and backend.settings() != StoreChoice.from_manifest(_manifest_of(previous)).settings():
        previous = None  # another store (FAISS ↔ Milvus, another server): everything is written anew
    if previous is None:
        report(f"{reason}，正在建立索引…")
        return UpdateResult([], [], [], [], [], manifest=_build_all(corpus, index_dir, encoder, store, progress, report, backend))
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
    if changed or gone:
        report(f"资料有变化：{len(changed)} 个文件新增或修改，{len(gone)} 个文件删除，只更新这些文件…")
    return _write_build(index_dir, encoder, previous, groups, gone, corpus, fingerprint, progress, report,
                        ingest_seconds=time.perf_counter() - ingest_started, backend=backend)


def sync_corpus(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info,
                store: StoreChoice | None = None) -> UpdateResult:
    """Bring the published index in line with the corpus folder and the added-articles store, redoing only the
    changed files. Falls back to a full build when there is no usable index for these settings."""
    with _build_lock(index_dir):
        return _refresh(corpus, index_dir, encoder, progress, report, store)


def update_index(
    index_dir: Path,
    encoder: Encoder,
    add: Sequence[SourceGroup] = (),
    remove: Iterable[str] = (),
    progress: bool = False,
    report: Report = log.info,
) -> UpdateResult:
    """Add (or replace) and remove groups of the published index; the index must exist and fit ``encoder``.

    A published build that fails its full check is set aside and rebuilt (from the store and the corpus its
    manifest names) before the update.
    """
    with _build_lock(index_dir):
        store = _open_store(index_dir, report)
        try:
            previous = _verified_previous(index_dir, encoder)
        except StoreUnreachable:
            raise
        except IndexCorrupt as damage:
            corpus = _recorded_corpus(damage)
            if corpus is None:
                raise IndexCorrupt(f"{damage}；请运行 rag doctor 修复") from damage
            _recover(corpus, index_dir, encoder, store, damage, progress, report, _recorded_store(index_dir))
            previous = _verified_previous(index_dir, encoder)
        if previous is None:
            raise IndexCorrupt("索引不存在或与当前设置不符，请先运行 rag index")
        manifest = _manifest_of(previous)
        return _write_build(index_dir, encoder, previous, list(add), set(remove), Path(manifest["corpus"]),
                            manifest["corpus_fingerprint"], progress, report, backend=StoreChoice.from_manifest(manifest))


def _recorded_corpus(damage: IndexCorrupt) -> Path | None:
    """The corpus a damaged build was made from, when its manifest still says so."""
    try:
        return Path(_manifest_of(damage.build)["corpus"]) if isinstance(damage, BuildDamaged) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def open_index(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info,
               store: StoreChoice | None = None) -> Index:
    """Load the index for ``corpus``: built first when missing or made with other settings, set aside and rebuilt
    when damaged, updated file by file when only the corpus or the added articles changed. ``store`` None:
    whichever store (FAISS or Milvus) the index uses; an unreachable Milvus is an error, never a reason to rebuild.
    A replica folder (rag.replica) takes the build Milvus holds now, whatever ``corpus`` says."""
    from .replica import replica_of, sync_replica

    if replica_of(index_dir) is not None:
        sync_replica(index_dir, store, report)
        return load_index(index_dir)
    if not SourceStore(index_dir).exists() and published_build_name(index_dir) is not None and os.access(index_dir, os.W_OK):
        with _build_lock(index_dir):  # an index from before the store: its added articles go into the store first
            _open_store(index_dir, report)
    reason = staleness(index_dir, corpus, encoder, store)
    if reason is None:
        try:
            return load_index(index_dir)
        except StoreUnreachable:
            raise
        except IndexCorrupt:
            pass
    elif reason == ADDED_CHANGED and not os.access(index_dir, os.W_OK):
        return load_index(index_dir)  # a read-only index (say, from before the store): serve what it holds
    sync_corpus(corpus, index_dir, encoder, progress=progress, report=report, store=store)
    return load_index(index_dir)


def doctor(corpus: Path, index_dir: Path, encoder: Encoder, repair: bool = True, report: Report = log.info) -> list[str]:
    """Check every file of the published build (all hashes) and every record of the added-articles store.

    Returns the problems found, one Chinese line each (empty: all is well). With ``repair`` a damaged record is
    restored from a build's copy (or moved aside) and a damaged build is moved aside and rebuilt.
    """
    problems: list[str] = []
    with _build_lock(index_dir):
        store = _open_store(index_dir, report)
        _, damaged = store.load()
        problems += [f"原始资料库记录 {path.relative_to(index_dir)} 已损坏（{why}）" for path, why in damaged]
        if repair:
            _repair_store(index_dir, store, damaged, report)
        try:
            if read_manifest(index_dir) is None:
                problems.append("还没有索引")
            else:
                if "files" not in verify_build(_published_build(index_dir), full=True):
                    report("注意：当前索引版本建于有校验和之前，无法逐个文件核对；运行 rag index --force 可建出带校验和的版本。")
                load_index(index_dir).table.close()
        except StoreUnreachable:
            raise
        except IndexCorrupt as damage:
            problems.append(f"索引已损坏：{damage}")
            if repair:
                _recover(corpus, index_dir, encoder, store, damage, False, report, _recorded_store(index_dir))
                return problems
        if repair and staleness(index_dir, corpus, encoder) is not None:
            _refresh(corpus, index_dir, encoder, False, report)
    return problems
