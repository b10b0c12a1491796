"""The user's own articles: add, remove and list them (`rag add`, `rag remove`, `rag list`).

Each operation is one index update (``rag.index.update_index``): it
publishes a complete new build or nothing, so a crash leaves the index as it
was before the command or as it is after it.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .encoders import Encoder
from .formats import Problem, find_article_files, read_article_file
from .index import Report, UpdateResult, load_index, update_index
from .sources import ORIGIN_CORPUS, SourceGroup

log = logging.getLogger(__name__)


@dataclass
class AddOutcome:
    result: UpdateResult | None  # None when no file was usable
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped_any(self) -> bool:
        return any(p.skipped for p in self.problems) or bool(self.result and self.result.conflicts)


@dataclass
class RemoveOutcome:
    result: UpdateResult | None
    unknown: list[str] = field(default_factory=list)  # names that match nothing indexed
    refused: list[tuple[str, str]] = field(default_factory=list)  # (name, why), e.g. a corpus file


def add_paths(index_dir: Path, encoder: Encoder, paths: Iterable[Path], progress: bool = False, report: Report = log.info) -> AddOutcome:
    """Read every article file under ``paths`` and add the usable ones in one update."""
    files, problems = find_article_files(paths)
    added_at = time.strftime("%Y-%m-%dT%H:%M:%S")
    groups: list[SourceGroup] = []
    seen: set[str] = set()
    for path, name in files:
        if name in seen:
            continue  # the same file named twice in one command
        seen.add(name)
        group, file_problems = read_article_file(path, name, added_at)
        problems += file_problems
        if group is not None:
            groups.append(group)
    if not groups:
        return AddOutcome(None, problems)
    return AddOutcome(update_index(index_dir, encoder, add=groups, progress=progress, report=report), problems)


def remove_sources(index_dir: Path, encoder: Encoder, names: Iterable[str], report: Report = log.info) -> RemoveOutcome:
    """Remove added files by name (the name `rag list` shows, as a file or one of its sources)."""
    listing = list_sources(index_dir)
    by_group: dict[str, list[dict]] = {}
    for row in listing:
        by_group.setdefault(row["group"], []).append(row)
    by_source = {row["source"]: row for row in listing}
    outcome = RemoveOutcome(None)
    groups: set[str] = set()
    for name in names:
        row = by_source.get(name)
        group = name if name in by_group else (row["group"] if row else None)
        if group is None:
            outcome.unknown.append(name)
        elif by_group[group][0]["origin"] == ORIGIN_CORPUS:
            outcome.refused.append((name, "属于资料目录中的文件，请直接从资料目录删除它"))
        elif group != name and len(by_group[group]) > 1:
            outcome.refused.append((name, f"是文件“{group}”中的一篇，只能整个文件一起删除：rag remove {group}"))
        else:
            groups.add(group)
    if groups:
        outcome.result = update_index(index_dir, encoder, remove=groups, report=report)
    return outcome


def list_sources(index_dir: Path, origin: str | None = None) -> list[dict]:
    """What is indexed, one row per source: source, group, origin, title, date, label, url, added_at, paragraphs."""
    index = load_index(index_dir)
    try:
        rows = index.table.listing()
    finally:
        index.table.close()
    return [row for row in rows if origin is None or row["origin"] == origin]

