"""Readings of the sixth session (issue 11, helper "accept6"): whether a question word the sentence
does not say must refuse (a question phrase, the word's own characters in another compound, a
general role), and whether a figure answers for the period, scope and part asked. Sentences written
for these tests; each reading is also switched off (RAG_ANSWER_ABLATE), so the test fails if it goes.
"""
from __future__ import annotations

from rag.answer import extract_answer
from rag.answer.scoring import role_said, same_characters

from conftest import ranked
from test_fresh_readings import _check
from test_near_miss import paragraph


def _answers_then_refuses_without(monkeypatch, switch, question, text, short):
    """``question`` over ``text`` answers ``short``; with the reading ``switch`` off it is refused."""
    assert extract_answer(question, ranked(text)).short == short
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    assert extract_answer(question, ranked(text)).refused


def test_a_word_said_with_its_own_characters_is_no_missing_word(monkeypatch):
    assert same_characters("收麦", "今年麦收期间作业收入420万元")
    assert same_characters("起拍价", "挂牌起始价4350万元")
    assert not same_characters("起拍价", "成交价4350万元") and not same_characters("田径", "游泳项目")
    text = paragraph("GX2026-03号地块位于产业园内，出让面积95亩，挂牌起始价3150万元。", 1)
    _answers_then_refuses_without(monkeypatch, "same_characters", "GX2026-03号地块的挂牌起拍价是多少？", text, "3150万元")


def test_a_general_role_is_named_by_a_title_of_its_kind(monkeypatch):
    assert role_said("负责人", "合作社理事长王德田介绍，合作社现有社员60户。")
    assert not role_said("市长", "副局长刘海燕介绍")  # a specific title is not said by another
    text = paragraph("合作社理事长王德田介绍，丰收农机专业合作社现有社员60户。", 1)
    _answers_then_refuses_without(monkeypatch, "general_role", "丰收农机专业合作社的负责人是谁？", text, "王德田")


def test_a_figure_of_another_relative_period_or_only_its_baseline_is_a_near_miss(monkeypatch):
    text = paragraph("公司总经理介绍，今年夏季已收购小麦秸秆6.2万吨，预计全年消纳秸秆20万吨。", 1)
    found = _check("绿源发电公司去年收购了多少秸秆？", "6.2万吨", text)
    assert found and found[0] == "period", found
    assert _check("绿源发电公司今年夏季收购了多少秸秆？", "6.2万吨", text) is None
    baseline = paragraph("赛事期间，南平市带动旅游消费收入3.1亿元，较去年同期增长22%。", 1)
    found = _check("赛事期间南平市去年同期的旅游消费收入是多少？", "3.1亿元", baseline)
    assert found and found[0] == "period", found
    assert _check("赛事期间南平市的旅游消费收入是多少？", "3.1亿元", baseline) is None
    # a sentence dated by a year is left to the article's date
    dated = paragraph("2025年全市普通高考本科上线率达到68.2%，比上年提高1.5个百分点。", 1)
    assert (_check("青川去年高考本科上线率是多少？", "68.2%", dated) or ("",))[0] != "period"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "relative_period")
    assert (_check("绿源发电公司去年收购了多少秸秆？", "6.2万吨", text) or ("",))[0] != "period"


def test_a_towns_figure_does_not_answer_for_the_county(monkeypatch):
    text = paragraph("镇党委书记介绍，该镇去年新建高标准农田1.8万亩，配套机井260眼。", 1, title="临河县夏粮丰收")
    question = "临河县去年全县新建了多少亩高标准农田？"
    found = _check(question, "1.8万亩", text)
    assert found and found[0] == "scope", found
    assert _check("该镇去年新建了多少亩高标准农田？", "1.8万亩", text) is None
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "narrower_scope")
    assert (_check(question, "1.8万亩", text) or ("",))[0] != "scope"


def test_another_part_and_its_whole_do_not_answer_the_part_asked(monkeypatch):
    text = paragraph("本届运动会竞技水平明显提升，共有12人次打破8项纪录，其中游泳项目破纪录5人次。", 1)
    question = "本届运动会田径项目有多少人次破纪录？"
    found = _check(question, "5人次", text)
    assert found and found[0] == "part", found
    assert extract_answer(question, ranked(text)).refused
    assert extract_answer("本届运动会游泳项目有多少人次破纪录？", ranked(text)).short == "5人次"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "other_part")
    assert extract_answer(question, ranked(text)).short == "12人次"  # the whole, without the reading
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "part_vn")
    assert (_check(question, "5人次", text) or ("",))[0] != "part"
