"""The user's added articles as primary data: one checksummed, fsync'd record per added file, outside every build.

Builds are derived data: a full build (and the rebuild after a damaged one)
reads this store plus the corpus folder, and an update (`rag add`,
`rag remove`) changes the store in the same locked step that publishes the
new build. Nothing that builds, repairs or cleans up indexes deletes a
record; only `rag remove` does.

Layout, next to ``builds/`` in the index folder::

    added/
      STORE          marker with the store format, written when the store is created
      <key>.jsonl    one added file; key = sha256(file name)[:32]
      damaged/       records that failed their checksum (kept, never deleted)

A record is JSON Lines: line 1 is the header ``{"format", "name", "hash",
"docs", "sha256"}`` (``hash``: sha256 of the added file's bytes, as
``SourceGroup.hash``; ``sha256``: of every byte after the header line), then
one ``SourceDoc`` per line, its text included. Reading the headers alone
tells which files the store holds (``entries``), cheaply enough for every
open of the index.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .sources import ORIGIN_ADDED, SourceDoc, SourceGroup, group_of

log = logging.getLogger(__name__)

STORE_DIR = "added"
MARKER_FILE = "STORE"
DAMAGED_DIR = "damaged"
RECORD_SUFFIX = ".jsonl"
STORE_FORMAT = 1


class RecordDamaged(Exception):
    """A record whose bytes do not match its checksum (or cannot be parsed); the message says how."""


@dataclass(frozen=True)
class StoreProblem:
    """A damaged record and what became of it, for users."""

    file: str  # the record's path inside the index folder
    why: str
    outcome: str  # "restored from …" or "moved to …"

    def __str__(self) -> str:
        return f"原始资料库记录 {self.file} 已损坏（{self.why}），{self.outcome}"


def record_key(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def store_digest(entries: dict[str, str]) -> str:
    """One hash of which files (name and content hash) the store holds: a build records the digest it was made from."""
    digest = hashlib.sha256()
    for name in sorted(entries):
        digest.update(f"{name}\0{entries[name]}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encode_record(group: SourceGroup) -> bytes:
    body = b"".join(
        json.dumps(dataclasses.asdict(doc), ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n" for doc in group.docs)
    header = {"format": STORE_FORMAT, "name": group.name, "hash": group.hash, "docs": len(group.docs),
              "sha256": hashlib.sha256(body).hexdigest()}
    return json.dumps(header, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n" + body


def decode_record(data: bytes) -> SourceGroup:
    """The group a record holds, re-parsed from its stored texts; RecordDamaged when the bytes fail the checks."""
    head, _, body = data.partition(b"\n")
    try:
        header = json.loads(head.decode("utf-8", "surrogatepass"))
        name, group_hash, count, checksum = header["name"], header["hash"], header["docs"], header["sha256"]
    except (ValueError, KeyError, TypeError) as exc:
        raise RecordDamaged("记录头无法读取") from exc
    if hashlib.sha256(body).hexdigest() != checksum:
        raise RecordDamaged("校验和不符")
    try:
        docs = [SourceDoc(**json.loads(line.decode("utf-8", "surrogatepass"))) for line in body.splitlines()]
    except (ValueError, TypeError) as exc:
        raise RecordDamaged("内容无法解析") from exc
    if len(docs) != count:
        raise RecordDamaged("文章数与记录头不符")
    return group_of(name, ORIGIN_ADDED, group_hash, [(doc, doc.text or "") for doc in docs])


def _read_header(path: Path) -> tuple[str, str] | None:
    """(name, hash) from a record's first line; None when that line is unreadable."""
    try:
        with open(path, "rb") as handle:
            header = json.loads(handle.readline().decode("utf-8", "surrogatepass"))
        return str(header["name"]), str(header["hash"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


class SourceStore:
    """The ``added/`` folder of one index. Writers hold the index's build lock."""

    def __init__(self, index_dir: Path):
        self.directory = index_dir / STORE_DIR

    def exists(self) -> bool:
        return (self.directory / MARKER_FILE).is_file()

    def _records(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.iterdir() if p.suffix == RECORD_SUFFIX and p.is_file())

    def record_path(self, name: str) -> Path:
        return self.directory / f"{record_key(name)}{RECORD_SUFFIX}"

    def create(self, groups: Iterable[SourceGroup], origin_note: str) -> None:
        """Make the store (an index from before the store existed: its added files are imported first)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        self.apply(put=list(groups))
        marker = {"format": STORE_FORMAT, "created_from": origin_note}
        _write_durably(self.directory / MARKER_FILE, json.dumps(marker, ensure_ascii=False).encode("utf-8"))

    def entries(self) -> dict[str, str]:
        """name -> content hash of every record, from the headers alone (a record with an unreadable header is left out)."""
        entries: dict[str, str] = {}
        for path in self._records():
            header = _read_header(path)
            if header is not None:
                entries[header[0]] = header[1]
        return entries

    def keys(self) -> set[str]:
        """The record keys present, readable or not (see ``record_key``)."""
        return {path.stem for path in self._records()}

    def digest(self) -> str:
        return store_digest(self.entries())

    def load(self, paths: set[Path] | None = None) -> tuple[list[SourceGroup], list[tuple[Path, str]]]:
        """Every record's group (or those at ``paths``), checksums verified, and the records that failed: (path, why)."""
        groups: list[SourceGroup] = []
        damaged: list[tuple[Path, str]] = []
        for path in self._records():
            if paths is not None and path not in paths:
                continue
            try:
                groups.append(decode_record(path.read_bytes()))
            except (OSError, RecordDamaged) as exc:
                damaged.append((path, str(exc) if isinstance(exc, RecordDamaged) else f"无法读取：{exc.strerror or exc}"))
        return groups, damaged

    def set_aside(self, path: Path) -> Path:
        """Move a damaged record into ``damaged/`` (kept for the user, never deleted)."""
        target = self.directory / DAMAGED_DIR / path.name
        target.parent.mkdir(exist_ok=True)
        n = 1
        while target.exists():
            target = target.with_name(f"{path.stem}.{n}{RECORD_SUFFIX}")
            n += 1
        os.replace(path, target)
        _fsync_dir(self.directory)
        return target

    def apply(self, put: list[SourceGroup] = (), delete: Iterable[str] = ()) -> None:
        """Write ``put`` and delete the records named in ``delete``, durably.

        All new records are written and fsync'd to temp files first, so a
        full disk changes nothing; then they are renamed into place.
        """
        self.directory.mkdir(parents=True, exist_ok=True)
        temps: list[tuple[Path, Path]] = []
        try:
            for group in put:
                target = self.record_path(group.name)
                temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
                temps.append((temp, target))
                _write_file(temp, encode_record(group))
        except BaseException:
            for temp, _ in temps:
                with suppress(OSError):
                    temp.unlink()
            raise
        for temp, target in temps:
            os.replace(temp, target)
        for name in delete:
            with suppress(FileNotFoundError):
                self.record_path(name).unlink()
        _fsync_dir(self.directory)

    def snapshot(self, names: Iterable[str]) -> dict[str, bytes | None]:
        """The current bytes of the named records (None: absent), to undo an ``apply`` that could not be published."""
        saved: dict[str, bytes | None] = {}
        for name in names:
            try:
                saved[name] = self.record_path(name).read_bytes()
            except FileNotFoundError:
                saved[name] = None
        return saved

    def restore(self, saved: dict[str, bytes | None]) -> None:
        for name, data in saved.items():
            path = self.record_path(name)
            if data is None:
                with suppress(FileNotFoundError):
                    path.unlink()
            else:
                _write_durably(path, data)
        _fsync_dir(self.directory)


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _write_durably(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        _write_file(temp, data)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    _fsync_dir(path.parent)
