"""Sentence boundaries in cleaned Chinese text."""
from __future__ import annotations

import re

# A sentence ends at 。！？； (full or half width) or an ellipsis, together with
# any closing quotes or brackets right after it: “……了。”  stays one sentence.
_SENTENCE_END = re.compile(r"(?:[。！？；!?;]+|……)[”’」』）)\]】]*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, covering it in order.

    Leading whitespace is left inside the sentence it precedes, so the pieces
    concatenate back to ``text`` exactly.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if end > start:
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans
