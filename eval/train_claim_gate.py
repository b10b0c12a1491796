"""Train the claim gate (rag/check/gate.py) and estimate it honestly, leave one set out.

Data: the DEV rows of the claims and drafts of seeds and the sets named in SETS below (seeds, fresh–fresh6; never a test half,
never gold/heldout), and the mutants of eval/claim_mutations.py (dev supported claims with one part changed: labelled
contradicted when the probe knows the original part, the page holding it, else not_found). Each claim is checked with
the gate switched off (``RAG_CHECK_ABLATE=gate``); the gate's hook records, for every figure and date claim the checker
finds, its feature vector, the rules' verdict and the rival figure the gate would report.

Training examples: each checked claim of a gold claim found as one claim (labelled with the gold verdict), and every
part of a gold 一致 found as several. A multinomial LogisticRegression (sklearn, lbfgs, standardised features, fixed C)
is fit; its coefficients and the thresholds are written to rag/check/gate.json (numpy reads them at run time).

Leave-one-set-out: for each set, a model trained on the others decides that set's rows; the figures (accuracy, wrong
一致, contradicted recall, found_correct, mutants 一致) are printed beside the rules' on the same rows. The two
thresholds (drop a 一致 below P(supported) t1; promote a 未找到 above P(contradicted) t2) are chosen on the summed
leave-one-set-out figures: fewest wrong 一致 first, then most right verdicts.

    PYTHONPATH=$PWD python eval/train_claim_gate.py [--collect] [--cache /tmp/claimgate9-data.json] [--no-write]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

SETS = ("seeds", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")
ORDER = ("contradicted", "not_found", "supported")
C = 0.5
DROP_GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
PROMOTE_GRID = (1.01, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4)
DEMOTE_GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3)
WRONG_SUPPORTED_COST = 3  # a wrong 一致 counts as three wrong verdicts when the thresholds are chosen


def _files(name: str) -> tuple[Path | None, Path, Path]:
    if name == "seeds":
        return None, ROOT / "eval/claims.jsonl", ROOT / "eval/claim_drafts.jsonl"
    return ROOT / "eval" / name, ROOT / f"eval/{name}_claims.jsonl", ROOT / f"eval/{name}_drafts.jsonl"


def collect(sets=SETS, progress=True) -> list[dict]:
    """One record per gold unit: set, source (claim / draft / mutant), gold verdict and correct value, and the parts (the
    checked claims inside it: rule verdict, found, feature vector or None, rival found)."""
    os.environ["RAG_CHECK_ABLATE"] = ",".join(p for p in (os.environ.get("RAG_CHECK_ABLATE", ""), "gate") if p)
    from claim_mutations import _pages, make_mutants, supported_dev
    from rag.assistant import DEFAULT_CORPUS, Assistant
    from rag.check import gate
    from rag.check.evaluate import load_gold
    from rag.evaluate import default_index_dir

    recorded: dict[tuple[int, int], tuple] = {}
    gate.RECORDER = lambda claim, vec, rule, gated, rival, rival_ok: recorded.__setitem__(
        (claim.stated_start, claim.stated_end), (vec, rival, rival_ok))

    def parts_of(report, start=None, end=None):
        out = []
        for c in report.claims:
            if start is not None and not (start <= c.claim.stated_start and c.claim.stated_end <= end):
                continue
            vec, rival, rival_ok = recorded.get((c.claim.stated_start, c.claim.stated_end), (None, None, False))
            out.append({"verdict": c.verdict, "found": c.found, "vec": vec, "rival": rival, "rival_ok": rival_ok})
        return out

    records = []
    for name in sets:
        corpus, claims_path, drafts_path = _files(name)
        corpus = corpus or DEFAULT_CORPUS
        assistant = Assistant.open(corpus, default_index_dir(corpus), llm=None)
        started, count = time.perf_counter(), 0
        for gold in load_gold(claims_path) if claims_path.exists() else []:
            if gold.split != "dev":
                continue
            recorded.clear()
            report = assistant.check(gold.claim)
            records.append({"set": name, "source": "claim", "id": gold.cid, "gold": gold.verdict, "correct": gold.correct,
                            "parts": parts_of(report)})
            count += 1
        for draft in load_gold(drafts_path) if drafts_path.exists() else []:
            if draft.split != "dev":
                continue
            recorded.clear()
            report = assistant.check(draft.draft)
            for gold in draft.claims:
                g_start = draft.draft.find(gold.claim)
                records.append({"set": name, "source": "draft", "id": gold.cid, "gold": gold.verdict, "correct": gold.correct,
                                "parts": parts_of(report, g_start, g_start + len(gold.claim))})
            count += 1
        mutants = make_mutants(name, supported_dev([claims_path, drafts_path]), _pages(corpus), 8)
        for m in mutants:
            recorded.clear()
            report = assistant.check(m.claim)
            records.append({"set": name, "source": "mutant", "id": m.cid, "gold": "contradicted" if m.correct else "not_found",
                            "correct": m.correct, "parts": parts_of(report)})
            count += 1
        if progress:
            print(f"{name}: {count} checks, {len(mutants)} mutants, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    gate.RECORDER = None
    return records


def examples(records: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for r in records:
        parts = [p for p in r["parts"] if p["vec"] is not None]
        if len(r["parts"]) == 1 and parts or r["gold"] == "supported":
            for p in parts:
                xs.append(p["vec"])
                ys.append(r["gold"])
    return np.asarray(xs, dtype=float), np.asarray(ys)


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=C, max_iter=5000, solver="lbfgs", random_state=0)
    model.fit((x - mean) / scale, y)
    return {"classes": [str(c) for c in model.classes_], "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
            "mean": mean.tolist(), "scale": scale.tolist(), "_coef": model.coef_, "_intercept": model.intercept_,
            "_mean": mean, "_scale": scale}


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    """Probabilities, columns in the order supported, contradicted, not_found."""
    z = ((x - model["_mean"]) / model["_scale"]) @ model["_coef"].T + model["_intercept"]
    z = np.exp(z - z.max(axis=1, keepdims=True))
    p = z / z.sum(axis=1, keepdims=True)
    cols = [model["classes"].index(c) for c in ("supported", "contradicted", "not_found")]
    return p[:, cols]


def attach(records: list[dict], model: dict) -> None:
    """Each part's gate probabilities under ``model``, as "p"."""
    parts = [p for r in records for p in r["parts"] if p["vec"] is not None]
    if not parts:
        return
    probs = predict(model, np.asarray([p["vec"] for p in parts], dtype=float))
    for p, row in zip(parts, probs):
        p["p"] = row.tolist()


def gated(part: dict, drop: float | None, promote: float | None, demote: float = 0.0) -> tuple[str, str | None]:
    """A part's verdict and found under the thresholds, decided by gate.decide itself (the code that runs in use)."""
    from rag.check.gate import decide

    verdict, found = part["verdict"], part["found"]
    if drop is None or part["vec"] is None or "p" not in part:
        return verdict, found
    ps, pc, pn = part["p"]
    rival_ok = part["rival"] is not None and part["rival_ok"]
    after = decide(verdict, {"supported": ps, "contradicted": pc, "not_found": pn}, rival_ok,
                   {"drop_supported": drop, "promote_contradicted": promote, "demote_contradicted": demote})
    if after == verdict:
        return verdict, found
    return after, (part["rival"] if after == "contradicted" else None)


def score(records: list[dict], drop: float | None = None, promote: float | None = None, demote: float = 0.0) -> dict:
    from rag.check.evaluate import found_holds

    n = right = wrong_sup = c_n = c_right = fc_n = fc_right = 0
    for r in records:
        verdicts = [gated(p, drop, promote, demote) for p in r["parts"]]
        if not verdicts:
            predicted, found = ("missed" if r["source"] == "draft" else "not_found"), None
        else:
            predicted, found = next(((v, f) for want in ORDER for v, f in verdicts if v == want))
        n += 1
        right += predicted == r["gold"]
        wrong_sup += predicted == "supported" and r["gold"] != "supported"
        if r["gold"] == "contradicted":
            c_n += 1
            c_right += predicted == "contradicted"
            if r["correct"]:
                fc_n += 1
                fc_right += predicted == "contradicted" and found_holds(found, r["correct"])
    return {"n": n, "right": right, "wrong_supported": wrong_sup, "contradicted": c_n, "contradicted_right": c_right,
            "fc_n": fc_n, "fc_right": fc_right}


def _fmt(s: dict) -> str:
    acc = s["right"] / s["n"] if s["n"] else 0
    rec = s["contradicted_right"] / s["contradicted"] if s["contradicted"] else 0
    fc = s["fc_right"] / s["fc_n"] if s["fc_n"] else 0
    return f"n {s['n']:4d} acc {acc:.3f} wrong一致 {s['wrong_supported']:2d} c-recall {rec:.3f} found_correct {fc:.3f}"


def _add(a: dict, b: dict) -> dict:
    return {k: a.get(k, 0) + b[k] for k in b}


def loso(records: list[dict]) -> dict[str, list[dict]]:
    """For each set, its records with "p" from a model trained on every other set."""
    held = {}
    for name in SETS:
        train = [r for r in records if r["set"] != name]
        test = [dict(r, parts=[dict(p) for p in r["parts"]]) for r in records if r["set"] == name]
        if not test:
            continue
        attach(test, fit(*examples(train)))
        held[name] = test
    return held


def _moved(records: list[dict], drop: float, promote: float, demote: float) -> str:
    fixed = broken = 0
    for r in records:
        before, after = score([r])["right"], score([r], drop, promote, demote)["right"]
        fixed += after > before
        broken += after < before
    return f"{fixed} / {broken}"


def objective(s: dict, m: dict) -> float:
    return s["right"] - WRONG_SUPPORTED_COST * s["wrong_supported"] + m["right"] - WRONG_SUPPORTED_COST * m["wrong_supported"]


def cache_meta() -> dict:
    """What a cache of collected rows depends on: the feature names and the gate's source (a hash)."""
    from rag.check.gate import FEATURE_NAMES, model_hash

    return {"features": list(FEATURE_NAMES), "gate_hash": model_hash(), "sets": list(SETS)}


def read_cache(path: Path) -> list[dict]:
    """The cached rows, refused when they were computed by other features or another gate.py."""
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = data.get("meta") if isinstance(data, dict) else None
    want = cache_meta()
    if meta != want:
        why = ("no meta (an older cache)" if meta is None else
               ", ".join(k for k in want if meta.get(k) != want[k]) + " differ")
        raise SystemExit(f"{path}: computed by other code ({why}); run again with --collect")
    n = len(want["features"])
    if any(p["vec"] is not None and len(p["vec"]) != n for r in data["records"] for p in r["parts"]):
        raise SystemExit(f"{path}: a feature vector is not {n} long; run again with --collect")
    return data["records"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claimgate9-data.json"))
    parser.add_argument("--collect", action="store_true", help="check every row again (else read the cache when it exists)")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--drop", type=int, nargs="*", help="feature indices to leave out (ablation)")
    args = parser.parse_args(argv)
    from rag.check.gate import FEATURE_NAMES, MODEL_PATH

    if args.collect or not args.cache.exists():
        records = collect()
        args.cache.write_text(json.dumps({"meta": cache_meta(), "records": records}, ensure_ascii=False), encoding="utf-8")
    else:
        records = read_cache(args.cache)
    if args.drop:
        for r in records:
            for p in r["parts"]:
                if p["vec"] is not None:
                    p["vec"] = [0.0 if i in args.drop else v for i, v in enumerate(p["vec"])]
    held = loso(records)
    every = [r for rs in held.values() for r in rs]
    dev = lambda rs: [r for r in rs if r["source"] != "mutant"]
    mut = lambda rs: [r for r in rs if r["source"] == "mutant"]
    best = None
    for drop in DROP_GRID:
        for promote in PROMOTE_GRID:
            for demote in DEMOTE_GRID:
                value = objective(score(dev(every), drop, promote, demote), score(mut(every), drop, promote, demote))
                if best is None or value > best[0] + 1e-9:
                    best = (value, drop, promote, demote)
    _, drop, promote, demote = best
    print(f"thresholds chosen on the summed leave-one-set-out figures: drop 一致 below P(supported) {drop}, "
          f"promote 未找到 above P(contradicted) {promote}, demote 不一致 below P(contradicted) {demote}")
    totals = defaultdict(dict)
    print("| set | rows | rules | gate (leave this set out) | mutants 一致 rules → gate | mutants right rules → gate | dev rows fixed / broken |")
    for name, rs in held.items():
        rules, gated_ = score(dev(rs)), score(dev(rs), drop, promote, demote)
        m_rules, m_gate = score(mut(rs)), score(mut(rs), drop, promote, demote)
        print(f"| {name} | {rules['n']} | {_fmt(rules)} | {_fmt(gated_)} | {m_rules['wrong_supported']} → "
              f"{m_gate['wrong_supported']} of {m_rules['n']} | {m_rules['right']} → {m_gate['right']} | {_moved(dev(rs), drop, promote, demote)} |")
        for key, s in (("rules", rules), ("gate", gated_), ("m_rules", m_rules), ("m_gate", m_gate)):
            totals[key] = _add(totals[key], s)
    print(f"| all | | {_fmt(totals['rules'])} | {_fmt(totals['gate'])} | {totals['m_rules']['wrong_supported']} → "
          f"{totals['m_gate']['wrong_supported']} of {totals['m_rules']['n']} | {totals['m_rules']['right']} → {totals['m_gate']['right']} | |")
    model = fit(*examples(records))
    if not args.no_write:
        out = {k: v for k, v in model.items() if not k.startswith("_")}
        out.update({"features": list(FEATURE_NAMES), "C": C, "thresholds": {"drop_supported": drop, "promote_contradicted": promote,
                                                                   "demote_contradicted": demote},
                    "trained_on": "dev rows of claims and drafts of " + ",".join(SETS) + " and their mutants (eval/claim_mutations.py, seed 8)"})
        MODEL_PATH.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)}")
    weights = np.abs(np.asarray(model["coef"])).max(axis=0)
    top = sorted(zip(weights, FEATURE_NAMES), reverse=True)[:12]
    print("largest weights:", ", ".join(f"{n} {w:.2f}" for w, n in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
