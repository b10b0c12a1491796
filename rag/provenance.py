"""Map spans of a paragraph's cleaned text back to offsets in the original file."""
from __future__ import annotations

from .schema import Paragraph


def text_offsets_in_raw(text: str, raw: str) -> list[int]:
    """For each character of ``text``, its index in ``raw``.

    Cleaning only deletes characters (line breaks, layout spaces), so ``text``
    is a subsequence of ``raw`` and a greedy left-to-right match finds it.
    """
    positions: list[int] = []
    j = 0
    for ch in text:
        while j < len(raw) and raw[j] != ch:
            j += 1
        if j == len(raw):
            raise ValueError("cleaned text is not a subsequence of the raw paragraph")
        positions.append(j)
        j += 1
    return positions


def span_to_file_offsets(paragraph: Paragraph, text_start: int, text_end: int) -> tuple[int, int]:
    """File offsets (start, end) of ``paragraph.text[text_start:text_end]``.

    The file slice may contain the line breaks or layout spaces that cleaning
    removed inside the span; with those removed it equals the span.
    """
    if not 0 <= text_start < text_end <= len(paragraph.text):
        raise ValueError(f"span {text_start}:{text_end} outside paragraph of length {len(paragraph.text)}")
    positions = text_offsets_in_raw(paragraph.text, paragraph.raw)
    return paragraph.start + positions[text_start], paragraph.start + positions[text_end - 1] + 1
