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
# every unseen-page set: its pages in eval/NAME/, its rows in eval/NAME_questions.jsonl, _claims.jsonl and _drafts.jsonl;
# named here rather than globbed, so a set whose files go missing fails instead of dropping out of the test
FRESH_SETS = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11",
              "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22",
              "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30",
              "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36", "fresh37",
              "fresh38", "fresh39", "fresh40")

QUESTION_FILES = [("everyday.jsonl", SEEDS)] + [(f"{name}_questions.jsonl", ROOT / "eval" / name) for name in FRESH_SETS]
CLAIM_FILES = [("claims.jsonl", SEEDS), ("claim_drafts.jsonl", SEEDS)] + [
    (f"{name}_{kind}.jsonl", ROOT / "eval" / name) for name in FRESH_SETS for kind in ("claims", "drafts")]


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
