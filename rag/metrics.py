"""Pure evaluation metrics: text matching, rank metrics and their summaries.

Nothing here touches an index or a model, so every rule can be checked on
hand-made rankings. A rank is 1-based; ``None`` means "not found in what was
looked at".
"""
from __future__ import annotations

import math
import re
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


# what a comparison's answer quotes in brackets, each side's value ("惠来县更多（惠来县 4180个[1]，揭西县 3960个[2]）"),
# is its evidence, not its verdict: an outermost bracket holding a figure; a side's own name may hold one without
# ("乡镇（街道）分馆"), and a quoted bracket may hold a name's ("（乡镇（街道）分馆 5个[2]）")
_OPEN, _CLOSE = "（(", "）)"
# a question asking only how much two sides differ or how many times ("A比B多多少", "相差多少", "是B的几倍"):
# no side to name, the figure is the answer
_HOW_MUCH = re.compile(r"多少|几|相差|差距")
_WHICH = re.compile(r"哪|谁")
_FIGURE = re.compile(r"\d")


def verdict(text: str) -> str:
    """``text`` without the values it quotes in brackets: what an answer states, not what it cites."""
    kept, depth, start = [], 0, 0
    for at, char in enumerate(text):
        if char in _OPEN:
            if depth == 0:
                kept.append(text[start:at])
                start = at
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                group = text[start:at + 1]
                kept.append("" if _FIGURE.search(group) else group)
                start = at + 1
    kept.append(text[start:])
    return "".join(kept)


def comparison_answer_in(question: str, short: str, answer: str, answers: Iterable[str]) -> bool:
    """Whether a comparison's answer names what ``question`` asks: the short answer (the winner with its own value,
    the difference, the ratio) or the answer's verdict (``verdict``: not the values it quotes of both sides, so
    naming the loser the winner while quoting the winner's figure is wrong). A question asking how much only (no
    哪/谁) wants one of the expected figures: the difference or ratio; a side's name alone does not say it."""
    answers = list(answers)
    if _HOW_MUCH.search(question) and not _WHICH.search(question):
        answers = [expected for expected in answers if _FIGURE.search(expected)] or answers
    return any_answer_in(short, answers) or any_answer_in(verdict(answer), answers)


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
