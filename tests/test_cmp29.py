"""Issue 11, twenty-ninth round (helper "cmp29"): a range of months in a comparison read as one period.

- range_anchor: "前10个月莘县城镇新增就业" names a period (前10个月), a place and a measure: the 10 of the range is no
  figure of the side and 前…个 no part of its measure (it read "前月新增就业" before, a measure no sentence says).
- range_forms: a sentence stating both sides is of the asked range however the range is written: 前10个月, 1—10月 and
  1至10月 are one period (a set of written forms compared as strings refused 1至10月 against 1—10月).
- side_unit_stated: two figures stated side by side answer only in the kind of unit the side questions ask (多少钱 is
  not answered by 签约项目9个 and 8个).
- place_names: a side whose name holds its measure ("白塔县城镇新增就业" against 柳溪县) is found in a roundup by its
  place ("白塔县5830人；柳溪县5210人").

The page (tests/data/cmp29/) and the questions are written for this test, not taken from the eval data."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.comparison import parse_comparison
from rag.answer.comparison.anchors import read_anchors
from rag.answer.comparison.stated_sides import _other_period, _places


page_assistant = page_assistant_over("cmp29")

DIFFERENCE = "前10个月白塔县城镇新增就业比柳溪县多多少人？"


def test_a_range_of_months_is_a_period_no_figure(monkeypatch):
    for side, period in (("前10个月城中区城镇新增就业", "前10个月"), ("前十个月城中区城镇新增就业", "前十个月")):
        anchors = read_anchors(side)
        assert anchors.figures == () and period in anchors.times and anchors.measure == "新增就业", anchors
    assert read_anchors("1至10月城中区的城镇新增就业").figures == ()
    assert read_anchors("城中区1至10月超300万辆的").figures == ("300万",)  # a figure beside the range stays one
    assert parse_comparison("前10个月城中区城镇新增就业比祁连县多多少人？").measure == "新增就业"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "range_anchor")
    assert read_anchors("前10个月城中区城镇新增就业").measure == "前月新增就业"


def test_ranges_written_otherwise_are_one_period(monkeypatch):
    assert not _other_period("前10个月白塔县", "今年1—10月，全市…")
    assert not _other_period("今年1至10月白塔县", "1-10月，全市…")
    assert not _other_period("前十个月白塔县", "1到10月，全市…")
    assert _other_period("今年1至10月白塔县", "1—9月，全市…")  # another range is another period
    assert _other_period("前10个月白塔县", "上半年，全市…")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "range_forms")
    assert _other_period("今年1至10月白塔县", "1—10月，全市…")


def test_a_side_holding_its_measure_is_found_by_its_place(page_assistant, monkeypatch):
    answer = page_assistant.ask(DIFFERENCE)
    assert not answer.refused and answer.short == "620人", answer.answer
    assert "5830人" in answer.answer and "5210人" in answer.answer
    sides = ("前10个月城中区城镇新增就业", "祁连县")
    assert _places(sides, ("城中区城镇新增就业", "祁连县")) == ("城中区", "祁连县")
    assert _places(("城中区", "祁连县"), ("城中区", "祁连县")) is None  # the names are places already
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "place_names")
    assert _places(sides, ("城中区城镇新增就业", "祁连县")) is None


def test_a_count_stated_side_by_side_does_not_answer_money(page_assistant, monkeypatch):
    from rag.answer.comparison.answer import _side_unit

    question = "在12月8日的集中签约中，城中区的签约金额比祁连县多多少？"
    assert _side_unit(parse_comparison(question)) == "元"  # both sides ask 多少钱
    assert _side_unit(parse_comparison("城中区和祁连县哪个城镇新增就业多？")) == ""
    # the page states 签约项目 counts of both sides and no sum: the money asked is not found
    answer = page_assistant.ask("在12月8日的集中签约中，白塔县的签约金额比柳溪县多多少？")
    assert answer.refused, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "side_unit_stated")
    assert _side_unit(parse_comparison(question)) == ""


def test_no_wrong_figure_for_a_side_the_roundup_lacks(page_assistant):
    # 河口县 is in no item of the roundup: no figure of another member stands for it
    answer = page_assistant.ask("前10个月白塔县城镇新增就业比河口县多多少人？")
    assert answer.refused, answer.answer
