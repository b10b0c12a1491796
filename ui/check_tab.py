"""The 核实 tab: paste a draft, get it back with each claim coloured and a list of claims with their sources.

Green 一致, red 不一致 (with the article's figure beside it), grey 未找到; each claim's 来源 opens the cited
paragraph with the evidence highlighted, as in the chat. Everything comes from ``Assistant.check`` and
all article and user text is escaped (``ui.render``).
"""
from __future__ import annotations

import logging
from typing import Any

import gradio as gr

from rag.assistant import Assistant, InvalidQuestion
from rag.check import MAX_DRAFT_CHARS, InvalidDraft, validate_draft
from rag.check.report import CONTRADICTED, VERDICT_LABELS, VERDICT_MARKS, CheckReport

from .gate import AnswerGate
from .render import _text, render_citation, render_error

log = logging.getLogger(__name__)

BUSY_MESSAGE = "繁忙，请稍后再试。"
FAILED_MESSAGE = "出错了，没能核实这段文字。请稍后再试。"
EXAMPLE_DRAFT = "今年以来，城中区城镇新增就业2470人，农村劳动力转移就业3263人次。城中区二季度新增就业3000人。这一成绩来之不易。"


def render_marked_draft(report: CheckReport) -> str:
    """The draft with every claim coloured by its verdict and numbered; a contradicted one shows the article's figure."""
    parts, at = [], 0
    for checked in sorted(report.claims, key=lambda c: c.claim.start):
        start, end = checked.claim.start, checked.claim.end
        if start < at:
            continue
        parts.append(_text(report.text[at:start]))
        beside = f'<span class="ck-found">资料：{_text(checked.found)}</span>' if checked.verdict == CONTRADICTED and checked.found else ""
        parts.append(
            f'<span class="ck-claim ck-{checked.verdict}" title="{_text(VERDICT_LABELS[checked.verdict])}">'
            f"{_text(report.text[start:end])}<sup>[{checked.n}]</sup></span>{beside}"
        )
        at = end
    parts.append(_text(report.text[at:]))
    return f'<p class="ck-draft">{"".join(parts)}</p>'


def render_check_report(report: CheckReport) -> str:
    """The whole result: the marked draft, a summary line, and one entry per claim with its sources."""
    if not report.claims:
        return '<div class="ck-result"><p class="ck-none">没有找到需要核实的数字、日期或名称（全文无需核实）。</p></div>'
    counts = [f"{VERDICT_LABELS[v]} {n} 处" for v in VERDICT_LABELS if (n := sum(c.verdict == v for c in report.claims))]
    if report.unchecked:
        counts.append(f"无需核实 {len(report.unchecked)} 句")
    items = []
    for checked in report.claims:
        stated = ""
        if checked.verdict == CONTRADICTED:
            stated = (f'<div class="ck-compare">稿件：<b>{_text(checked.claim.stated)}</b>　资料：<b>{_text(checked.found)}</b>'
                      f"　不同之处：{_text(checked.differs)}</div>")
        sources = ""
        if checked.citations:
            cited = "".join(render_citation(c) for c in checked.citations)
            sources = f'<details class="qa-sources ck-sources"><summary>来源（{len(checked.citations)}）</summary><ol class="qa-citations">{cited}</ol></details>'
        items.append(
            f'<li class="ck-item ck-{checked.verdict}"><span class="ck-badge">{VERDICT_MARKS[checked.verdict]} '
            f"{_text(VERDICT_LABELS[checked.verdict])}</span> <span class=\"ck-text\">[{checked.n}] {_text(checked.claim.text)}</span>"
            f'{stated}<div class="ck-reason">{_text(checked.reason)}</div>{sources}</li>'
        )
    elapsed = report.timings_ms.get("end_to_end")
    meta = f'<p class="qa-meta">用时 {elapsed:.0f} 毫秒</p>' if elapsed is not None else ""
    return (f'<div class="ck-result">{render_marked_draft(report)}<p class="ck-summary">{_text("，".join(counts))}</p>'
            f'<ol class="ck-list">{"".join(items)}</ol>{meta}</div>')


class CheckHandlers:
    def __init__(self, assistant: Assistant, gate: AnswerGate):
        self.assistant = assistant
        self.gate = gate

    def check(self, text: Any) -> str:
        """The result HTML for ``text``; bad input, a busy server and failures end as a Chinese message."""
        try:
            draft = validate_draft(text)
        except InvalidDraft as problem:
            return render_error(str(problem))
        with self.gate.admit() as admitted:
            if not admitted:
                return render_error(BUSY_MESSAGE)
            try:
                return render_check_report(self.assistant.check(draft))
            except InvalidQuestion as problem:
                return render_error(str(problem))
            except Exception:  # the user gets a message, the log the traceback
                log.exception("checking %r failed", draft[:80])
                return render_error(FAILED_MESSAGE)


def build_check_tab(assistant: Assistant, gate: AnswerGate) -> None:
    """The 核实 tab's components and events; call inside ``gr.Tabs()`` of the page."""
    handlers = CheckHandlers(assistant, gate)
    with gr.Tab("核实", id="check-tab", elem_id="check-tab"):
        gr.HTML('<p class="qa-subtitle">粘贴一句话或一段稿件，逐一核对其中的数字、日期和名称：'
                '<span class="ck-claim ck-supported">一致</span> <span class="ck-claim ck-contradicted">不一致</span> '
                '<span class="ck-claim ck-not_found">未找到</span>；点开“来源”可看原文段落，依据处以黄色标出。</p>')
        draft = gr.Textbox(show_label=False, lines=6, max_lines=20, max_length=MAX_DRAFT_CHARS, elem_id="check-text",
                           placeholder=f"粘贴要核实的文字（最多 {MAX_DRAFT_CHARS} 字），例如：{EXAMPLE_DRAFT}")
        send = gr.Button("核实", variant="primary", elem_id="check-send")
        result = gr.HTML(elem_id="check-result")
        # No limit of its own: the chat's "answer" limit applies (gradio keeps the lowest of a shared id).
        send.click(handlers.check, inputs=[draft], outputs=[result], concurrency_id="answer",
                   concurrency_limit=None, api_name="check", show_progress="minimal")


CHECK_CSS = """
.ck-draft { line-height: 2; white-space: pre-wrap; }
.ck-claim { border-radius: 3px; padding: 1px 2px; }
.ck-supported { background: #dcfce7; color: #14532d; }
.ck-contradicted { background: #fee2e2; color: #7f1d1d; }
.ck-not_found { background: #e5e7eb; color: #374151; }
.ck-claim sup { font-size: .7em; margin-left: 1px; }
.ck-found { background: #fecaca; color: #7f1d1d; font-size: .85em; margin-left: 3px; padding: 0 3px; border-radius: 3px; }
.ck-list { padding-left: 1.2em; }
.ck-item { margin-bottom: .7em; list-style: none; }
.ck-item.ck-supported, .ck-item.ck-contradicted, .ck-item.ck-not_found { background: none; color: inherit; }
.ck-badge { font-weight: 700; }
.ck-item.ck-supported .ck-badge { color: #15803d; }
.ck-item.ck-contradicted .ck-badge { color: #b91c1c; }
.ck-item.ck-not_found .ck-badge { color: #4b5563; }
.ck-compare, .ck-reason { display: block; margin: .2em 0 .2em 1.4em; }
.ck-summary { font-weight: 600; }
"""
