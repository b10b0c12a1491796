"""A figure left 未找到 is read again in the paragraphs that told the other figures of its sentence (``sibling_hits``).

A news sentence tells the figures of one event together: "去年全市羊绒产业产值约413亿元，同比增长近9%" is one statement,
and the article tells its level and its change in one sentence as well ("全市羊绒产业实现产值412.6亿元，同比增长8.9%").
Each claim is searched with its own clause, so the search for the one may miss the paragraph the other was confirmed or
contradicted in, when the claim words its measure otherwise than the article ("约四百一十三亿元" for "412.6亿元": no shared
digits to find it by). Only the paragraphs that decided a sibling claim (its evidence) are added, after the claim's own hits:
the paragraphs merely retrieved for a sibling may be another article's. A candidate there is still read against this
claim's own measure, place and period.
"""
from __future__ import annotations

from typing import Sequence

from ..schema import Hit
from .report import NOT_FOUND, Claim


def with_sibling_hits(claim: Claim, hits: Sequence[Hit], claims: Sequence[Claim], verdicts: Sequence[tuple]) -> tuple[Hit, ...]:
    """``hits`` then the hits holding the evidence of the other claims of ``claim``'s sentence that were decided (一致 or
    不一致), each paragraph once. ``verdicts`` are (Verdict, hits) of ``claims``, in order."""
    def key(paragraph) -> tuple:
        return paragraph.source, paragraph.number

    seen = {key(h.paragraph) for h in hits}
    pooled = list(hits)
    for other, (verdict, other_hits) in zip(claims, verdicts):
        if other is claim or verdict.verdict == NOT_FOUND or other.sentence_start != claim.sentence_start or other.sentence != claim.sentence:
            continue
        told = {key(paragraph) for paragraph, _, _ in verdict.evidence}
        for hit in other_hits:
            if key(hit.paragraph) in told and key(hit.paragraph) not in seen:
                seen.add(key(hit.paragraph))
                pooled.append(hit)
    return tuple(pooled)
