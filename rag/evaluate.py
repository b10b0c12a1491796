"""`rag eval`: measure retrieval and answers through the same facade users call.

Two inputs:

- a questions file (JSON lines: qid, question, answers, evidence, kind,
  optional history), judged against a corpus folder (default: the seeds).
  A returned paragraph is relevant when its text contains the evidence
  phrase, ignoring whitespace;
- a benchmark folder (corpus.jsonl + questions.jsonl with doc_ids, the
  /work/shared/bench format). A returned paragraph is relevant when its
  source is one of the question's gold doc_ids.

For every question and retrieval mode the evaluation calls
``Assistant.ask`` (the answer and its timings, exactly as a user gets them)
and ``Assistant.search`` with k=10 on the same (possibly rewritten)
question for the rank metrics. Every input line is checked before the index
is opened, so a typo in line 180 costs nothing.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .answer.everyday_terms import in_article_terms
from .query_cache import QUERY_VECTORS
from .metrics import (
    HIT_KS,
    MRR_K,
    any_answer_in,
    comparison_answer_in,
    contains_squashed,
    first_relevant_rank,
    hit_at,
    hit_curve,
    latency_summary,
    mean,
    rank_metrics,
)
from .schema import RETRIEVAL_MODES, Hit


KINDS = ("fact", "paraphrase", "followup", "unanswerable", "comparison", "context")
SPLITS = ("dev", "test")  # a questions file may fix a development/test split per question
BENCH_KIND = "fact"  # benchmark questions carry no kind; an empty answer list makes one unanswerable
SEARCH_K = MRR_K  # rank metrics look at the top 10 whatever k the answer uses
RETURNED_SHOWN = 3  # passages listed for a miss in the per-question results
RETURNED_TEXT_CHARS = 80
ANSWER_CHARS = 200  # per-question records keep the start of long answers only
WORST_IN_MARKDOWN = 20
METRIC_KEYS = (*(f"hit@{k}" for k in HIT_KS), f"mrr@{MRR_K}", "answer_accuracy", "short_answer_accuracy", "unanswerable_refused", "false_refusal")

# Why an answer failed, most upstream first (see ``failure_cause``).
CAUSES = {
    "retrieval_miss": "no relevant passage among the k passages the answer was built from",
    "refused_with_evidence": "a relevant passage was among them, yet the assistant refused",
    "answer_not_in_passages": "a relevant passage was there, but no expected answer string occurs verbatim in the passages (paraphrased or multi-part reference answer)",
    "wrong_span": "an expected answer string was in the passages, but the answer picked something else",
    "refused": "refused (question has no evidence to judge retrieval by)",
    "wrong_answer": "wrong answer (question has no evidence to judge retrieval by)",
    "answered_unanswerable": "answered a question the corpus cannot answer",
}


class QuestionFileError(ValueError):
    """A questions or benchmark file that cannot be evaluated; the message is for users."""


# --------------------------------------------------------------------------- questions


@dataclass(frozen=True)
class EvalQuestion:
    qid: str
    question: str
    answers: tuple[str, ...]
    kind: str
    evidence: str | None = None  # questions file: the phrase a relevant paragraph contains
    gold_docs: tuple[str, ...] = ()  # benchmark: the doc_ids of relevant passages
    history: tuple[str, ...] = ()  # earlier questions of the conversation, oldest first
    evidence_all: tuple[str, ...] = ()  # questions file: phrases that must all be among the passages (one per side of a comparison)
    split: str | None = None  # "dev" or "test" when the file fixes a split

    @property
    def answerable(self) -> bool:
        return self.kind != "unanswerable"

    @property
    def judged(self) -> bool:
        """Whether retrieval can be scored on this question."""
        return bool(self.evidence) or bool(self.gold_docs)

    def is_relevant(self, hit: Hit) -> bool:
        if self.gold_docs:
            return hit.paragraph.source in self.gold_docs
        return self.evidence is not None and contains_squashed(hit.paragraph.text, self.evidence)


def _json_lines(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line; QuestionFileError naming the line otherwise."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM from a Windows editor is not an error
    except FileNotFoundError:
        raise QuestionFileError(f"找不到文件：{path}") from None
    except UnicodeDecodeError as exc:
        raise QuestionFileError(f"{path} 不是 UTF-8 编码的文本（第 {_line_of_byte(path, exc.start)} 行附近）") from None
    except OSError as exc:
        raise QuestionFileError(f"无法读取 {path}：{exc.strerror or exc}") from None
    # split on "\n" only: str.splitlines would also break at U+2028 inside a JSON string and misnumber the lines
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionFileError(f"{path.name} 第 {number} 行不是合法的 JSON（{exc.msg}，第 {exc.colno} 列）") from None
        if not isinstance(value, dict):
            raise QuestionFileError(f"{path.name} 第 {number} 行应该是一个 JSON 对象 {{…}}")
        yield number, value


def _line_of_byte(path: Path, byte_offset: int) -> int:
    return path.read_bytes()[:byte_offset].count(b"\n") + 1


def _string_list(value: Any, where: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise QuestionFileError(f"{where}：“{field}”应该是字符串列表")
    return tuple(item.strip() for item in value if item.strip())


def _checked_question(value: Any, where: str) -> str:
    from .assistant import InvalidQuestion, validate_question

    try:
        return validate_question(value, require_content_word=False)
    except InvalidQuestion as exc:
        raise QuestionFileError(f"{where}：{exc}") from None


def _check_unique(questions: Sequence[EvalQuestion], path: Path) -> None:
    seen: set[str] = set()
    for question in questions:
        if question.qid in seen:
            raise QuestionFileError(f"{path.name}：qid “{question.qid}” 重复出现")
        seen.add(question.qid)


def _shared_fields(record: dict, where: str) -> tuple[str, str, tuple[str, ...]]:
    """qid, question and answers: the keys both question formats share, checked."""
    qid = record.get("qid")
    if not isinstance(qid, str) or not qid.strip():
        raise QuestionFileError(f"{where}：缺少 “qid”（非空字符串）")
    question = _checked_question(record.get("question"), where)
    answers = _string_list(record.get("answers", []), where, "answers")
    return qid, question, answers


def load_questions(path: Path) -> list[EvalQuestion]:
    """Every question of a questions file, or QuestionFileError naming the first bad line."""
    questions = []
    for number, record in _json_lines(path):
        where = f"{path.name} 第 {number} 行"
        qid, question, answers = _shared_fields(record, where)
        kind = record.get("kind")
        if kind not in KINDS:
            raise QuestionFileError(f"{where}：“kind” 必须是 {' / '.join(KINDS)} 之一，而不是 {kind!r}")
        evidence = record.get("evidence")
        if evidence is not None and (not isinstance(evidence, str) or not evidence.strip()):
            raise QuestionFileError(f"{where}：“evidence” 应该是非空字符串或 null")
        if kind == "unanswerable" and (answers or evidence):
            raise QuestionFileError(f"{where}：无法回答（unanswerable）的问题不应有 answers 或 evidence")
        if kind != "unanswerable" and not answers and not evidence:
            raise QuestionFileError(f"{where}：可回答的问题至少要有 answers 或 evidence 之一")
        history_value = record.get("history") or []
        if not isinstance(history_value, list):
            raise QuestionFileError(f"{where}：“history” 应该是字符串列表")
        history = tuple(_checked_question(h, f"{where} 的 history") for h in history_value)
        evidence_all = _string_list(record.get("evidence_all") or [], where, "evidence_all")
        split = record.get("split")
        if split is not None and split not in SPLITS:
            raise QuestionFileError(f"{where}：“split” 必须是 {' / '.join(SPLITS)} 之一，而不是 {split!r}")
        questions.append(EvalQuestion(
            qid.strip(), question, answers, kind, evidence.strip() if evidence else None, (), history, evidence_all, split,
        ))
    if not questions:
        raise QuestionFileError(f"{path.name} 里没有问题")
    _check_unique(questions, path)
    return questions


def load_bench_questions(bench: Path) -> list[EvalQuestion]:
    """The questions of a benchmark folder; an empty answer list marks an unanswerable question."""
    if not bench.is_dir():
        raise QuestionFileError(f"找不到评测集目录：{bench}")
    for name in ("corpus.jsonl", "questions.jsonl"):
        if not (bench / name).is_file():
            raise QuestionFileError(f"评测集目录 {bench} 里缺少 {name}")
    path = bench / "questions.jsonl"
    questions = []
    for number, record in _json_lines(path):
        where = f"{path.name} 第 {number} 行"
        qid, question, answers = _shared_fields(record, where)
        gold_docs = _string_list(record.get("doc_ids", []), where, "doc_ids")
        kind = BENCH_KIND if answers else "unanswerable"
        questions.append(EvalQuestion(qid.strip(), question, answers, kind, None, gold_docs))
    if not questions:
        raise QuestionFileError(f"{path} 里没有问题")
    _check_unique(questions, path)
    return questions


# --------------------------------------------------------------------------- running


@dataclass(frozen=True)
class ReturnedPassage:
    rank: int
    source: str
    paragraph: int
    relevant: bool
    text: str


@dataclass(frozen=True)
class QuestionResult:
    question: EvalQuestion
    mode: str
    rank: int | None  # first relevant paragraph within the top SEARCH_K; None when missed or not judged
    refused: bool
    correct: bool | None  # None when the question has no expected answer to check
    short_correct: bool | None
    answer: str
    short: str | None
    rewritten_question: str | None
    cause: str | None  # a key of CAUSES when the answer failed
    returned: tuple[ReturnedPassage, ...]
    timings_ms: Mapping[str, float]


def failure_cause(
    question: EvalQuestion, rank: int | None, k: int, refused: bool, correct: bool | None, answer_in_passages: bool,
    all_evidence_in_k: bool = True,
) -> str | None:
    """Why the answer to ``question`` failed, most upstream cause first; None when it did not.

    ``all_evidence_in_k``: every ``evidence_all`` phrase was among the k passages (a comparison
    needs both sides retrieved; missing one is a retrieval miss)."""
    if not question.answerable:
        return None if refused else "answered_unanswerable"
    if correct or (correct is None and not refused):
        return None
    if question.judged:
        if not hit_at(rank, k) or not all_evidence_in_k:
            return "retrieval_miss"
        if refused:
            return "refused_with_evidence"
        return "wrong_span" if answer_in_passages else "answer_not_in_passages"
    return "refused" if refused else "wrong_answer"


def answer_scores(question: EvalQuestion, short: str | None, text: str) -> tuple[bool, bool]:
    """Whether the short answer, and the short answer or the answer text, give an expected answer. A comparison is
    scored on what it states, not on the values it quotes (``comparison_answer_in``): "揭西县更多（惠来县 4180个，
    揭西县 3960个）" does not answer 惠来县 though it quotes 4180个."""
    if question.kind == "comparison":
        short_correct = comparison_answer_in(question.question, short or "", "", question.answers)
        return short_correct, short_correct or comparison_answer_in(question.question, "", text, question.answers)
    short_correct = any_answer_in(short or "", question.answers)
    return short_correct, short_correct or any_answer_in(text, question.answers)


def evaluate_question(assistant, question: EvalQuestion, mode: str, k: int) -> QuestionResult:
    """Ask ``question`` as a user would, then rank-check the passages for the question actually searched."""
    from .assistant import InvalidQuestion

    try:
        answer = assistant.ask(question.question, history=question.history, k=k, mode=mode)
    except InvalidQuestion as refusal:  # e.g. no Chinese content word: the user is told why, nothing is searched
        correct = False if question.answers else None
        cause = failure_cause(question, None, k, True, correct, False)
        return QuestionResult(question, mode, None, True, correct, correct, str(refusal), None, None, cause, (), {})
    # ranked as the answer stage retrieves it: the follow-up's rewrite with a few statistics' everyday words in the
    # articles' terms (rag.answer.everyday_terms: 经济总量 → 地区生产总值), so hit@k is what the answer was read from
    searched = in_article_terms(answer.rewritten_question or question.question)
    hits = assistant.search(searched, k=max(SEARCH_K, k), mode=mode).hits
    relevant = [question.is_relevant(hit) for hit in hits[:SEARCH_K]]
    rank = first_relevant_rank(relevant) if question.judged else None
    correct = short_correct = None
    if question.answers:
        short_correct, correct = answer_scores(question, answer.short, answer.answer)
        short_correct, correct = short_correct and not answer.refused, correct and not answer.refused
    answer_in_passages = any(any_answer_in(hit.paragraph.text, question.answers) for hit in hits[:k])
    all_sides = all(any(contains_squashed(hit.paragraph.text, phrase) for hit in hits[:k]) for phrase in question.evidence_all)
    cause = failure_cause(question, rank, k, answer.refused, correct, answer_in_passages, all_sides)
    returned: tuple[ReturnedPassage, ...] = ()
    if cause is not None or (question.judged and rank != 1):
        returned = tuple(
            ReturnedPassage(n, hit.paragraph.source, hit.paragraph.number, is_relevant, hit.paragraph.text[:RETURNED_TEXT_CHARS])
            for n, (hit, is_relevant) in enumerate(zip(hits[:RETURNED_SHOWN], relevant), start=1)
        )
    return QuestionResult(
        question, mode, rank, answer.refused, correct, short_correct, answer.answer, answer.short,
        answer.rewritten_question, cause, returned, dict(answer.timings_ms),
    )


def run_evaluation(assistant, questions: Sequence[EvalQuestion], modes: Sequence[str], k: int, progress: bool = True) -> dict[str, list[QuestionResult]]:
    """Every question in every mode; modes alternate per question so a slow spell of the machine hits them alike."""
    from tqdm import tqdm

    results: dict[str, list[QuestionResult]] = {mode: [] for mode in modes}
    with tqdm(total=len(questions) * len(modes), file=sys.stderr, desc="评测", unit="问", disable=not progress, mininterval=2.0) as bar:
        for question in questions:
            for mode in modes:
                # Every mode pays for its own question encoding, as a user asking afresh would:
                # otherwise the first mode fills the query-vector LRU and the others look free.
                QUERY_VECTORS.clear()
                results[mode].append(evaluate_question(assistant, question, mode, k))
                bar.update(1)
    return results


# --------------------------------------------------------------------------- summaries


def summarise(results: Sequence[QuestionResult]) -> dict[str, Any]:
    """The metrics of one mode's results (without the per-kind breakdown)."""
    judged = [r for r in results if r.question.judged]
    checked = [r for r in results if r.question.answerable and r.correct is not None]
    answerable = [r for r in results if r.question.answerable]
    unanswerable = [r for r in results if not r.question.answerable]
    summary: dict[str, Any] = {
        "n": len(results),
        "n_retrieval": len(judged),
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
        **rank_metrics([r.rank for r in judged]),
        "answer_accuracy": mean([float(bool(r.correct)) for r in checked]),
        "short_answer_accuracy": mean([float(bool(r.short_correct)) for r in checked]),
        "unanswerable_refused": mean([float(r.refused) for r in unanswerable]),
        "false_refusal": mean([float(r.refused) for r in answerable]),
        "latency_ms": latency_summary(r.timings_ms for r in results),
        "failure_causes": dict(Counter(r.cause for r in results if r.cause).most_common()),
    }
    for key in METRIC_KEYS:
        if summary[key] is not None:
            summary[key] = round(summary[key], 4)
    return summary


def summarise_mode(results: Sequence[QuestionResult]) -> dict[str, Any]:
    summary = summarise(results)
    kinds = sorted({r.question.kind for r in results}, key=lambda kind: KINDS.index(kind) if kind in KINDS else len(KINDS))
    summary["by_kind"] = {kind: summarise([r for r in results if r.question.kind == kind]) for kind in kinds}
    summary["hit_curve"] = [None if v is None else round(v, 4) for v in hit_curve([r.rank for r in results if r.question.judged])]
    return summary


def build_report(results: Mapping[str, Sequence[QuestionResult]], about: Mapping[str, Any]) -> dict[str, Any]:
    """The --json object: run details, the first mode's metrics at top level, every mode under "modes"."""
    modes = {mode: summarise_mode(mode_results) for mode, mode_results in results.items()}
    first = next(iter(modes))
    return {**about, "mode": first, **modes[first], "modes": modes}


def _badness(per_mode: Sequence[QuestionResult]) -> tuple:
    """Sort key, worst first: failed answers, then retrieval misses, then how deep the relevant passage sat."""
    failed = sum(r.cause is not None for r in per_mode)
    missed = sum(r.question.judged and r.rank is None for r in per_mode)
    depth = sum(r.rank or 0 for r in per_mode)
    return (-failed, -missed, -depth)


def worst_first(results: Mapping[str, Sequence[QuestionResult]]) -> list[list[QuestionResult]]:
    """Each question's results over all modes, the worst questions first (ties keep file order)."""
    by_question = list(zip(*results.values()))
    return [list(group) for group in sorted(by_question, key=_badness)]


def question_record(per_mode: Sequence[QuestionResult]) -> dict[str, Any]:
    question = per_mode[0].question
    record: dict[str, Any] = {"qid": question.qid, "kind": question.kind, "question": question.question}
    if question.history:
        record["history"] = list(question.history)
    record["answers"] = list(question.answers)
    if question.gold_docs:
        record["gold_docs"] = list(question.gold_docs)
    else:
        record["evidence"] = question.evidence
        if question.evidence_all:
            record["evidence_all"] = list(question.evidence_all)
    record["modes"] = {
        r.mode: {
            "rank": r.rank,
            "correct": r.correct,
            "refused": r.refused,
            "cause": r.cause,
            "short": r.short,
            "answer": r.answer[:ANSWER_CHARS],
            "rewritten_question": r.rewritten_question,
            "returned": [vars(p) for p in r.returned],
            "end_to_end_ms": round(r.timings_ms.get("end_to_end", 0.0), 2),
        }
        for r in per_mode
    }
    return record


# --------------------------------------------------------------------------- output


def _cell(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _e2e(summary: Mapping[str, Any], which: str) -> Any:
    value = summary["latency_ms"].get("end_to_end", {}).get(which)
    return None if value is None else round(value)


def markdown_table(report: Mapping[str, Any]) -> str:
    """The summary (one row per mode) and the per-kind breakdown, as markdown tables."""
    head = "| mode | n | hit@1 | hit@3 | hit@5 | hit@10 | mrr@10 | answer acc | short acc | unans. refused | false refusal | p50 ms | p95 ms |"
    lines = [head, "| --- " * (head.count("|") - 1) + "|"]
    for mode, s in report["modes"].items():
        lines.append("| " + " | ".join(_cell(v) for v in (
            mode, s["n"], *(s[f"hit@{k}"] for k in HIT_KS), s[f"mrr@{MRR_K}"], s["answer_accuracy"], s["short_answer_accuracy"],
            s["unanswerable_refused"], s["false_refusal"], _e2e(s, "p50"), _e2e(s, "p95"),
        )) + " |")
    kinds_head = "| mode | kind | n | hit@1 | hit@5 | mrr@10 | answer acc | unans. refused | false refusal |"
    lines += ["", kinds_head, "| --- " * (kinds_head.count("|") - 1) + "|"]
    for mode, s in report["modes"].items():
        for kind, ks in s["by_kind"].items():
            lines.append("| " + " | ".join(_cell(v) for v in (
                mode, kind, ks["n"], ks["hit@1"], ks["hit@5"], ks[f"mrr@{MRR_K}"], ks["answer_accuracy"], ks["unanswerable_refused"], ks["false_refusal"],
            )) + " |")
    return "\n".join(lines) + "\n"


def markdown_details(report: Mapping[str, Any], worst: Sequence[Sequence[QuestionResult]]) -> str:
    """Latency per stage, failure causes and the worst questions, for results.md."""
    lines = ["## Latency per stage (ms, from Answer.timings_ms)", "", "| mode | stage | p50 | p95 |", "| --- | --- | --- | --- |"]
    for mode, s in report["modes"].items():
        for stage, values in s["latency_ms"].items():
            lines.append(f"| {mode} | {stage} | {_cell(values['p50'], 1)} | {_cell(values['p95'], 1)} |")
    lines += ["", "## Failure causes", "", "| mode | cause | questions |", "| --- | --- | --- |"]
    for mode, s in report["modes"].items():
        for cause, count in s["failure_causes"].items():
            lines.append(f"| {mode} | {cause} | {count} |")
    lines += ["", *(f"- `{cause}`: {meaning}" for cause, meaning in CAUSES.items())]
    lines += ["", f"## Worst {WORST_IN_MARKDOWN} questions", ""]
    for per_mode in worst[:WORST_IN_MARKDOWN]:
        q = per_mode[0].question
        target = f"gold {', '.join(q.gold_docs[:5])}" if q.gold_docs else f"evidence “{q.evidence}”"
        lines.append(f"- **{q.qid}** ({q.kind}) {q.question}  — expected {' / '.join(q.answers) or '(refusal)'}; {target}")
        for r in per_mode:
            shown = "refused" if r.refused else f"“{(r.short or r.answer)[:60]}”"
            lines.append(f"  - {r.mode}: rank {r.rank if r.rank is not None else 'miss'}, answer {shown}, cause {r.cause or '–'}")
            for p in r.returned:
                if not p.relevant:
                    lines.append(f"    - returned #{p.rank} {p.source} ¶{p.paragraph}: {p.text[:80]}")
    return "\n".join(lines) + "\n"


def plot_hit_curves(report: Mapping[str, Any], path: Path, title: str) -> bool:
    """hit@k against k for each mode as a PNG; False (and a message) when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display on a server or in CI
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, axes = plt.subplots(figsize=(5.5, 3.6), dpi=100)
    for mode, summary in report["modes"].items():
        curve = summary["hit_curve"]
        if any(v is not None for v in curve):
            axes.plot(range(1, len(curve) + 1), curve, marker="o", markersize=3, label=mode)
    axes.set_xlabel("k (paragraphs returned)")
    axes.set_ylabel("hit@k")
    axes.set_xticks(range(1, SEARCH_K + 1))
    axes.set_ylim(0, 1.02)
    axes.grid(alpha=0.3)
    axes.set_title(title, fontsize=10)
    axes.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(path, format="png")
    plt.close(figure)
    return True


def write_result_files(out_dir: Path, report: Mapping[str, Any], markdown: str, records_name: str,
                       records: Iterable[Mapping[str, Any]], plot_name: str, plot: Callable[[Path], bool]) -> list[Path]:
    """metrics.json, results.md, one JSON line per record and a plot in ``out_dir``; the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [out_dir / "metrics.json", out_dir / "results.md", out_dir / records_name]
    written[0].write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written[1].write_text(markdown, encoding="utf-8")
    with open(written[2], "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if plot(out_dir / plot_name):
        written.append(out_dir / plot_name)
    else:
        _say(f"提示：没有安装 matplotlib，未生成 {plot_name}（pip install matplotlib 后重试）。")
    return written


def write_outputs(out_dir: Path, report: Mapping[str, Any], results: Mapping[str, Sequence[QuestionResult]], title: str) -> list[Path]:
    """metrics.json, results.md, questions.jsonl (worst first) and hit_at_k.png in ``out_dir``."""
    worst = worst_first(results)
    markdown = f"# {title}\n\n{markdown_table(report)}\n{markdown_details(report, worst)}"
    return write_result_files(out_dir, report, markdown, "questions.jsonl", (question_record(per_mode) for per_mode in worst),
                              "hit_at_k.png", lambda path: plot_hit_curves(report, path, title))


# --------------------------------------------------------------------------- command line


def synonym_table(say: Callable[[str], None]) -> str | None:
    """The synonym table this run reads (rag.answer.synonyms.table_version), for its report; a run without one says
    so on stderr, since the 词林 readings are off and its figures are not comparable with runs that had them."""
    from .answer.synonyms import table_version

    table = table_version()
    if table is None:
        say("注意：未安装同义词词林（pip install -e '.[synonyms]'），同义词与词类读法均未启用，结果不可与启用时比较")
    return table


def default_index_dir(corpus: Path) -> Path:
    """The project's index/ for the seeds; for any other corpus its own folder keyed by its path,
    so evaluating a benchmark never overwrites the index users ask against."""
    from .assistant import DEFAULT_CORPUS, DEFAULT_INDEX

    if corpus.expanduser().resolve() == DEFAULT_CORPUS.resolve():
        return DEFAULT_INDEX
    return own_index_dir(corpus)


def own_index_dir(corpus: Path) -> Path:
    """A corpus's own index folder under the cache dir, keyed by its resolved path."""
    from .vector_cache import default_cache_dir

    resolved = corpus.expanduser().resolve()
    key = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    return default_cache_dir() / "indexes" / f"{resolved.name or 'corpus'}-{key}"


def parse_modes(text: str) -> list[str]:
    modes = [m.strip() for m in text.split(",") if m.strip()]
    unknown = [m for m in modes if m not in RETRIEVAL_MODES]
    if not modes or unknown:
        raise QuestionFileError(f"检索方式必须是 {' / '.join(RETRIEVAL_MODES)} 中的一个或几个（用逗号分隔），而不是“{text}”")
    return list(dict.fromkeys(modes))


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def add_eval_command(subparsers) -> argparse.ArgumentParser:
    from .encoders import DEFAULT_ENCODER

    parser = subparsers.add_parser(
        "eval",
        help="measure retrieval and answers on a questions file or a benchmark",
        description="Evaluate retrieval (hit@1/3/5/10, mrr@10) and answers (accuracy, refusals, latency) "
        "on a questions file against a corpus (default: the seeds) or on a benchmark folder.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--questions", type=Path, help="JSON lines: qid, question, answers, evidence, kind, optional history")
    source.add_argument("--bench", type=Path, help="benchmark folder with corpus.jsonl and questions.jsonl (doc_ids are the gold passages)")
    source.add_argument("--claims", type=Path, help="fact-check gold: JSON lines of claims (cid, claim, verdict, evidence, correct) or of drafts (did, draft, claims)")
    parser.add_argument("--corpus", type=Path, help="corpus for --questions (default: the bundled seeds)")
    parser.add_argument("--index", type=Path, help="index directory (default: index/ for the seeds, else one under the cache dir keyed by the corpus path)")
    parser.add_argument("--encoder", default=DEFAULT_ENCODER, help="as for `rag index` (default: %(default)s)")
    from .cli import add_device_option

    add_device_option(parser)
    parser.add_argument("--modes", "--mode", dest="modes", default="hybrid", help="retrieval mode(s), comma-separated: keyword,dense,hybrid (default: hybrid)")
    parser.add_argument("--k", type=int, default=5, help="passages the answer is built from (default: 5); rank metrics always look at the top 10")
    parser.add_argument("--limit", type=int, help="evaluate only the first N questions")
    parser.add_argument("--split", choices=SPLITS, help="only the questions (or, with --claims, the claims/drafts) of this split: files with a \"split\" key")
    parser.add_argument("--json", action="store_true", help="print one JSON object with the metrics")
    parser.add_argument("--out", type=Path, help="write metrics.json, results.md, questions.jsonl (worst first) and hit_at_k.png here")
    from .cli import add_store_options

    add_store_options(parser)
    parser.set_defaults(run=cmd_eval)
    return parser


def cmd_eval(args: argparse.Namespace) -> int:
    from .assistant import MAX_K, Assistant, InvalidQuestion, validate_options
    from .cli import EXIT_BAD_INPUT, EXIT_OK

    if args.claims is not None:
        from .check.evaluate import cmd_eval_claims

        return cmd_eval_claims(args)
    # Everything the user typed is checked before the (possibly long) index build.
    try:
        modes = parse_modes(args.modes)
        for mode in modes:
            validate_options(args.k, mode)
        if args.k > MAX_K:
            raise InvalidQuestion(f"返回条数 k 必须在 1 到 {MAX_K} 之间。")
        if args.limit is not None and args.limit < 1:
            raise QuestionFileError("--limit 必须是正整数")
        if args.bench is not None:
            if args.corpus is not None:
                raise QuestionFileError("--bench 自带资料（corpus.jsonl），不能再指定 --corpus")
            questions = load_bench_questions(args.bench)
            corpus, name = args.bench, args.bench.resolve().name
        else:
            from .assistant import DEFAULT_CORPUS

            questions = load_questions(args.questions)
            corpus, name = args.corpus or DEFAULT_CORPUS, args.questions.stem
    except (QuestionFileError, InvalidQuestion) as exc:
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    if getattr(args, "split", None):
        questions = [q for q in questions if q.split == args.split]
        if not questions:
            _say(f"错误：没有 split 为 {args.split} 的问题")
            return EXIT_BAD_INPUT
    questions = questions[: args.limit] if args.limit else questions
    index_dir = args.index or default_index_dir(corpus)

    from .cli import store_choice

    assistant = Assistant.open(corpus, index_dir, args.encoder, progress=True, report=_say, store=store_choice(args))
    _say(f"评测 {len(questions)} 个问题 × {len(modes)} 种检索方式（{', '.join(modes)}），索引：{index_dir}")
    started = time.perf_counter()
    results = run_evaluation(assistant, questions, modes, args.k)
    manifest = assistant.index.manifest
    about = {
        "name": name,
        "questions": str(args.bench / "questions.jsonl" if args.bench else args.questions),
        "corpus": str(corpus),
        "index": str(index_dir),
        "encoder": manifest.get("encoder"),
        "synonym_table": synonym_table(_say),
        "chunks": manifest.get("counts", {}).get("chunks"),
        "index_build_seconds": manifest.get("build_seconds"),
        "llm": assistant.llm.model if assistant.llm else None,
        "k": args.k,
        "limit": args.limit,
        "eval_seconds": round(time.perf_counter() - started, 1),
    }
    report = build_report(results, about)
    if args.out is not None:
        written = write_outputs(args.out, report, results, f"{name}: hit@k by retrieval mode (n={len(questions)})")
        _say("已写入：" + "，".join(str(p) for p in written))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(markdown_table(report), end="")
    return EXIT_OK
