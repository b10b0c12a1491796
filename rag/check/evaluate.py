"""`rag eval --claims FILE`: measure fact checking on gold claims or gold drafts, through ``Assistant.check``.

Claims file (JSON lines): ``{"cid", "claim", "verdict", "evidence" (verbatim phrase or null), "correct"
(the article's value for contradicted, else null)}``, optional ``differs`` and ``split`` ("dev"/"test").
Each claim is checked alone; the report's top-level verdict is the prediction (no checkable claim found
counts as ``not_found``).

Drafts file (JSON lines): ``{"did", "draft", "claims": [{"text", "verdict", "evidence", "correct",
"differs"}], "unchecked": [..], "split"}``. Each draft is checked whole; a gold claim is *found* when some
claim the checker found states its figure or name inside the gold claim's text, and *right* when those
found claims' summary verdict is the gold one.

Metrics: accuracy, precision/recall/F1 per verdict, the confusion matrix, ``wrong_supported`` (claims that
are false or absent but marked supported: count and rate), ``found_correct`` (share of true
contradictions whose ``found`` holds the article's value), evidence hit@1 (the first cited paragraph holds
the gold evidence phrase), ``differs`` accuracy, latency p50/p95; with a ``split`` column, every metric
again per split.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ..metrics import contains_squashed, latency_summary
from .figures import plain_number_values
from .report import CONTRADICTED, DIFFERS, NOT_FOUND, SUPPORTED, VERDICTS, CheckReport


class ClaimFileError(ValueError):
    """A claims or drafts file that cannot be evaluated; the message is for users."""


@dataclass(frozen=True)
class GoldClaim:
    cid: str
    claim: str
    verdict: str
    evidence: str | None
    correct: str | None
    differs: str | None
    split: str | None


@dataclass(frozen=True)
class GoldDraft:
    did: str
    draft: str
    claims: tuple[GoldClaim, ...]
    unchecked: tuple[str, ...]
    split: str | None


def _gold_claim(record: dict, where: str, text_key: str, cid: str) -> GoldClaim:
    text = record.get(text_key)
    if not isinstance(text, str) or not text.strip():
        raise ClaimFileError(f"{where}：缺少 “{text_key}”（非空字符串）")
    verdict = record.get("verdict")
    if verdict not in VERDICTS:
        raise ClaimFileError(f"{where}：“verdict” 必须是 {' / '.join(VERDICTS)} 之一，而不是 {verdict!r}")
    for key in ("evidence", "correct", "differs"):
        if record.get(key) is not None and not isinstance(record.get(key), str):
            raise ClaimFileError(f"{where}：“{key}” 应该是字符串或 null")
    if record.get("differs") is not None and record["differs"] not in DIFFERS:
        raise ClaimFileError(f"{where}：“differs” 必须是 {' / '.join(DIFFERS)} 之一或 null")
    return GoldClaim(cid, text, verdict, record.get("evidence"), record.get("correct"), record.get("differs"), record.get("split"))


def load_gold(path: Path) -> list[GoldClaim] | list[GoldDraft]:
    """The claims or the drafts of a gold file (told apart by their keys), or ClaimFileError naming the bad line."""
    from ..evaluate import QuestionFileError, _json_lines

    claims: list[GoldClaim] = []
    drafts: list[GoldDraft] = []
    seen: set[str] = set()
    try:
        for number, record in _json_lines(path):
            where = f"{path.name} 第 {number} 行"
            key = "did" if "draft" in record else "cid"
            ident = record.get(key)
            if not isinstance(ident, str) or not ident.strip():
                raise ClaimFileError(f"{where}：缺少 “{key}”（非空字符串）")
            if ident in seen:
                raise ClaimFileError(f"{where}：“{ident}” 重复出现")
            seen.add(ident)
            if key == "cid":
                claims.append(_gold_claim(record, where, "claim", ident))
                continue
            draft = record.get("draft")
            if not isinstance(draft, str) or not draft.strip():
                raise ClaimFileError(f"{where}：缺少 “draft”（非空字符串）")
            parts = record.get("claims")
            if not isinstance(parts, list) or not all(isinstance(p, dict) for p in parts):
                raise ClaimFileError(f"{where}：“claims” 应该是对象列表")
            gold = tuple(_gold_claim({"split": record.get("split"), **p}, f"{where} 第 {i} 个 claim", "text", f"{ident}.{i}")
                         for i, p in enumerate(parts, start=1))
            for claim in gold:
                if claim.claim not in draft:
                    raise ClaimFileError(f"{where}：claim “{claim.claim}” 不在 draft 原文里")
            unchecked = record.get("unchecked") or []
            if not isinstance(unchecked, list) or not all(isinstance(u, str) for u in unchecked):
                raise ClaimFileError(f"{where}：“unchecked” 应该是字符串列表")
            drafts.append(GoldDraft(ident, draft, gold, tuple(unchecked), record.get("split")))
    except QuestionFileError as exc:
        raise ClaimFileError(str(exc)) from None
    if claims and drafts:
        raise ClaimFileError(f"{path.name}：一个文件里只能有单句（cid/claim）或稿件（did/draft）之一")
    if not claims and not drafts:
        raise ClaimFileError(f"{path.name} 里没有要评测的内容")
    return claims or drafts


# --------------------------------------------------------------------------- scoring one prediction


@dataclass(frozen=True)
class ClaimResult:
    gold: GoldClaim
    predicted: str
    found: str | None
    differs: str | None
    evidence_hit: bool | None  # None when the gold claim has no evidence to judge
    found_correct: bool | None  # gold contradicted with a correct value only
    claims_found: int
    end_to_end_ms: float


def found_holds(found: str | None, correct: str | None) -> bool:
    """Whether the checker's ``found`` states the article's value: by value for figures, else as text."""
    if not found or not correct:
        return False
    if contains_squashed(found, correct) or contains_squashed(correct, found):
        return True
    correct_values = plain_number_values(correct)
    return bool(correct_values) and bool(correct_values & plain_number_values(found))


def _score(gold: GoldClaim, predicted: str, chosen, claims_found: int, elapsed_ms: float) -> ClaimResult:
    evidence_hit = None
    if gold.verdict in (SUPPORTED, CONTRADICTED) and gold.evidence:
        evidence_hit = bool(chosen and chosen.citations and contains_squashed(chosen.citations[0].text, gold.evidence))
    found = chosen.found if chosen and chosen.verdict == CONTRADICTED else None
    differs = chosen.differs if chosen and chosen.verdict == CONTRADICTED else None
    found_correct = found_holds(found, gold.correct) if gold.verdict == CONTRADICTED and gold.correct else None
    return ClaimResult(gold, predicted, found, differs, evidence_hit, found_correct, claims_found, elapsed_ms)


def _decisive(claims: Sequence) -> tuple[str, Any]:
    """The summary verdict of some checked claims and the claim that decides it."""
    for verdict in (CONTRADICTED, NOT_FOUND, SUPPORTED):
        for claim in claims:
            if claim.verdict == verdict:
                return verdict, claim
    return NOT_FOUND, None


def evaluate_claim(assistant, gold: GoldClaim) -> ClaimResult:
    started = time.perf_counter()
    report: CheckReport = assistant.check(gold.claim)
    elapsed = (time.perf_counter() - started) * 1000
    predicted, chosen = _decisive(report.claims)
    return _score(gold, predicted, chosen, len(report.claims), elapsed)


def evaluate_draft(assistant, draft: GoldDraft) -> tuple[list[ClaimResult], dict[str, int], float]:
    """Each gold claim of a draft scored against the claims found inside its text; also how many
    unchecked sentences stayed unchecked and how many claims were found outside every gold claim."""
    started = time.perf_counter()
    report: CheckReport = assistant.check(draft.draft)
    elapsed = (time.perf_counter() - started) * 1000
    results, used = [], set()
    for gold in draft.claims:
        g_start = draft.draft.find(gold.claim)
        g_end = g_start + len(gold.claim)
        inside = [c for c in report.claims if g_start <= c.claim.stated_start and c.claim.stated_end <= g_end]
        used |= {c.n for c in inside}
        predicted, chosen = _decisive(inside) if inside else ("missed", None)
        results.append(_score(gold, predicted, chosen, len(inside), elapsed / max(1, len(draft.claims))))
    kept_unchecked = 0
    for sentence in draft.unchecked:
        u_start = draft.draft.find(sentence)
        u_end = u_start + len(sentence)
        if u_start < 0 or not any(u_start <= c.claim.stated_start < u_end for c in report.claims):
            kept_unchecked += 1
    extra = sum(1 for c in report.claims if c.n not in used)
    return results, {"unchecked_gold": len(draft.unchecked), "unchecked_kept": kept_unchecked, "extra_claims": extra}, elapsed


# --------------------------------------------------------------------------- summaries


def _ratio(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def summarise_claims(results: Sequence[ClaimResult]) -> dict[str, Any]:
    labels = (*VERDICTS, "missed") if any(r.predicted == "missed" for r in results) else VERDICTS
    matrix = {g: {p: 0 for p in labels} for g in VERDICTS}
    for r in results:
        matrix[r.gold.verdict][r.predicted] += 1
    per_verdict = {}
    for verdict in VERDICTS:
        tp = matrix[verdict][verdict]
        predicted = sum(matrix[g][verdict] for g in VERDICTS)
        actual = sum(matrix[verdict].values())
        precision, recall = _ratio(tp, predicted), _ratio(tp, actual)
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else (0.0 if predicted and actual else None)
        per_verdict[verdict] = {"precision": precision, "recall": recall, "f1": f1, "n": actual}
    not_supported = [r for r in results if r.gold.verdict != SUPPORTED]
    wrong_supported = sum(1 for r in not_supported if r.predicted == SUPPORTED)
    contradicted_hits = [r for r in results if r.gold.verdict == CONTRADICTED and r.predicted == CONTRADICTED and r.gold.differs]
    evidence = [r.evidence_hit for r in results if r.evidence_hit is not None]
    found_correct = [r.found_correct for r in results if r.found_correct is not None]
    return {
        "n": len(results),
        "accuracy": _ratio(sum(r.predicted == r.gold.verdict for r in results), len(results)),
        "per_verdict": per_verdict,
        "confusion": matrix,
        "wrong_supported": {"count": wrong_supported, "rate": _ratio(wrong_supported, len(not_supported))},
        "found_correct": _ratio(sum(found_correct), len(found_correct)),
        "differs_accuracy": _ratio(sum(r.differs == r.gold.differs for r in contradicted_hits), len(contradicted_hits)),
        "evidence_hit@1": _ratio(sum(evidence), len(evidence)),
        "latency_ms": latency_summary({"end_to_end": r.end_to_end_ms} for r in results).get("end_to_end", {}),
    }


def summarise(results: Sequence[ClaimResult], extra: dict[str, int] | None = None) -> dict[str, Any]:
    summary = summarise_claims(results)
    if extra is not None:  # drafts
        right = sum(r.predicted == r.gold.verdict for r in results)
        summary["draft_claims_found"] = _ratio(sum(r.predicted != "missed" for r in results), len(results))
        summary["draft_claims_right"] = _ratio(right, len(results))
        summary["unchecked_kept"] = _ratio(extra["unchecked_kept"], extra["unchecked_gold"])
        summary["extra_claims"] = extra["extra_claims"]
    splits = sorted({r.gold.split for r in results if r.gold.split})
    if splits:
        summary["by_split"] = {split: summarise_claims([r for r in results if r.gold.split == split]) for split in splits}
        if extra is not None:
            for split in splits:
                part = [r for r in results if r.gold.split == split]
                summary["by_split"][split]["draft_claims_right"] = _ratio(sum(r.predicted == r.gold.verdict for r in part), len(part))
    return summary


def result_record(r: ClaimResult) -> dict[str, Any]:
    return {
        "cid": r.gold.cid, "split": r.gold.split, "claim": r.gold.claim, "gold": r.gold.verdict, "predicted": r.predicted,
        "correct": r.gold.correct, "found": r.found, "gold_differs": r.gold.differs, "differs": r.differs,
        "evidence_hit": r.evidence_hit, "claims_found": r.claims_found, "end_to_end_ms": round(r.end_to_end_ms, 1),
    }


# --------------------------------------------------------------------------- output


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown_summary(report: dict[str, Any]) -> str:
    rows = [("all", report)] + list(report.get("by_split", {}).items())
    head = "| part | n | accuracy | wrong supported | contradicted recall | found correct | differs acc | evidence hit@1 | p50 ms | p95 ms |"
    lines = [head, "| --- " * (head.count("|") - 1) + "|"]
    for name, s in rows:
        lines.append("| " + " | ".join(_cell(v) for v in (
            name, s["n"], s["accuracy"], f"{s['wrong_supported']['count']} ({_cell(s['wrong_supported']['rate'])})",
            s["per_verdict"][CONTRADICTED]["recall"], s["found_correct"], s["differs_accuracy"], s["evidence_hit@1"],
            s["latency_ms"].get("p50"), s["latency_ms"].get("p95"),
        )) + " |")
    if "draft_claims_right" in report:
        lines += ["", "| part | claims found | found and right verdict |", "| --- | --- | --- |",
                  f"| all | {_cell(report['draft_claims_found'])} | {_cell(report['draft_claims_right'])} |"]
        lines += [f"| {name} | – | {_cell(s['draft_claims_right'])} |" for name, s in report.get("by_split", {}).items()]
        lines += ["", f"Sentences with nothing checkable left unchecked: {_cell(report['unchecked_kept'])}; "
                  f"claims found outside the gold claims: {report['extra_claims']}."]
    lines += ["", "| part | verdict | precision | recall | F1 | n |", "| --- | --- | --- | --- | --- | --- |"]
    for name, s in rows:
        for verdict, v in s["per_verdict"].items():
            lines.append(f"| {name} | {verdict} | {_cell(v['precision'])} | {_cell(v['recall'])} | {_cell(v['f1'])} | {v['n']} |")
    lines += ["", "Confusion matrix (rows: gold, columns: predicted):", ""]
    for name, s in rows:
        labels = list(next(iter(s["confusion"].values())))
        lines += [f"| {name} | " + " | ".join(labels) + " |", "| --- " * (len(labels) + 1) + "|"]
        lines += [f"| {g} | " + " | ".join(str(s["confusion"][g][p]) for p in labels) + " |" for g in s["confusion"]]
        lines.append("")
    return "\n".join(lines)


def plot_confusion(report: dict[str, Any], path: Path, title: str) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    parts = [("all", report)] + list(report.get("by_split", {}).items())
    figure, axes = plt.subplots(1, len(parts), figsize=(3.6 * len(parts), 3.4), dpi=100, squeeze=False)
    for ax, (name, s) in zip(axes[0], parts):
        gold = list(s["confusion"])
        predicted = list(next(iter(s["confusion"].values())))
        cells = [[s["confusion"][g][p] for p in predicted] for g in gold]
        ax.imshow(cells, cmap="Blues")
        for i, row in enumerate(cells):
            for j, count in enumerate(row):
                ax.text(j, i, str(count), ha="center", va="center", color="black" if count < max(map(max, cells)) * 0.6 else "white")
        ax.set_xticks(range(len(predicted)), [p.replace("_", "\n") for p in predicted], fontsize=8)
        ax.set_yticks(range(len(gold)), [g.replace("_", "\n") for g in gold], fontsize=8)
        ax.set_xlabel("predicted")
        ax.set_ylabel("gold")
        ax.set_title(f"{name} (n={s['n']})", fontsize=9)
    figure.suptitle(title, fontsize=10)
    figure.tight_layout()
    figure.savefig(path, format="png")
    plt.close(figure)
    return True


def run_claims_eval(assistant, gold, progress: bool = True) -> tuple[dict[str, Any], list[ClaimResult]]:
    from tqdm import tqdm

    results: list[ClaimResult] = []
    extra = None
    started = time.perf_counter()
    with tqdm(total=len(gold), file=sys.stderr, desc="核实", disable=not progress, mininterval=2.0) as bar:
        for item in gold:
            if isinstance(item, GoldDraft):
                draft_results, counts, _ = evaluate_draft(assistant, item)
                results += draft_results
                extra = Counter(extra or {}) + Counter(counts)
                extra = {k: extra.get(k, 0) for k in ("unchecked_gold", "unchecked_kept", "extra_claims")}
            else:
                results.append(evaluate_claim(assistant, item))
            bar.update(1)
    report = summarise(results, extra)
    report["eval_seconds"] = round(time.perf_counter() - started, 1)
    return report, results


def write_outputs(out_dir: Path, report: dict[str, Any], results: Sequence[ClaimResult], title: str) -> list[Path]:
    """metrics.json, results.md, claims.jsonl (one line per gold claim) and confusion.png in ``out_dir``."""
    from ..evaluate import write_result_files

    return write_result_files(out_dir, report, f"# {title}\n\n{markdown_summary(report)}\n", "claims.jsonl",
                              (result_record(r) for r in results), "confusion.png", lambda path: plot_confusion(report, path, title))


def cmd_eval_claims(args) -> int:
    """`rag eval --claims FILE` (called from rag.evaluate.cmd_eval)."""
    from ..assistant import DEFAULT_CORPUS, Assistant
    from ..cli import EXIT_BAD_INPUT, EXIT_OK
    from ..evaluate import _say, default_index_dir, synonym_table

    try:
        gold = load_gold(args.claims)
        if args.split:
            gold = [g for g in gold if g.split == args.split]
            if not gold:
                raise ClaimFileError(f"{args.claims.name} 里没有 split 为 “{args.split}” 的内容")
        if args.limit is not None and args.limit < 1:
            raise ClaimFileError("--limit 必须是正整数")
    except ClaimFileError as exc:
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    gold = gold[: args.limit] if args.limit else gold
    corpus = args.corpus or DEFAULT_CORPUS
    index_dir = args.index or default_index_dir(corpus)
    assistant = Assistant.open(corpus, index_dir, args.encoder, progress=True, report=_say, llm=None)
    report, results = run_claims_eval(assistant, gold)
    report = {"name": args.claims.stem, "claims": str(args.claims), "corpus": str(corpus), "split": args.split,
              "encoder": assistant.index.manifest.get("encoder"), "synonym_table": synonym_table(_say), **report}
    if args.out is not None:
        title = f"{args.claims.stem}: fact-check verdicts"
        written = write_outputs(args.out, report, results, title)
        _say("已写入：" + "，".join(str(p) for p in written))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(markdown_summary(report))
    return EXIT_OK
