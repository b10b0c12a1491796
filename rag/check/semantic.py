"""Same measure by meaning: which article sentences are nearest to a claim, by the build's sentence vectors.

Editors restate a measure in their own words ("安排106场比赛" for "进行…160场比赛", "升至" for "提升至"), so
word overlap alone misses some sentences that state the claim's measure. The cosine between the claim's
sentence with its figure masked (so a wrong figure does not pull the vector away) and each article sentence
(its vector stored with the index build, ``rag.sentence_vectors``) picks the sentence nearest in meaning. The
verdict stage reads that sentence again on looser word overlap, only when the words alone decided nothing;
place, period, unit and value checks are unchanged, and meaning only ever leads to 不一致, never to 一致.
"""
from __future__ import annotations

from typing import Callable, Sequence

from .report import Claim

# (claim text, article sentences) -> cosine of each sentence to the claim
Similarity = Callable[[str, Sequence[str]], list[float]]

SEMANTIC_MIN = 0.90  # cosine an article sentence needs to be near the claim at all (e5-small runs high)
SEMANTIC_MARGIN = 0.01  # ... and how far it may be below the nearest sentence
SEMANTIC_RESTATED_MIN = 0.3  # share of the article figure's measure words the claim must still restate
SEMANTIC_SAID_MIN = 0.7  # share of the claim's measure words the article must still say (as without meaning)
SEMANTIC_SENTENCE_MIN = 0.6  # ... and the nearest sentence itself (the words around it do not make it the same measure)
MASK = "若干"  # what stands for the claim's figure: a number word, so the sentence still reads as a figure


def masked_claim(claim: Claim) -> str:
    """The claim's sentence with its figure replaced by a placeholder."""
    sentence = claim.sentence or claim.text
    at = claim.stated_start - claim.sentence_start
    if 0 <= at and sentence[at: at + len(claim.stated)] == claim.stated:
        return sentence[:at] + MASK + sentence[at + len(claim.stated):]
    return sentence.replace(claim.stated, MASK)


def nearest_sentences(similarity: Similarity, claim: Claim, sentences: Sequence[str]) -> frozenset[str]:
    """The article sentence (stripped) nearest in meaning to the claim, if one stands out: at least SEMANTIC_MIN,
    and no other sentence within SEMANTIC_MARGIN of it."""
    unique = list(dict.fromkeys(s.strip() for s in sentences if s.strip()))
    if not unique:
        return frozenset()
    cosines = similarity(masked_claim(claim), unique)
    best = max(cosines)
    near = [s for s, cos in zip(unique, cosines) if cos >= SEMANTIC_MIN and cos >= best - SEMANTIC_MARGIN]
    return frozenset(near) if len(near) == 1 else frozenset()  # two sentences equally near: meaning does not tell
