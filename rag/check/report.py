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
    kind: str  # "figure" | "date" | "name" | "place" | "direction" (a direction without a number)
    label: str  # the words saying what the figure measures (e.g. "城镇新增就业")
    places: tuple[str, ...] = ()  # where it applies (own or inherited from earlier in the sentence/draft)
    periods: tuple[str, ...] = ()  # when it applies (一季度, 2025年, ...)
    query: str = ""  # what is searched for it
    sentence: str = ""  # the whole sentence it stands in
    sentence_start: int = 0  # offset of ``sentence`` in the input
    figure: "Figure | None" = None  # the stated figure as read (offsets in the input), None for a name
    co_figures: tuple["Figure", ...] = ()  # the other figures of its clause, which qualify what it counts
    referents: tuple[str, ...] = ()  # what its pointers stand for, named before in the input ("这家医院" → "青岚县人民医院")
    # a claim naming no place, in a draft whose paragraph named one before ("牙克石市…。远程会诊中心全年开展…"): that place,
    # which the draft is about (not inherited as the claim's own: only read against a 一致, rag.check.verify)
    draft_places: tuple[str, ...] = ()

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


def _marked(text: str, start: int | None, end: int | None) -> str:
    if start is None or end is None or not 0 <= start < end <= len(text):
        return text
    return f"{text[:start]}【{text[start:end]}】{text[end:]}"


def format_report(report: CheckReport) -> str:
    """The human output of `rag check`: the input with each claim numbered and marked ✓ / ✗ / ？,
    then per claim the verdict, stated vs found and the cited paragraph with the evidence marked 【…】."""
    if not report.claims:
        return "没有找到需要核实的数字、日期或名称（全文无需核实）。\n"
    pieces, at = [], 0
    for checked in sorted(report.claims, key=lambda c: c.claim.end):
        if checked.claim.end <= at:
            continue
        pieces.append(report.text[at:checked.claim.end])
        pieces.append(f"〔{checked.n}{VERDICT_MARKS[checked.verdict]}〕")
        at = checked.claim.end
    pieces.append(report.text[at:])
    lines = ["".join(pieces).strip(), ""]
    summary = {v: sum(1 for c in report.claims if c.verdict == v) for v in VERDICTS}
    lines.append("核实结果：" + "，".join(f"{VERDICT_LABELS[v]} {n} 处" for v, n in summary.items() if n)
                 + (f"；无需核实 {len(report.unchecked)} 句" if report.unchecked else ""))
    for checked in report.claims:
        lines += ["", f"[{checked.n}] {VERDICT_MARKS[checked.verdict]} {VERDICT_LABELS[checked.verdict]}：{checked.claim.text}"]
        if checked.verdict == CONTRADICTED:
            lines.append(f"    稿件：{checked.claim.stated}    资料：{checked.found}    不同之处：{checked.differs}")
        lines.append(f"    {checked.reason}")
        for c in checked.citations:
            where = f"{c.title or '（无标题）'} · {c.source} 第{c.paragraph}段" + (f" · {c.date}" if c.date else "")
            lines.append(f"    来源 [{c.n}] {where}")
            lines.append(f"        {_marked(c.text, c.text_answer_start, c.text_answer_end)}")
    if report.unchecked:
        lines += ["", "无需核实：" + " / ".join(u.text for u in report.unchecked)]
    return "\n".join(lines) + "\n"
