"""What the index holds, source by source: records shared by the corpus reader, `rag add` and the index.

A *group* is what a user adds, replaces or removes as one thing: one file.
It holds one or more *source docs*: the citable texts (a .txt/.md file is
one doc; a .jsonl file has one doc per record). ``SourceDoc.source`` is
``Paragraph.source``: paragraph numbers and offsets are per doc.

Added docs keep their text in the index, so a settings change (another
encoder, other chunking) can rebuild everything, the added articles
included, without the original files. Corpus docs are re-read from the
corpus folder instead (their ``text`` is None).
"""
from __future__ import annotations

import bisect
import hashlib
import heapq
import re
from dataclasses import dataclass, replace

from .ingest import plain_paragraphs, parse_source
from .schema import Article, Paragraph
from .setting import article_settings

ORIGIN_CORPUS, ORIGIN_ADDED = "corpus", "added"
KIND_PAGE = "page"  # newspaper page text (.txt) or Markdown: rag.ingest.parse_source
KIND_PLAIN = "plain"  # already clean prose, e.g. a JSONL record's text

# YAML-style front matter at the top of a Markdown file ("---\ntitle: …\ndate: …\n---").
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)


@dataclass(frozen=True)
class SourceDoc:
    source: str  # unique in the index; Paragraph.source
    group: str  # the file it came in (remove / replace work on groups)
    origin: str  # ORIGIN_CORPUS or ORIGIN_ADDED
    group_hash: str  # sha256 of the group file's bytes: unchanged file = nothing to do
    kind: str  # KIND_PAGE or KIND_PLAIN
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    label: str | None = None  # the publisher given by the user ("新华社"), for the source filter
    added_at: str = ""
    text: str | None = None  # kept for added docs only


@dataclass(frozen=True)
class SourceGroup:
    """One file's docs, parsed: what an index update inserts."""

    name: str
    origin: str
    hash: str
    docs: tuple[SourceDoc, ...]
    articles: tuple[Article, ...]
    paragraphs: tuple[Paragraph, ...]


def bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_hash(text: str) -> str:
    """The key under which equal paragraph texts are stored once (whitespace ignored)."""
    return hashlib.sha256("".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Fields of a Markdown front matter block, and the text with that block blanked out.

    Blanking (every character but line breaks becomes a space) keeps all
    offsets of the body unchanged, so citations still point into the file.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {key.lower(): value.strip("\"'") for key, value in _FRONT_MATTER_FIELD.findall(match.group(1))}
    blanked = re.sub(r"[^\r\n]", " ", match.group(0))
    return fields, blanked + text[match.end():]


def parse_doc(doc: SourceDoc, text: str) -> tuple[list[Article], list[Paragraph]]:
    """Articles and paragraphs of one doc; the doc's own title/date fill in what the text does not give."""
    if doc.kind == KIND_PLAIN:
        paragraphs = plain_paragraphs(doc.source, doc.title, text)
        if not paragraphs:
            return [], []
        # a plain document is one article: its title and first paragraph set where it is about
        setting = article_settings([(doc.title, paragraphs[0].text)])[0]
        paragraphs = [replace(p, date=doc.date, setting=setting) for p in paragraphs]
        return [Article(doc.source, doc.title, paragraphs[0].start, paragraphs[-1].end, doc.date)], paragraphs
    if doc.source.lower().endswith(".md"):
        _, text = front_matter(text)
    articles, paragraphs = parse_source(doc.source, text)
    if doc.title or doc.date:
        untitled = [a.title is None for a in articles]
        articles = [replace(a, title=a.title or doc.title, date=a.date or doc.date) for a in articles]
        paragraphs = [replace(p, title=p.title or doc.title, date=p.date or doc.date) for p in paragraphs]
        if doc.title and any(untitled):
            paragraphs = _reset_settings(articles, paragraphs, untitled)
    return articles, paragraphs


def _reset_settings(articles: list[Article], paragraphs: list[Paragraph], renewed: list[bool]) -> list[Paragraph]:
    """The setting of the ``renewed`` articles' paragraphs read again, now that the doc's title
    heads them (the page's settings were read before it was filled in).

    An article's lead is its first paragraph, and a paragraph belongs to the first article (in
    list order) whose span holds its start. ``paragraphs`` are in file order, as ``parse_source``
    gives them, so each lead is found by bisection and the owners in one sweep: a page of many
    short articles costs a pass over each list, not one over the paragraphs per article."""
    starts = [p.start for p in paragraphs]
    leads = []
    for article in articles:
        at = bisect.bisect_left(starts, article.start)
        leads.append(paragraphs[at].text if at < len(starts) and starts[at] < article.end else None)
    settings = article_settings([(a.title, lead) for a, lead in zip(articles, leads)])
    owners = _owners(articles, starts)
    return [replace(p, setting=settings[index]) if index is not None and renewed[index] else p
            for p, index in zip(paragraphs, owners)]


def _owners(articles: list[Article], starts: list[int]) -> list[int | None]:
    """For each paragraph start, the index of the first article (in list order) whose span holds
    it, else None; articles may overlap. One sweep in order of position: the articles begun so far
    wait in a heap by index, and one that has ended before a start has ended for every later one."""
    spans = [(a.start, a.end) for a in articles]
    begin_order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    owners: list[int | None] = [None] * len(starts)
    begun: list[int] = []
    next_begin = 0
    for j in sorted(range(len(starts)), key=starts.__getitem__):
        at = starts[j]
        while next_begin < len(begin_order) and spans[begin_order[next_begin]][0] <= at:
            heapq.heappush(begun, begin_order[next_begin])
            next_begin += 1
        while begun and spans[begun[0]][1] <= at:
            heapq.heappop(begun)
        owners[j] = begun[0] if begun else None
    return owners


def group_of(name: str, origin: str, group_hash: str, docs_and_texts: list[tuple[SourceDoc, str]]) -> SourceGroup:
    """Parse every doc of one file into a group; docs without paragraphs are dropped."""
    docs: list[SourceDoc] = []
    articles: list[Article] = []
    paragraphs: list[Paragraph] = []
    for doc, text in docs_and_texts:
        doc_articles, doc_paragraphs = parse_doc(doc, text)
        if not doc_paragraphs:
            continue
        docs.append(doc)
        articles.extend(doc_articles)
        paragraphs.extend(doc_paragraphs)
    return SourceGroup(name, origin, group_hash, tuple(docs), tuple(articles), tuple(paragraphs))
