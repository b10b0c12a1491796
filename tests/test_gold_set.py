"""The evaluation gold set (eval/gold.jsonl) is well-formed and grounded in the seeds.

Every answer and evidence phrase must be found verbatim in the seed file it
cites once all whitespace is removed (the seeds are hard-wrapped newspaper
text with layout spaces, so "3792.64 万元" split over lines still counts),
and for answerable questions the evidence and at least one answer must sit in
the same paragraph: that is what lets the evaluation score "right paragraph
found" without ambiguity.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_PATH = ROOT / "eval" / "gold.jsonl"
SEEDS_DIR = ROOT / "seeds"

KINDS = ("fact", "paraphrase", "followup", "unanswerable")
MIN_PER_KIND = {"fact": 40, "paraphrase": 25, "followup": 8, "unanswerable": 15}
MIN_TOTAL = 100
MIN_PER_SOURCE = 15
EVIDENCE_LEN = (8, 25)  # characters, after whitespace removal
REQUIRED_KEYS = {"qid": str, "question": str, "answers": list, "kind": str, "source": str}
MISSION_QUESTIONS = {
    "城中区一季度新增就业多少": {"2047人", "2047"},
    "祁连县城镇新增就业多少人？": {"568人", "568"},
}

_WHITESPACE = re.compile(r"\s+")
# A paragraph ends at a line holding nothing but whitespace.
_BLANK_LINE = re.compile(r"\n[ \t\u3000\r]*\n")


def squash(text: str) -> str:
    """Remove all whitespace: layout spaces and line breaks carry no meaning in the seeds."""
    return _WHITESPACE.sub("", text)


@lru_cache(maxsize=None)
def seed_text(name: str) -> str:
    return (SEEDS_DIR / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def seed_paragraphs(name: str) -> tuple[str, ...]:
    """Blank-line-separated blocks of one seed, each with its whitespace removed."""
    blocks = (squash(block) for block in _BLANK_LINE.split(seed_text(name)))
    return tuple(block for block in blocks if block)


def seed_names() -> list[str]:
    return sorted(path.name for path in SEEDS_DIR.glob("*.txt"))


def load_gold() -> list[dict]:
    records = []
    for number, line in enumerate(GOLD_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:  # pragma: no cover - the message is the point
            pytest.fail(f"eval/gold.jsonl line {number} is not JSON: {error}")
    return records


GOLD = load_gold()
ANSWERABLE = [record for record in GOLD if record.get("kind") != "unanswerable"]
# eval/heldout.jsonl, written apart from the rules, is held to the same grounding
HELDOUT = [json.loads(line) for line in (ROOT / "eval" / "heldout.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
HELDOUT_ANSWERABLE = [record for record in HELDOUT if record["kind"] != "unanswerable"]


def test_every_line_has_the_keys_with_the_right_types():
    assert GOLD, "eval/gold.jsonl is empty"
    for record in GOLD:
        for key, expected_type in REQUIRED_KEYS.items():
            assert isinstance(record.get(key), expected_type), (record.get("qid"), key)
        assert "evidence" in record, record["qid"]
        assert record["question"].strip(), record["qid"]
        assert all(isinstance(answer, str) and answer.strip() for answer in record["answers"]), record["qid"]
        assert record["kind"] in KINDS, (record["qid"], record["kind"])
        assert record["source"] in seed_names(), (record["qid"], record["source"])


def test_qids_are_unique_and_well_formed():
    qids = [record["qid"] for record in GOLD]
    duplicates = [qid for qid, count in Counter(qids).items() if count > 1]
    assert not duplicates, duplicates
    assert all(re.fullmatch(r"s\d{3,}", qid) for qid in qids), [q for q in qids if not re.fullmatch(r"s\d{3,}", q)]


def test_questions_are_not_repeated():
    repeated = [q for q, count in Counter((tuple(r.get("history", ())), r["question"]) for r in GOLD).items() if count > 1]
    assert not repeated, repeated


def test_counts_per_kind_meet_the_minimums():
    counts = Counter(record["kind"] for record in GOLD)
    assert len(GOLD) >= MIN_TOTAL, len(GOLD)
    for kind, minimum in MIN_PER_KIND.items():
        assert counts[kind] >= minimum, (kind, counts[kind], minimum)


def test_every_seed_file_is_covered():
    counts = Counter(record["source"] for record in GOLD)
    for name in seed_names():
        assert counts[name] >= MIN_PER_SOURCE, (name, counts[name])


def test_mission_questions_are_present_with_their_answers():
    by_question = {record["question"]: record for record in GOLD}
    for question, answers in MISSION_QUESTIONS.items():
        assert question in by_question, question
        assert answers <= set(by_question[question]["answers"]), (question, by_question[question]["answers"])


def test_unanswerable_questions_have_no_answer_and_no_evidence():
    for record in GOLD:
        if record["kind"] == "unanswerable":
            assert record["answers"] == [] and record["evidence"] is None, record["qid"]
        else:
            assert record["answers"], record["qid"]
            assert isinstance(record["evidence"], str), record["qid"]


def test_followups_carry_their_history_and_others_do_not():
    for record in GOLD:
        if record["kind"] == "followup":
            history = record.get("history")
            assert isinstance(history, list) and history, record["qid"]
            assert all(isinstance(turn, str) and turn.strip() for turn in history), record["qid"]
        else:
            assert "history" not in record, record["qid"]


@pytest.mark.parametrize("record", ANSWERABLE, ids=lambda record: record["qid"])
def test_answers_and_evidence_occur_in_the_cited_seed(record):
    text = squash(seed_text(record["source"]))
    evidence = squash(record["evidence"])
    assert EVIDENCE_LEN[0] <= len(evidence) <= EVIDENCE_LEN[1], (evidence, len(evidence))
    assert evidence in text, evidence
    for answer in record["answers"]:
        assert squash(answer) in text, answer


@pytest.mark.parametrize("record", ANSWERABLE + HELDOUT_ANSWERABLE, ids=lambda record: record["qid"])
def test_an_answer_stands_in_the_evidence_paragraph(record):
    evidence = squash(record["evidence"])
    paragraphs = [p for p in seed_paragraphs(record["source"]) if evidence in p]
    assert paragraphs, f"evidence crosses a paragraph break: {evidence}"
    answers = [squash(answer) for answer in record["answers"]]
    assert any(answer in p for p in paragraphs for answer in answers), (record["qid"], answers)


def test_the_paragraph_check_can_fail():
    """Guard against a splitter that returns the whole file as one paragraph."""
    name = "002_edbf45a9668c438f.txt"
    if name not in seed_names():
        pytest.skip("seed 002 not present")
    paragraphs = seed_paragraphs(name)
    assert len(paragraphs) > 20
    # "6915 万" ends one block and "元。" starts the next: a column break.
    assert not any("劳务收入6915万元" in p for p in paragraphs)
    assert "劳务收入6915万元" in squash(seed_text(name))


def test_heldout_set_is_well_formed():
    assert Counter(record["kind"] for record in HELDOUT) == {"fact": 45, "paraphrase": 25, "unanswerable": 30}
    assert len({record["qid"] for record in HELDOUT}) == len(HELDOUT)
    for record in HELDOUT:
        assert record["source"] in seed_names(), record["qid"]
        if record["kind"] == "unanswerable":
            assert record["answers"] == [] and record["evidence"] is None, record["qid"]
