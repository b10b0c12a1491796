"""Reading files: the corpus folder's source files, their decoded text, and benchmark JSON-lines corpora."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from ..schema import Article, Paragraph
from .page import parse_source
from .text import BOM, clean_text, has_content
from .units import line_blocks, split_block, split_lines

log = logging.getLogger(__name__)


SOURCE_SUFFIXES = (".txt", ".md")


def source_files(corpus_dir: Path) -> list[Path]:
    """The .txt and .md files under ``corpus_dir``, recursively, sorted by relative path.

    Hidden files and folders (".git", ".DS_Store") are not part of a corpus.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus directory not found: {corpus_dir}")
    files = [
        path
        for path in corpus_dir.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SOURCE_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(corpus_dir).parts)
    ]
    return sorted(files, key=lambda path: path.relative_to(corpus_dir).as_posix())


def read_source(path: Path) -> str | None:
    """The decoded text of one file, or None (with a warning naming it) when it cannot be used.

    Offsets in ``Paragraph``/``Article`` are indices into exactly this string:
    the file's bytes decoded as UTF-8, a byte order mark kept as U+FEFF at
    index 0 (``parse_source`` counts it), line endings kept as they are.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        log.warning("skipping %s: cannot read it (%s)", path, exc)
        return None
    if b"\0" in data:
        log.warning("skipping %s: binary file (contains NUL bytes)", path)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        log.warning("skipping %s: not UTF-8 text (%s)", path, exc)
        return None
    if not text.removeprefix(BOM).strip():
        log.warning("skipping %s: empty file", path)
        return None
    return text


def load_corpus(corpus_dir: Path) -> tuple[list[Article], list[Paragraph]]:
    """Every usable file under ``corpus_dir``; ``source`` is the posix path relative to it."""
    corpus_dir = Path(corpus_dir)
    articles: list[Article] = []
    paragraphs: list[Paragraph] = []
    for path in source_files(corpus_dir):
        text = read_source(path)
        if text is None:
            continue
        file_articles, file_paragraphs = parse_source(path.relative_to(corpus_dir).as_posix(), text)
        if not file_paragraphs:
            log.warning("skipping %s: no paragraphs with text", path)
            continue
        articles.extend(file_articles)
        paragraphs.extend(file_paragraphs)
    return articles, paragraphs


def load_jsonl_corpus(path: Path) -> tuple[list[Article], list[Paragraph]]:
    """A benchmark corpus: one JSON object per line with ``doc_id``, ``title`` and ``text``.

    Each doc is one article (``source`` = doc_id, offsets relative to its
    ``text``). The texts are already clean prose, so only line structure and
    runs of layout whitespace are undone; a single space is kept as written.
    Malformed lines and repeated doc_ids are skipped with a warning.
    """
    path = Path(path)
    articles: list[Article] = []
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                log.warning("%s line %d: not valid JSON, skipped (%s)", path, line_number, exc)
                continue
            if not isinstance(record, dict):
                log.warning("%s line %d: not a JSON object, skipped", path, line_number)
                continue
            doc_id, title, text = record.get("doc_id"), record.get("title"), record.get("text")
            if isinstance(doc_id, int) and not isinstance(doc_id, bool):
                doc_id = str(doc_id)
            if not isinstance(doc_id, str) or not doc_id or not isinstance(text, str):
                log.warning("%s line %d: needs a string doc_id and text, skipped", path, line_number)
                continue
            if doc_id in seen:
                log.warning("%s line %d: doc_id %r repeated, skipped", path, line_number, doc_id)
                continue
            title = title.strip() if isinstance(title, str) and title.strip() else None
            doc_paragraphs = plain_paragraphs(doc_id, title, text)
            if not doc_paragraphs:
                log.warning("%s line %d: doc %r has no text, skipped", path, line_number, doc_id)
                continue
            seen.add(doc_id)
            articles.append(Article(doc_id, title, doc_paragraphs[0].start, doc_paragraphs[-1].end))
            paragraphs.extend(doc_paragraphs)
    return articles, paragraphs


def plain_paragraphs(source: str, title: str | None, text: str) -> list[Paragraph]:
    """Paragraphs of already-clean prose: blank lines and sentence-final line ends separate them."""
    paragraphs: list[Paragraph] = []
    for block in line_blocks(split_lines(text)):
        for unit_lines in split_block(text, block, page_layout=False):
            start, end = unit_lines[0][0], unit_lines[-1][1]
            cleaned = clean_text(text[start:end], keep_single_spaces=True)
            if has_content(cleaned):
                paragraphs.append(Paragraph(source, title, len(paragraphs) + 1, start, end, cleaned, text[start:end]))
    return paragraphs


