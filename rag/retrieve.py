"""Hybrid retrieval: keyword (BM25) and dense (FAISS) candidates fused by rank, then reranked.

Each leg returns a generous pool; fusion works on ranks (reciprocal rank
fusion), so the legs' incomparable score scales never have to be calibrated;
the fused pool is then reranked by how much of the question each candidate
covers, how close in meaning its paragraph's closest sentence is (rag.rerank), and whether its
paragraph states a figure of the kind the question asks for (rag.asked_figure). Each hit keeps both legs' own scores and ranks, and the
coverage as "overlap", so a user can see why a passage ranked where it did. Hits are per paragraph: the best chunk of a
paragraph stands for it, since a paragraph is what gets cited.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import numpy as np

from .encoders import Encoder
from .query_terms import article_reading
from .index import Index
from .asked_figure import asked_figure, states_asked_figure
from .rerank import COVERAGE_WEIGHT, FIGURE_MIN_COVERAGE, FIGURE_WEIGHT, SENTENCE_MARGIN, SENTENCE_WEIGHT, question_bigrams, question_coverage
from .schema import RETRIEVAL_MODES, Chunk, Hit
from .sentence_vectors import paragraph_sentences, stored_sentence_vectors
from .vector_cache import text_key

CANDIDATE_POOL = 50
RRF_K = 60
# Weights of the legs' reciprocal ranks in hybrid mode.
LEG_WEIGHTS = {"keyword": 1.0, "dense": 1.0}


# (chunk id, score, each leg's score, each leg's 1-based rank)
Fused = tuple[int, float, dict[str, float], dict[str, int]]


def rerank_by_coverage(query: str, fused: list[Fused], chunks: Mapping[int, Chunk],
                       closeness: Mapping[tuple[str, int], float] | None = None,
                       sentence_weight: float = SENTENCE_WEIGHT,
                       paragraph_text: Callable[[str, int], str] | None = None,
                       figure_weight: float = FIGURE_WEIGHT, reading: str | None = None) -> list[Fused]:
    """Add the question's coverage by each candidate (see rag.rerank) to its fused score, and, given
    ``closeness`` (each paragraph's best sentence similarity to the question), a penalty for how far its
    paragraph's closest sentence falls behind the pool's closest (beyond SENTENCE_MARGIN). Given
    ``paragraph_text`` ((source, paragraph number) -> text), a bonus for a paragraph that states a figure of
    the kind the question asks for (rag.asked_figure), when the candidate covers at least FIGURE_MIN_COVERAGE of the
best coverage in the pool (a figure in a paragraph about something else answers nothing). Given ``reading`` (the question
with its everyday words in the article's terms, rag.query_terms), a candidate's coverage is the better of the two."""
    bigrams = question_bigrams(query)
    top = max(closeness.values()) if closeness else 0.0
    asked = asked_figure(query) if paragraph_text is not None and figure_weight else None
    stated: dict[tuple[str, int], bool] = {}
    coverages = {item: question_coverage(bigrams, chunks[item].index_text) if item in chunks else 0.0 for item, *_ in fused}
    if reading and reading != query:  # the question in the article's terms (rag.query_terms): the better wording counts
        read = question_bigrams(reading)
        coverages = {item: max(coverage, question_coverage(read, chunks[item].index_text)) if item in chunks else coverage
                     for item, coverage in coverages.items()}
    enough = FIGURE_MIN_COVERAGE * max(coverages.values(), default=0.0)
    rescored = []
    for item, score, leg_scores, leg_ranks in fused:
        chunk = chunks.get(item)
        coverage = coverages[item]
        score += COVERAGE_WEIGHT * coverage
        if closeness and chunk is not None:
            behind = top - closeness.get((chunk.source, chunk.paragraph), 0.0)
            score -= sentence_weight * max(0.0, behind - SENTENCE_MARGIN)
        if asked is not None and chunk is not None and paragraph_text is not None and coverage >= enough:
            key = (chunk.source, chunk.paragraph)
            if key not in stated:
                stated[key] = states_asked_figure(asked, paragraph_text(*key))
            score += figure_weight * stated[key]
        rescored.append((item, score, {**leg_scores, "overlap": round(coverage, 4)}, leg_ranks))
    rescored.sort(key=lambda row: (-row[1], row[0]))
    return rescored


@dataclass(frozen=True)
class Retrieval:
    hits: tuple[Hit, ...]
    timings_ms: Mapping[str, float] = field(default_factory=dict)
    query_vector: Any = None  # the question's dense vector when this retrieval encoded it (the answer stage reuses it)


def fuse_rankings(
    rankings: Mapping[str, list[tuple[int, float]]],
    weights: Mapping[str, float] = LEG_WEIGHTS,
    rrf_k: int = RRF_K,
) -> list[Fused]:
    """Reciprocal rank fusion of each leg's (id, score) list, best first.

    Returns (id, fused score, each leg's score, each leg's 1-based rank).
    """
    fused: dict[int, float] = {}
    scores: dict[int, dict[str, float]] = {}
    ranks: dict[int, dict[str, int]] = {}
    for leg, ranking in rankings.items():
        for rank, (item, score) in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + weights.get(leg, 1.0) / (rrf_k + rank)
            scores.setdefault(item, {})[leg] = score
            ranks.setdefault(item, {})[leg] = rank
    order = sorted(fused, key=lambda item: (-fused[item], item))
    return [(item, fused[item], scores[item], ranks[item]) for item in order]


class Retriever:
    def __init__(self, index: Index, encoder: Encoder, pool: int = CANDIDATE_POOL, sentence_weight: float = SENTENCE_WEIGHT,
                 figure_weight: float = FIGURE_WEIGHT):
        self.index = index
        self.encoder = encoder
        self.pool = pool
        self.sentence_weight = sentence_weight
        self.figure_weight = figure_weight
        # each paragraph's rows in the build's stored sentence vectors (None: some sentence is not stored);
        # a build's paragraphs never change, and a refresh makes a new Retriever
        self._sentence_rows: dict[tuple[str, int], tuple[int, ...] | None] = {}

    def sentence_closeness(self, vector: Any, chunks: Mapping[int, Chunk]) -> dict[tuple[str, int], float] | None:
        """Each candidate paragraph's best cosine similarity of a stored sentence vector to the question
        (0 for a paragraph with no sentence of 4 characters or more). None, and the term is off, when
        the build stores no sentence vectors or lacks some of these paragraphs' (nothing is encoded here)."""
        rows, matrix = stored_sentence_vectors(getattr(self.index, "directory", None))
        if not rows:
            return None
        keys = list(dict.fromkeys((chunk.source, chunk.paragraph) for chunk in chunks.values()))
        owners: list[int] = []
        wanted: list[int] = []
        for n, key in enumerate(keys):
            if key not in self._sentence_rows:
                found = [rows.get(text_key(s)) for s in paragraph_sentences(self.index.table.paragraph(*key).text)]
                self._sentence_rows[key] = None if None in found else tuple(found)
            paragraph_rows = self._sentence_rows[key]
            if paragraph_rows is None:
                return None
            owners += [n] * len(paragraph_rows)
            wanted += paragraph_rows
        best = [0.0] * len(keys)
        if wanted:
            vectors = matrix[wanted]
            q = np.asarray(vector, dtype=np.float32)
            norms = np.linalg.norm(vectors, axis=1) * (float(np.linalg.norm(q)) or 1.0)
            similarity = (vectors @ q) / np.where(norms == 0, 1.0, norms)
            seen: set[int] = set()
            for n, value in zip(owners, similarity.tolist()):
                best[n] = value if n not in seen else max(best[n], value)
                seen.add(n)
        return dict(zip(keys, best))

    def retrieve(self, query: str, k: int = 5, mode: str = "hybrid", allowed: set[int] | None = None,
                 everyday_terms: bool = True) -> Retrieval:
        """The k paragraphs best answering ``query``; with ``everyday_terms`` (a reader's question) its everyday words are
        also read in the articles' terms (rag.query_terms); a draft's claim is looked up as written (rag.check)."""
        if mode not in RETRIEVAL_MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}; choose one of {', '.join(RETRIEVAL_MODES)}")
        timings: dict[str, float] = {}
        clock = time.perf_counter()

        def lap(name: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            timings[name] = (now - clock) * 1000
            clock = now

        # Several chunks may share a paragraph, so ask each leg for more than k.
        pool = max(self.pool, 3 * k)
        reading = article_reading(query) if everyday_terms else query  # the question in the article's terms (rag.query_terms)
        rankings: dict[str, list[tuple[int, float]]] = {}
        if mode in ("hybrid", "keyword"):
            tokens = self.index.tokenizer.tokenize(query)
            if reading != query:
                tokens += [token for token in dict.fromkeys(self.index.tokenizer.tokenize(reading)) if token not in tokens]
            lap("tokenize")
            rankings["keyword"] = self.index.keyword.search(tokens, pool, allowed=allowed)
            lap("bm25")
        vector = None
        if mode in ("hybrid", "dense"):
            vector = self.encoder.encode_queries([query])[0]
            lap("encode")
            rankings["dense"] = self.index.dense.search(vector, pool, allowed=allowed)
            lap("faiss")
        if mode == "hybrid":
            fused = fuse_rankings(rankings)
        else:
            (leg, ranking), = rankings.items()
            fused = [(item, score, {leg: score}, {leg: rank}) for rank, (item, score) in enumerate(ranking, start=1)]
        lap("fusion")
        chunks = self.index.table.chunks([item for item, *_ in fused])
        lap("lookup")
        if mode == "hybrid":
            closeness = self.sentence_closeness(vector, chunks) if self.sentence_weight else None
            fused = rerank_by_coverage(query, fused, chunks, closeness, self.sentence_weight,
                                       lambda source, number: self.index.table.paragraph(source, number).text, self.figure_weight,
                                       reading)
            lap("rerank")
        hits = self._paragraph_hits(fused, chunks, k)
        lap("paragraphs")
        timings["total"] = sum(timings.values())
        return Retrieval(tuple(hits), timings, vector)

    def _paragraph_hits(self, fused: list[Fused], chunks: Mapping[int, Chunk], k: int) -> list[Hit]:
        """The best chunk of each paragraph, until k paragraphs are found."""
        hits: list[Hit] = []
        seen: set[tuple[str, int]] = set()
        for item, score, leg_scores, leg_ranks in fused:
            chunk = chunks.get(item)
            if chunk is None:
                continue
            key = (chunk.source, chunk.paragraph)
            if key in seen:
                continue
            seen.add(key)
            paragraph = self.index.table.paragraph(chunk.source, chunk.paragraph)
            hits.append(Hit(chunk, paragraph, score, leg_scores, leg_ranks))
            if len(hits) == k:
                break
        return hits
