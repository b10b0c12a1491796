"""Session 19 comparisons (issue 11, helper cmp23), on sentences written for these tests:
- the noun after 哪个 names the sides' kind though they do not end in it, and a period kind both end in is no
  part of the measure (which_kind);
- a sentence listing each name right before its figure states both sides (named_listing);
- a sentence opening with 其中 breaks down the figure of the sentence before, which says the measure (breakdown_measure);
- a side's full form in a list holds no figure or break (full_form_one_name);
- two sides answered from sentences naming neither read the sentence stating both first (unnamed_sides).
Each is checked to go back with its switch off (RAG_ANSWER_ABLATE)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, ranked
from rag.answer.comparison import answer_comparison, parse_comparison
from rag.answer.comparison.stated_sides import stated_sides

paragraph = paragraph_maker(title="青禾县养老服务提质扩面", source="cmp23_test.txt")


def test_the_noun_after_which_names_the_sides_kind(monkeypatch):
    c = parse_comparison("一季度和上半年比，市区公交哪个时段平均每天坐车的人更多？")
    assert c.sides == ("一季度", "上半年") and "时段" not in c.measure and "平均每天坐车" in c.measure, c
    c = parse_comparison("甲公司和乙公司哪个企业营收多？")
    assert c.measure == "营收", c
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "which_kind")
    c = parse_comparison("一季度和上半年比，市区公交哪个时段平均每天坐车的人更多？")
    assert "时段" in c.measure


LISTED = "全县已建成助餐点（老年食堂）186个，其中石岭镇42个、柳河镇35个、东坝镇28个。"


def test_a_listing_of_names_then_figures_states_both_sides(monkeypatch):
    c = parse_comparison("石岭镇和柳河镇，哪个地方建的老年食堂更多？")
    stated = stated_sides(c, c.sides, ranked(paragraph(LISTED)))
    assert stated is not None and [s.short for s in stated] == ["42个", "35个"], stated
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "named_listing")
    stated = stated_sides(c, c.sides, ranked(paragraph(LISTED)))
    assert stated is None or [s.short for s in stated] != ["42个", "35个"]


BROKEN_DOWN = ("今年前三季度，白沙口岸进出境货运量达到936.4万吨，同比增长9.8%。其中，铁路口岸完成688.7万吨，同比增长8.1%；"
               "公路口岸完成247.7万吨，同比增长15.9%，公路口岸增速比上半年提高3.2个百分点。")


def test_a_breakdown_sentence_takes_the_measure_of_the_sentence_before(monkeypatch):
    c = parse_comparison("白沙的铁路口岸和公路口岸，前三季度谁的货运量增长得更快？")
    stated = stated_sides(c, c.sides, ranked(paragraph(BROKEN_DOWN)))
    assert stated is not None and [s.short for s in stated] == ["8.1%", "15.9%"], stated
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "breakdown_measure")
    assert stated_sides(c, c.sides, ranked(paragraph(BROKEN_DOWN))) is None


TOWNS = ("2025年，青禾县新建助餐点48个，全县助餐点累计达到163个，覆盖行政村的比例由2024年底的52%提高到68%。"
         "从分布看，石岭镇助餐点数量最多，有15个；柳河镇14个，东坝镇12个；西坝乡率先实现行政村全覆盖。")


def test_a_full_form_holds_no_figure(monkeypatch):
    c = parse_comparison("石岭镇和柳河镇，哪个镇的助餐点更多？")
    stated = stated_sides(c, c.sides, ranked(paragraph(TOWNS)))
    assert stated is not None and [s.short for s in stated] == ["15个", "14个"], stated
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "full_form_one_name")
    stated = stated_sides(c, c.sides, ranked(paragraph(TOWNS)))
    assert stated is None or [s.short for s in stated] != ["15个", "14个"]


def test_sides_from_sentences_naming_neither_read_the_sentence_naming_both(monkeypatch):
    from dataclasses import replace

    question = "石岭镇和柳河镇，哪个镇的助餐点更多？"
    c = parse_comparison(question)
    hits = ranked(paragraph(TOWNS))
    # figures of the county, naming neither town
    county = ask("青禾县新建助餐点多少个？", paragraph(TOWNS))
    assert county.short == "48个", county.answer
    at = TOWNS.index("163个")
    total = replace(county, short="163个", citations=(replace(county.citations[0], text_answer_start=at),))
    sides = (county, total)
    answer = answer_comparison(question, c, sides, 0.0, hits)
    assert "15个" in answer.answer and "14个" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "unnamed_sides")
    answer = answer_comparison(question, c, sides, 0.0, hits)
    assert "石岭镇 15个" not in answer.answer, answer.answer


def test_a_dateline_place_of_six_characters_ending_in_its_level(monkeypatch):
    from rag.dateline import dateline_place

    assert dateline_place("本报东乌珠穆沁旗10月20日讯（记者 苏日古嘎）清晨六点") == ["东乌珠穆沁旗"]
    assert dateline_place("本报苏尼特左旗讯 近日") == ["苏尼特左旗"]
    assert dateline_place("本报兰州讯") == ["兰州"]
    assert dateline_place("本报记者张三报道12月") == []


def test_since_dates_the_figure_and_qualifies_nothing(monkeypatch):
    from rag.answer.near_miss.measure import _qualifier_unsaid
    from rag.answer.question import analyze_question

    analysis = analyze_question("青禾旗的边民互市贸易区2025年以来交易额有多少？")
    clause = "全旗边民互市贸易区交易额2.36亿元"
    assert not _qualifier_unsaid(clause, clause + "，同比增长27.4%。", analysis)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "since_no_qualifier")
    assert _qualifier_unsaid(clause, clause + "，同比增长27.4%。", analysis)


def test_a_side_is_asked_again_in_the_follow_ups_compound_unit(monkeypatch):
    c = parse_comparison("石岭旗和柳河旗的流动卫生服务车，今年谁巡诊的牧户多？多多少户次？")
    assert all(any(q.endswith("多少户次") for q in alts) for alts in c.alternatives), c.alternatives
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "follow_compound_unit")
    c = parse_comparison("石岭旗和柳河旗的流动卫生服务车，今年谁巡诊的牧户多？多多少户次？")
    assert not any(q.endswith("多少户次") for alts in c.alternatives for q in alts)
