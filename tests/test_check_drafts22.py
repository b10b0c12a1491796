"""How a draft's sentence leans on the figure before it (drafts22, on a page written for these tests, tests/data/drafts22):

- ``part_lean`` (rag.check.claims._whole_of_part): a clause opening with 其中 that names only a place and verbs before its figure
  ("其中，青岩区贡献了1180万人次", "其中梅坞县640万人次") is that place's share of the last figure of its unit before it, in its
  sentence or the sentence before: it measures what that figure measures.
- ``figure_pointer``: a sentence pointing at a figure said before ("这一数字同比增长15.6%", "这一投资额…") measures what that
  figure measures, whatever its unit.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts
from rag.check.claims import find_claims

PAGE = Path(__file__).parent / "data" / "drafts22"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "drafts22-index")


def _figure(report, stated):
    return next(c for c in report.claims if c.claim.stated == stated)


def test_a_part_named_by_its_place_alone_measures_the_whole_before(page_assistant):
    right = page_assistant.check("2025年，柳溪全市接待游客3260万人次。其中青岩区以1180万人次居全市首位。")
    assert _figure(right, "1180万人次").verdict == "supported", claim_verdicts(right)
    wrong = page_assistant.check("2025年，柳溪全市接待游客3260万人次。其中青岩区以1280万人次居全市首位。")
    claim = _figure(wrong, "1280万人次")
    assert claim.verdict == "contradicted" and "1180" in (claim.found or ""), claim_verdicts(wrong)


def test_a_part_in_the_same_sentence_takes_the_measure_before_it():
    claims, _ = find_claims("2025年，柳溪全市接待游客3260万人次，其中梅坞县640万人次。")
    part = next(c for c in claims if c.stated == "640万人次")
    assert "接待游客" in part.label and "全市" not in part.label and part.places == ("梅坞县",)


def test_a_part_with_a_measure_of_its_own_or_of_another_unit_leans_on_nothing():
    claims, _ = find_claims("2025年，全市接待游客3260万人次。其中青岩区旅游收入106.5亿元。")
    assert next(c for c in claims if c.stated == "106.5亿元").label.startswith("其中青岩区旅游收入")
    claims, _ = find_claims("2025年，全市接待游客3260万人次，占全省的两成。其中青岩区以1180万人次居全市首位。")
    part = next(c for c in claims if c.stated == "1180万人次")
    assert "接待游客" in part.label and "占全省" not in part.label


def test_part_lean_switched_off(monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "part_lean")
    claims, _ = find_claims("2025年，柳溪全市接待游客3260万人次。其中，青岩区贡献了1180万人次。")
    assert "接待游客" not in next(c for c in claims if c.stated == "1180万人次").label


def test_a_pointer_to_the_figure_before_measures_it(page_assistant):
    wrong = page_assistant.check("2025年，柳溪市文旅项目完成投资86.7亿元。这一数字同比增长16.5%。")
    claim = _figure(wrong, "16.5%")
    assert claim.verdict == "contradicted" and "15.6" in (claim.found or ""), claim_verdicts(wrong)
    right = page_assistant.check("2025年，柳溪市文旅项目完成投资86.7亿元。这一投资额同比增长15.6%。")
    assert _figure(right, "15.6%").verdict == "supported", claim_verdicts(right)


def test_figure_pointer_switched_off(monkeypatch):
    draft = "2025年，柳溪市文旅项目完成投资86.7亿元。这一数字同比增长16.5%。"
    on = next(c for c in find_claims(draft)[0] if c.stated == "16.5%")
    assert "文旅项目完成投资" in on.label and on.sentence.endswith("文旅项目完成投资）")
    monkeypatch.setenv("RAG_CHECK_ABLATE", "figure_pointer")
    off = next(c for c in find_claims(draft)[0] if c.stated == "16.5%")
    assert "文旅项目完成投资" not in off.label and off.sentence == "这一数字同比增长16.5%"
