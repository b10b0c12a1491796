"""Dev-half rows of the fact check (issue 10): runs the dev claims and drafts of the seeds and every eval/freshN set
in one process, writes one JSON line per gold claim (cid, claim, gold verdict, ours, found, the cited sentence) to
--out, and prints the wrong 一致 (a not_found or contradicted claim told supported). Only split "dev" rows are read,
never test rows, and the never-seen set only when named in --sets.

    PYTHONPATH=$PWD .venv/bin/python -P eval/claims_dev_rows.py --out rows.jsonl [--sets seeds,fresh24] [--kinds claims]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from rag.assistant import DEFAULT_CORPUS, DEFAULT_INDEX, Assistant
from rag.check.evaluate import GoldDraft, _decisive, load_gold
from rag.evaluate import default_index_dir
from eval.sets import claim_sets

SETS = claim_sets(include_never_seen=True)  # the never-seen set only when named in --sets


def _sentence(citation) -> str:
    """The sentence of the cited paragraph holding its marked span, else the paragraph's start."""
    if citation is None:
        return ""
    text = citation.text
    at = citation.text_answer_start
    if at is None:
        return text[:120]
    start = max(text.rfind(mark, 0, at) for mark in "。！？；") + 1
    ends = [i for i in (text.find(mark, at) for mark in "。！？；") if i >= 0]
    return text[start:(min(ends) + 1 if ends else len(text))]


def _row(name: str, kind: str, cid: str, gold, inside) -> dict:
    predicted, chosen = _decisive(inside) if inside else ("missed", None)
    return {"set": name, "kind": kind, "cid": cid, "claim": gold.claim, "gold": gold.verdict, "correct": gold.correct,
            "evidence": gold.evidence, "predicted": predicted,
            "stated": chosen.claim.stated if chosen else None, "found": chosen.found if chosen else None,
            "reason": chosen.reason if chosen else None,
            "cited": _sentence(chosen.citations[0] if chosen and chosen.citations else None),
            "verdicts": [(c.claim.stated, c.verdict) for c in inside]}


def run(name: str, kinds: set[str], out) -> None:
    claims_file, drafts_file, corpus = SETS[name]
    corpus_path = Path(corpus) if corpus else DEFAULT_CORPUS
    index_dir = default_index_dir(corpus_path) if corpus else DEFAULT_INDEX
    assistant = Assistant.open(corpus_path, index_dir, llm=None)
    for kind, path in (("claims", claims_file), ("drafts", drafts_file)):
        if kind not in kinds or not Path(path).exists():
            continue
        for item in load_gold(Path(path)):
            if item.split != "dev":
                continue
            if isinstance(item, GoldDraft):
                report = assistant.check(item.draft)
                rows = []
                for gold in item.claims:
                    g_start = item.draft.find(gold.claim)
                    g_end = g_start + len(gold.claim)
                    inside = [c for c in report.claims if g_start <= c.claim.stated_start and c.claim.stated_end <= g_end]
                    rows.append(_row(name, kind, gold.cid, gold, inside))
            else:
                rows = [_row(name, kind, item.cid, item, list(assistant.check(item.claim).claims))]
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                if row["gold"] != "supported" and row["predicted"] == "supported":
                    print(json.dumps({k: row[k] for k in ("set", "kind", "cid", "claim", "gold", "correct", "stated", "cited")},
                                     ensure_ascii=False), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sets", default=",".join(claim_sets()))
    parser.add_argument("--kinds", default="claims,drafts")
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as out:
        for name in args.sets.split(","):
            run(name, set(args.kinds.split(",")), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
