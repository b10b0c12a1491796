"""HTML for the chat: answers with their sources, refusals, errors, the corpus panel.

Everything that comes from an article or from a user is passed through
``html.escape`` before it is put into markup, so a paragraph that contains
``<script>`` or ``[点我](javascript:…)`` shows up as those characters. The
chat component is told not to parse markdown (see ``ui.app``), so the only
markup in a message is the markup written here.
"""
from __future__ import annotations

import re
from html import escape
from typing import Mapping

from rag.schema import Answer, Citation

# How each retrieval leg is named for users; an unknown leg is shown by its own key.
LEG_LABELS = {
    "keyword": "关键词（BM25）",
    "dense": "语义向量",
    "rerank": "重排",
    "overlap": "问句覆盖率",
    "fused": "融合",
}
MODE_LABELS = {"hybrid": "混合检索", "keyword": "关键词检索", "dense": "语义检索"}
MAX_SHOWN_QUESTION_CHARS = 200  # longer input is cut in the chat bubble (the error says how long it was)

_MARKER = re.compile(r"\[(\d{1,3})\]")


def _text(value: object) -> str:
    """Escaped text, quotes included, so it is safe both between tags and inside attributes."""
    return escape(str(value), quote=True)


def _with_markers(text: str) -> str:
    """Escaped text whose [n] citation markers are styled as references."""
    return _MARKER.sub(r'<sup class="qa-ref">[\1]</sup>', _text(text))


def render_question(question: str) -> str:
    """A user's question as it appears in their chat bubble."""
    shown = question if len(question) <= MAX_SHOWN_QUESTION_CHARS else question[:MAX_SHOWN_QUESTION_CHARS] + "…"
    return f'<div class="qa-question">{_text(shown)}</div>'


def render_pending() -> str:
    return '<div class="qa-pending">正在查找资料…</div>'


def render_waiting(ahead: int, seconds: float) -> str:
    """A question waiting in line for its turn: how many are ahead and about how long it will take."""
    about = f"，大约还要 {seconds:.0f} 秒" if seconds >= 1 else ""
    return f'<div class="qa-pending">排队中：前面还有 {int(ahead)} 个问题{about}。</div>'


def render_streaming(partial: str) -> str:
    """The generated answer while it is still arriving."""
    return f'<div class="qa-answer qa-streaming"><p class="qa-text">{_with_markers(partial)}▍</p></div>'


def render_error(message: str) -> str:
    """A message that the question could not be run (bad input, busy, internal error)."""
    return f'<div class="qa-error"><p>⚠️ {_text(message)}</p></div>'


def highlight(text: str, start: int | None, end: int | None) -> str:
    """``text`` escaped, with ``text[start:end]`` inside <mark> when the offsets are valid."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return _text(text)
    return f"{_text(text[:start])}<mark>{_text(text[start:end])}</mark>{_text(text[end:])}"


def _format_score(value: float) -> str:
    return f"{value:.4f}" if abs(value) < 10 else f"{value:.2f}"


def render_scores(citation: Citation) -> str:
    """The 检索详情 table: the fused score and each leg's own score and rank."""
    legs = list(dict.fromkeys([*citation.scores, *citation.ranks]))
    rows = [f'<tr><td>{_text(LEG_LABELS.get("fused"))}</td><td>{_format_score(citation.score)}</td><td>—</td></tr>']
    for leg in legs:
        score = citation.scores.get(leg)
        rank = citation.ranks.get(leg)
        rows.append(
            f"<tr><td>{_text(LEG_LABELS.get(leg, leg))}</td>"
            f"<td>{_format_score(score) if score is not None else '—'}</td>"
            f"<td>{_text(rank) if rank is not None else '—'}</td></tr>"
        )
    return (
        '<details class="qa-scores"><summary>检索详情</summary>'
        '<table><thead><tr><th>检索方式</th><th>得分</th><th>排名</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def render_citation(citation: Citation) -> str:
    """One cited paragraph: where it is from, its text with the answer span marked, the scores."""
    title = f"《{_text(citation.title)}》" if citation.title else "（无标题）"
    head = (
        f'<div class="qa-cite-head"><span class="qa-cite-n">[{citation.n}]</span> '
        f'<span class="qa-cite-title">{title}</span> '
        f'<span class="qa-cite-where">{_text(citation.source)} · 第 {citation.paragraph} 段</span></div>'
    )
    body = highlight(citation.text, citation.text_answer_start, citation.text_answer_end)
    return (
        f'<li class="qa-citation">{head}'
        f'<p class="qa-para">{body}</p>{render_scores(citation)}</li>'
    )


def render_sources(citations: tuple[Citation, ...], summary: str, open_: bool = False) -> str:
    if not citations:
        return ""
    items = "".join(render_citation(c) for c in citations)
    opened = " open" if open_ else ""
    return (
        f'<details class="qa-sources"{opened}><summary>{_text(summary)}（{len(citations)}）</summary>'
        f'<ol class="qa-citations">{items}</ol></details>'
    )


def render_answer(answer: Answer, mode_label: str | None = None) -> str:
    """A finished answer, or a refusal, with its sources underneath and how it was found."""
    parts: list[str] = []
    if answer.rewritten_question:
        parts.append(f'<p class="qa-rewritten">理解为：{_text(answer.rewritten_question)}</p>')
    if answer.refused:
        parts.append(f'<p class="qa-text qa-refusal-text"><span class="qa-badge">未找到答案</span> {_with_markers(answer.answer)}</p>')
        parts.append(render_sources(answer.citations, "可能相关"))
    else:
        parts.append(f'<p class="qa-text">{_with_markers(answer.answer)}</p>')
        parts.append(render_sources(answer.citations, "来源"))
    if answer.note and answer.note not in answer.answer:  # a refusal's reason is often already its text
        parts.append(f'<p class="qa-note">{_text(answer.note)}</p>')
    meta = [mode_label] if mode_label else []
    elapsed = answer.timings_ms.get("end_to_end")
    if elapsed is not None:
        meta.append(f"用时 {elapsed:.0f} 毫秒")
    if meta:
        parts.append(f'<p class="qa-meta">{_text(" · ".join(meta))}</p>')
    kind = "qa-refusal" if answer.refused else "qa-answer"
    return f'<div class="{kind}">{"".join(parts)}</div>'


def render_corpus_panel(stats: Mapping[str, object]) -> str:
    """What is indexed: counts, encoder, dense index type and when/how fast the index was built."""

    def value(key: str) -> str:
        item = stats.get(key)
        return "—" if item is None else _text(item)

    seconds = stats.get("build_seconds")
    build = f"{seconds:.1f} 秒" if isinstance(seconds, (int, float)) else "—"
    rows = [
        ("文章", value("articles")),
        ("段落", value("paragraphs")),
        ("检索块", value("chunks")),
        ("来源文件", value("sources")),
        ("向量模型", value("encoder")),
        ("向量索引", value("dense_index")),
        ("建索引用时", build),
        ("建索引时间", value("built_at")),
    ]
    body = "".join(f"<tr><th>{name}</th><td>{shown}</td></tr>" for name, shown in rows)
    return f'<table class="qa-corpus">{body}</table>'


# The page's own styles; no fonts or images are fetched from anywhere.
CSS = """
.qa-question { white-space: pre-wrap; }
.qa-pending { color: var(--body-text-color-subdued); font-style: italic; }
.qa-answer .qa-text, .qa-refusal .qa-text { margin: 0 0 .4em 0; white-space: pre-wrap; }
.qa-ref { color: var(--color-accent); font-weight: 600; }
.qa-rewritten { color: var(--body-text-color-subdued); font-size: .9em; margin: 0 0 .3em 0; }
.qa-refusal { border-left: 4px solid #d97706; padding-left: .6em; }
.qa-refusal-text { color: #92400e; }
.qa-badge { background: #fef3c7; color: #92400e; border-radius: 4px; padding: 0 .4em; font-size: .85em; }
.qa-error { border-left: 4px solid #dc2626; padding-left: .6em; color: #991b1b; }
.qa-meta { color: var(--body-text-color-subdued); font-size: .8em; margin: .3em 0 0 0; }
.qa-note { color: var(--body-text-color-subdued); font-size: .85em; }
.qa-sources summary, .qa-scores summary { cursor: pointer; font-weight: 600; }
.qa-citations { padding-left: 1.2em; margin: .3em 0; }
.qa-citation { margin-bottom: .6em; }
.qa-cite-head { font-size: .9em; }
.qa-cite-n { font-weight: 700; }
.qa-cite-where { color: var(--body-text-color-subdued); }
.qa-para { margin: .2em 0; line-height: 1.6; white-space: pre-wrap; }
.qa-para mark { background: #fde047; color: #000; padding: 0 .1em; border-radius: 2px; }
.qa-scores table, .qa-corpus { border-collapse: collapse; font-size: .85em; }
.qa-scores td, .qa-scores th, .qa-corpus td, .qa-corpus th { border: 1px solid var(--border-color-primary); padding: 2px 8px; text-align: left; }
"""


# Runs once when the page loads. Opening an answer's "来源" grows the chat, which gradio keeps
# scrolled to its bottom (at once, and again 300 ms later): the reader would land on the last
# citation, not on [1] with the highlight they opened it for. So the chat's own scroll box is moved
# to show the sources from their top, and for a moment any scroll away from there is undone
# before it is painted. Sending a question scrolls back down, so the new answer is followed.
PAGE_JS = """
() => {
    const scrollBoxOf = (element) => {
        let box = element.parentElement;
        while (box && !(box.scrollHeight > box.clientHeight && getComputedStyle(box).overflowY !== "visible")) {
            box = box.parentElement;
        }
        return box;
    };
    const showFromTop = (details) => {
        const box = scrollBoxOf(details);
        if (!box) return;
        const offset = () => details.getBoundingClientRect().top - box.getBoundingClientRect().top - 28;
        const pin = () => { if (Math.abs(offset()) > 2) box.scrollTop += offset(); };
        pin();
        box.addEventListener("scroll", pin);
        setTimeout(() => box.removeEventListener("scroll", pin), 800);
    };
    // gradio follows new messages only while the chat is at its bottom: asking brings it back there
    const followNewQuestion = () => {
        const chat = document.querySelector("#chat .bubble-wrap") || document.querySelector("#chat");
        const box = chat && (chat.scrollHeight > chat.clientHeight ? chat : scrollBoxOf(chat));
        if (box) setTimeout(() => { box.scrollTop = box.scrollHeight; }, 50);
    };
    document.addEventListener("click", (event) => {
        if (event.target.closest("#send, .qa-example")) followNewQuestion();
    }, true);
    document.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && event.target.closest("#question")) followNewQuestion();
    }, true);
    document.addEventListener("toggle", (event) => {
        const details = event.target;
        if (details instanceof HTMLDetailsElement && details.open && details.classList.contains("qa-sources")) {
            showFromTop(details);
        }
    }, true);
}
"""
