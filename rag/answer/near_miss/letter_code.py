"""Another lettered kind: "洪雅县PM10平均浓度是多少" is not answered by "PM2.5平均浓度最低的是洪雅县，为24.8微克/立方米",
nor "签发了多少份ECFA原产地证书" by "累计签发RCEP原产地证书1.86万份".

A code in Latin letters (PM10, PM2.5, ECFA, RCEP, HPV, CPI) names one kind of a thing by itself: the article writes it
right before the thing's head (平均浓度, 原产地证书), and another code before the same head is another kind, however
alike the rest of the sentence reads (the near-miss checks of words find every other asked word there; the tokenizer cuts
PM2.5 into PM2|.5, so no check of modifiers sees the two codes as two kinds). This reads, in the figure's sentence before
the figure, the last code followed by the same two characters that follow the question's code; when that code is not the
question's (nor one of them a prefix of the other, PM for PM2.5: the same code cut short or written with subscripts) and
the question's code is not said between it and the figure, the figure is the other kind's. A code of two letters or
more only (5G, 4A级 are grades, read elsewhere). Switch ``letter_code``.
"""
from __future__ import annotations

import re
import unicodedata

from ..question import QuestionAnalysis
from ..settings import ablated
from ..spans import Span

# a code: two letters or more, then letters, digits or a decimal point (PM2.5, PM10, ECFA, RCEP, HPV)
_CODE = re.compile(r"(?<![A-Za-z0-9.])[A-Za-z]{2,}(?:[A-Za-z0-9]|\.(?=\d))*")
# the head after a code: two characters of Chinese (平均, 原产)
_HEAD = re.compile(r"[\u4e00-\u9fff]{2}")


def _norm(code: str) -> str:
    return code.upper().replace(".", "")


def _coded(text: str) -> list[tuple[str, int, str]]:
    """(code, where it starts, the two Chinese characters right after it) for each code of ``text`` followed by them."""
    out = []
    for found in _CODE.finditer(text):
        head = _HEAD.match(text, found.end())
        if head:
            out.append((found.group(), found.start(), head.group()))
    return out


def other_letter_code(sentence: str, span: Span, analysis: QuestionAnalysis) -> str | None:
    """The code naming the figure's kind (PM2.5) when the question names another code before the same head (PM10);
    None otherwise."""
    if ablated("letter_code"):
        return None
    question = unicodedata.normalize("NFKC", analysis.text)
    said = unicodedata.normalize("NFKC", sentence[:span.start])
    if len(said) != span.start:
        return None  # (a width change would shift the figure's place: read nothing)
    for asked, _, head in _coded(question):
        mine = [(code, at) for code, at, h in _coded(said) if h == head]
        if not mine:
            continue
        code, at = mine[-1]
        a, b = _norm(asked), _norm(code)
        if a.startswith(b) or b.startswith(a):
            return None
        if any(_norm(c) == a for c, _, _ in _coded(said[at:])) or re.search(re.escape(asked), said[at:], re.I):
            return None
        return code
    return None
