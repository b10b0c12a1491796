"""RAG_ANSWER_ABLATE: one list of valid names, read by one parser; every switch the code asks is on it."""
from __future__ import annotations

import ast
import logging
import re
from pathlib import Path

from rag.answer import settings
from rag.answer.settings import ABLATABLE, NEAR_MISS_CHECKS, SWITCHES, ablated, settings_from_environment

ANSWER = Path(settings.__file__).parent


# modules outside the answer stage that ask its switches (the retriever's reading of everyday words, session 37)
ASKING_ELSEWHERE = (ANSWER.parent / "query_terms.py",)


def _literals(pattern: str) -> set[str]:
    return {name for path in (*ANSWER.glob("**/*.py"), *ASKING_ELSEWHERE)
            for name in re.findall(pattern, path.read_text(encoding="utf-8"))}


def test_every_switch_the_answer_stage_asks_is_a_valid_name():
    """A switch asked in the code but missing from the list could not be switched off from the environment."""
    asked = _literals(r"\bablated\(\"([a-z_]+)\"\)")
    assert asked and asked <= set(SWITCHES), asked - set(SWITCHES)
    assert set(SWITCHES) <= asked  # and no listed switch is one the code no longer asks
    checks = {name for path in (ANSWER / "near_miss").glob("*.py")
              for name in re.findall(r"\bon\(\"([a-z_]+)\"\)", path.read_text(encoding="utf-8"))}
    assert checks == set(NEAR_MISS_CHECKS)


def test_each_switch_is_described_once():
    """A name written twice in SWITCHES keeps only its last description and switches two readings off together."""
    tree = ast.parse(Path(settings.__file__).read_text(encoding="utf-8"))
    literal = next(node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                   and any(isinstance(target, ast.Name) and target.id == "SWITCHES" for target in node.targets))
    keys = [key.value for key in literal.keys]
    assert len(keys) == len(SWITCHES) and not {key for key in keys if keys.count(key) > 1}

def test_every_name_eval_readme_ablates_is_valid():
    names = {
        "semantic", "synonyms", "near_miss", "context", "comparison", "outcome", "figure_measure", "word_classes",
        "abbreviations", "article_places", "photo_credit", "cn_dates", "admin_level",
        "nm:qualifier", "nm:action", "nm:rate", "nm:subject", "nm:earlier", "nm:unit_refused", "nm:asked_word_here",
        "nm:member", "nm:subset", "nm:counted",
    }
    assert names <= ABLATABLE, names - ABLATABLE


def test_one_variable_switches_settings_fields_and_switches_alike(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", " semantic, outcome ,nm:counted")
    off = settings_from_environment()
    assert not off.semantic and off.near_miss and off.context and off.comparison
    assert ablated("outcome") and ablated("nm:counted") and not ablated("nm:member") and not ablated("synonyms")
    monkeypatch.delenv("RAG_ANSWER_ABLATE")
    assert settings_from_environment() == settings.AnswerSettings() and not ablated("outcome")


def test_an_unknown_name_is_logged_and_ignored(monkeypatch, caplog):
    settings._switched_off.cache_clear()
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "context,semantics,nm:nothing")
    with caplog.at_level(logging.WARNING, logger="rag.answer.settings"):
        assert not settings_from_environment().context
        assert not ablated("semantics") and not ablated("nm:nothing")
    warnings = [r.getMessage() for r in caplog.records if r.name == "rag.answer.settings"]
    assert len(warnings) == 1 and "nm:nothing, semantics" in warnings[0], warnings
