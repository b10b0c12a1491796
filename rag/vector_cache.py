"""A passage-vector cache keyed by content hash, so the same text is encoded once.

Encoding is the slow step of building an index. ``CachedEncoder`` wraps any
``Encoder`` and keeps its passage vectors in SQLite, one file per encoder
name: key = sha256 of the exact passage text, value = the float32 vector's
bytes. A second benchmark run, or an index rebuilt after a chunking change,
then encodes only the texts it has not seen.

The cache is an optimisation and must never break a build:

- two processes may share it (WAL journal, busy timeout, one short write
  transaction per slice of new vectors);
- a corrupt file is moved aside with a warning and a fresh one is created
  (only the newest moved-aside copy of each cache file is kept);
- if the cache cannot be used at all (read-only disk, locked for too long),
  the texts are simply encoded, with a warning.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from .cache_dir import default_cache_dir
from .encoders import Encoder, passage_progress_bar

log = logging.getLogger(__name__)

CACHE_FORMAT = "1"  # bump when the key or value layout changes
BUSY_TIMEOUT_MS = 30_000
LOOKUP_CHUNK = 500  # keys per SELECT ... IN (...), well under SQLite's variable limit
WRITE_SLICE = 256  # new vectors per commit: an interrupted build keeps what it encoded
ASIDE_MARK = ".corrupt-"  # a corrupt file becomes <name>.corrupt-<time>-<pid>; only the newest one is kept


def cache_file_for(encoder_name: str, cache_dir: Path) -> Path:
    """The SQLite file of one encoder: a readable slug plus a hash, so distinct names never share a file."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", encoder_name).strip("._")[:60] or "encoder"
    digest = hashlib.sha256(encoder_name.encode("utf-8")).hexdigest()[:12]
    return cache_dir / "vectors" / f"{slug}-{digest}.sqlite3"


def text_key(text: str) -> bytes:
    """sha256 of the exact passage text (surrogatepass: any str has a key)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class _CacheCorrupt(Exception):
    pass


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    # Only a damaged file gets moved aside. OperationalError ("database is
    # locked", I/O, permissions) is not the file's fault, and the other
    # subclasses (ProgrammingError...) would be ours.
    name = getattr(exc, "sqlite_errorname", "")
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or type(exc) is sqlite3.DatabaseError


class CachedEncoder:
    """An ``Encoder`` whose passage vectors are cached on disk; queries pass through."""

    def __init__(self, inner: Encoder, cache_dir: Path | None = None):
        self.inner = inner
        self.name = inner.name  # the cache does not change the vectors, so the index sees the same encoder
        self.dim = inner.dim
        # An encoder with several engines names one cache per engine (``vector_cache_names``): it writes
        # to the first, and may read the others (engines verified to give the same vectors).
        names = tuple(getattr(inner, "vector_cache_names", None) or (inner.name,))
        root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.cache_name = names[0]
        self.path = cache_file_for(names[0], root)
        self.also_read = [(name, cache_file_for(name, root)) for name in names[1:]]
        self.hits = 0  # passages served from the cache, over this object's life
        self.misses = 0  # passages sent to the inner encoder

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode_queries(texts)

    def encode_passages(self, texts: Sequence[str], batch_size: int = 32, progress: bool = False,
                        announce: Callable[[int, int], None] | None = None) -> np.ndarray:
        """The passages' vectors, encoding only those the cache lacks; ``announce(to_encode, cached)`` is told the
        split before any encoding starts (a build says what it is about to spend time on)."""
        texts = list(texts)
        keys = [text_key(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        connection, found = self._open_and_lookup(list(dict.fromkeys(keys)))
        for name, path in self.also_read:
            found.update(self._read_only_lookup(name, path, [k for k in dict.fromkeys(keys) if k not in found]))

        # Each distinct missing text is encoded once, even if it repeats.
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, texts):
            if key not in found and key not in missing:
                missing[key] = text
        cached = sum(1 for key in keys if key not in missing)
        self.hits += cached
        self.misses += len(missing)
        log.info("vector cache %s: %d of %d passages cached, encoding %d", self.path.name, cached, len(texts), len(missing))
        if announce is not None:
            announce(len(missing), cached)

        try:
            with passage_progress_bar(len(missing), progress) as bar:
                for slice_keys in _slices(list(missing), max(WRITE_SLICE, batch_size)):
                    vectors = self.inner.encode_passages([missing[k] for k in slice_keys], batch_size=batch_size)
                    vectors = np.asarray(vectors, dtype=np.float32).reshape(len(slice_keys), self.dim)
                    for key, vector in zip(slice_keys, vectors):
                        found[key] = vector
                    if connection is not None and not self._store(connection, slice_keys, vectors):
                        connection.close()
                        connection = None
                    bar.update(len(slice_keys))
        finally:
            if connection is not None:
                connection.close()

        for row, key in enumerate(keys):
            out[row] = found[key]
        return out

    # -- SQLite ---------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _enable_wal(connection)
            connection.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable enough for a cache
            connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            # A rowid table: a 1.5 kB vector fits in a table leaf page, while in a
            # WITHOUT ROWID table every row would spill into overflow pages (3x the file size).
            connection.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
            wanted = {"format": CACHE_FORMAT, "encoder": self.cache_name, "dim": str(self.dim)}
            stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            if not stored:  # a new file: label it, unless another process just did
                with _write_transaction(connection):
                    stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
                    if not stored:
                        connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", wanted.items())
                        stored = wanted
            if stored != wanted:
                raise _CacheCorrupt(f"cache file belongs to {stored}, expected {wanted}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _open_and_lookup(self, keys: list[bytes]) -> tuple[sqlite3.Connection | None, dict[bytes, np.ndarray]]:
        """A connection to a healthy cache file and the vectors it has for ``keys``.

        A corrupt file is moved aside and replaced once; any other trouble
        means (None, {}): the caller encodes everything and caches nothing.
        """
        for attempt in (1, 2):
            connection = None
            try:
                connection = self._connect()
                return connection, self._lookup(connection, keys)
            except (_CacheCorrupt, sqlite3.DatabaseError) as exc:
                if connection is not None:
                    connection.close()
                corrupt = isinstance(exc, _CacheCorrupt) or _is_corruption(exc)
                if attempt == 1 and corrupt:
                    self._move_aside(exc)
                    continue
                log.warning("vector cache %s unusable (%s); encoding without it", self.path, exc)
            except OSError as exc:  # e.g. the cache directory cannot be created
                if connection is not None:
                    connection.close()
                log.warning("vector cache %s unusable (%s); encoding without it", self.path, exc)
            break
        return None, {}

    def _read_only_lookup(self, name: str, path: Path, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        """Vectors for ``keys`` from another engine's cache file, if it exists and is healthy; never written."""
        if not keys or not path.is_file():
            return {}
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
                if stored != {"format": CACHE_FORMAT, "encoder": name, "dim": str(self.dim)}:
                    return {}
                found = self._lookup(connection, keys)
            finally:
                connection.close()
        except sqlite3.DatabaseError as exc:
            log.info("vector cache %s not read (%s)", path.name, exc)
            return {}
        log.info("vector cache %s: %d of %d passages from the same-space cache %s", self.path.name, len(found), len(keys), path.name)
        return found

    def _lookup(self, connection: sqlite3.Connection, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        size = self.dim * 4
        for chunk in _slices(keys, LOOKUP_CHUNK):
            marks = ",".join("?" * len(chunk))
            for key, blob in connection.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                if isinstance(blob, bytes) and len(blob) == size:  # a short row is treated as missing and rewritten
                    found[bytes(key)] = np.frombuffer(blob, dtype="<f4").astype(np.float32)
        return found

    def _store(self, connection: sqlite3.Connection, keys: list[bytes], vectors: np.ndarray) -> bool:
        """Write one slice in one transaction; False (with a warning) if the cache cannot take it."""
        rows = [(key, np.ascontiguousarray(vector, dtype="<f4").tobytes()) for key, vector in zip(keys, vectors)]
        try:
            with _write_transaction(connection):
                connection.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
            return True
        except sqlite3.DatabaseError as exc:
            log.warning("vector cache %s: could not store vectors (%s); continuing without caching", self.path, exc)
            return False

    def _move_aside(self, reason: Exception) -> None:
        aside = self.path.with_name(f"{self.path.name}{ASIDE_MARK}{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
        log.warning("vector cache %s is corrupt (%s); moved to %s and starting a new one", self.path, reason, aside.name)
        try:
            os.replace(self.path, aside)
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("could not move %s aside (%s)", self.path, exc)
        else:
            self._remove_older_aside(keep=aside)
        # The WAL and shared-memory files belong to the old database.
        for suffix in ("-wal", "-shm"):
            with suppress(OSError):
                os.remove(f"{self.path}{suffix}")

    def _remove_older_aside(self, keep: Path) -> None:
        """Delete this cache file's earlier moved-aside copies: each can be hundreds of MB, and only
        the newest (``keep``, just moved) may still be worth a look."""
        prefix = f"{self.path.name}{ASIDE_MARK}"
        with suppress(OSError):
            for old in self.path.parent.iterdir():
                if old.name.startswith(prefix) and old.name != keep.name:
                    try:
                        size = old.stat().st_size
                        old.unlink()
                    except OSError as exc:
                        log.warning("could not remove old moved-aside vector cache %s (%s)", old, exc)
                    else:
                        log.info("vector cache: removed older moved-aside file %s (%.1f MB); keeping only the newest, %s",
                                 old.name, size / 1e6, keep.name)


def _enable_wal(connection: sqlite3.Connection) -> None:
    """Switch the file to WAL (a no-op once it is), retrying while another process holds a lock.

    SQLite does not call the busy handler for this pragma, so two processes
    opening a new cache file at once would otherwise see "database is locked"
    and one of them would run without the cache.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            contended = "locked" in str(exc) or "busy" in str(exc)
            if not contended or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@contextmanager
def _write_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT: take the write lock up front (waiting up to the busy timeout)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _slices(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]

