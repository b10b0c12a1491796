"""Building the user-facing Answer: citations with highlight offsets, answers and refusals."""
from __future__ import annotations

import time

from ..provenance import span_to_file_offsets
from ..schema import Answer, Citation, Hit
from .question import QuestionAnalysis, strip_question_words

MAX_CITATIONS = 5

# --- citations and the answer -----------------------------------------------------

def citation(n: int, hit: Hit, span: tuple[int, int] | None) -> Citation:
    p = hit.paragraph
    answer_start = answer_end = text_start = text_end = None
    if span is not None:
        text_start, text_end = span
        try:
            answer_start, answer_end = span_to_file_offsets(p, text_start, text_end)
        except ValueError:
            # a paragraph whose cleaned text does not map back cannot be highlighted in
            # the file, but the citation is still right
            answer_start = answer_end = None
    return Citation(
        n=n,
        source=p.source,
        title=p.title,
        paragraph=p.number,
        start=p.start,
        end=p.end,
        text=p.text,
        score=hit.score,
        scores=dict(hit.scores),
        ranks=dict(hit.ranks),
        answer_start=answer_start,
        answer_end=answer_end,
        text_answer_start=text_start,
        text_answer_end=text_end,
    )


def refusal(
    question: str, analysis: QuestionAnalysis, hits: list[Hit], reason: str | None, started: float,
    given: tuple[Hit, str] | None = None,
) -> Answer:
    """A refusal saying why; ``given``: a passage and the words in it that come closest
    (a figure of the asked kind said of something else), quoted as "文中只有…" and highlighted."""
    topic = analysis.topic or strip_question_words(question) or question
    cited = hits[:MAX_CITATIONS]
    if given is not None and (given[0] not in cited or given[1] not in given[0].paragraph.text):
        given = None
    citations = tuple(
        citation(n, hit, _span_of(hit, given[1]) if given is not None and hit is given[0] else None)
        for n, hit in enumerate(cited, start=1)
    )
    text = f"资料中没有找到关于{topic}的信息"
    if given is not None:
        reason = f"{reason}；" if reason else ""
        reason += f"文中只有：{given[1]}[{cited.index(given[0]) + 1}]"
    text += f"（{reason}）。" if reason else "。"
    if citations:
        text += "可能相关：" + "".join(f"[{c.n}]" for c in citations)
    return Answer(
        question=question,
        answer=text,
        refused=True,
        citations=citations,
        note=reason,
        timings_ms={"extract": (time.perf_counter() - started) * 1000},
    )



def _span_of(hit: Hit, words: str) -> tuple[int, int]:
    start = hit.paragraph.text.find(words)
    return start, start + len(words)


def near_miss_refusal(
    question: str, analysis: QuestionAnalysis, hits: list[Hit], given_by: Hit, given: str, started: float
) -> Answer:
    """A refusal that says what the article gives instead of the asked figure, citing it as [1]
    (highlighted) before the other retrieved paragraphs."""
    topic = analysis.topic or strip_question_words(question) or question
    start = given_by.paragraph.text.find(given)
    first = citation(1, given_by, (start, start + len(given)) if start >= 0 else None)
    others = [h for h in hits if h is not given_by][: MAX_CITATIONS - 1]
    citations = (first,) + tuple(citation(n, h, None) for n, h in enumerate(others, start=2))
    reason = f"文中只有：{given}"
    return Answer(
        question=question,
        answer=f"资料中没有找到关于{topic}的信息（{reason}[1]）。",
        refused=True,
        citations=citations,
        note=reason,
        timings_ms={"extract": (time.perf_counter() - started) * 1000},
    )
