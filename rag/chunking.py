"""Cut paragraphs into chunks: the units that are indexed, retrieved and cited.

A paragraph that fits the length cap stays one chunk. A longer one is cut at
sentence ends (``rag.sentences``), into chunks of similar length; a sentence
longer than the cap is cut at clause marks (，、：), and only as a last resort
anywhere else. No cut ever falls inside a number ("3792.64", "92%",
"0352-6248070"), a Latin word or code, a 《书名》, or a short “quoted name”.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Sequence

from .schema import Chunk, Paragraph
from .sentences import split_sentences

# 200 characters: most seed paragraphs (median ~100) stay whole, a long one
# becomes chunks of 2-3 sentences, which is about what a citation should
# point at; e5-small sees ~150-250 tokens, well inside its 512-token window.
DEFAULT_MAX_CHARS = 200

# The price of a cut after a piece, by how the piece was made: the packer
# prefers sentence ends, then clause marks outside quotes, then clause marks
# inside a long quotation, then any safe position, then anything at all.
_SENTENCE_CUT, _CLAUSE_CUT, _QUOTED_CLAUSE_CUT, _SAFE_CUT, _FORCED_CUT = 0, 1, 2, 4, 8

_CLAUSE_MARKS = "，、,：:"
_SENTENCE_MARKS = "。！？；!?;"
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉", "（": "）", "(": ")", "【": "】", "[": "]"}
_BOOK_TITLE_OPENERS = "《〈"
_QUOTE_OPENERS = "“‘「『"
# Numbers with their decimal point, separators and percent sign, Latin words and codes.
_TOKEN = re.compile(r"[A-Za-z0-9０-９]+(?:[.．,:：/\-–'][A-Za-z0-9０-９]+)*[%％‰]?")


def chunk_paragraphs(
    paragraphs: Sequence[Paragraph], max_chars: int = DEFAULT_MAX_CHARS, overlap_sentences: int = 0
) -> list[Chunk]:
    """Chunks of every paragraph, in order, with ids 0..n-1.

    ``overlap_sentences`` > 0 starts each chunk after a paragraph's first with
    up to that many sentences of the text before it, as far as the cap allows.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    if overlap_sentences < 0:
        raise ValueError("overlap_sentences cannot be negative")
    chunks: list[Chunk] = []
    for paragraph in paragraphs:
        for start, end in chunk_spans(paragraph.text, max_chars, overlap_sentences):
            chunks.append(
                Chunk(len(chunks), paragraph.source, paragraph.title, paragraph.number, paragraph.text[start:end], start, end)
            )
    return chunks


def chunk_spans(text: str, max_chars: int = DEFAULT_MAX_CHARS, overlap_sentences: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the chunks of one paragraph's text."""
    whole = _trim(text, 0, len(text))
    if whole[0] == whole[1]:
        return []
    if whole[1] - whole[0] <= max_chars:
        return [whole]
    protected = _protected_spans(text, max_chars)
    pieces: list[_Piece] = []
    for start, end in split_sentences(text):
        pieces.extend(_refine(text, _Piece(start, end, _SENTENCE_CUT), max_chars, protected))
    spans = _pack(text, pieces, max_chars)
    if overlap_sentences:
        spans = _add_overlap(text, spans, max_chars, overlap_sentences)
    return spans


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    cut_cost: int  # the price of a chunk boundary right after this piece


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _length(text: str, start: int, end: int) -> int:
    start, end = _trim(text, start, end)
    return end - start


# ---------------------------------------------------------------------------
# Where a cut may fall
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Protected:
    no_cut: bytearray  # no_cut[i]: a cut between text[i-1] and text[i] splits a number, word or name
    depth: list[int]  # depth[i]: how many brackets/quotes are open at position i
    in_quotation: bytearray  # inside a quotation (quotes with sentences in them), outside other brackets


def _protected_spans(text: str, max_chars: int) -> _Protected:
    no_cut = bytearray(len(text) + 1)
    for token in _TOKEN.finditer(text):
        no_cut[token.start() + 1:token.end()] = b"\1" * (token.end() - token.start() - 1)
    # Pairs nest, so one may hold thousands of others ("（" * 50,000 in an added file): depth and quotations
    # are summed from where each pair opens and closes, and a pair's sentence marks are counted from running
    # totals, so that the cost stays linear in the text (marking each pair's inside took minutes).
    opens = [0] * (len(text) + 2)
    quotes = [0] * (len(text) + 2)
    marks = [0, *accumulate(ch in _SENTENCE_MARKS for ch in text)]  # marks[i]: sentence marks in text[:i]
    for open_at, close_at in _bracket_pairs(text):
        opens[open_at + 1] += 1
        opens[close_at + 1] -= 1
        opener = text[open_at]
        is_name = opener in _BOOK_TITLE_OPENERS or (
            opener in _QUOTE_OPENERS and marks[close_at] == marks[open_at + 1]
        )
        if is_name and close_at + 1 - open_at <= max_chars:
            # “小切口、准发力、效果佳”, 《通知》: a name is never cut.
            no_cut[open_at + 1:close_at + 1] = b"\1" * (close_at - open_at)
        elif opener in _QUOTE_OPENERS:
            quotes[open_at + 1] += 1
            quotes[close_at + 1] -= 1
    depth = list(accumulate(opens[:len(text) + 1]))
    in_quotation = bytearray(1 if open_quotes else 0 for open_quotes in accumulate(quotes[:len(text) + 1]))
    return _Protected(no_cut, depth, in_quotation)


_OPENER_OF = {close: open_ for open_, close in _PAIRS.items()}


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """Offsets of matching opening and closing marks; unmatched marks are ignored. A closing mark
    pairs with the innermost open mark of its kind and closes everything opened after that."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []  # positions of the open marks, outermost first
    levels: dict[str, list[int]] = {opener: [] for opener in _PAIRS}  # stack levels holding each kind
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            levels[ch].append(len(stack))
            stack.append(i)
        elif ch in _OPENER_OF:
            held = levels[_OPENER_OF[ch]]
            if held:
                level = held[-1]
                pairs.append((stack[level], i))
                del stack[level:]
                for kind in levels.values():
                    while kind and kind[-1] >= level:
                        kind.pop()
    return pairs


def _refine(text: str, piece: _Piece, max_chars: int, protected: _Protected, level: int = 0) -> list[_Piece]:
    """Split a piece that is over the cap, trying ever less natural cut points from ``level`` on."""
    if _length(text, piece.start, piece.end) <= max_chars or level >= 4:
        return [piece]
    cost, allowed = (
        (_CLAUSE_CUT, lambda i: text[i - 1] in _CLAUSE_MARKS and protected.depth[i] == 0),
        (_QUOTED_CLAUSE_CUT, lambda i: text[i - 1] in _CLAUSE_MARKS and protected.in_quotation[i] and not protected.no_cut[i]),
        (_SAFE_CUT, lambda i: not protected.no_cut[i]),
        (_FORCED_CUT, lambda i: True),  # only a name longer than the cap gets here
    )[level]  # fmt: skip
    bounds = [piece.start, *(i for i in range(piece.start + 1, piece.end) if allowed(i)), piece.end]
    if level >= 2 and piece.end - piece.start > _LONG_PIECE * max_chars:
        bounds = _greedy_bounds(bounds, max_chars)
    parts = [_Piece(a, b, cost if b != piece.end else piece.cut_cost) for a, b in zip(bounds, bounds[1:])]
    return [sub for part in parts for sub in _refine(text, part, max_chars, protected, level + 1)]


# A run this many caps long with no clause mark (200,000 digits, a page of text without punctuation) is not
# news prose: cutting it at every allowed position made a piece per character, and packing those took
# minutes. Such a run is cut greedily into pieces of at most the cap instead; shorter runs are cut as before.
_LONG_PIECE = 10


def _greedy_bounds(bounds: list[int], max_chars: int) -> list[int]:
    """Of the allowed cut positions ``bounds`` (first and last kept), the furthest each time that keeps a
    part within ``max_chars`` (or the next one, when none does)."""
    kept = [bounds[0]]
    for i in range(1, len(bounds)):
        if bounds[i] - kept[-1] > max_chars and bounds[i - 1] != kept[-1]:
            kept.append(bounds[i - 1])
    if kept[-1] != bounds[-1]:
        kept.append(bounds[-1])
    return kept


# ---------------------------------------------------------------------------
# Packing pieces into chunks
# ---------------------------------------------------------------------------


def _pack(text: str, pieces: list[_Piece], max_chars: int) -> list[tuple[int, int]]:
    """Group consecutive pieces into chunks under the cap.

    Dynamic programming over the cut positions: fewest chunks plus the price
    of each cut first (so sentence ends win), then the most even lengths.
    """
    n = len(pieces)
    inf = (float("inf"), float("inf"))
    best: list[tuple[float, float]] = [(0.0, 0.0)] + [inf] * n
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        end = pieces[i - 1].end
        for j in range(i - 1, -1, -1):
            length = _length(text, pieces[j].start, end)
            if length > max_chars:
                break
            if best[j] == inf:
                continue
            cut_price = pieces[j - 1].cut_cost if j > 0 else 0
            score = (best[j][0] + 1 + cut_price, best[j][1] + length * length)
            if score < best[i]:
                best[i] = score
                back[i] = j
    spans: list[tuple[int, int]] = []
    i = n
    while i > 0:
        j = back[i]
        span = _trim(text, pieces[j].start, pieces[i - 1].end)
        if span[0] < span[1]:
            spans.append(span)
        i = j
    return spans[::-1]


def _add_overlap(text: str, spans: list[tuple[int, int]], max_chars: int, overlap_sentences: int) -> list[tuple[int, int]]:
    sentences = split_sentences(text)
    result = [spans[0]]
    for start, end in spans[1:]:
        new_start = start
        before = [s for s, e in sentences if e <= start]
        for sentence_start in reversed(before[-overlap_sentences:]):
            if _length(text, sentence_start, end) > max_chars:
                break
            new_start = sentence_start
        result.append(_trim(text, new_start, end))
    return result
