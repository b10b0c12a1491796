"""The records a fact check produces: what a draft claims, and what the articles say about it.

``CheckReport`` is what ``Assistant.check`` returns; ``report_to_json`` gives the stable JSON shape that
`rag check --json`, the web UI and `rag eval --claims` build on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..schema import Citation
from .figures import Figure

SUPPORTED, CONTRADICTED, NOT_FOUND = "supported", "contradicted", "not_found"
VERDICTS = (SUPPORTED, CONTRADICTED, NOT_FOUND)
VERDICT_LABELS = {SUPPORTED: "一致", CONTRADICTED: "不一致", NOT_FOUND: "未找到"}
VERDICT_MARKS = {SUPPORTED: "✓", CONTRADICTED: "✗", NOT_FOUND: "？"}
# What a contradicted claim gets wrong.
DIFFERS = ("数值", "单位", "地点", "时间", "方向", "名称")


@dataclass(frozen=True)
class Claim:
    """One checkable statement found in the input: a figure, a date or a name, with what it is about."""

    text: str  # the clause as written in the input
    start: int  # offsets of ``text`` in the input
    end: int
    stated: str  # the figure, date or name the claim states, as written
    stated_start: int  # offsets of ``stated`` in the input
    stated_end: int
    kind: str  # "figure" | "date" | "name" | "place"
    label: str  # the words saying what the figure measures (e.g. "城镇新增就业")
    places: tuple[str, ...] = ()  # where it applies (own or inherited from earlier in the sentence/draft)
    periods: tuple[str, ...] = ()  # when it applies (一季度, 2025年, ...)
    query: str = ""  # what is searched for it
    sentence: str = ""  # the whole sentence it stands in
    sentence_start: int = 0  # offset of ``sentence`` in the input
    figure: "Figure | None" = None  # the stated figure as read (offsets in the input), None for a name
    co_figures: tuple["Figure", ...] = ()  # the other figures of its clause, which qualify what it counts

    @property
    def text_offset(self) -> int:
        """Offset of the claim's text inside its sentence."""
        return self.start - self.sentence_start


@dataclass(frozen=True)
class Unchecked:
    """A sentence with nothing checkable in it (opinion, filler): listed as 无需核实."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CheckedClaim:
    claim: Claim
    n: int
    verdict: str  # one of VERDICTS
    reason: str  # Chinese, for users
    found: str | None = None  # what the article says instead (contradicted), or the matching figure (supported)
    differs: str | None = None  # one of DIFFERS, for contradicted claims
    citations: tuple[Citation, ...] = ()  # the decisive paragraph first, evidence span marked


@dataclass(frozen=True)
class CheckReport:
    text: str
    claims: tuple[CheckedClaim, ...]
    unchecked: tuple[Unchecked, ...] = ()
    timings_ms: Mapping[str, float] = field(default_factory=dict)

    @property
    def verdict(self) -> str | None:
        """contradicted if any claim is, else not_found if any is, else supported; None with no claim."""
        verdicts = {c.verdict for c in self.claims}
        for verdict in (CONTRADICTED, NOT_FOUND, SUPPORTED):
            if verdict in verdicts:
                return verdict
        return None


def report_to_json(report: CheckReport, citation_to_json) -> dict:
    """The stable JSON shape; ``citation_to_json`` is the one `rag ask --json` uses for its citations."""
    return {
        "text": report.text,
        "verdict": report.verdict,
        "claims": [
            {
                "n": c.n,
                "text": c.claim.text,
                "start": c.claim.start,
                "end": c.claim.end,
                "verdict": c.verdict,
                "stated": c.claim.stated,
                "found": c.found,
                "differs": c.differs,
                "reason": c.reason,
                "citations": [citation_to_json(citation) for citation in c.citations],
            }
            for c in report.claims
        ],
        "unchecked": [{"text": u.text, "start": u.start, "end": u.end} for u in report.unchecked],
        "timings_ms": {name: round(ms, 2) for name, ms in report.timings_ms.items()},
    }
