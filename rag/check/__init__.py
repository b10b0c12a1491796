"""Fact-check mode: find the claims of a draft and check each against the articles.

    report = check_text(draft, search)   # search(query) -> Retrieval, e.g. Assistant.search

``Assistant.check`` is the facade the CLI, the web UI and the evaluation call.
"""
from __future__ import annotations

import time
import unicodedata
from typing import Callable, Sequence

from ..provenance import span_to_file_offsets
from ..schema import Citation, Hit, Paragraph
from .claims import find_claims
from .figures import RANK_UNIT, ranks_unread
from .report import NOT_FOUND, CheckedClaim, CheckReport, Claim
from .ablation import ingredient_on
from .told_together import read_together
from .semantic import Similarity
from .verify import ContextOf, Verdict, default_context, verify

MAX_DRAFT_CHARS = 5000
MAX_QUERY_CHARS = 500  # what Assistant.search accepts


class InvalidDraft(ValueError):
    """Text that cannot be checked; the message is for users."""


def validate_draft(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidDraft("要核实的内容必须是文字。")
    stripped = text.strip()
    if not stripped or all(unicodedata.category(ch)[0] in "ZC" for ch in stripped):
        raise InvalidDraft("要核实的内容是空的，请输入一句话或一段稿件。")
    if len(text) > MAX_DRAFT_CHARS:
        raise InvalidDraft(f"内容太长（{len(text)} 字），一次最多核实 {MAX_DRAFT_CHARS} 字，请分段核实。")
    return text


def _citations(verdict: Verdict, hits: Sequence[Hit]) -> tuple[Citation, ...]:
    """The decisive paragraph(s) with the evidence span marked, else the closest ones."""
    by_key = {(h.paragraph.source, h.paragraph.number): h for h in hits}
    marked: list[tuple[Paragraph, int | None, int | None]] = [(p, s, e) for p, s, e in verdict.evidence]
    marked += [(p, None, None) for p in verdict.related]
    citations = []
    for n, (paragraph, start, end) in enumerate(marked, start=1):
        hit = by_key.get((paragraph.source, paragraph.number))
        answer_start = answer_end = None
        if start is not None and end is not None and start < end:
            answer_start, answer_end = span_to_file_offsets(paragraph, start, end)
        citations.append(Citation(
            n=n, source=paragraph.source, title=paragraph.title, paragraph=paragraph.number,
            start=paragraph.start, end=paragraph.end, text=paragraph.text,
            score=hit.score if hit else 0.0, scores=dict(hit.scores) if hit else {}, ranks=dict(hit.ranks) if hit else {},
            answer_start=answer_start, answer_end=answer_end, text_answer_start=start, text_answer_end=end,
            date=paragraph.date,
        ))
    return tuple(citations)


def check_text(text: str, search: Callable[[str], Sequence[Hit]], context_of: ContextOf = default_context,
               similarity: Similarity | None = None) -> CheckReport:
    """Check every claim of ``text``; ``search`` returns the hits retrieved for a claim's query,
    ``context_of`` what the article around a paragraph says (its title and lead), for places and periods,
    and ``similarity`` (optional) how near article sentences are in meaning to a claim (rag.check.semantic)."""
    started = time.perf_counter()
    text = validate_draft(text)
    claims, unchecked = find_claims(text)
    found_ms = (time.perf_counter() - started) * 1000
    retrieve_ms = verify_ms = 0.0
    checked: list[CheckedClaim] = []
    hits_of: dict[str, Sequence[Hit]] = {}
    clock = time.perf_counter()
    for claim in claims:
        query = claim.query[:MAX_QUERY_CHARS]
        if query not in hits_of:
            # (nothing to search for a number too long to read, standing alone: it is 未找到 whatever the articles say)
            hits_of[query] = search(query) if query.strip() else ()
    retrieve_ms += (time.perf_counter() - clock) * 1000
    verdicts: list[tuple[Verdict, Sequence[Hit]]] = []
    for claim in claims:
        clock = time.perf_counter()
        hits = hits_of[claim.query[:MAX_QUERY_CHARS]]
        verdicts.append((verify(claim, hits, context_of, similarity), hits))
        verify_ms += (time.perf_counter() - clock) * 1000
    # a figure read beside the others of its sentence: in the paragraphs that decided them (sibling_hits), in the article
    # sentence that confirmed one of them (told_together)
    clock = time.perf_counter()
    verdicts = read_together(claims, verdicts, context_of, lambda claim, hits: verify(claim, hits, context_of, similarity))
    verify_ms += (time.perf_counter() - clock) * 1000
    if ingredient_on("rank_fallback"):
        clock = time.perf_counter()
        claims, verdicts = _unranked_where_untold(text, claims, verdicts, search, context_of, similarity)
        verify_ms += (time.perf_counter() - clock) * 1000
    for n, (claim, (verdict, hits)) in enumerate(zip(claims, verdicts), start=1):
        checked.append(CheckedClaim(claim, n, verdict.verdict, verdict.reason, verdict.found, verdict.differs, _citations(verdict, hits)))
    timings = {"claims": found_ms, "retrieve": retrieve_ms, "verify": verify_ms, "end_to_end": (time.perf_counter() - started) * 1000}
    return CheckReport(text, tuple(checked), tuple(unchecked), timings)


def _unranked_where_untold(text, claims, verdicts, search, context_of, similarity):
    """A sentence whose rank ("居全市首位", rag.check.figures) no article tells is checked as it was read before ranks were
    figures: on its place, name or other figures ("潍城区…居全市首位" is 不一致 where the article gives 首位 to another district)."""
    untold = {c.sentence_start for c, (v, _) in zip(claims, verdicts)
              if c.kind == "figure" and c.figure is not None and c.figure.unit == RANK_UNIT and v.verdict == NOT_FOUND}
    if not untold:
        return claims, verdicts
    with ranks_unread():
        unranked = [c for c in find_claims(text)[0] if c.sentence_start in untold]
    untold = {c.sentence_start for c in unranked}  # (a sentence with nothing else to check keeps its rank, 未找到)
    kept = [(c, v) for c, v in zip(claims, verdicts) if c.sentence_start not in untold]
    for claim in unranked:
        query = claim.query[:MAX_QUERY_CHARS]
        hits = search(query) if query.strip() else ()
        kept.append((claim, (verify(claim, hits, context_of, similarity), hits)))
    kept.sort(key=lambda pair: (pair[0].start, pair[0].stated_start))
    return [c for c, _ in kept], [v for _, v in kept]


__all__ = ["CheckReport", "CheckedClaim", "Claim", "InvalidDraft", "MAX_DRAFT_CHARS", "article_context", "check_text", "validate_draft"]


LEAD_PARAGRAPHS = 8  # how far back a paragraph's article is read for where and when it is about


def article_context(index) -> ContextOf:
    """``context_of`` for an index: a paragraph's title, the paragraphs of its article before it (up to
    LEAD_PARAGRAPHS; an article names its place and period once, in its lead) and its own text; also (switch
    ``kicker``) its headline lines before the title (``headline_lines``) and its setting (rag.setting), as the
    answer stage reads an article's place."""
    cache: dict[tuple[str, int], str] = {}

    def context_of(paragraph: Paragraph) -> str:
        key = (paragraph.source, paragraph.number)
        if key not in cache:
            parts = [paragraph.text]
            number = paragraph.number - 1
            for number in range(paragraph.number - 1, max(0, paragraph.number - 1 - LEAD_PARAGRAPHS), -1):
                try:
                    earlier = index.table.paragraph(paragraph.source, number)
                except KeyError:
                    break
                if earlier is None or earlier.title != paragraph.title:
                    break
                parts.append(earlier.text)
            kicker = headline_lines(index, paragraph, number) if paragraph.title and ingredient_on("kicker") else []
            setting = (getattr(paragraph, "setting", None) or "") if ingredient_on("kicker") else ""
            cache[key] = "\n".join([*kicker, paragraph.title or "", setting, *reversed(parts)])
        return cache[key]

    return context_of


KICKER_MAX = 40  # a headline line is short and ends no sentence


def headline_lines(index, paragraph: Paragraph, number: int) -> list[str]:
    """The lines of an article's headline before its title, read as paragraphs of no title ("农安县粮食总产量" over
    "达到286.9万吨", the kicker "山西：秋季学期新增公办学位15.6万个" over "新建改扩建中小学幼儿园312所"): where the article's
    place is named once, before its lead writes 全县, 全省."""
    lines: list[str] = []
    while number >= 0:  # back to the article's first paragraph (its lead may be further back than LEAD_PARAGRAPHS)
        try:
            earlier = index.table.paragraph(paragraph.source, number)
        except KeyError:
            return lines
        if earlier is None or earlier.title != paragraph.title:
            break
        number -= 1
    for earlier_number in range(number, max(-1, number - 2), -1):
        try:
            earlier = index.table.paragraph(paragraph.source, earlier_number)
        except KeyError:
            break
        if earlier is None or earlier.title is not None or len(earlier.text) > KICKER_MAX or "。" in earlier.text:
            break
        lines.insert(0, earlier.text)
    return lines
