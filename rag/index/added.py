"""The store of the user's added articles as the index sees it: which store a build recorded, opening it, and repairing it
from the builds that hold its articles (no repair drops one)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from ..chunk_table import TABLE_FILE, ChunkTable
from ..sources import ORIGIN_ADDED, SourceGroup, group_of
from ..source_store import SourceStore, StoreProblem, record_key
from ..stores import StoreChoice
from .manifest import BUILDS_DIR, DAMAGED_BUILDS_DIR, IndexCorrupt, Report, published_build, read_manifest

log = logging.getLogger(__name__)


def _added_groups_in_builds(index_dir: Path) -> Iterator[tuple[Path, list[SourceGroup]]]:
    """Each readable build's added articles, re-parsed from the text its table keeps: the published build first,
    then the others and the damaged ones, newest first."""
    published = published_build(index_dir)
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


def recorded_store(index_dir: Path) -> StoreChoice:
    """The store the published build uses (FAISS when there is none or it is unreadable)."""
    try:
        return StoreChoice.from_manifest(read_manifest(index_dir))
    except IndexCorrupt:
        return StoreChoice()


def open_store(index_dir: Path, report: Report) -> SourceStore:
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


def repair_store(index_dir: Path, store: SourceStore, damaged: list[tuple[Path, str]], report: Report) -> list[SourceGroup]:
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


def store_drift(index_dir: Path, store: SourceStore, added_in_build: dict[str, str], claimed: set[str], report: Report
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
        groups = loaded + [g for g in repair_store(index_dir, store, damaged, report) if added_in_build.get(g.name) != g.hash]
    if groups or gone:
        report(f"按原始资料库补齐索引：补上 {len(groups)} 个、去掉 {len(gone)} 个添加的文件")
    return groups, gone
