"""Small measuring tools shared by the benchmark's workers: percentiles, memory, load, disk."""
from __future__ import annotations

import os
import resource
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np


def percentiles(values: Sequence[float]) -> dict[str, float | None]:
    """p50/p95/mean of a list of milliseconds (None when empty)."""
    if not values:
        return {"p50": None, "p95": None, "mean": None, "n": 0}
    array = np.asarray(values, dtype=np.float64)
    return {
        "p50": round(float(np.percentile(array, 50)), 3),
        "p95": round(float(np.percentile(array, 95)), 3),
        "mean": round(float(array.mean()), 3),
        "n": int(len(array)),
    }


def stage_percentiles(rows: Iterable[Mapping[str, float]]) -> dict[str, dict]:
    """Per-stage percentiles of a list of timings_ms dictionaries."""
    by_stage: dict[str, list[float]] = {}
    for row in rows:
        for stage, value in row.items():
            by_stage.setdefault(stage, []).append(float(value))
    return {stage: percentiles(values) for stage, values in by_stage.items()}


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def current_rss_mib() -> float:
    """Resident memory now, from /proc (mapped index pages count once touched)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return float("nan")


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def busy(threshold: float | None = None) -> bool:
    """Whether the 1-minute load says other work competed for the cores."""
    cores = os.cpu_count() or 1
    return os.getloadavg()[0] > (threshold if threshold is not None else cores + 0.5)


def disk_mib(path: Path) -> float:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                pass
    return round(total / 2**20, 2)
