"""The chunk table: sources, articles, paragraphs and chunks with their provenance, in SQLite.

The search stores only know chunk ids; this table turns an id back into the
chunk, its paragraph and its article so a citation can point at the file.
It also keeps what an update needs without redoing work: each chunk's BM25
tokens (the keyword store is rebuilt from them, no re-tokenizing), each
paragraph's text hash (equal paragraphs from two sources are indexed once),
and each source's metadata and, for added articles, its text.

A build's table is written once (``TableWriter``) and then only read
(``ChunkTable``); an update copies the previous build's file and changes the copy.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Sequence

from .schema import Article, Chunk, Paragraph
from .sources import ORIGIN_ADDED, SourceDoc, SourceGroup, text_hash

TABLE_FILE = "chunks.sqlite"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    source TEXT PRIMARY KEY, grp TEXT NOT NULL, origin TEXT NOT NULL, grp_hash TEXT NOT NULL, kind TEXT NOT NULL,
    title TEXT, date TEXT, url TEXT, label TEXT, added_at TEXT NOT NULL, text TEXT
);
CREATE INDEX sources_by_group ON sources (grp);
CREATE TABLE articles (
    source TEXT NOT NULL, title TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, date TEXT
);
CREATE INDEX articles_by_source ON articles (source);
CREATE TABLE paragraphs (
    source TEXT NOT NULL, number INTEGER NOT NULL, title TEXT, date TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, raw TEXT NOT NULL, text_hash TEXT NOT NULL,
    setting TEXT,
    PRIMARY KEY (source, number)
);
CREATE INDEX paragraphs_by_hash ON paragraphs (text_hash);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, paragraph INTEGER NOT NULL,
    para_start INTEGER NOT NULL, para_end INTEGER NOT NULL, text TEXT NOT NULL, title TEXT, tokens TEXT NOT NULL
);
CREATE INDEX chunks_by_source ON chunks (source, paragraph);
"""

_CHUNK_COLUMNS = "id, source, paragraph, para_start, para_end, text, title"
_PARAGRAPH_COLUMNS = 'source, number, title, date, start, "end", text, raw, setting'
_SOURCE_COLUMNS = "source, grp, origin, grp_hash, kind, title, date, url, label, added_at"


def _chunk_from_row(row: tuple) -> Chunk:
    chunk_id, source, paragraph, para_start, para_end, text, title = row
    return Chunk(chunk_id, source, title, paragraph, text, para_start, para_end)


def _paragraph_from_row(row: tuple) -> Paragraph:
    source, number, title, date, start, end, text, raw, setting = row
    return Paragraph(source, title, number, start, end, text, raw, date, setting)


def _doc_from_row(row: tuple, text: str | None = None) -> SourceDoc:
    source, group, origin, group_hash, kind, title, date, url, label, added_at = row
    return SourceDoc(source, group, origin, group_hash, kind, title, date, url, label, added_at, text)


class TableWriter:
    """Changes to one build's table, applied in one transaction (``commit``)."""

    def __init__(self, path: Path, create: bool):
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = DELETE")
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("BEGIN IMMEDIATE")
        if create:
            for statement in _SCHEMA.strip().split(";"):
                if statement.strip():
                    self._db.execute(statement)

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def group_hashes(self, origin: str | None = None) -> dict[str, str]:
        sql = "SELECT DISTINCT grp, grp_hash FROM sources" + (" WHERE origin = ?" if origin else "")
        return dict(self._db.execute(sql, (origin,) if origin else ()).fetchall())

    def source_names(self) -> dict[str, str]:
        """source -> group."""
        return dict(self._db.execute("SELECT source, grp FROM sources").fetchall())

    def delete_groups(self, groups: Iterable[str]) -> list[int]:
        """Remove the groups' sources, articles, paragraphs and chunks; returns the removed chunk ids."""
        removed: list[int] = []
        for group in groups:
            sources = [row[0] for row in self._db.execute("SELECT source FROM sources WHERE grp = ?", (group,))]
            for source in sources:
                removed += [row[0] for row in self._db.execute("SELECT id FROM chunks WHERE source = ?", (source,))]
                for table in ("chunks", "paragraphs", "articles", "sources"):
                    self._db.execute(f"DELETE FROM {table} WHERE source = ?", (source,))
        return removed

    def insert_group(self, group: SourceGroup) -> None:
        self._db.executemany(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(d.source, d.group, d.origin, d.group_hash, d.kind, d.title, d.date, d.url, d.label, d.added_at,
              d.text if d.origin == ORIGIN_ADDED else None) for d in group.docs],
        )
        self._db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
            [(a.source, a.title, a.start, a.end, a.date) for a in group.articles],
        )
        self._db.executemany(
            "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(p.source, p.number, p.title, p.date, p.start, p.end, p.text, p.raw, text_hash(p.text), p.setting)
             for p in group.paragraphs],
        )

    def paragraphs_without_chunks(self) -> list[Paragraph]:
        """The paragraphs that must be chunked now, in a stable order.

        Every corpus paragraph is indexed. An added paragraph is indexed only
        when no paragraph with the same text already is (it is then cited
        with the other sources as "also in"); when the indexed copy goes, the
        earliest added copy takes its place.
        """
        indexed_hashes = {row[0] for row in self._db.execute(
            "SELECT DISTINCT p.text_hash FROM paragraphs p JOIN chunks c ON c.source = p.source AND c.paragraph = p.number")}
        rows = self._db.execute(
            f"SELECT {', '.join('p.' + c.strip() for c in _PARAGRAPH_COLUMNS.split(','))}, p.text_hash, s.origin FROM paragraphs p "
            "JOIN sources s ON s.source = p.source "
            "WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.source = p.source AND c.paragraph = p.number) "
            "ORDER BY s.origin != 'corpus', s.added_at, p.rowid"  # insertion order: the order the files were read
        ).fetchall()
        chosen: list[Paragraph] = []
        for row in rows:
            *paragraph_row, digest, origin = row
            if origin == ORIGIN_ADDED:
                if digest in indexed_hashes:
                    continue
                indexed_hashes.add(digest)
            chosen.append(_paragraph_from_row(tuple(paragraph_row)))
        return chosen

    def insert_chunks(self, chunks: Sequence[Chunk], tokens: Sequence[list[str]]) -> None:
        self._db.executemany(
            "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(c.id, c.source, c.paragraph, c.para_start, c.para_end, c.text, c.title, json.dumps(t, ensure_ascii=False))
             for c, t in zip(chunks, tokens)],
        )

    def all_tokens(self) -> tuple[list[int], list[list[str]]]:
        ids: list[int] = []
        tokens: list[list[str]] = []
        for chunk_id, stored in self._db.execute("SELECT id, tokens FROM chunks ORDER BY id"):
            ids.append(chunk_id)
            tokens.append(json.loads(stored))
        return ids, tokens

    def counts(self) -> dict[str, int]:
        counts = {name: self._db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in ("articles", "paragraphs", "chunks")}
        counts["sources"] = self._db.execute("SELECT count(*) FROM sources").fetchone()[0]
        counts["characters"] = self._db.execute("SELECT coalesce(sum(length(text)), 0) FROM chunks").fetchone()[0]
        return counts

    def max_chunk_id(self) -> int:
        return self._db.execute("SELECT coalesce(max(id), -1) FROM chunks").fetchone()[0]

    def commit(self) -> None:
        self._db.execute("COMMIT")
        self._db.close()

    def abandon(self) -> None:
        try:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
        finally:
            self._db.close()


class ChunkTable:
    """Read-only access to a built chunk table, safe to share between threads."""

    def __init__(self, directory: Path):
        path = directory / TABLE_FILE
        if not path.is_file():
            raise FileNotFoundError(path)
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        # Fail now, not at the first question, when the file is not our table.
        self.counts()
        self._query("SELECT count(*) FROM sources")

    def _query(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    def counts(self) -> dict[str, int]:
        return {
            "articles": self._query("SELECT count(*) FROM articles")[0][0],
            "paragraphs": self._query("SELECT count(*) FROM paragraphs")[0][0],
            "chunks": self._query("SELECT count(*) FROM chunks")[0][0],
            "sources": self._query("SELECT count(DISTINCT source) FROM paragraphs")[0][0],
        }

    def chunks(self, ids: Sequence[int]) -> dict[int, Chunk]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._query(f"SELECT {_CHUNK_COLUMNS} FROM chunks WHERE id IN ({marks})", ids)
        return {row[0]: _chunk_from_row(row) for row in rows}

    def paragraph(self, source: str, number: int) -> Paragraph:
        rows = self._query(f"SELECT {_PARAGRAPH_COLUMNS} FROM paragraphs WHERE source = ? AND number = ?", (source, number))
        if not rows:
            raise KeyError((source, number))
        return _paragraph_from_row(rows[0])

    def also_in(self, source: str, number: int) -> tuple[str, ...]:
        """The other sources holding the same paragraph text (indexed once, cited with all of them)."""
        rows = self._query(
            "SELECT DISTINCT q.source FROM paragraphs p JOIN paragraphs q ON q.text_hash = p.text_hash "
            "WHERE p.source = ? AND p.number = ? AND q.source != p.source ORDER BY q.source",
            (source, number),
        )
        return tuple(row[0] for row in rows)

    def all_chunks(self) -> list[Chunk]:
        return [_chunk_from_row(row) for row in self._query(f"SELECT {_CHUNK_COLUMNS} FROM chunks ORDER BY id")]

    def all_paragraphs(self) -> list[Paragraph]:
        return [_paragraph_from_row(row) for row in self._query(f"SELECT {_PARAGRAPH_COLUMNS} FROM paragraphs ORDER BY source, number")]

    def articles(self) -> list[Article]:
        return [Article(*row) for row in self._query('SELECT source, title, start, "end", date FROM articles ORDER BY source, start')]

    def docs(self, origin: str | None = None, with_text: bool = False) -> list[SourceDoc]:
        where = " WHERE origin = ?" if origin else ""
        columns = _SOURCE_COLUMNS + (", text" if with_text else "")
        rows = self._query(f"SELECT {columns} FROM sources{where} ORDER BY origin != 'corpus', added_at, source", (origin,) if origin else ())
        return [_doc_from_row(row[:10], row[10] if with_text else None) for row in rows]

    def listing(self) -> list[dict]:
        """One row per source: what `rag list` shows."""
        rows = self._query(
            "SELECT s.source, s.grp, s.origin, s.title, s.date, s.label, s.url, s.added_at, "
            "(SELECT count(*) FROM paragraphs p WHERE p.source = s.source), "
            "(SELECT min(a.title) FROM articles a WHERE a.source = s.source AND a.title IS NOT NULL), "
            "(SELECT min(a.date) FROM articles a WHERE a.source = s.source AND a.date IS NOT NULL) "
            "FROM sources s ORDER BY s.origin != 'corpus', s.added_at, s.source"
        )
        keys = ("source", "group", "origin", "title", "date", "label", "url", "added_at", "paragraphs")
        listing = []
        for row in rows:
            item = dict(zip(keys, row[:9]))
            item["title"] = item["title"] or row[9]
            item["date"] = item["date"] or row[10]
            listing.append(item)
        return listing

    def chunk_ids_where(self, since: str | None = None, until: str | None = None, sources: Sequence[str] = ()) -> set[int]:
        """Chunk ids whose paragraph is dated within [since, until] and whose source matches one of ``sources``.

        A source matches by its name, the file it came in, or its label
        ("新华社"). With a date bound, undated paragraphs are left out.
        """
        where: list[str] = []
        params: list = []
        if since:
            where.append("p.date >= ?")
            params.append(since)
        if until:
            where.append("p.date <= ?")
            params.append(until)
        if sources:
            marks = ",".join("?" * len(sources))
            where.append(f"(s.source IN ({marks}) OR s.grp IN ({marks}) OR s.label IN ({marks}))")
            params += list(sources) * 3
        sql = ("SELECT c.id FROM chunks c JOIN paragraphs p ON p.source = c.source AND p.number = c.paragraph "
               "JOIN sources s ON s.source = c.source")
        if where:
            sql += " WHERE " + " AND ".join(where)
        return {row[0] for row in self._query(sql, params)}

    def unknown_source_names(self, names: Sequence[str]) -> list[str]:
        """The ``names`` that match no source, file or label (what ``chunk_ids_where`` filters by), in order."""
        if not names:
            return []
        marks = ",".join("?" * len(names))
        known = {row[0] for row in self._query(
            f"SELECT source FROM sources WHERE source IN ({marks}) UNION SELECT grp FROM sources WHERE grp IN ({marks}) "
            f"UNION SELECT label FROM sources WHERE label IN ({marks})", list(names) * 3)}
        return [name for name in names if name not in known]

    def source_filter_names(self) -> tuple[list[str], list[str]]:
        """What a source filter can name: the files (as `rag list` groups them, corpus first) and the labels ("新华社")."""
        files = self._query(
            "SELECT grp FROM sources GROUP BY grp ORDER BY min(origin != 'corpus'), min(added_at), grp")
        labels = self._query("SELECT DISTINCT label FROM sources WHERE label IS NOT NULL AND label != '' ORDER BY label")
        return [row[0] for row in files], [row[0] for row in labels]

    def close(self) -> None:
        with self._lock:
            self._db.close()
