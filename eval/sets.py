"""The eval sets on disk, shared by the dev-half harnesses (eval/answer_dev.py, eval/claims_dev_rows.py,
eval/refusal_audit.py): the seeds' files and every eval/freshN set found, and the one set no rule has been written
against (README: measured in totals only, never in a harness's rows, and left out unless named)."""
from __future__ import annotations

from pathlib import Path

NEVER_SEEN = ("fresh40",)


def _by_number(path: Path) -> tuple[int, str]:
    return len(path.name), path.name


def question_sets(include_never_seen: bool = False) -> dict[str, tuple[str, str | None]]:
    """Set name -> (questions file, corpus folder or None for the bundled seeds)."""
    sets = {"seeds": ("eval/everyday.jsonl", None)}
    for path in sorted(Path("eval").glob("fresh*_questions.jsonl"), key=_by_number):
        name = path.name.removesuffix("_questions.jsonl")
        sets[name] = (str(path), str(path.parent / name))
    return sets if include_never_seen else {k: v for k, v in sets.items() if k not in NEVER_SEEN}


def claim_sets(include_never_seen: bool = False) -> dict[str, tuple[str, str, str | None]]:
    """Set name -> (claims file, drafts file, corpus folder or None for the bundled seeds)."""
    sets = {"seeds": ("eval/claims.jsonl", "eval/claim_drafts.jsonl", None)}
    for path in sorted(Path("eval").glob("fresh*_claims.jsonl"), key=_by_number):
        name = path.name.removesuffix("_claims.jsonl")
        sets[name] = (str(path), str(path).replace("_claims", "_drafts"), str(path.parent / name))
    return sets if include_never_seen else {k: v for k, v in sets.items() if k not in NEVER_SEEN}
