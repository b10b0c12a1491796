"""Pure evaluation metrics: text matching, rank metrics and their summaries.

Nothing here touches an index or a model, so every rule can be checked on
hand-made rankings. A rank is 1-based; ``None`` means "not found in what was
looked at".
"""
from __future__ import annotations

import math
from typing import Iterable, Mapping, Sequence

HIT_KS = (1, 3, 5, 10)
MRR_K = 10


def squash(text: str) -> str:
    """``text`` without any whitespace: the seeds are hard-wrapped with layout spaces,
    so "3792.64 万元" broken over two lines must still match "3792.64万元"."""
    return "".join(text.split())


def contains_squashed(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack``, ignoring all whitespace; an empty needle never does."""
    needle = squash(needle)
    return bool(needle) and needle in squash(haystack)


def any_answer_in(text: str, answers: Iterable[str]) -> bool:
    """Whether any expected answer string occurs in ``text`` (whitespace-insensitive)."""
    return any(contains_squashed(text, answer) for answer in answers)


def first_relevant_rank(relevant: Sequence[bool]) -> int | None:
    """1-based rank of the first relevant item of a ranking, None when none is."""
    for rank, is_relevant in enumerate(relevant, start=1):
        if is_relevant:
            return rank
    return None


def hit_at(rank: int | None, k: int) -> bool:
    return rank is not None and rank <= k


def reciprocal_rank(rank: int | None, k: int = MRR_K) -> float:
    """1/rank when the first relevant item is within the top k, else 0."""
    return 1.0 / rank if hit_at(rank, k) else 0.0


def mean(values: Sequence[float]) -> float | None:
    """The mean, or None for no values (a metric with no questions to judge is unknown, not zero)."""
    return sum(values) / len(values) if values else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) with linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def rank_metrics(ranks: Sequence[int | None]) -> dict[str, float | None]:
    """hit@1/3/5/10 and mrr@10 over the first relevant ranks of the judged questions."""
    metrics: dict[str, float | None] = {f"hit@{k}": mean([float(hit_at(r, k)) for r in ranks]) for k in HIT_KS}
    metrics[f"mrr@{MRR_K}"] = mean([reciprocal_rank(r, MRR_K) for r in ranks])
    return metrics


def hit_curve(ranks: Sequence[int | None], max_k: int = MRR_K) -> list[float | None]:
    """hit@k for k = 1..max_k, for the plot."""
    return [mean([float(hit_at(r, k)) for r in ranks]) for k in range(1, max_k + 1)]


def latency_summary(timings: Iterable[Mapping[str, float]]) -> dict[str, dict[str, float | None]]:
    """p50/p95 in ms for each stage seen; a stage counts only over the runs that had it
    (keyword mode never encodes, so its ``encode`` stage is absent, not zero)."""
    by_stage: dict[str, list[float]] = {}
    for timing in timings:
        for stage, ms in timing.items():
            by_stage.setdefault(stage, []).append(float(ms))
    return {
        stage: {"p50": _round(percentile(values, 50)), "p95": _round(percentile(values, 95))}
        for stage, values in by_stage.items()
    }


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)
