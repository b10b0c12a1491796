"""Train the learned acceptance (rag/answer/acceptance.py) on the development halves only.

For every dev question of the seeds (eval/everyday.jsonl), eval/fresh and eval/fresh2 (kinds
paraphrase, context, unanswerable) that reaches the decision (no sentence is lexically eligible and
no named place or period is missing), each admissible candidate gets its features and a label (its
sentence holds an expected answer; never, for an unanswerable question). A logistic regression is
cross-validated (5 folds by question) against the hand rule, at the question level: accepted
sentences, minus near misses, best score answers; none accepted refuses. Then it is fitted on all
dev rows and written to rag/answer/acceptance.json (unless --dry-run).

    PYTHONPATH=$PWD .venv/bin/python eval/train_acceptance.py [--dry-run] [--C 1.0]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from rag.answer.acceptance import FEATURES, WEIGHTS, admissible, features
from rag.answer.evidence import global_missing
from rag.answer.near_miss import near_miss, outcome_unsaid
from rag.answer.pipeline import _semantic_paraphrases
from rag.answer.question import analyze_question
from rag.answer.scoring import distinct_paragraph_hits, score_sentences, with_similarities
from rag.assistant import DEFAULT_CORPUS, DEFAULT_INDEX, Assistant
from rag.evaluate import default_index_dir, load_questions
from rag.metrics import any_answer_in

SETS = {
    "seeds": ("eval/everyday.jsonl", None),
    "fresh": ("eval/fresh_questions.jsonl", "eval/fresh"),
    "fresh2": ("eval/fresh2_questions.jsonl", "eval/fresh2"),
}
KINDS = ("paraphrase", "context", "unanswerable")


def collect(name: str) -> list[dict]:
    questions_file, corpus = SETS[name]
    rows = [q for q in load_questions(Path(questions_file)) if q.split == "dev" and q.kind in KINDS and not q.history]
    corpus_path = Path(corpus) if corpus else DEFAULT_CORPUS
    assistant = Assistant.open(corpus_path, default_index_dir(corpus_path) if corpus else DEFAULT_INDEX, llm=None)
    out = []
    with assistant._lease() as retriever:
        store = assistant._sentence_vectors(retriever.index)
        for q in rows:
            retrieval = retriever.retrieve(q.question, k=5, mode="hybrid")
            analysis = analyze_question(q.question)
            hits = distinct_paragraph_hits(list(retrieval.hits))
            if not hits or global_missing(analysis, hits):
                continue
            candidates = score_sentences(analysis, hits)
            if not candidates or any(c.eligible for c in candidates):
                continue
            candidates = with_similarities(candidates, lambda s: store.similarities(retrieval.query_vector, s))
            closest = max(c.similarity for c in candidates)
            sentences = list(dict.fromkeys(c.sentence for c in candidates))
            rule = {id(c) for c in _semantic_paraphrases(analysis, candidates)}
            items = []
            for c in candidates:
                if not admissible(c, analysis):
                    continue
                missed = bool((near_miss(c, analysis, sentences) if c.span is not None else None) or outcome_unsaid(c, analysis))
                items.append({
                    "x": features(c, analysis, closest, missed, sum(o.similarity > c.similarity for o in candidates)),
                    "y": int(q.answerable and any_answer_in(c.sentence, q.answers)),
                    "score": c.score, "near_miss": missed, "rule": id(c) in rule,
                })
            out.append({"set": name, "qid": q.qid, "answerable": q.answerable, "items": items})
    return out


BY = "score"


def outcome(question: dict, accepted: list[dict]) -> str:
    """right (answered correctly, or an unanswerable refused) / wrong / refused (answerable)."""
    kept = [i for i in accepted if not i["near_miss"]]
    if not kept:
        return "right" if not question["answerable"] else "refused"
    best = max(kept, key=lambda i: i[BY])
    return "right" if question["answerable"] and best["y"] else "wrong"


def totals(questions: list[dict], decide) -> dict:
    result = {}
    for name in SETS:
        qs = [q for q in questions if q["set"] == name]
        outs = [outcome(q, [i for i in q["items"] if decide(q, i)]) for q in qs]
        answerable = [o for q, o in zip(qs, outs) if q["answerable"]]
        unanswerable = [o for q, o in zip(qs, outs) if not q["answerable"]]
        result[name] = {
            "reached": len(qs),
            "answerable_right": sum(o == "right" for o in answerable), "answerable": len(answerable),
            "refused": sum(o == "refused" for o in answerable),
            "unanswerable_refused": sum(o == "right" for o in unanswerable), "unanswerable": len(unanswerable),
        }
    return result


def fit(questions: list[dict], c_value: float) -> dict:
    x = np.array([i["x"] for q in questions for i in q["items"]], dtype=float)
    y = np.array([i["y"] for q in questions for i in q["items"]])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c_value, max_iter=2000).fit((x - mean) / scale, y)
    return {"features": list(FEATURES), "coef": model.coef_[0].round(4).tolist(), "bias": round(float(model.intercept_[0]), 4),
            "mean": mean.round(5).tolist(), "scale": scale.round(5).tolist()}


def probability(weights: dict, x: list[float]) -> float:
    z = weights["bias"] + sum(w * (v - m) / s for w, v, m, s in zip(weights["coef"], x, weights["mean"], weights["scale"]))
    return 1 / (1 + np.exp(-z))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--by-p", action="store_true", help="answer with the most probable accepted sentence")
    parser.add_argument("--cache", default="/tmp/acceptance_rows.json")
    args = parser.parse_args()
    cache = Path(args.cache)
    if cache.exists():
        questions = json.loads(cache.read_text())
    else:
        questions = [q for name in SETS for q in collect(name)]
        cache.write_text(json.dumps(questions))
    print("rule      ", json.dumps(totals(questions, lambda q, i: i["rule"])))
    order = list(range(len(questions)))
    random.Random(11).shuffle(order)
    folds = [set(order[f::5]) for f in range(5)]
    held = {}
    for fold in folds:
        weights = fit([q for n, q in enumerate(questions) if n not in fold], args.C)
        for n in fold:
            held[questions[n]["qid"]] = weights
    global BY
    for q in questions:
        for i in q["items"]:
            i["p"] = float(probability(held[q["qid"]], i["x"]))
    if args.by_p:
        BY = "p"
    print("learned CV", json.dumps(totals(questions, lambda q, i: i["p"] >= args.threshold)))
    BY = "score"
    weights = fit(questions, args.C)
    weights["threshold"] = args.threshold
    print("learned fit", json.dumps(totals(questions, lambda q, i: probability(weights, i["x"]) >= args.threshold)))
    print(json.dumps(dict(zip(FEATURES, weights["coef"]))))
    if not args.dry_run:
        WEIGHTS.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
        print("written", WEIGHTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
