"""Write the seeds as a bench folder (corpus.jsonl + questions.jsonl) for eval/bench_perf.py --base.

    PYTHONPATH=. .venv/bin/python eval/perf/seed_bench.py /tmp/seedbench [INDEX_DIR]

One document per seed paragraph (its vectors are already in the cache from the
seed index, so scaling needs no encoding); the questions are the gold
questions with evidence and no conversation, their gold documents the
paragraphs that contain the evidence. Used for docs/milvus.md's 10k figures.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from rag.index import load_index
    from rag.metrics import contains_squashed

    out = Path(sys.argv[1])
    index = load_index(Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "index")
    out.mkdir(parents=True, exist_ok=True)
    docs = [(f"{p.source}#{p.number}", p) for p in index.table.all_paragraphs()]
    with open(out / "corpus.jsonl", "w", encoding="utf-8") as handle:
        for doc_id, p in docs:
            handle.write(json.dumps({"doc_id": doc_id, "title": p.title or "", "text": p.text}, ensure_ascii=False) + "\n")
    written = 0
    with open(out / "questions.jsonl", "w", encoding="utf-8") as handle:
        for line in (ROOT / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            gold = [doc_id for doc_id, p in docs if q.get("evidence") and contains_squashed(p.text, q["evidence"])]
            if gold and not q.get("history"):
                written += 1
                handle.write(json.dumps({"qid": q["qid"], "question": q["question"], "answers": q["answers"], "doc_ids": gold},
                                        ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {written} questions in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
