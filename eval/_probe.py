"""The run loop the mutation probes share (eval/claim_mutations.py, eval/question_mutations.py): for each set, make its
mutants, keep the first ``limit``, open the set's corpus once and judge every mutant on it."""
from __future__ import annotations

import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Iterable


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
