"""What a corpus is: a folder of article files, or a benchmark's corpus.jsonl.

Only this module decides which reader a corpus path needs, so the index
builder and the fingerprint always agree on which files make up the corpus.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .ingest import load_corpus, load_jsonl_corpus, source_files
from .schema import Article, Paragraph


class CorpusError(Exception):
    """A corpus path that cannot be read; the message is for users."""


def _jsonl_file(path: Path) -> Path | None:
    if path.is_file() and path.suffix == ".jsonl":
        return path
    if path.is_dir() and (path / "corpus.jsonl").is_file():
        return path / "corpus.jsonl"
    return None


def corpus_files(path: Path) -> list[Path]:
    if not path.exists():
        raise CorpusError(f"找不到资料目录：{path}")
    jsonl = _jsonl_file(path)
    if jsonl is not None:
        return [jsonl]
    if not path.is_dir():
        raise CorpusError(f"资料路径既不是目录也不是 .jsonl 文件：{path}")
    return source_files(path)


def corpus_fingerprint(path: Path) -> str:
    """A hash of every file's relative name and bytes: it changes when any article does."""
    digest = hashlib.sha256()
    base = path if path.is_dir() else path.parent
    for file in corpus_files(path):
        digest.update(file.relative_to(base).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def read_corpus(path: Path) -> tuple[list[Article], list[Paragraph]]:
    corpus_files(path)  # the same existence checks as the fingerprint
    jsonl = _jsonl_file(path)
    if jsonl is not None:
        return load_jsonl_corpus(jsonl)
    return load_corpus(path)
