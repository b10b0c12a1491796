"""Refusal audit of the answer stage on the dev halves (issue 11, session 16): each dev question of the seeds and the
unseen-page sets (never the never-seen set, eval/sets.py) is asked once, and for each refusal the check that decided it is recorded (a near-miss
check nm:<name>, a late check by its name in pipeline.LATE_CHECKS, global:entity|period|figure from evidence.global_missing,
or cand:<objection>:<Lack>:<reason> for the best rejected sentence), one JSON line per row:

    PYTHONPATH=$PWD .venv/bin/python eval/refusal_audit.py OUT.jsonl [seeds,fresh5,...]
"""
import json, re, sys, time
from pathlib import Path

import rag.answer.pipeline as P
from rag.assistant import DEFAULT_CORPUS, DEFAULT_INDEX, Assistant
from rag.evaluate import default_index_dir, evaluate_question, load_questions
from eval.sets import question_sets

EV = []          # refusal events of extract_answer calls for the current question
NAMES = {}       # returned near-miss string -> check name

def wrap_ret(fn, name_of):
    def w(*a, **k):
        r = fn(*a, **k)
        if r:
            nm = name_of(r)
            val = r[1] if isinstance(r, tuple) else r
            NAMES[val] = nm
        return r
    return w

P.near_miss_check = wrap_ret(P.near_miss_check, lambda r: "nm:" + r[0])
# the late checks are read from one list at run time (pipeline.LATE_CHECKS): wrap each under its own name
P.LATE_CHECKS = tuple((name, wrap_ret(check, lambda r, name=name: name)) for name, check in P.LATE_CHECKS)
_gm = P.global_missing
def gm(*a, **k):
    r = _gm(*a, **k)
    if r:
        EV.append(("global:" + ("entity" if "没有提到" in r else "period" if "的数据" in r else "figure"), r))
        EV[-1] = EV[-1] + ("G",)
    return r
P.global_missing = gm
_ref = P.refusal
def ref(question, analysis, distinct, reason, started, given=None):
    if EV and len(EV[-1]) == 3 and EV[-1][2] == "G" and EV[-1][1] == reason:
        EV[-1] = EV[-1][:2]
    else:
        f = sys._getframe(1).f_locals
        best = f.get("best_rejected")
        obj = getattr(best, "objection", None)
        lacks = getattr(best, "lacks", None)
        cat = re.sub(r"“[^”]*”", "“X”", reason or "none")
        cat = re.sub(r"所问的\S+$", "所问的T", cat)
        EV.append((f"cand:{obj}:{getattr(lacks,'name',lacks)}:{cat}", reason))
    return _ref(question, analysis, distinct, reason, started, given)
P.refusal = ref
_nmr = P.near_miss_refusal
def nmr(question, analysis, distinct, hit, given, started):
    EV.append((NAMES.get(given, "nm:?"), given))
    return _nmr(question, analysis, distinct, hit, given, started)
P.near_miss_refusal = nmr

SETS = question_sets()  # never the never-seen set
if len(sys.argv) < 2 or sys.argv[1].startswith("-"):  # --help, or no output file: the usage, never a file named "--help"
    print(__doc__)
    sys.exit(0 if sys.argv[1:2] in (["-h"], ["--help"]) else 2)
sets = sys.argv[2].split(",") if len(sys.argv) > 2 else list(SETS)
out = open(sys.argv[1], "w")
for name in sets:
    qf, corpus = SETS[name]
    qs = [q for q in load_questions(Path(qf)) if q.split == "dev"]
    cp = Path(corpus) if corpus else DEFAULT_CORPUS
    a = Assistant.open(cp, default_index_dir(cp) if corpus else DEFAULT_INDEX, llm=None)
    t = time.time()
    for q in qs:
        EV.clear(); NAMES.clear()
        r = evaluate_question(a, q, "hybrid", 5)
        ev = EV[-1] if EV else None
        if r.refused and r.answer and ("不是同一种量" in r.answer or "无法按日期比较" in r.answer):
            ev = ("cmp:unlike", r.answer[:80])
        out.write(json.dumps({"set": name, "qid": q.qid, "kind": q.kind, "answerable": q.answerable, "q": q.question,
            "gold": q.answers[:1], "refused": r.refused, "correct": r.correct, "cause": r.cause,
            "check": ev[0] if (r.refused and ev) else None, "why": ev[1][:80] if (r.refused and ev) else None,
            "answer": (r.answer or "")[:200], "ms": r.timings_ms}, ensure_ascii=False) + "\n")
        out.flush()
    print(name, len(qs), round(time.time() - t), flush=True)
