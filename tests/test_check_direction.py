"""Direction in fact checking: a stated value read backwards, and claims of a direction without a number
(rag.check.direction). Sentences written for these tests, not taken from the gold claims."""
from __future__ import annotations

from rag.check.claims import find_claims
from rag.check.direction import direction_in
from rag.check.measure import share_present, share_present_heads


def test_a_compound_is_said_by_its_head():
    assert share_present_heads(["办事效率", "试点"], "效率提升38%，试点一年") == 1.0
    assert share_present(["办事效率", "试点"], "效率提升38%，试点一年") == 0.5
    assert share_present_heads(["效率"], "办事速度提升") == 0.0  # two characters are the word itself


def test_a_direction_needs_something_it_governs():
    clause = "新增工程应提高工资保证金存储比例"
    start, end = direction_in(clause)
    assert clause[start:end] == "提高"
    assert direction_in("同比增长") is None  # leans on a figure: nothing of its own
    assert direction_in("工业增加值保持稳定") is None  # 增加值 is a noun


def test_a_figure_free_clause_with_a_direction_is_a_claim():
    claims, unchecked = find_claims("城东区每年都在削减社会救助的财政投入。我们会继续努力。")
    assert [(c.kind, c.stated) for c in claims] == [("direction", "削减")]
    assert [u.text for u in unchecked] == ["我们会继续努力。"]
    figure_claims, _ = find_claims("城镇新增就业2047人，同比增长。")
    assert [c.kind for c in figure_claims] == ["figure"]


def _verdicts(report):
    return [(c.claim.kind, c.verdict, c.found, c.differs) for c in report.claims]


def test_a_direction_without_a_number_is_checked_against_the_articles_object(seed_assistant, monkeypatch):
    wrong = "施工总承包单位连续两年没有拖欠工资的，新增工程须提高存储比例。"
    assert ("direction", "contradicted", "降低存储比例", "方向") in _verdicts(seed_assistant.check(wrong))
    right = seed_assistant.check("施工总承包单位连续两年没有拖欠工资的，新增工程须降低存储比例。")
    assert ("direction", "supported", "降低存储比例", None) in _verdicts(right)
    assert _verdicts(seed_assistant.check("城东区每年都在削减社会救助的财政投入。")) == [
        ("direction", "contradicted", "加大财政投入力度", "方向")]
    # the same place and direction word, but an object the article does not govern: nothing concluded
    assert seed_assistant.check("城东区逐年压减道路养护经费。").verdict == "not_found"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "direction")
    assert seed_assistant.check("城东区每年都在削减社会救助的财政投入。").verdict != "contradicted"


def test_the_stated_value_in_the_opposite_direction_contradicts_on_looser_overlap(seed_assistant, monkeypatch):
    claim = "海东推出“海东快办”后，办事效率下降了38%。"
    assert ("figure", "contradicted", "提升38%", "方向") in _verdicts(seed_assistant.check(claim))
    # the right direction is not confirmed on that looser overlap
    assert all(c.verdict != "supported" for c in seed_assistant.check("海东推出“海东快办”后，办事效率提升了38%。").claims)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "direction")
    assert all(c.verdict != "contradicted" for c in seed_assistant.check(claim).claims)
