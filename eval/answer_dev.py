"""Dev-half harness for the answer decision (issue 11): runs the dev rows of the seeds
(eval/everyday.jsonl) and every unseen-page set eval/freshN (found on disk) in one process and prints totals by
kind per set, and with --rows the failed dev rows. Only --split dev rows are read (never test rows), and the
never-seen set (NEVER_SEEN in eval/sets.py) only when named in --sets.

    PYTHONPATH=$PWD .venv/bin/python eval/answer_dev.py [--rows] [--sets seeds,fresh,fresh2,fresh3,fresh4]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rag.assistant import DEFAULT_CORPUS, DEFAULT_INDEX, Assistant
from rag.evaluate import default_index_dir, evaluate_question, load_questions
from eval.sets import question_sets

SETS = question_sets(include_never_seen=True)  # the never-seen set only when named in --sets


def run(name: str, rows: bool, kinds: set[str] | None) -> dict:
    questions_file, corpus = SETS[name]
    questions = [q for q in load_questions(Path(questions_file)) if q.split == "dev"]
    if kinds:
        questions = [q for q in questions if q.kind in kinds]
    corpus_path = Path(corpus) if corpus else DEFAULT_CORPUS
    index_dir = default_index_dir(corpus_path) if corpus else DEFAULT_INDEX
    assistant = Assistant.open(corpus_path, index_dir, llm=None)
    by_kind: dict[str, list] = {}
    for q in questions:
        r = evaluate_question(assistant, q, "hybrid", 5)
        by_kind.setdefault(q.kind, []).append(r)
        bad = (q.answerable and not r.correct) or (not q.answerable and not r.refused)
        if rows and bad:
            print(json.dumps({"set": name, "qid": q.qid, "kind": q.kind, "q": q.question, "gold": q.answers[:1],
                              "cause": r.cause, "answer": r.answer[:160]}, ensure_ascii=False))
    out = {}
    for kind, rs in sorted(by_kind.items()):
        if kind == "unanswerable":
            out[kind] = (len(rs), round(sum(r.refused for r in rs) / len(rs), 3))
        else:
            out[kind] = (len(rs), round(sum(bool(r.correct) for r in rs) / len(rs), 3),
                         round(sum(r.refused for r in rs) / len(rs), 3))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", action="store_true")
    parser.add_argument("--sets", default=",".join(question_sets()))
    parser.add_argument("--kinds", default="")
    args = parser.parse_args()
    kinds = set(args.kinds.split(",")) if args.kinds else None
    for name in args.sets.split(","):
        print(name, run(name, args.rows, kinds), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
