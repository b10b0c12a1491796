"""The run loop the mutation probes share (eval/claim_mutations.py, eval/question_mutations.py): for each set, make its
mutants, keep the first ``limit``, open the set's corpus once and judge every mutant on it."""
from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Iterable


# The probes' figures stay comparable across sessions: they read the seeds and fresh..fresh10 only, never a later set
# (fresh11 on were each the never-seen set of their session, measured by the lead in totals).
PROBED_UP_TO = 10


def probed(name: str) -> bool:
    """Whether the probes read the set ``name`` ("seeds", "fresh", "fresh2" ... "fresh10"; not "fresh11" or later)."""
    number = name.removeprefix("fresh")
    return name == "seeds" or name == "fresh" or (name.startswith("fresh") and number.isdigit() and int(number) <= PROBED_UP_TO)


def probe(sets: Iterable[tuple[str, Path | None, object]], mutants_of: Callable, judge: Callable,
          limit: int | None = None, progress: bool = True) -> tuple[list[dict], float]:
    """(one record per mutant: its fields and what ``judge(assistant, mutant)`` returns, seconds taken).
    ``sets`` yields (name, corpus or None for the seeds, the set's own data); ``mutants_of(name, corpus, data)``."""
    from rag.assistant import DEFAULT_CORPUS, Assistant
    from rag.evaluate import default_index_dir

    records, started = [], time.perf_counter()
    for name, corpus, data in sets:
        corpus = corpus or DEFAULT_CORPUS
        mutants = mutants_of(name, corpus, data)
        if limit:
            mutants = mutants[:limit]
        if progress:
            print(f"{name}: {len(mutants)} mutants", file=sys.stderr)
        assistant = Assistant.open(corpus, default_index_dir(corpus), llm=None)
        for m in mutants:
            records.append({**asdict(m), **judge(assistant, m)})
    return records, time.perf_counter() - started


def write_report(summary: dict, records: list[dict], out: Path | None, as_json: bool) -> None:
    """``--out DIR``: summary.json and one line per mutant in mutants.jsonl; ``--json``: the summary on stdout."""
    if out:
        out.mkdir(parents=True, exist_ok=True)
        (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        with open(out / "mutants.jsonl", "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
