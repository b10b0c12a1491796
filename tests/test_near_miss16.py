"""Session 16 near misses (issue 11, helper near16), on sentences written for these tests: the person or the
(non-place) name a question asks about, said nowhere in the figure's paragraph or its article title
(rag.answer.near_miss.unnamed): the figure is someone else's. Each refusal goes away with the switch off
(RAG_ANSWER_ABLATE=subject_unnamed), so the test fails when the reading breaks; a paragraph that names the person, and a
place said only by the headline (全县), still answer."""
from __future__ import annotations

import pytest

from conftest import ask, paragraph_maker

TITLE = "青禾县家纺产业年成交额突破百亿元"


paragraph = paragraph_maker(TITLE, "992_test.txt")


# a quoted shop owner, never named in the paragraph (the article names another one elsewhere)
QUOTE = "“去年我们给店铺开了两个直播间，线上订单占到了六成，全年销售额做到了900多万元。”"
NAMED = "店主周海涛告诉记者，去年他的店铺线上订单占到了六成，全年销售额做到了900多万元。"
# the person, named in the paragraph before in the same article (the article's context would lend the name: a name that
# is no place is inherited from the article's lead or the paragraph right before, rag.answer.scoring name_from_lead)
OTHER = "吴佳琪是青禾县家纺市场的老商户，十多年前开始经营床上用品。"
COUNTY = "去年，全县家纺企业线上销售额达到48.6亿元，同比增长12.4%。"


def test_a_person_the_paragraph_never_names_is_not_answered(monkeypatch):
    question = "吴佳琪的店铺线上订单占比是多少？"
    answer = ask(question, paragraph(QUOTE, number=2), paragraph(OTHER))
    assert answer.refused, answer.answer
    assert "文中只有" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "subject_unnamed")
    off = ask(question, paragraph(QUOTE, number=2), paragraph(OTHER))
    assert not off.refused, off.answer


@pytest.mark.parametrize("question,text,given", [
    ("周海涛的店铺线上订单占比是多少？", NAMED, "六成"),  # the person named in the paragraph
    ("青禾县去年家纺企业线上销售额是多少？", COUNTY, "48.6亿元"),  # a place the headline names: 全县
])
def test_the_named_subject_still_answers(question, text, given):
    answer = ask(question, paragraph(text))
    assert not answer.refused, answer.answer
    assert answer.short == given


# a paragraph going through districts one by one, each with its own clause
DISTRICTS = ("从各区看，青湖区接待游客52.3万人次，实现旅游收入4.8亿元；石桥区接待游客41.6万人次，实现旅游收入3.9亿元；"
             "柳岸区、枫林区分别接待游客20.4万人次和18.7万人次。")
SHOPS = "从商圈看，滨河步行街假期接待游客86万人次，同比增长9.1%；南湖商圈接待游客64万人次，实现销售额3.6亿元。"


def test_another_subjects_figure_in_a_listing_paragraph_does_not_answer(monkeypatch):
    # the street's own clause gives visitors; another 商圈's clause gives the sales
    question = "滨河步行街假期的销售额是多少？"
    answer = ask(question, paragraph(SHOPS))
    assert answer.refused, answer.answer
    assert "文中只有：南湖商圈接待游客64万人次，实现销售额3.6亿元" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "sibling_subject")
    off = ask(question, paragraph(SHOPS))
    assert not off.refused and off.short == "3.6亿元", off.answer


def test_a_district_listed_without_the_asked_figure_is_refused():
    answer = ask("枫林区假期旅游收入是多少？", paragraph(DISTRICTS, title="青禾市假期文旅消费持续升温"))
    assert answer.refused, answer.answer


@pytest.mark.parametrize("question,given", [
    ("青湖区假期旅游收入是多少？", "4.8亿元"),  # the asked district's own figure
    ("石桥区假期实现旅游收入多少？", "3.9亿元"),
])
def test_the_subjects_own_figure_still_answers(question, given):
    answer = ask(question, paragraph(DISTRICTS, title="青禾市假期文旅消费持续升温"))
    assert not answer.refused, answer.answer
    assert answer.short == given
