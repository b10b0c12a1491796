"""Fact checking, helper "mutate8" (issue 10's worst error): a claim changed in ONE part (its value, unit, direction,
place, period, date or a name) must never be 一致. Runs eval/claim_mutations.py's mutation maker on a small page written
for these tests (tests/data/mutate8/), with the real encoder and index, and checks every mutant."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import claim_verdicts, page_assistant_over

PAGE = Path(__file__).parent / "data" / "mutate8"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

import claim_mutations  # noqa: E402

SUPPORTED = [  # (cid, claim, evidence on the page)
    ("m1", "白崖市今年上半年地区生产总值达到1286.4亿元", "全市地区生产总值达到1286.4亿元"),
    ("m2", "上半年白崖市地区生产总值同比增长5.6%", "同比增长5.6%"),
    ("m3", "一季度白崖市规模以上工业增加值同比增长7.2%", "规模以上工业增加值同比增长7.2%"),
    ("m4", "东湖区上半年新增市场主体4820户", "东湖区上半年新增市场主体4820户"),
    ("m5", "7月12日，“白崖好物”直播节在东湖区开幕", "“白崖好物”直播节在东湖区开幕"),
    ("m6", "局长韩嘉明介绍，上半年白崖市接待游客2150万人次", "上半年全市接待游客2150万人次"),
    ("m7", "白崖市全年将新建5G基站3200个", "全年全市将新建5G基站3200个"),
]


page_assistant = page_assistant_over("mutate8")


@pytest.fixture(scope="module")
def mutants():
    pages = [p.read_text(encoding="utf-8") for p in sorted(PAGE.glob("*.txt"))]
    return claim_mutations.make_mutants("test", SUPPORTED, pages, seed=8)


def test_the_claims_themselves_are_supported(page_assistant):
    for _, claim, _ in SUPPORTED:
        report = page_assistant.check(claim)
        assert report.verdict == "supported", (claim, claim_verdicts(report))


def test_mutants_of_every_kind_are_made_deterministically(mutants):
    kinds = Counter(m.kind for m in mutants)
    assert {"value", "unit", "direction", "period", "date"} <= set(kinds), kinds
    again = claim_mutations.make_mutants("test", SUPPORTED, [p.read_text(encoding="utf-8") for p in sorted(PAGE.glob("*.txt"))], seed=8)
    assert again == mutants
    assert all(m.claim != m.source_claim for m in mutants)


def test_no_mutant_is_supported(page_assistant, mutants):
    wrong = [(m.kind, m.claim, claim_verdicts(page_assistant.check(m.claim))) for m in mutants
             if page_assistant.check(m.claim).verdict == "supported"]
    assert not wrong, wrong


def test_a_whole_year_claim_on_a_half_year_figure_is_not_supported(page_assistant, monkeypatch):
    # 1286.4亿元 is the first half's ("今年\n上半年，全市…"), said across a newspaper line break
    report = page_assistant.check("白崖市全年地区生产总值达到1286.4亿元")
    assert report.verdict != "supported", claim_verdicts(report)
    report = page_assistant.check("全年东湖区新增市场主体4820户")
    assert report.verdict != "supported", claim_verdicts(report)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "whole_claim")
    assert page_assistant.check("全年东湖区新增市场主体4820户").verdict == "supported"
