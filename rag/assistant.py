"""The one facade that the CLI, the web UI and the evaluation all call.

    assistant = Assistant.open()              # bundled seeds, index/ in the repo
    answer = assistant.ask("城中区一季度新增就业多少")

Opening builds the index first when it is missing, stale or corrupt.
"""
from __future__ import annotations

import logging
import time
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Iterator, Sequence

from .encoders import DEFAULT_ENCODER, Encoder, make_encoder
from .extract import extract_answer
from .followup import rewrite_followup
from .index import Index, Report, open_index
from .llm import LLMConfig, iter_generated_answer
from .retrieve import Retrieval, Retriever
from .schema import RETRIEVAL_MODES, Answer

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "seeds"
DEFAULT_INDEX = PROJECT_ROOT / "index"
MAX_QUESTION_CHARS = 500
MAX_K = 50
LLM_FROM_ENV = object()  # sentinel: read the generative endpoint from the environment


class InvalidQuestion(ValueError):
    """A question the assistant will not run; the message is for users."""


def validate_question(question: object) -> str:
    """The question with surrounding whitespace removed, or InvalidQuestion saying what is wrong."""
    if not isinstance(question, str):
        raise InvalidQuestion("问题必须是文字。")
    text = question.strip()
    if not text or all(unicodedata.category(ch)[0] in "ZC" for ch in text):
        raise InvalidQuestion("问题是空的，请输入要查询的问题。")
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(f"问题太长（{len(text)} 字），请控制在 {MAX_QUESTION_CHARS} 字以内。")
    return text


def validate_options(k: int, mode: str) -> None:
    if not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InvalidQuestion(f"返回条数 k 必须在 1 到 {MAX_K} 之间。")
    if mode not in RETRIEVAL_MODES:
        raise InvalidQuestion(f"检索方式必须是 {' / '.join(RETRIEVAL_MODES)} 之一。")


class Assistant:
    def __init__(self, index: Index, encoder: Encoder, corpus: Path, llm: LLMConfig | None = None):
        self.index = index
        self.encoder = encoder
        self.corpus = corpus
        self.llm = llm
        self.retriever = Retriever(index, encoder)

    @classmethod
    def open(
        cls,
        corpus: Path = DEFAULT_CORPUS,
        index_dir: Path = DEFAULT_INDEX,
        encoder: str | Encoder = DEFAULT_ENCODER,
        progress: bool = False,
        report: Report = log.info,
        llm: LLMConfig | None | object = LLM_FROM_ENV,
    ) -> "Assistant":
        """Open (building when needed) the index of ``corpus`` in ``index_dir``.

        ``encoder`` is a spec such as "e5-small" or "st:/path/to/model", or a
        ready Encoder. ``llm`` defaults to the endpoint named by RAG_LLM_BASE_URL
        and RAG_LLM_MODEL, if set; None turns generation off.
        """
        encoder = make_encoder(encoder) if isinstance(encoder, str) else encoder
        index = open_index(Path(corpus), Path(index_dir), encoder, progress=progress, report=report)
        return cls(index, encoder, Path(corpus), LLMConfig.from_env() if llm is LLM_FROM_ENV else llm)

    def search(self, question: str, k: int = 5, mode: str = "hybrid") -> Retrieval:
        question = validate_question(question)
        validate_options(k, mode)
        return self.retriever.retrieve(question, k=k, mode=mode)

    def ask(self, question: str, history: Sequence[str] = (), k: int = 5, mode: str = "hybrid") -> Answer:
        """Answer ``question``; ``history`` is the conversation's earlier questions, oldest first."""
        *_, answer = self.ask_stream(question, history, k=k, mode=mode)
        assert isinstance(answer, Answer)
        return answer

    def ask_stream(self, question: str, history: Sequence[str] = (), k: int = 5, mode: str = "hybrid") -> Iterator[str | Answer]:
        """Like ``ask``, but first yields the generated answer's text pieces as they arrive
        (only when a generative endpoint is configured), then exactly one final Answer.

        Bad input raises InvalidQuestion before anything is yielded.
        """
        question = validate_question(question)
        validate_options(k, mode)
        return self._answer_stream(question, history, k, mode)

    def _answer_stream(self, question: str, history: Sequence[str], k: int, mode: str) -> Iterator[str | Answer]:
        started = time.perf_counter()
        rewritten = rewrite_followup(question, [q for q in history if q and q.strip()])
        asked = rewritten or question
        retrieval = self.retriever.retrieve(asked, k=k, mode=mode)
        extract_started = time.perf_counter()
        answer = extract_answer(asked, list(retrieval.hits))
        timings = {**retrieval.timings_ms, "answer": (time.perf_counter() - extract_started) * 1000}
        if self.llm is not None and answer.citations and not answer.refused:
            generate_started = time.perf_counter()
            for item in iter_generated_answer(self.llm, asked, answer):
                if isinstance(item, Answer):
                    answer = item
                else:
                    yield item
            timings["generate"] = (time.perf_counter() - generate_started) * 1000
        timings["end_to_end"] = (time.perf_counter() - started) * 1000
        yield replace(answer, question=question, rewritten_question=rewritten, timings_ms=timings)

    def stats(self) -> dict:
        """What the corpus panel shows: counts, encoder and when and how fast the index was built."""
        manifest = self.index.manifest
        return {
            **self.index.table.counts(),
            "encoder": manifest.get("encoder"),
            "dense_index": manifest.get("dense_index"),
            "build_seconds": manifest.get("build_seconds"),
            "built_at": manifest.get("built_at"),
            "corpus": str(self.corpus),
        }
