"""Plain data passed between the pipeline stages.

Every stage takes and returns these frozen records; no stage reaches back
into an earlier one. Offsets are character offsets (Python ``str`` indices)
into the decoded text of the source file, so ``original[start:end]`` is the
text exactly as it stands in the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

RETRIEVAL_MODES = ("hybrid", "keyword", "dense")


@dataclass(frozen=True)
class Article:
    """One news article found inside a source file."""

    source: str  # file name relative to the corpus directory, e.g. "002_edbf45a9668c438f.txt"
    title: str | None  # headline when the text allows finding it, else None
    start: int  # offsets of the whole article in the original file
    end: int
    date: str | None = None  # ISO date (YYYY-MM-DD) when known


@dataclass(frozen=True)
class Paragraph:
    """One cleaned paragraph with its provenance.

    ``text`` is the cleaned reading text (wrapped lines joined with no space,
    layout spaces between Chinese characters removed). ``raw`` is
    ``original[start:end]``: the same paragraph as it stands in the file.
    ``text`` is always a subsequence of ``raw`` (cleaning only deletes
    characters), which is what lets a span found in ``text`` be mapped back
    to file offsets (see ``rag.provenance``).
    """

    source: str
    title: str | None
    number: int  # 1-based paragraph number within the source file, after cleaning
    start: int
    end: int
    text: str
    raw: str
    date: str | None = None
    # the places its article (and a provincial page) sets in headline, dateline and lead, for
    # paragraphs that say only 全县/全省 ("甘肃省 岷川县"; rag.setting), None when none is named
    setting: str | None = None


@dataclass(frozen=True)
class Chunk:
    """A piece of one paragraph: the unit that is indexed and retrieved."""

    id: int  # stable row id in the chunk table, also the FAISS id
    source: str
    title: str | None
    paragraph: int  # Paragraph.number
    text: str  # a substring of the paragraph's cleaned text
    para_start: int  # offsets of ``text`` inside Paragraph.text
    para_end: int

    @property
    def index_text(self) -> str:
        """What the encoders and BM25 see: the title helps retrieval, but is never cited."""
        return f"{self.title}\n{self.text}" if self.title else self.text


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with the paragraph it belongs to and why it ranked."""

    chunk: Chunk
    paragraph: Paragraph
    score: float  # fused score (or the single leg's score in keyword/dense mode)
    scores: Mapping[str, float] = field(default_factory=dict)  # each leg's own score, e.g. {"keyword": 7.1, "dense": 0.84}
    ranks: Mapping[str, int] = field(default_factory=dict)  # each leg's own 1-based rank


@dataclass(frozen=True)
class Citation:
    """A cited paragraph, numbered as the ``[n]`` markers in the answer."""

    n: int
    source: str
    title: str | None
    paragraph: int
    start: int  # paragraph offsets in the original file
    end: int
    text: str  # cleaned paragraph text
    score: float
    scores: Mapping[str, float] = field(default_factory=dict)
    ranks: Mapping[str, int] = field(default_factory=dict)
    answer_start: int | None = None  # answer span offsets in the original file
    answer_end: int | None = None
    text_answer_start: int | None = None  # the same span as offsets inside ``text``, for highlighting
    text_answer_end: int | None = None
    date: str | None = None  # the paragraph's article date (ISO) when known
    also_in: tuple[str, ...] = ()  # other sources with the very same paragraph text (indexed once)


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str  # what the user reads, with [n] markers
    refused: bool
    citations: tuple[Citation, ...] = ()
    short: str | None = None  # the bare fact, e.g. "2047人"
    sentence: str | None = None  # the sentence it stands in
    rewritten_question: str | None = None  # set when a follow-up was rewritten
    note: str | None = None  # e.g. why the generative answer fell back to the extractive one
    timings_ms: Mapping[str, float] = field(default_factory=dict)
