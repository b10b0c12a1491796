"""The index's life as callers see it: build, sync with the corpus folder, add and remove articles, open (rebuilding a
stale or damaged index, saying so in Chinese) and `rag doctor`."""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Iterable, Sequence

from ..chunk_table import ChunkTable
from ..corpus import CorpusError, corpus_fingerprint, corpus_group_hashes, corpus_groups
from ..sources import ORIGIN_CORPUS, SourceGroup
from ..encoders import Encoder
from ..source_store import SourceStore
from ..stores import StoreChoice
from .manifest import (ADDED_CHANGED, BUILDS_DIR, BuildDamaged, DAMAGED_BUILDS_DIR, IndexCorrupt, Report,
                       StoreUnreachable, expected_settings, manifest_of, published_build, published_build_name,
                       read_manifest, recorded_corpus, staleness, verify_build)
from .loading import Index, load_index
from .writing import UpdateResult, build_lock, write_build
from .added import open_store, recorded_store, repair_store

log = logging.getLogger(__name__)


def _verified_previous(index_dir: Path, encoder: Encoder) -> Path | None:
    """The published build, every file's hash checked, when it was made with these settings; None when there is
    none or the settings differ. BuildDamaged when it fails a check: a new build is never derived from a damaged one."""
    manifest = read_manifest(index_dir)
    if manifest is None or any(manifest.get(k) != v for k, v in expected_settings(encoder).items()):
        return None
    build = published_build(index_dir)
    assert build is not None
    verify_build(build, full=True)
    load_index(index_dir).table.close()
    return build


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
    added += repair_store(index_dir, store, damaged, report)
    corpus_sources = {d.source for g in groups for d in g.docs}
    clashing = [g.name for g in added if corpus_sources & {d.source for d in g.docs}]
    for name in clashing:
        report(f"添加的文件“{name}”与资料目录中的文件同名，本次索引用资料目录中的版本（原始资料库中的记录保留）")
    added = [g for g in added if g.name not in clashing]
    paragraphs = sum(len(g.paragraphs) for g in groups + added)
    report(f"{sum(len(g.articles) for g in groups + added)} 篇文章，{paragraphs} 个段落"
           + (f"（含 {len(added)} 个另外添加的文件）" if added else ""))
    result = write_build(index_dir, encoder, None, groups + added, set(), corpus, fingerprint, progress, report,
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
    with build_lock(index_dir):
        backend = _reachable(store or recorded_store(index_dir))
        sources = open_store(index_dir, report)
        try:
            if read_manifest(index_dir) is not None:
                verify_build(published_build(index_dir))
        except StoreUnreachable:
            raise
        except IndexCorrupt as damage:
            return _recover(corpus, index_dir, encoder, sources, damage, progress, report, backend)
        return _build_all(corpus, index_dir, encoder, sources, progress, report, backend)


def _reachable(backend: StoreChoice) -> StoreChoice:
    """``backend``, after checking that a Milvus server answers: an unreachable one fails here, not after
    ingesting and encoding everything."""
    if backend.kind == "milvus":
        from ..stores.milvus import check_reachable

        check_reachable(backend.uri)
    return backend


def _refresh(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool, report: Report,
             wanted: StoreChoice | None = None) -> UpdateResult:
    """Bring the index in line with the corpus folder and the store (the caller holds the lock): a damaged build
    is set aside and rebuilt, other settings rebuild everything, otherwise only the changed files are redone."""
    store = open_store(index_dir, report)
    backend = _reachable(wanted or recorded_store(index_dir))
    try:
        previous = _verified_previous(index_dir, encoder)
    except StoreUnreachable:
        raise
    except IndexCorrupt as damage:
        return UpdateResult([], [], [], [], [], manifest=_recover(corpus, index_dir, encoder, store, damage, progress, report, backend))
    reason = staleness(index_dir, corpus, encoder, wanted)
    if reason is None:
        return UpdateResult([], [], [], [], [])
    if previous is not None and backend.settings() != StoreChoice.from_manifest(manifest_of(previous)).settings():
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
    return write_build(index_dir, encoder, previous, groups, gone, corpus, fingerprint, progress, report,
                        ingest_seconds=time.perf_counter() - ingest_started, backend=backend)


def sync_corpus(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info,
                store: StoreChoice | None = None) -> UpdateResult:
    """Bring the published index in line with the corpus folder and the added-articles store, redoing only the
    changed files. Falls back to a full build when there is no usable index for these settings."""
    with build_lock(index_dir):
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
    with build_lock(index_dir):
        store = open_store(index_dir, report)
        try:
            previous = _verified_previous(index_dir, encoder)
        except StoreUnreachable:
            raise
        except IndexCorrupt as damage:
            corpus = recorded_corpus(damage)
            if corpus is None:
                raise IndexCorrupt(f"{damage}；请运行 rag doctor 修复") from damage
            _recover(corpus, index_dir, encoder, store, damage, progress, report, recorded_store(index_dir))
            previous = _verified_previous(index_dir, encoder)
        if previous is None:
            raise IndexCorrupt("索引不存在或与当前设置不符，请先运行 rag index")
        manifest = manifest_of(previous)
        return write_build(index_dir, encoder, previous, list(add), set(remove), Path(manifest["corpus"]),
                            manifest["corpus_fingerprint"], progress, report, backend=StoreChoice.from_manifest(manifest))


def open_index(corpus: Path, index_dir: Path, encoder: Encoder, progress: bool = False, report: Report = log.info,
               store: StoreChoice | None = None) -> Index:
    """Load the index for ``corpus``: built first when missing or made with other settings, set aside and rebuilt
    when damaged, updated file by file when only the corpus or the added articles changed. ``store`` None:
    whichever store (FAISS or Milvus) the index uses; an unreachable Milvus is an error, never a reason to rebuild.
    A replica folder (rag.replica) takes the build Milvus holds now, whatever ``corpus`` says."""
    from ..replica import replica_of, sync_replica

    if replica_of(index_dir) is not None:
        sync_replica(index_dir, store, report)
        return load_index(index_dir)
    if not SourceStore(index_dir).exists() and published_build_name(index_dir) is not None and os.access(index_dir, os.W_OK):
        with build_lock(index_dir):  # an index from before the store: its added articles go into the store first
            open_store(index_dir, report)
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
    with build_lock(index_dir):
        store = open_store(index_dir, report)
        _, damaged = store.load()
        problems += [f"原始资料库记录 {path.relative_to(index_dir)} 已损坏（{why}）" for path, why in damaged]
        if repair:
            repair_store(index_dir, store, damaged, report)
        try:
            if read_manifest(index_dir) is None:
                problems.append("还没有索引")
            else:
                if "files" not in verify_build(published_build(index_dir), full=True):
                    report("注意：当前索引版本建于有校验和之前，无法逐个文件核对；运行 rag index --force 可建出带校验和的版本。")
                load_index(index_dir).table.close()
        except StoreUnreachable:
            raise
        except IndexCorrupt as damage:
            problems.append(f"索引已损坏：{damage}")
            if repair:
                _recover(corpus, index_dir, encoder, store, damage, False, report, recorded_store(index_dir))
                return problems
        if repair and staleness(index_dir, corpus, encoder) is not None:
            _refresh(corpus, index_dir, encoder, False, report)
    return problems
