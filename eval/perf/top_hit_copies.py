"""Where a scaled benchmark index's first hit comes from: the real gold document, an edited copy of it, or another.

    PYTHONPATH=. python eval/perf/top_hit_copies.py INDEX_DIR [N] [BENCH_DIR]

bench_perf's scaled corpora hold up to dozens of near-identical edited copies of each real document
(eval/perf/synth.py), and its hit@k counts only the real one. This tells a ranking that prefers a copy
(tie-breaking among near-duplicates) from one that misses the document (docs/milvus.md, 100k figures).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from perf.workers import _questions  # noqa: E402
from rag.assistant import Assistant  # noqa: E402
from rag.encoders import make_encoder  # noqa: E402
from rag.index import load_index  # noqa: E402

COPY_MARK = "~v"  # synth.py names copy c of document d "d~vc"


def main(index: Path, n: int, bench: Path) -> dict:
    assistant = Assistant(load_index(index), make_encoder(), index, llm=None)
    counts = {"top_is_real_gold": 0, "top_is_edited_copy_of_gold": 0, "top_is_other_doc": 0}
    for question in _questions(bench, n):
        hits = assistant.search(question.question, k=5).hits
        if hits and question.is_relevant(hits[0]):
            counts["top_is_real_gold"] += 1
        elif hits and hits[0].chunk.source.split(COPY_MARK)[0] in question.gold_docs:
            counts["top_is_edited_copy_of_gold"] += 1
        else:
            counts["top_is_other_doc"] += 1
    return {"index": str(index), "questions": n, **counts}


if __name__ == "__main__":
    args = sys.argv[1:]
    print(json.dumps(main(Path(args[0]), int(args[1]) if len(args) > 1 else 50,
                          Path(args[2]) if len(args) > 2 else Path("/work/shared/bench/cmrc2018_dev"))))
