"""What a corpus is: a folder of article files, or a benchmark's corpus.jsonl.

Only this module decides which reader a corpus path needs, so the index
builder and the fingerprint always agree on which files make up the corpus.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from .ingest import load_corpus, load_jsonl_corpus, read_source, source_files
from .schema import Article, Paragraph
from .sources import KIND_PAGE, KIND_PLAIN, ORIGIN_CORPUS, SourceDoc, SourceGroup, bytes_hash, group_of

log = logging.getLogger(__name__)


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


def corpus_group_hashes(path: Path) -> dict[str, str]:
    """Each corpus file's group name (its path relative to the corpus) and sha256: what a sync compares."""
    base = path if path.is_dir() else path.parent
    return {file.relative_to(base).as_posix(): bytes_hash(file.read_bytes()) for file in corpus_files(path)}


def corpus_groups(path: Path, names: set[str] | None = None, added_at: str = "") -> list[SourceGroup]:
    """The corpus files (only those in ``names``, if given) read and parsed into source groups.

    Files that cannot be used are skipped with a warning, as in a full build.
    """
    base = path if path.is_dir() else path.parent
    jsonl = _jsonl_file(path)
    groups: list[SourceGroup] = []
    for file in corpus_files(path):
        name = file.relative_to(base).as_posix()
        if names is not None and name not in names:
            continue
        data_hash = bytes_hash(file.read_bytes())
        if jsonl is not None:  # a benchmark corpus: one doc per record, read exactly as before
            articles, paragraphs = load_jsonl_corpus(file)
            docs = tuple(dict.fromkeys(
                SourceDoc(a.source, name, ORIGIN_CORPUS, data_hash, KIND_PLAIN, a.title, a.date, added_at=added_at) for a in articles))
            groups.append(SourceGroup(name, ORIGIN_CORPUS, data_hash, docs, tuple(articles), tuple(paragraphs)))
            continue
        text = read_source(file)
        if text is None:
            continue
        doc = SourceDoc(name, name, ORIGIN_CORPUS, data_hash, KIND_PAGE, added_at=added_at)
        group = group_of(name, ORIGIN_CORPUS, data_hash, [(doc, text)])
        if not group.paragraphs:
            log.warning("skipping %s: no paragraphs with text", file)
            continue
        groups.append(group)
    return groups
