"""A read-only replica of an index kept in Milvus: an app server that has only the Milvus URI.

The writer (``rag index / add / remove`` with ``--store milvus``) stores, with
every build, the build's files besides the search collection - the chunk table
(chunks.sqlite: text, sources, paragraphs, offsets, titles, dates, the added
articles), the corpus dictionary (user_words.txt), the answer stage's sentence
vectors (sentences.npz), the manifest, and on a Milvus without BM25 the bm25s
files - in the generation's companion collection, before it publishes the
build and points the alias at it (rag.stores.milvus ``write_build_files``).

A replica folder starts with one file, ``replica.json`` (the URI and the
alias; ``rag replica init``). Before its first question and before every
later one (``follow_replica``) the replica asks the server which generation
the alias points at; when that is new, it copies the generation's files into
``builds/<generation>/``, checks every file against the sizes and sha256 the
writer's manifest records (a torn or partial copy is never used), and
publishes it locally (``CURRENT``) like a build of its own. Since the alias
moves only after a generation is complete, a replica never sees half an
update. It never writes to Milvus, and refuses ``rag index / add / remove``.
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
from typing import Iterator

from .index import BUILDS_DIR, MANIFEST_CHECKSUM, MANIFEST_FILE, IndexCorrupt, Report, published_build_name, verify_build
from .index.manifest import manifest_checksum
from .index.writing import build_lock, publish, remove_old_builds, write_atomically
from .stores import StoreChoice, StoreUnavailable

log = logging.getLogger(__name__)

REPLICA_FILE = "replica.json"


@dataclass(frozen=True)
class ReplicaOf:
    """What a replica folder follows: the index published under ``alias`` on the Milvus at ``uri``."""

    uri: str
    alias: str


def replica_of(index_dir: Path) -> ReplicaOf | None:
    """The index ``index_dir`` replicates, None when it is not a replica (one stat for ordinary folders)."""
    path = Path(index_dir) / REPLICA_FILE
    if not path.is_file():
        return None
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
        return ReplicaOf(str(recorded["uri"]), str(recorded["alias"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorrupt(f"副本设置文件 {path} 无法读取（{exc.__class__.__name__}），请重新运行 rag replica init") from exc


def choose_alias(uri: str, alias: str | None) -> str:
    """``alias``, or the only index published on the server; ValueError (for users) listing them otherwise."""
    from .stores.milvus import published_indexes

    found = published_indexes(uri)
    if alias is not None:
        if alias not in found:
            raise ValueError(f"Milvus（{uri}）中没有索引 {alias}。" + _listing(found))
        return alias
    if len(found) == 1:
        return next(iter(found))
    raise ValueError(f"Milvus（{uri}）中{'没有本项目写入的索引' if not found else '有多个索引，请用 --alias 选一个'}。" + _listing(found))


def _listing(found: dict[str, str]) -> str:
    return "可用的索引：" + "、".join(sorted(found)) if found else "请先在写入端运行 rag index --store milvus --milvus-uri 该地址。"


def init_replica(index_dir: Path, uri: str, alias: str | None, report: Report = log.info) -> str:
    """Make ``index_dir`` a replica of an index in Milvus and copy its current build; returns the build's name.
    ValueError for a folder that holds an index of its own or an alias the server does not have."""
    index_dir = Path(index_dir)
    if replica_of(index_dir) is None and published_build_name(index_dir) is not None:
        raise ValueError(f"{index_dir} 已有自己的索引，不能改作副本；请换一个空目录。")
    chosen = choose_alias(uri, alias)
    index_dir.mkdir(parents=True, exist_ok=True)
    write_atomically(index_dir / REPLICA_FILE, json.dumps({"uri": uri, "alias": chosen}, ensure_ascii=False, indent=2))
    sync_replica(index_dir, report=report)
    name = published_build_name(index_dir)
    report(f"副本已就绪：{index_dir} 跟随 Milvus 索引 {chosen}（{uri}），当前版本 {name}；写入端的更新在下一个问题时生效。")
    return name


def sync_replica(index_dir: Path, store: StoreChoice | None = None, report: Report = log.info, wait: bool = True) -> bool:
    """Copy the generation the alias points at, when it is not the local build; True when a new one was published.
    ``store`` (from the command line) must name the replica's own Milvus. ``wait`` False: skip when another
    thread or process is syncing this folder right now."""
    source = replica_of(index_dir)
    if source is None:
        raise IndexCorrupt(f"{index_dir} 不是副本")
    if store is not None and store.settings() != {"kind": "milvus", "uri": source.uri}:
        raise IndexCorrupt(f"{index_dir} 是 Milvus 索引 {source.alias}（{source.uri}）的副本，与命令行给出的存储方式不符（{store.settings()}）")
    from .stores.milvus import resolve_alias

    generation = resolve_alias(source.uri, source.alias)
    if published_build_name(index_dir) == generation:
        return False
    with _replica_lock(index_dir, wait) as locked:
        if not locked or published_build_name(index_dir) == generation:
            return False
        _copy_generation(index_dir, source, generation)
    report(f"副本已更新到索引版本 {generation}")
    return True


def follow_replica(index_dir: Path) -> None:
    """Before a question: catch up with the writer when ``index_dir`` is a replica. A failure is logged and the
    build already loaded keeps answering."""
    try:
        if replica_of(index_dir) is not None:
            sync_replica(index_dir, wait=False)
    except (StoreUnavailable, IndexCorrupt, OSError) as exc:
        log.warning("replica %s cannot catch up now (%s); answering from its current build", index_dir, exc)


@contextmanager
def _replica_lock(index_dir: Path, wait: bool) -> Iterator[bool]:
    """The folder's build lock for the replica's own sync; yields False (without it) when ``wait`` is False and
    another thread or process holds it."""
    if wait:
        with build_lock(index_dir, replica=True):
            yield True
        return
    with open(Path(index_dir) / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _copy_generation(index_dir: Path, source: ReplicaOf, generation: str) -> None:
    """Write the generation's files into builds/<generation>, verified, and publish it. The caller holds the lock."""
    from .stores.milvus import read_build_files

    files = read_build_files(source.uri, generation)
    if MANIFEST_FILE not in files:
        raise StoreUnavailable(f"Milvus 中索引版本 {generation} 的文件缺少 {MANIFEST_FILE}")
    builds = index_dir / BUILDS_DIR
    incoming = builds / f".incoming-{generation}-{os.getpid()}"
    shutil.rmtree(incoming, ignore_errors=True)
    try:
        for path, content in files.items():
            target = (incoming / path).resolve()
            if incoming.resolve() not in target.parents:  # a path from the server never leaves the build folder
                raise IndexCorrupt(f"Milvus 中索引版本 {generation} 含有不合法的文件名：{path}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        manifest = json.loads(files[MANIFEST_FILE])
        if manifest.get("store", {}).get("collection") != generation:
            raise IndexCorrupt(f"Milvus 中索引版本 {generation} 的清单指向另一个集合（{manifest.get('store', {}).get('collection')}）")
        # The writer's URI may not be ours (another host name, another network): this replica reaches Milvus at its own.
        manifest["store"] = {**manifest["store"], "uri": source.uri}
        manifest["replica_of"] = {"uri": source.uri, "alias": source.alias, "synced_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        manifest[MANIFEST_CHECKSUM] = manifest_checksum(manifest)
        (incoming / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        verify_build(incoming, full=True)  # every file against the writer's sizes and sha256
        build = builds / generation
        shutil.rmtree(build, ignore_errors=True)  # a copy of this generation that was never published
        os.replace(incoming, build)
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    previous = published_build_name(index_dir)
    publish(index_dir, build)
    remove_old_builds(index_dir, {generation} | ({previous} if previous else set()))
