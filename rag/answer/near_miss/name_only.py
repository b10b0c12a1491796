"""A modifier said only inside a name: "锦州湾国际机场去年国际及地区航线旅客吞吐量是多少" is not answered by "锦州湾国际机场去年
完成旅客吞吐量146.3万人次", nor "海拉尔东山国际机场雪季以来的国际旅客" by "…海拉尔东山国际机场完成旅客吞吐量78.4万人次".

The question says a word twice: once in a compound naming its subject (国际|机场) and once before the measure (国际|旅客,
国际|及地区航线). The sentence says it only in that first compound, so the measure's modifier (international passengers)
is unsaid, though the word stands in the sentence and every reading by words takes it for said. Read with jieba: a content
word of the question (a noun or a distinguishing word, no place, time or scope) said there at least twice, followed by
different words; the figure's sentence says it, but every time followed by the word that follows it in one of the
question's places, never by the other's.
"""
from __future__ import annotations

from ..question import QuestionAnalysis, entity_in, pos_cut

_CONTENT = ("n", "b")
_NAME_FLAGS = ("ns", "nr", "nt", "nrt", "nrfg", "t", "m", "q")
_SCOPE = "全我本各当该"


def _followers(tokens: list[tuple[str, str]], word: str) -> list[str]:
    return [tokens[i + 1][0] if i + 1 < len(tokens) else "" for i, (w, _) in enumerate(tokens) if w == word]


def modifier_in_name(sentence: str, analysis: QuestionAnalysis) -> str | None:
    """The question's word said in the sentence only inside the compound that names the subject, or None."""
    asked = [(w, f) for w, f in pos_cut(analysis.text) if w.strip()]
    own = [(w, f) for w, f in pos_cut(sentence) if w.strip()]
    for word, flag in dict.fromkeys(asked):
        if len(word) < 2 or not flag.startswith(_CONTENT) or flag in _NAME_FLAGS or word[0] in _SCOPE \
                or any(entity_in(e, word) for e in analysis.entities):
            continue
        asked_next = _followers(asked, word)
        if len(asked_next) < 2 or len(set(asked_next)) < 2:
            continue
        said_next = _followers(own, word)
        # every time the sentence says it, it is the subject's compound (国际|机场); it is said as no other word's part
        if not said_next or sentence.count(word) != len(said_next):
            continue
        if len(set(said_next)) == 1 and said_next[0] in asked_next and said_next[0].strip():
            return word
    return None
