"""The one facade that the CLI, the web UI and the evaluation all call.

    assistant = Assistant.open()              # bundled seeds, index/ in the repo
    answer = assistant.ask("城中区一季度新增就业多少")

Opening builds the index first when it is missing, stale or corrupt.
"""
from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from .encoders import DEFAULT_ENCODER, Encoder, make_encoder
from .answer import extract_answer
from .followup import rewrite_followup
from .index import Index, IndexCorrupt, Report, load_index, open_index, published_build_name
from .llm import LLMConfig, iter_generated_answer
from .replica import follow_replica
from .retrieve import Retrieval, Retriever
from .sentence_vectors import SentenceVectors
from .answer.everyday_terms import in_article_terms
from .answer.from_to import answers_an_end, from_to_answer
from .answer.comparison import (answer_comparison, is_baseline, parallel_sides, parse_comparison, remainder_answer, side_acceptance, side_marks,
                                worded_side_waiver)
from .answer.scoring import Candidate
from .answer.settings import AnswerSettings, settings_from_environment
from .answer.synonyms import synonyms
from .schema import Answer, Hit
from .stores import StoreChoice
from .validation import (  # noqa: F401  (re-exported: callers import the checks from here too)
    MAX_K,
    MAX_QUESTION_CHARS,
    Filters,
    InvalidQuestion,
    check_draft_text,
    validate_filters,
    validate_history,
    validate_options,
    validate_question,
)

if TYPE_CHECKING:
    from .check import CheckReport

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "seeds"
DEFAULT_INDEX = PROJECT_ROOT / "index"
CHECK_K = 6  # paragraphs retrieved for each claim of a fact check
# Claims repeat their source's exact words and numbers, so BM25 finds it; on the dev half of the gold
# claims it gave the same verdicts as hybrid retrieval in about a sixteenth of the time (eval/README.md).
CHECK_MODE = "keyword"
NAMES_SHOWN = 10  # known files / labels listed when a source filter names nothing indexed
LLM_FROM_ENV = object()  # sentinel: read the generative endpoint from the environment


def _some(names: Sequence[str]) -> str:
    shown = "、".join(names[:NAMES_SHOWN])
    return f"{shown} 等，共 {len(names)} 个" if len(names) > NAMES_SHOWN else shown


def check_sources(index: Index, filters: Filters | None) -> None:
    """InvalidQuestion naming the filter's sources that match nothing in ``index``, with some that do."""
    if filters is None or not filters.sources:
        return
    unknown = index.table.unknown_source_names(filters.sources)
    if not unknown:
        return
    files, labels = index.table.source_filter_names()
    message = f"索引里没有{'这个' if len(unknown) == 1 else '这些'}来源：{'、'.join(unknown)}。"
    if files:
        message += f"可以按文件筛选：{_some(files)}"
        message += f"；或按来源名称：{_some(labels)}。" if labels else "。"
    raise InvalidQuestion(message + "名称要与 rag list 显示的完全一致。")


class Assistant:
    def __init__(self, index: Index, encoder: Encoder, corpus: Path, llm: LLMConfig | None = None):
        self.index = index
        self.encoder = encoder
        self.corpus = corpus
        self.llm = llm
        self.retriever = Retriever(index, encoder)
        self.index_dir = index.directory.parent.parent  # <index>/builds/<name>
        self._swap_lock = threading.Lock()  # one refresh at a time (loading a build is slow)
        # guards the swap and the counts below (held only briefly); reentrant because an abandoned
        # answer generator may be finalized by the garbage collector on a thread that holds it
        self._use_lock = threading.RLock()
        self._in_use: dict[int, int] = {}  # id(index) -> questions and readers using that build now
        self._retired: dict[int, Index] = {}  # replaced builds still in use: closed when their last user ends
        self._sentences: SentenceVectors | None = None  # the current build's sentence vectors, loaded on first use
        # the synonym table takes seconds to read: read it now, not at the first question
        threading.Thread(target=synonyms, args=("",), name="load-synonyms", daemon=True).start()

    @contextmanager
    def _lease(self) -> Iterator[Retriever]:
        """The current build's retriever (after a refresh), kept open until the block ends.

        A build replaced by ``refresh`` meanwhile is closed when its last user
        leaves; one nobody uses is closed at the switch.
        """
        self.refresh()
        with self._use_lock:
            retriever = self.retriever
            key = id(retriever.index)
            self._in_use[key] = self._in_use.get(key, 0) + 1
        try:
            yield retriever
        finally:
            retired = None
            with self._use_lock:
                self._in_use[key] -= 1
                if not self._in_use[key]:
                    del self._in_use[key]
                    retired = self._retired.pop(key, None)
            if retired is not None:
                retired.table.close()

    def refresh(self) -> bool:
        """Switch to a newer published build (after `rag add`/`remove` in another process); True when switched.

        Called before every question, so a running `rag serve` answers from the
        latest index without a restart. A question already running keeps the
        build it started with (its files stay readable even once replaced); the
        replaced build's chunk table is closed once no question uses it. The
        Assistant owns its Index: do not share one Index between Assistants
        whose index folder gets new builds.
        """
        follow_replica(self.index_dir)  # a replica folder first copies the build Milvus now holds (rag.replica)
        try:
            name = published_build_name(self.index_dir)
        except OSError:
            return False
        if name is None or name == self.index.directory.name:
            return False
        with self._swap_lock:
            if name == self.index.directory.name:
                return False
            try:
                index = load_index(self.index_dir)
            except IndexCorrupt as exc:  # keep answering from the build we have
                log.warning("a newer index was published but cannot be loaded (%s); keeping %s", exc, self.index.directory.name)
                return False
            with self._use_lock:
                old = self.index
                self.retriever = Retriever(index, self.encoder)
                self.index = index
                close_now = id(old) not in self._in_use
                if not close_now:
                    self._retired[id(old)] = old
            if close_now:
                old.table.close()
            log.info("switched to index build %s", index.directory.name)
            return True

    @classmethod
    def open(
        cls,
        corpus: Path = DEFAULT_CORPUS,
        index_dir: Path = DEFAULT_INDEX,
        encoder: str | Encoder = DEFAULT_ENCODER,
        progress: bool = False,
        report: Report = log.info,
        llm: LLMConfig | None | object = LLM_FROM_ENV,
        store: StoreChoice | None = None,
    ) -> "Assistant":
        """Open (building when needed) the index of ``corpus`` in ``index_dir``.

        ``encoder`` is a spec such as "e5-small" or "st:/path/to/model", or a
        ready Encoder. ``llm`` defaults to the endpoint named by RAG_LLM_BASE_URL
        and RAG_LLM_MODEL, if set; None turns generation off. ``store`` (a
        rag.stores.StoreChoice) None keeps the store the index records.
        """
        encoder = make_encoder(encoder) if isinstance(encoder, str) else encoder
        index = open_index(Path(corpus), Path(index_dir), encoder, progress=progress, report=report, store=store)
        return cls(index, encoder, Path(corpus), LLMConfig.from_env() if llm is LLM_FROM_ENV else llm)

    def search(self, question: str, k: int = 5, mode: str = "hybrid", filters: Filters | None = None,
               everyday_terms: bool = True) -> Retrieval:
        """The paragraphs retrieved for ``question``; ``everyday_terms=False`` looks a claim up as written (rag.check):
        a reader's everyday words (新上牌, 平均每人) are a question's, read in the articles' terms by rag.query_terms."""
        question = validate_question(question)
        validate_options(k, mode)
        with self._lease() as retriever:
            check_sources(retriever.index, filters)
            return retriever.retrieve(question, k=k, mode=mode, allowed=self._allowed(retriever.index, filters),
                                      everyday_terms=everyday_terms)

    def ask(self, question: str, history: Sequence[str] = (), k: int = 5, mode: str = "hybrid", filters: Filters | None = None) -> Answer:
        """Answer ``question``; ``history`` is the conversation's earlier questions, oldest first."""
        *_, answer = self.ask_stream(question, history, k=k, mode=mode, filters=filters)
        assert isinstance(answer, Answer)
        return answer

    def ask_stream(
        self, question: str, history: Sequence[str] = (), k: int = 5, mode: str = "hybrid", filters: Filters | None = None
    ) -> Iterator[str | Answer]:
        """Like ``ask``, but first yields the generated answer's text pieces as they arrive
        (only when a generative endpoint is configured), then exactly one final Answer.

        ``filters`` (see ``validate_filters``) restrict retrieval to some articles
        before the legs are fused. Bad input, including a source filter that names
        nothing indexed, raises InvalidQuestion before anything is yielded.
        """
        question = validate_question(question)
        history = validate_history(history)
        validate_options(k, mode)
        if filters is not None and filters.sources:
            with self._lease() as retriever:
                check_sources(retriever.index, filters)
        return self._answer_stream(question, history, k, mode, filters)

    @staticmethod
    def _allowed(index: Index, filters: Filters | None) -> set[int] | None:
        if filters is None or not filters.active:
            return None
        return index.allowed_chunks(filters.since, filters.until, filters.sources)

    def _answer_stream(self, question: str, history: Sequence[str], k: int, mode: str, filters: Filters | None = None) -> Iterator[str | Answer]:
        started = time.perf_counter()
        with self._lease() as retriever:  # one build for the whole question, even if a newer one is published meanwhile
            rewritten = rewrite_followup(question, [q for q in history if q and q.strip()])
            # everyday words for a few statistical terms (经济总量 → 地区生产总值) are retrieved and read as the article's
            # terms (rag.answer.everyday_terms): the paragraph stating the statistic is found by its own words
            asked = in_article_terms(rewritten or question)
            allowed = self._allowed(retriever.index, filters)
            retrieval = retriever.retrieve(asked, k=k, mode=mode, allowed=allowed)
            timings = dict(retrieval.timings_ms)
            extract_started = time.perf_counter()
            answer, cited_hits = self._extract(retriever, asked, retrieval, timings, k, mode, allowed)
            if filters is not None and filters.active and not retrieval.hits:
                answer = replace(answer, note="没有符合筛选条件（日期/来源）的文章。")
            timings["answer"] = (time.perf_counter() - extract_started) * 1000 - timings.get("answer_encode", 0.0) \
                - timings.get("compare_retrieval", 0.0)
            if self.llm is not None and answer.citations and not answer.refused:
                generate_started = time.perf_counter()
                for item in iter_generated_answer(self.llm, asked, answer):
                    if isinstance(item, Answer):
                        answer = item
                    else:
                        yield item
                timings["generate"] = (time.perf_counter() - generate_started) * 1000
            answer = self._with_source_details(retriever.index, cited_hits, answer)
        timings["end_to_end"] = (time.perf_counter() - started) * 1000
        yield replace(answer, question=question, rewritten_question=rewritten, timings_ms=timings)  # the build is released

    def _extract(
        self, retriever: Retriever, asked: str, retrieval: Retrieval, timings: dict[str, float],
        k: int, mode: str, allowed: set[int] | None,
    ) -> tuple[Answer, list[Hit]]:
        """The answer stage (and the hits it cited). A comparison ("A和B哪个多") retrieves and
        answers each side on its own (timed as compare_retrieval), then compares."""
        settings = settings_from_environment()
        names = retriever.index.tokenizer.user_words  # the corpus's names: a 和 inside one joins no sides
        comparison = parse_comparison(asked, names) if settings.comparison else None
        if comparison is None:
            answer = self._extract_one(retriever, asked, retrieval, timings, settings)
            if answer.refused or answers_an_end(asked, answer):  # "…增加了几个": the article may state only where the measure went from and to
                change = from_to_answer(asked, retrieval.hits)
                if change is not None:
                    return replace(change, timings_ms=dict(answer.timings_ms)), list(retrieval.hits)
            return answer, list(retrieval.hits)
        if comparison.remainder:  # "还有多少处没整改完": the whole and the part done, as one sentence states them
            left = remainder_answer(asked, comparison, self._extract_one(retriever, asked, retrieval, timings, settings))
            if left is not None:
                return left, list(retrieval.hits)
        started = time.perf_counter()
        sides, side_retrievals, asked_sides, hits, waivers = [], [], [], list(retrieval.hits), [None, None]
        for side_question, alternatives in zip(comparison.side_questions, comparison.alternatives):
            for attempt in (side_question, *alternatives):  # other wordings of a side, while it is refused
                retrieve_started = time.perf_counter()
                side_retrieval = retriever.retrieve(attempt, k=k, mode=mode, allowed=allowed)
                timings["compare_retrieval"] = timings.get("compare_retrieval", 0.0) + (time.perf_counter() - retrieve_started) * 1000
                side = self._extract_one(retriever, attempt, side_retrieval, timings, settings, accept=side_acceptance)
                if attempt is side_question or not side.refused:
                    side_answer, side_used, asked_side = side, side_retrieval, attempt
                if not side_answer.refused:
                    break
            waiver = worded_side_waiver(side_marks(comparison)[len(sides)]) if side_answer.refused else None
            if waiver is not None:  # its figure worded otherwise in a sentence stating it of the side itself
                worded = self._extract_one(retriever, asked_side, side_used, timings, settings, accept=side_acceptance, waive=waiver)
                if not worded.refused:
                    side_answer, waivers[len(sides)] = worded, waiver
            sides.append(side_answer)
            side_retrievals.append(side_used)
            asked_sides.append(asked_side)
            hits += side_used.hits
        sides = parallel_sides(comparison, (sides[0], sides[1]), lambda i, choose: self._extract_one(
            retriever, asked_sides[i], side_retrievals[i], timings, settings, choose, side_acceptance, waivers[i]))
        elapsed = (time.perf_counter() - started) * 1000 - timings["compare_retrieval"]
        answer = answer_comparison(asked, comparison, sides, elapsed, hits,
                                   self._similarity(retriever, asked, retrieval, timings, settings))
        if answer.refused and comparison.stated_change:  # "比2024年多多少": the change the article states
            retrieve_started = time.perf_counter()
            change_retrieval = retriever.retrieve(comparison.stated_change, k=k, mode=mode, allowed=allowed)
            timings["compare_retrieval"] += (time.perf_counter() - retrieve_started) * 1000
            change = self._extract_one(retriever, comparison.stated_change, change_retrieval, timings, settings)
            if not change.refused and not is_baseline(change):  # "比上年的5896起" is the earlier figure, no change
                return replace(change, question=asked), list(change_retrieval.hits)
        return answer, hits

    def _extract_one(
        self, retriever: Retriever, asked: str, retrieval: Retrieval, timings: dict[str, float], settings: AnswerSettings,
        choose: Callable[[list[Candidate]], Candidate] | None = None,
        accept: Callable[[list[Candidate]], list[Candidate]] | None = None,
        waive: Callable[[Candidate, str], bool] | None = None,
    ) -> Answer:
        """One extractive answer, with sentence similarity to the question from the build's sentence vectors
        (the question vector comes from retrieval; keyword mode encodes it here, timed as answer_encode)."""
        similarity = self._similarity(retriever, asked, retrieval, timings, settings)
        return extract_answer(asked, list(retrieval.hits), similarity, settings, choose, accept, waive)

    def _similarity(
        self, retriever: Retriever, asked: str, retrieval: Retrieval, timings: dict[str, float], settings: AnswerSettings,
    ) -> Callable[[Sequence[str]], list[float]] | None:
        """Sentences' closeness in meaning to ``asked`` (the build's sentence vectors), or None without them."""
        if not (settings.semantic and retrieval.hits):
            return None
        vector = retrieval.query_vector
        if vector is None:
            encode_started = time.perf_counter()
            vector = self.encoder.encode_queries([asked])[0]
            timings["answer_encode"] = timings.get("answer_encode", 0.0) + (time.perf_counter() - encode_started) * 1000
        store = self._sentence_vectors(retriever.index)
        return lambda sentences: store.similarities(vector, sentences)

    def _sentence_vectors(self, index: Index) -> SentenceVectors:
        with self._use_lock:
            if self._sentences is None or self._sentences.build != index.directory:
                self._sentences = SentenceVectors(index.directory, self.encoder)
            return self._sentences

    @staticmethod
    def _with_source_details(index: Index, hits: Sequence[Hit], answer: Answer) -> Answer:
        """Each citation's article date (from the retrieved paragraph) and the other sources holding the same paragraph."""
        dates = {(h.paragraph.source, h.paragraph.number): h.paragraph.date for h in hits}
        citations = [
            replace(c, date=dates.get((c.source, c.paragraph)), also_in=index.table.also_in(c.source, c.paragraph))
            for c in answer.citations
        ]
        return replace(answer, citations=tuple(citations))

    def check(self, text: str, filters: Filters | None = None, k: int = CHECK_K, mode: str = CHECK_MODE) -> "CheckReport":
        """Fact-check ``text`` (one claim or a draft): each figure, date or name marked supported /
        contradicted / not_found against the articles (see rag.check). Bad input raises InvalidQuestion."""
        from .check import InvalidDraft, article_context, check_text, validate_draft

        try:
            check_draft_text(validate_draft(text))  # before any lookup: bad characters, absurd numbers
            with self._lease() as retriever:  # one build for the lookups of the articles' leads
                check_sources(retriever.index, filters)
                return check_text(text, lambda query: self.search(query, k=k, mode=mode, filters=filters, everyday_terms=False).hits, article_context(retriever.index),
                                  self._claim_similarity(retriever.index))
        except InvalidDraft as exc:
            raise InvalidQuestion(str(exc)) from None

    def _claim_similarity(self, index: Index):
        """rag.check.semantic's similarity: a claim (encoded as a query, once) against article sentences
        (the build's stored sentence vectors)."""
        store = self._sentence_vectors(index)
        vectors: dict[str, object] = {}

        def similarity(claim: str, sentences: Sequence[str]) -> list[float]:
            # A claim is a sentence; one that runs on for thousands of characters (a list with no full stop)
            # is encoded by its beginning, as a question is: encoding it whole took seconds and memory
            # growing with the square of its length.
            claim = claim[:MAX_QUESTION_CHARS]
            if claim not in vectors:
                vectors[claim] = self.encoder.encode_queries([claim])[0]
            return store.similarities(vectors[claim], sentences)

        return similarity

    def sources(self) -> list[dict]:
        """What is indexed, one row per source (as `rag list` shows it)."""
        with self._lease() as retriever:
            return retriever.index.table.listing()

    def stats(self) -> dict:
        """What the corpus panel shows: counts, encoder and when and how fast the index was built."""
        with self._lease() as retriever:
            manifest = retriever.index.manifest
            counts = retriever.index.table.counts()
        return {
            **counts,
            "encoder": manifest.get("encoder"),
            "dense_index": manifest.get("dense_index"),
            "build_seconds": manifest.get("build_seconds"),
            "built_at": manifest.get("built_at"),
            "corpus": str(self.corpus),
        }
