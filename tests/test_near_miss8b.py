"""Session 8 near misses (issue 11, helper accept8b), on sentences written for these tests: a part of a
group asked and the group's figure given ("游客中，过夜游客有多少" against "共接待游客52.3万人次"; "示范学校里，国家级
的有几所" against "国家和省级示范学校6所"), and a whole the sentence breaks down given for one part asked (a listed
part, 石门镇段, or a part the breakdown qualifies otherwise, 实用新型专利 against 其中发明专利). No encoder: the lexical
mechanisms only. Each refusal is checked to go away with its switch off (RAG_ANSWER_ABLATE), so a test fails when
its reading breaks; the asked part or the whole, when said, still answers."""
from __future__ import annotations

import pytest


from conftest import ask, paragraph_maker


paragraph = paragraph_maker(title="青禾县经济社会发展稳中有进", source="981_test.txt")


VISITORS = "春节假期，青禾县共接待游客52.3万人次，同比增长12%，实现旅游收入3.1亿元。"
SCHOOLS = "青禾县持续优化教育资源，建成国家和省级示范学校6所、特色学校3所。"
LEVEE = "工程总投资1.2亿元，新建和加固堤防15.2公里，其中石门镇段6.1公里、河口镇段9.1公里。"
PATENTS = "青禾县出台措施，资助企业申请发明和实用新型专利。去年青禾县专利授权量为3200件，其中发明专利授权860件，同比增长9%。"

CASES = [
    # the part named first keeps the word that marks it off from the group (过夜, tagged as a time)
    ("part_modifier", "青禾县春节假期接待的游客中，过夜游客有多少人次？", VISITORS, "52.3万人次"),
    # a distinguishing word is no short form: 国家和省级 does not say 国家级
    ("part_modifier", "青禾县建成的示范学校里，国家级的有几所？", SCHOOLS, "6所"),
    # a whole broken down: the part asked is listed
    ("nm:whole", "青禾县堤防石门镇段的投资是多少？", LEVEE, "1.2亿元"),
    # a whole broken down: the parts qualify the asked head otherwise
    ("nm:whole", "青禾县去年实用新型专利授权了多少件？", PATENTS, "3200件"),
]


@pytest.mark.parametrize("switch,question,text,given", CASES, ids=[c[1][3:14] for c in CASES])
def test_a_part_asked_is_not_answered_by_the_whole(monkeypatch, switch, question, text, given):
    answer = ask(question, paragraph(text))
    assert answer.refused, answer.answer
    assert "文中只有" in answer.answer, answer.answer  # says what the article does give
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    off = ask(question, paragraph(text))
    assert not off.refused, off.answer
    assert off.short == given


@pytest.mark.parametrize("question,text,given", [
    ("青禾县去年专利授权量一共多少件？", PATENTS, "3200件"),  # the whole asked
    ("青禾县去年发明专利授权了多少件？", PATENTS, "860件"),  # the listed part asked
    ("青禾县春节假期接待的游客中，过夜游客有多少人次？",
     "春节假期，青禾县共接待游客52.3万人次，其中过夜游客18.6万人次。", "18.6万人次"),
])
def test_the_whole_or_the_part_said_still_answers(question, text, given):
    answer = ask(question, paragraph(text))
    assert not answer.refused, answer.answer
    assert answer.short == given


def test_a_lower_own_place_does_not_answer_a_wider_one(monkeypatch):
    """全国 asked, 我市's figure given: refused saying what the article gives; with own_scope off it answers."""
    text = "今年上半年，我市新开工改造城镇老旧小区186个，涉及居民2.3万户，完成投资6.8亿元，同比增长21.4%。"
    question = "全国上半年老旧小区改造一共完成了多少投资？"
    answer = ask(question, paragraph(text))
    assert answer.refused and "文中只有" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "own_scope")
    assert ask(question, paragraph(text)).short == "6.8亿元"
    monkeypatch.delenv("RAG_ANSWER_ABLATE")
    # the own place asked at its level answers
    assert ask("我市上半年老旧小区改造一共完成了多少投资？", paragraph(text)).short == "6.8亿元"
