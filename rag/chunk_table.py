"""The chunk table: articles, paragraphs and chunks with their provenance, in SQLite.

The search stores only know chunk ids; this table turns an id back into the
chunk, its paragraph and its article so a citation can point at the file.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Sequence

from .schema import Article, Chunk, Paragraph

TABLE_FILE = "chunks.sqlite"

_SCHEMA = """
CREATE TABLE articles (
    source TEXT NOT NULL, title TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, date TEXT
);
CREATE TABLE paragraphs (
    source TEXT NOT NULL, number INTEGER NOT NULL, title TEXT, date TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, raw TEXT NOT NULL,
    PRIMARY KEY (source, number)
);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, paragraph INTEGER NOT NULL,
    para_start INTEGER NOT NULL, para_end INTEGER NOT NULL, text TEXT NOT NULL, title TEXT
);
CREATE INDEX chunks_by_source ON chunks (source);
"""


def write_chunk_table(
    directory: Path,
    articles: Sequence[Article],
    paragraphs: Sequence[Paragraph],
    chunks: Sequence[Chunk],
) -> Path:
    path = directory / TABLE_FILE
    with sqlite3.connect(path) as db:
        db.executescript(_SCHEMA)
        db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
            [(a.source, a.title, a.start, a.end, a.date) for a in articles],
        )
        db.executemany(
            "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(p.source, p.number, p.title, p.date, p.start, p.end, p.text, p.raw) for p in paragraphs],
        )
        db.executemany(
            "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(c.id, c.source, c.paragraph, c.para_start, c.para_end, c.text, c.title) for c in chunks],
        )
    db.close()
    return path


def _chunk_from_row(row: tuple) -> Chunk:
    chunk_id, source, paragraph, para_start, para_end, text, title = row
    return Chunk(chunk_id, source, title, paragraph, text, para_start, para_end)


def _paragraph_from_row(row: tuple) -> Paragraph:
    source, number, title, date, start, end, text, raw = row
    return Paragraph(source, title, number, start, end, text, raw, date)


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
        rows = self._query(f"SELECT * FROM chunks WHERE id IN ({marks})", ids)
        return {row[0]: _chunk_from_row(row) for row in rows}

    def paragraph(self, source: str, number: int) -> Paragraph:
        rows = self._query("SELECT * FROM paragraphs WHERE source = ? AND number = ?", (source, number))
        if not rows:
            raise KeyError((source, number))
        return _paragraph_from_row(rows[0])

    def all_chunks(self) -> list[Chunk]:
        return [_chunk_from_row(row) for row in self._query("SELECT * FROM chunks ORDER BY id")]

    def all_paragraphs(self) -> list[Paragraph]:
        return [_paragraph_from_row(row) for row in self._query("SELECT * FROM paragraphs ORDER BY source, number")]

    def articles(self) -> list[Article]:
        return [Article(*row) for row in self._query("SELECT * FROM articles ORDER BY source, start")]

    def close(self) -> None:
        with self._lock:
            self._db.close()
