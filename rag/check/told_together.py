"""The figures of one draft sentence are told together by the article: each is read beside what the article told its others.

A reporter's sentence tells the figures of one statement together, and so does the article: what decided one figure of a
draft sentence (一致 or 不一致) is where the others are told too. Each claim is searched and read alone, on its own clause,
so a figure may be left 未找到 (or found otherwise) while the article told it beside its sibling. Two readings, the second
narrower in place and looser in words, over one notion of a claim's siblings (``_decided_siblings``: the other claims of
its draft sentence that were decided, with the hits holding their evidence):

- ``sibling_hits``: a figure left 未找到 is read again, by the whole verification, in the paragraphs that decided its
  siblings. "去年全市羊绒产业产值约413亿元，同比增长近9%": the search for "约四百一十三亿元" may miss the paragraph "全市羊绒产业实现
  产值412.6亿元，同比增长8.9%" confirmed the rise in (no shared digits to find it by). Only the paragraphs that decided a
  sibling (its evidence) are added, after the claim's own hits: the paragraphs merely retrieved for a sibling may be
  another article's. A candidate there is still read against this claim's own measure, place and period.
- ``told_together``: the article sentence that confirmed a sibling is read for the claim's very value, as below.

A reporter's sentence tells the figures of one statement together, its subject, place and period said once for all of
them: "全院通过诉前调解成功化解纠纷8452件，同比增长18.7%", "共有42支球队、500余名足球小将参赛", "该项目新建干渠3.2公里、支渠6.8公里".
The article tells them together as well, in one sentence of its own ("2025年通过诉前调解成功化解纠纷8452件，同比增长18.7%"),
but each figure of the draft is checked alone, on its own clause: the one that carries the subject, the verb or the
period said once may be read against another paragraph, or its words ("全院", "新建", "参赛") missed beside the article's
figure, while the other is confirmed. Once one figure of the sentence is 一致 in an article sentence, that sentence is
the one telling the statement: another figure of the draft sentence left 未找到, or found otherwise in another sentence,
is read there first. It is 一致 where that article sentence states its very value (same unit, direction and value),
on the same side of the confirmed figure as in the draft, in a clause naming what the claim's own clause measures
and no place or period the confirmed figure's clause does not name; never the confirmed figure itself.

A figure left 未找到 whose measure that article sentence tells, read so, with another value is 不一致 there
(``told_otherwise``): "共有42支球队、600余名足球小将参赛" where the sentence confirming 42支 says "500余名足球小将", "…4128万吨，
占全港的八成以上" where it says "占全港货物吞吐量的76.6%". Only a figure of the claim's unit and direction (a level for a
level, a rise for a rise), read as above, that no other figure of the draft sentence was confirmed by, and the only one.

A figure after its sibling 一致 in another article sentence is read there too (``supported_elsewhere``): "去年…新注册登记汽车
9.47万辆，同比增长43.8%" where the sentence confirming 9.47万辆 goes on "同比增长7.6%" (the 43.8% is the next sentence's 新能源汽车)
is 不一致. Only where the article tells it right after the sibling: the first figure of the claim's unit after it, the claim's way,
its clause saying no measure word the draft does not ("新增公办学位" is a part of "新增学位"), and the sentence confirming the claim
elsewhere not stating the sibling's value too (then it tells the whole statement as well: another article's "91.3%，…1.6个百分点").
"""
from __future__ import annotations

import re
from typing import Callable, Iterator, Sequence

from ..schema import Hit
from ..sentences import split_sentences
from .candidates import ContextOf
from .claims import CLAUSE_END
from .compare import units_match, value_satisfies
from .figures import RANK_UNIT, find_figures
from .ablation import ingredient_on
from .measure import direction, direction_word, measure_words, share_present
from .readings import _near_figure
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim
from .scoring import score_candidates

IN_LABEL_MIN = 0.5  # share of the claim's own measure words said in the article figure's own clause
_RESPECTIVELY = "分别"


def _one_clause(claim: Claim, other: Claim) -> bool:
    """Whether two figures of a draft sentence stand in one clause (no clause mark between them)."""
    lo, hi = sorted((claim.stated_end, other.stated_end))
    between = claim.sentence[lo - claim.sentence_start: hi - claim.sentence_start]
    return not CLAUSE_END.search(between)


def _sentence_span(text: str, at: int) -> tuple[int, int] | None:
    for start, end in split_sentences(text):
        if start <= at < end:
            return start, end
    return None


def read_together(claims: Sequence[Claim], verdicts: list, context_of: ContextOf,
                  reverify: Callable[[Claim, Sequence[Hit]], object]) -> list:
    """``verdicts`` ((Verdict, hits) of ``claims``, in order) with each figure read beside its sentence's others (module
    doc): left 未找到, read again by ``reverify`` (claim, hits) -> Verdict in the paragraphs that decided them
    (``sibling_hits``), then, left 未找到 or 不一致, in the article sentence that confirmed one of them (``told_together``)."""
    out = list(verdicts)
    if ingredient_on("sibling_hits"):
        first = tuple(out)  # (what the others were found to be on their own hits, whatever the order)
        for i, claim in enumerate(claims):
            if first[i][0].verdict != NOT_FOUND:
                continue
            hits = with_sibling_hits(claim, first[i][1], claims, first)
            if len(hits) > len(first[i][1]):
                out[i] = (reverify(claim, hits), hits)
    if ingredient_on("told_together"):
        out = told_together(claims, out, context_of)
    return out


def _key(paragraph) -> tuple:
    return paragraph.source, paragraph.number


def _decided_siblings(claim: Claim, claims: Sequence[Claim], verdicts: Sequence[tuple]) -> Iterator[tuple[Claim, object, Sequence[Hit]]]:
    """(other claim, its Verdict, its hits) for each other claim of ``claim``'s draft sentence that was decided (一致 or
    不一致), in order. ``verdicts`` are (Verdict, hits) of ``claims``, in order."""
    for other, (verdict, other_hits) in zip(claims, verdicts):
        if other is not claim and verdict.verdict != NOT_FOUND and other.sentence_start == claim.sentence_start and other.sentence == claim.sentence:
            yield other, verdict, other_hits


def _holding(evidence: Sequence[tuple], hits: Sequence[Hit]) -> list[Hit]:
    """The ``hits`` holding a paragraph of ``evidence`` ((paragraph, start, end)…), in their order."""
    told = {_key(paragraph) for paragraph, _, _ in evidence}
    return [hit for hit in hits if _key(hit.paragraph) in told]


def with_sibling_hits(claim: Claim, hits: Sequence[Hit], claims: Sequence[Claim], verdicts: Sequence[tuple]) -> tuple[Hit, ...]:
    """``hits`` then the hits holding the evidence of the other claims of ``claim``'s sentence that were decided, each
    paragraph once (``sibling_hits``)."""
    seen = {_key(h.paragraph) for h in hits}
    pooled = list(hits)
    for _, verdict, other_hits in _decided_siblings(claim, claims, verdicts):
        for hit in _holding(verdict.evidence, other_hits):
            if _key(hit.paragraph) not in seen:
                seen.add(_key(hit.paragraph))
                pooled.append(hit)
    return tuple(pooled)


def told_together(claims: Sequence[Claim], verdicts: list, context_of: ContextOf) -> list:
    """``verdicts`` ((Verdict, hits) of ``claims``, in order) with each figure left 未找到 or 不一致 reread in the article
    sentence that confirmed another figure of its draft sentence (``told_together``)."""
    from .verify import Verdict

    first = tuple(verdicts)
    out = list(verdicts)
    for i, claim in enumerate(claims):
        verdict, hits = first[i]
        # (a figure after its sibling confirmed in another article sentence is read beside the sibling too,
        # ``supported_elsewhere``: told right after it otherwise there, it is 不一致)
        elsewhere = verdict.verdict == SUPPORTED and claim.kind == "figure" and ingredient_on("supported_elsewhere")
        if (verdict.verdict not in (NOT_FOUND, CONTRADICTED) and not elsewhere) or claim.figure is None or claim.kind not in ("figure", "date"):
            continue
        confirming = [(other, told, other_hits) for other, told, other_hits in _decided_siblings(claim, claims, first)
                      if told.verdict == SUPPORTED]
        for other, told, other_hits in confirming:
            if (not told.evidence or other.figure is None or other.kind not in ("figure", "date")
                    or other.stated_start == claim.stated_start or _one_clause(claim, other)):
                continue  # (a figure of the claim's own clause is read with it already, as its co-figure: "每公斤1.06元至1.12元")
            paragraph, _, told_end = told.evidence[0]
            span = _sentence_span(paragraph.text, told_end - 1)
            hit = next(iter(_holding(told.evidence[:1], other_hits)), None)
            if span is None or hit is None:
                continue
            if elsewhere and (other.stated_start > claim.stated_start or not verdict.evidence
                              or _in_span(verdict.evidence[0], paragraph, span) or _tells_too(verdict.evidence[0], other)):
                continue  # (only a figure after its sibling leans on it; one confirmed in the sibling's very sentence, or in a
                #            sentence telling the sibling's value too, is told together there)
            if verdict.verdict == NOT_FOUND and ingredient_on("told_flipped") and claim.stated_start > other.stated_start:
                flipped = _told_flipped(claim, paragraph, span, told_end)
                if flipped is not None:
                    found, written = flipped
                    out[i] = (Verdict(CONTRADICTED, f"资料写的是“{paragraph.text[found[0]:found[1]]}”：{written}，而不是"
                                                    f"{direction_word(_near_figure(claim.label)) or ''}{claim.stated}（方向不同；"
                                                    f"与同句的“{other.stated}”同在一句）。",
                                      found=written, differs="方向", evidence=((paragraph, found[0], found[1]),)), hits)
                    break
            confirmed = {end for _, v, _ in confirming for p, _, end in v.evidence if _key(p) == _key(paragraph)}
            found, agrees = _told_there(claim, other, hit, span, told_end, context_of, confirmed,
                                        otherwise=(verdict.verdict == NOT_FOUND and ingredient_on("told_otherwise")) or elsewhere)
            if found is None or (elsewhere and (agrees or not _next_of_unit(claim, found, paragraph, span, told_end))):
                continue
            said = found.paragraph.text[found.evidence_start:found.evidence_end]
            evidence = ((found.paragraph, found.evidence_start, found.evidence_end),)
            if agrees:
                out[i] = (Verdict(SUPPORTED, f"资料写的是“{said}”，与“{claim.stated}”一致（与同句的“{other.stated}”同在一句）。",
                                  found=found.figure.written, evidence=evidence), hits)
                break
            if out[i] is first[i]:  # (told otherwise beside one sibling, unless told as claimed beside another)
                out[i] = (Verdict(CONTRADICTED, f"资料写的是“{said}”：{found.figure.written}，而不是{claim.stated}（数值不同；"
                                                f"与同句的“{other.stated}”同在一句）。",
                                  found=found.figure.written, differs="数值", evidence=evidence), hits)
    return out


def _in_span(evidence: tuple, paragraph, span: tuple[int, int]) -> bool:
    """Whether ``evidence`` (paragraph, start, end) stands in the sentence ``span`` of ``paragraph``."""
    its_paragraph, start, _ = evidence
    return _key(its_paragraph) == _key(paragraph) and span[0] <= start < span[1]


def _tells_too(evidence: tuple, other: Claim) -> bool:
    """Whether the article sentence of ``evidence`` (paragraph, start, end) states ``other``'s value too: then it tells the whole
    draft statement as well as the sentence confirming ``other`` does ("县域内就诊率达到91.3%，比去年提高1.6个百分点" in one
    article, "…91.3%，比上年提高1.7个百分点" in another), and which one is the draft's is not told."""
    paragraph, start, _ = evidence
    span = _sentence_span(paragraph.text, start)
    if span is None or other.figure is None:
        return False
    return any(units_match(other.figure, figure) and value_satisfies(other.figure, figure)
               for figure in find_figures(paragraph.text[span[0]:span[1]]))


def _next_of_unit(claim: Claim, found, paragraph, span: tuple[int, int], told_end: int) -> bool:
    """``supported_elsewhere`` demands the article's own telling: the figure ``found`` in the sentence confirming the sibling is
    the first one of the claim's unit after the sibling, told the claim's way ("…9.47万辆，同比增长7.6%" for "…9.47万辆，同比增长
    43.8%"), as the draft tells its own right after its sibling. A figure further on, after another of the claim's unit, may be
    another item's; then the claim's figure found elsewhere stands. Nor may the article figure's own clause say a word of its
    measure the draft sentence does not: "秋季学期新增公办学位1.86万个" is a part (公办) of the "新增学位2.35万个" confirmed elsewhere."""
    stated = claim.figure
    text = paragraph.text
    for figure in find_figures(text[told_end:span[1]]):
        if figure.kind != "figure" or figure.unit_class != stated.unit_class:
            continue
        start = told_end + figure.start
        if start != found.figure.start or _way(found.label) != _way(claim.label):
            return False
        clause_start = max([m.end() for m in CLAUSE_END.finditer(text, 0, start)], default=0)
        words = measure_words(text[max(clause_start, told_end):start], claim.places)
        return not words or share_present(words, claim.sentence or claim.text) == 1.0
    return False


def _told_flipped(claim: Claim, paragraph, span: tuple[int, int], told_end: int) -> tuple[tuple[int, int], str] | None:
    """``told_flipped``: a change after its sibling, "…产量9.8万吨，同比增长2.3%", where the article sentence confirming the sibling
    gives the first figure of the claim's unit after it the claim's very value the other way, "产量9.8万吨，受…影响，同比下降
    2.3%": ((start, end) of the article's words, "下降2.3%"), else None."""
    stated = claim.figure
    claim_way = direction(_near_figure(claim.label))
    if stated is None or stated.kind != "figure" or claim_way is None:
        return None
    text = paragraph.text
    for figure in find_figures(text[told_end:span[1]]):
        if figure.kind != "figure" or figure.unit_class != stated.unit_class:
            continue
        start, end = told_end + figure.start, told_end + figure.end
        clause_start = max(m.end() for m in CLAUSE_END.finditer(text, 0, start)) if CLAUSE_END.search(text, 0, start) else 0
        before = text[max(clause_start, told_end):start]
        word = direction_word(before)
        if figure.value != stated.value or word is None or direction(before) in (None, claim_way):
            return None  # (the first figure of the claim's unit after the sibling is the claim's: told as claimed or another value)
        at = text.rfind(word, clause_start, start)
        return (at, end), f"{word}{figure.written}"
    return None


def _told_there(claim: Claim, other: Claim, hit: Hit, span: tuple[int, int], told_end: int, context_of: ContextOf,
                confirmed: set[int] = frozenset(), otherwise: bool = False):
    """(the candidate of the article sentence ``span`` stating ``claim``'s value, True), as read above, else with
    ``otherwise`` (the claim left 未找到) (the one stating its measure with another value, False), else (None, None).
    ``confirmed``: where the figures of the paragraph that confirmed others of the draft sentence end."""
    rows = [r for r in score_candidates(claim, claim.figure, [hit], context_of)
            if r.candidate.paragraph.source == hit.paragraph.source and r.candidate.paragraph.number == hit.paragraph.number
            and span[0] <= r.candidate.figure.start < span[1]]
    confirming = next((r.candidate for r in rows if r.candidate.figure.end == told_end), None)
    if confirming is None:
        return None, None
    kept = _read_there(claim, other, confirming, [r for r in rows if r.true])
    if len({r.candidate.figure.start for r in kept}) == 1:
        return kept[0].candidate, True
    if kept or not otherwise or claim.figure.kind != "figure":
        return None, None  # two figures of its value: which one is the claim's is not told
    claim_way = _way(claim.label)
    differing = [r for r in rows if not r.true and r.unit_ok and not r.value_ok and r.candidate.figure.kind == "figure"
                 and r.candidate.figure.end not in confirmed and _way(r.candidate.label) == claim_way]
    kept = _read_there(claim, other, confirming, differing)
    if len({r.candidate.figure.start for r in kept}) != 1:
        return None, None
    return kept[0].candidate, False


_RATE_OF_CHANGE = re.compile(r"(?P<up>增[速幅]|增长率|增长速度|涨幅)|(?P<down>降幅|跌幅|下降率)")


def _way(label: str) -> str | None:
    """Which way a figure's own clause says it went ("同比增长 "), or the rate of change its label names ("增幅居全市第一，达到 "
    is a rise), else None: a level."""
    said = direction(_near_figure(label))
    if said is not None:
        return said
    rate = _RATE_OF_CHANGE.search(label)
    return None if rate is None else "up" if rate.group("up") else "down"


def _read_there(claim: Claim, other: Claim, confirming, rows: list) -> list:
    """The ``rows`` whose figure is told of what the claim measures, beside the confirmed figure, as read above."""
    before = claim.stated_start < other.stated_start
    kept = []
    for row in rows:
        candidate = row.candidate
        if candidate is confirming or row.unsaid_names or row.in_label < IN_LABEL_MIN:
            continue
        if _RESPECTIVELY in candidate.label:
            continue  # "…12.6万人次，结算金额2.34亿元，同比分别增长28.3%和19.1%": which item each measures is ``respective``'s reading
        if (candidate.figure.start < confirming.figure.start) != before and not (
                ingredient_on("rank_either_side") and confirming.figure.unit == RANK_UNIT != candidate.figure.unit):
            # (a rank tells where the statement's figure stands, not another item of it: "增速最快，达到6.9%" is told by
            # "增长6.9%，增速居各县区第一")
            continue  # told on the other side of the confirmed figure: another item of the statement
        if not set(candidate.own_places) <= set(confirming.own_places) | set(claim.places):
            continue  # its own clause names another place
        if not set(candidate.own_periods) <= set(confirming.own_periods) | set(claim.periods):
            continue  # ... or another period
        kept.append(row)
    return kept
