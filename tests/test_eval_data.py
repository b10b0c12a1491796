"""The held-out data files load, keep their fixed split, and quote their corpus.

Every question and claim file under eval/ is read by the same loaders `rag eval` uses, so a malformed row added
in a later round fails here rather than in the middle of an evaluation. Each evidence phrase must be said by one
paragraph (or headline) of the corpus the file is evaluated against: a phrase no paragraph contains can never
count as retrieved, and would quietly lower every figure reported for that file.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import pytest

from rag.check.evaluate import GoldDraft, load_gold
from rag.evaluate import load_questions
from rag.ingest import load_corpus
from rag.metrics import contains_squashed

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FRESH = ROOT / "eval" / "fresh"
FRESH2 = ROOT / "eval" / "fresh2"
FRESH3 = ROOT / "eval" / "fresh3"
FRESH4 = ROOT / "eval" / "fresh4"
FRESH5 = ROOT / "eval" / "fresh5"
FRESH6 = ROOT / "eval" / "fresh6"
FRESH7 = ROOT / "eval" / "fresh7"
FRESH8 = ROOT / "eval" / "fresh8"
FRESH9 = ROOT / "eval" / "fresh9"
FRESH10 = ROOT / "eval" / "fresh10"
FRESH11 = ROOT / "eval" / "fresh11"
FRESH12 = ROOT / "eval" / "fresh12"
FRESH13 = ROOT / "eval" / "fresh13"

QUESTION_FILES = [("everyday.jsonl", SEEDS), ("fresh_questions.jsonl", FRESH), ("fresh2_questions.jsonl", FRESH2),
                  ("fresh3_questions.jsonl", FRESH3), ("fresh4_questions.jsonl", FRESH4),
                  ("fresh5_questions.jsonl", FRESH5), ("fresh6_questions.jsonl", FRESH6),
                  ("fresh7_questions.jsonl", FRESH7), ("fresh8_questions.jsonl", FRESH8),
                  ("fresh9_questions.jsonl", FRESH9), ("fresh10_questions.jsonl", FRESH10),
                  ("fresh11_questions.jsonl", FRESH11), ("fresh12_questions.jsonl", FRESH12),
                  ("fresh13_questions.jsonl", FRESH13)]
CLAIM_FILES = [("claims.jsonl", SEEDS), ("claim_drafts.jsonl", SEEDS), ("fresh_claims.jsonl", FRESH), ("fresh_drafts.jsonl", FRESH),
               ("fresh2_claims.jsonl", FRESH2), ("fresh2_drafts.jsonl", FRESH2),
               ("fresh3_claims.jsonl", FRESH3), ("fresh3_drafts.jsonl", FRESH3),
               ("fresh4_claims.jsonl", FRESH4), ("fresh4_drafts.jsonl", FRESH4),
               ("fresh5_claims.jsonl", FRESH5), ("fresh5_drafts.jsonl", FRESH5),
               ("fresh6_claims.jsonl", FRESH6), ("fresh6_drafts.jsonl", FRESH6),
               ("fresh7_claims.jsonl", FRESH7), ("fresh7_drafts.jsonl", FRESH7),
               ("fresh8_claims.jsonl", FRESH8), ("fresh8_drafts.jsonl", FRESH8),
               ("fresh9_claims.jsonl", FRESH9), ("fresh9_drafts.jsonl", FRESH9),
               ("fresh10_claims.jsonl", FRESH10), ("fresh10_drafts.jsonl", FRESH10),
               ("fresh11_claims.jsonl", FRESH11), ("fresh11_drafts.jsonl", FRESH11),
               ("fresh12_claims.jsonl", FRESH12), ("fresh12_drafts.jsonl", FRESH12),
               ("fresh13_claims.jsonl", FRESH13), ("fresh13_drafts.jsonl", FRESH13)]


@lru_cache(maxsize=None)
def _said(corpus: Path) -> tuple[str, ...]:
    articles, paragraphs = load_corpus(corpus)
    return tuple(p.text for p in paragraphs) + tuple(p.title for p in paragraphs if p.title)


def _in_corpus(phrase: str, corpus: Path) -> bool:
    return any(contains_squashed(text, phrase) for text in _said(corpus))


def _hash_split(identifier: str) -> str:
    """The split every round was given when it was appended: fixed by the id alone, never by a result."""
    return "dev" if int(hashlib.sha1(identifier.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _present(name: str) -> Path:
    path = ROOT / "eval" / name
    if not path.exists():
        pytest.fail(f"eval/{name} is missing")
    return path


@pytest.mark.parametrize("name,corpus", QUESTION_FILES)
def test_question_files_load_split_and_quote_their_corpus(name, corpus):
    questions = load_questions(_present(name))
    assert {q.split for q in questions} == {"dev", "test"}
    assert all(q.split == _hash_split(q.qid) for q in questions)
    unquoted = [q.qid for q in questions for phrase in (q.evidence, *q.evidence_all) if phrase and not _in_corpus(phrase, corpus)]
    assert unquoted == []
    assert {q.kind for q in questions} >= {"paraphrase", "comparison", "context", "unanswerable"}


@pytest.mark.parametrize("name,corpus", CLAIM_FILES)
def test_claim_files_load_split_and_quote_their_corpus(name, corpus):
    gold = load_gold(_present(name))
    assert {g.split for g in gold} == {"dev", "test"}
    assert all(g.split == _hash_split(g.did if isinstance(g, GoldDraft) else g.cid) for g in gold)
    claims = [c for g in gold for c in (g.claims if isinstance(g, GoldDraft) else (g,))]
    assert [c.cid for c in claims if c.evidence and not _in_corpus(c.evidence, corpus)] == []
    assert {c.verdict for c in claims} == {"supported", "contradicted", "not_found"}
