"""Characters and whitespace: which characters are Han, wide or Latin, and cleaning that only deletes (layout line
breaks and spaces, markdown markers), so every cleaned text is a subsequence of its raw text."""
from __future__ import annotations

import re
import unicodedata


BOM = "\ufeff"  # a UTF-8 byte order mark, decoded; kept in the text so offsets count it (parse_source)

_WIDE_PUNCTUATION = "“”‘’—…·"


def is_han(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or 0x3040 <= code <= 0x30FF  # kana
        or 0xAC00 <= code <= 0xD7AF  # hangul
    )


def is_wide(ch: str) -> bool:
    """Chinese script or punctuation: spaces next to it are layout, not word separators."""
    code = ord(ch)
    return is_han(ch) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or ch in _WIDE_PUNCTUATION


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and not is_wide(ch)


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in line)


_SPACE_CHARS = (" ", "\u00a0", "\u3000")
_MASK = "\x1f"  # a whitespace character (for re's \s) standing in for deleted markers
_WHITESPACE_RUN = re.compile(r"\s+")
_HARD_BREAK = re.compile(r" {2,}(?:\r\n|\r|\n)")


def clean_text(
    raw: str,
    deletions: tuple[tuple[int, int], ...] = (),
    keep_hard_breaks: bool = False,
    keep_single_spaces: bool = False,
) -> str:
    """The reading text of ``raw`` with layout removed; only deletes characters.

    ``deletions`` are (start, end) ranges of ``raw`` to drop (markdown markers).
    A whitespace run (line breaks, layout spaces, deleted markers) is dropped
    entirely next to Chinese script or punctuation, because Chinese has no
    word spaces ("补 贴 及 公 益" -> "补贴及公益", "就 业 3263 人" -> "就业3263人");
    between a Chinese character and a Latin word, or between two Latin
    words/numbers, one space of the run is kept when it has one ("AI 数字人").
    ``keep_hard_breaks`` keeps a space at markdown hard breaks ("  \\n"), for
    "key:value" lines; ``keep_single_spaces`` keeps any lone " " as written.
    """
    if deletions:
        masked = list(raw)
        for start, end in deletions:
            masked[start:end] = _MASK * (end - start)
        masked_text = "".join(masked)
    else:
        masked_text = raw
    pieces: list[str] = []
    last = 0
    for run in _WHITESPACE_RUN.finditer(masked_text):
        pieces.append(raw[last:run.start()])
        last = run.end()
        if run.start() == 0 or run.end() == len(raw):
            continue  # leading/trailing whitespace
        kept = _kept_space(
            masked_text[run.start():run.end()], raw[run.start() - 1], raw[run.end()], keep_hard_breaks, keep_single_spaces
        )
        if kept:
            pieces.append(kept)
    pieces.append(raw[last:])
    return "".join(pieces)


def _kept_space(run: str, left: str, right: str, keep_hard_breaks: bool, keep_single_spaces: bool) -> str:
    if keep_single_spaces and run == " ":
        return " "
    space = next((ch for ch in run if ch in _SPACE_CHARS), "")
    if keep_hard_breaks and _HARD_BREAK.search(run):
        return " "
    if is_wide(left) or is_wide(right):
        between_han_and_latin = (is_han(left) and _is_latin_letter(right)) or (
            _is_latin_letter(left) and is_han(right)
        )
        return space if between_han_and_latin else ""
    return space


def has_content(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


