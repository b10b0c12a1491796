"""Session 17 near misses (issue 11, helper scope17), on sentences written for these tests: a named thing inside a
place (a scenic spot, a project, a station) or a lower place, answered with the whole's figure (全省, 全市, 全区) whose
sentence never names it (rag.answer.near_miss.whole_for_part). Each refusal goes away with the switch off
(RAG_ANSWER_ABLATE=whole_for_part), so the test fails when the reading breaks; the whole asked, a township asked with
全乡, a city's courts asked with 全市法院, and a market's 市场主体 still answer."""
from __future__ import annotations

import pytest

from conftest import ask, paragraph_maker

paragraph = paragraph_maker("青岭省国庆假期文旅市场持续升温", "993_test.txt")

PROVINCE = "国庆假期期间，全省纳入统计的112家A级景区累计接待游客860.4万人次，实现门票收入1.92亿元。"
PROJECTS = "市发改委主任林志远介绍，今年全市在建的海上风电项目共5个，总投资约412亿元，当年完成投资86.5亿元。"
STATIONS = "一年来，全区零工市场累计发布岗位信息2.16万个，撮合就业1.37万人次。"
# the asked thing, named in the paragraph before in the article, with no figure of the asked measure
NAMING = "云雾山景区、白石岭海上风电场项目和青石桥零工驿站的负责人也参加了当天的座谈。"


@pytest.mark.parametrize("question,text,given", [
    ("国庆假期云雾山景区的门票收入是多少？", PROVINCE, "文中只有：全省纳入统计的112家A级景区"),
    ("白石岭海上风电场项目总投资多少亿元？", PROJECTS, "文中只有：全市在建的海上风电项目共5个"),
    ("青石桥零工驿站撮合就业多少人次？", STATIONS, "文中只有：全区零工市场"),
])
def test_the_wholes_figure_does_not_answer_for_a_part(monkeypatch, question, text, given):
    answer = ask(question, paragraph(text, number=2), paragraph(NAMING))
    assert answer.refused, answer.answer
    assert given in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "whole_for_part")
    off = ask(question, paragraph(text, number=2), paragraph(NAMING))
    assert not off.refused, off.answer


@pytest.mark.parametrize("question,text,title,given", [
    ("国庆假期青岭省A级景区的门票收入是多少？", PROVINCE, "青岭省国庆假期文旅市场持续升温", "1.92亿元"),  # the whole asked
    # 全乡 is the asked township; a city's courts are 全市法院; 市场主体 is no market
    ("桐溪县白沙乡一共有多少亩耕地？", "目前，全乡1.2万亩耕地已全部建成高标准农田。", "桐溪县白沙乡建成高标准农田", "1.2万亩"),
    ("江川法院去年判处了多少名罪犯？", "去年，全市法院审结刑事案件5120件，判处罪犯6380人。", "江川市法院工作报告发布", "6380人"),
    ("临川市涉农市场主体有多少家？", "截至去年底，全市涉农市场主体超过2.4万家。", "临川市营商环境持续优化", "超过2.4万家"),
])
def test_the_whole_asked_still_answers(question, text, title, given):
    answer = ask(question, paragraph(text, title=title))
    assert not answer.refused, answer.answer
    assert answer.short == given
