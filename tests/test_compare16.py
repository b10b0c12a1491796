"""Issue 11, sixteenth round (helper "cmp16"): comparisons whose sides a listing states without the words the
two sides share.

Causes seen on the dev rows of several sets (each case here is written for this test, over the page in
tests/data/cmp16/, not taken from the eval data):
- a listing "改造老旧燃气管道132公里、雨水管网97公里" names each side by the words telling it apart only, each
  right before its figure, while the question names the sides with their shared place, period and verb
  ("青山市去年改造的雨水管网和污水管网"): ``stated_sides.side_cores`` and ``_name_then_figure`` (switch side_cores);
- "从2024年到2025年提高了多少个百分点": the span of time is no part of what the question names (``from_to``);
- "去年石湾县新种植油茶比柳溪县多多少亩": a relative period opening the first side dates both when the name
  after it is a place parallel to the other side (switch lead_name_after_period)."""
from __future__ import annotations

import pytest

from conftest import page_assistant_over

from rag.answer.comparison import parse_comparison
from rag.answer.from_to import _named
from rag.answer.question import analyze_question
from rag.answer.comparison.sentence_reading import figures_of
from rag.answer.comparison.stated_sides import _name_then_figure, side_cores


page_assistant = page_assistant_over("cmp16")


def test_the_cores_are_what_tells_the_sides_apart():
    assert side_cores(("青山市去年改造的雨水管网多长", "青山市去年改造的污水管网多长")) == ("雨水管网", "污水管网")
    assert side_cores(("东岭街道的灯具产值多少", "西岭街道的灯具产值多少")) == ("东岭街道", "西岭街道")
    assert side_cores(("青山市的药剂人员多少", "青山市检验技术人员多少")) == ("药剂人员", "检验技术人员")
    assert side_cores(("一季度北关口岸货运量多少", "一季度南关口岸货运量多少"), "货运量") == ("北关口岸", "南关口岸")
    assert side_cores(("东岭街道多少", "东岭街道多少")) is None


def test_a_listed_name_owns_the_figure_right_after_it():
    sentence = "去年全市共改造老旧燃气管道132公里、雨水管网97公里、污水管网74公里，惠及居民3.6万户。"
    spans = figures_of(sentence, analyze_question("雨水管网多长"))
    assert [sp.text for sp in _name_then_figure(sentence, spans, ("污水管网", "雨水管网"))] == ["74公里", "97公里"]
    # a name mentioned twice before figures is not read: which mention owns which figure is unclear
    twice = "雨水管网97公里，新建雨水管网12公里。"
    spans = figures_of(twice, analyze_question("雨水管网多长"))
    assert _name_then_figure(twice, spans, ("雨水管网", "污水管网"))[0] is None


@pytest.mark.parametrize("question, winner, values, gap", [
    ("青山市去年改造的雨水管网和污水管网哪个更长？长多少？", "雨水管网", ("97公里", "74公里"), "23公里"),
    ("青山市的全科医生和乡村医生哪个多？多多少？", "全科医生", ("0.42万人", "0.31万人"), "0.11万人"),
])
def test_sides_listed_by_their_own_words_are_compared(page_assistant, monkeypatch, question, winner, values, gap):
    answer = page_assistant.ask(question)
    assert not answer.refused, answer.answer
    assert winner in answer.short and all(v in answer.answer for v in values) and gap in answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "side_cores")
    off = page_assistant.ask(question)
    assert off.refused or off.answer != answer.answer


def test_a_span_of_time_is_not_what_the_question_names(page_assistant):
    assert _named("城区公交乘车刷码占比从2024年到2025年提高了多少个百分点？") == "城区公交乘车刷码占比"
    answer = page_assistant.ask("青山市城区公交乘车刷码占比从2024年到2025年提高了多少个百分点？")
    assert not answer.refused and answer.short == "6.6个百分点", answer.answer


def test_a_period_before_a_parallel_place_dates_both_sides(page_assistant, monkeypatch):
    question = "去年石湾县新种植油茶比柳溪县多多少亩？"
    comparison = parse_comparison(question)
    assert comparison is not None and comparison.side_questions[1].startswith("去年柳溪县")
    answer = page_assistant.ask(question)
    assert not answer.refused and "530亩" in answer.answer, answer.answer
    assert parse_comparison("去年城镇新增就业比前年多多少人？") is None  # two periods: one change, no two sides
    # the wider reading of session 20 (any calendar period opening the first side only dates both) reads it too
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "lead_name_after_period,period_dates_both")
    assert parse_comparison(question) is None
