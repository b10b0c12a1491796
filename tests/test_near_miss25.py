"""near25: the asked measure's head said under another modifier in the figure's clause (民事案件 for 刑事案件, 登记 for
调查失业率, 粮食 for 早稻的总产量, 单日 for 累计成交额) is a sibling measure, refused saying what the text gives; a
modifier said in other words (规模以上 for 规上) or a clause adding none still answers."""
from __future__ import annotations

import pytest

from conftest import ask, paragraph_maker
from rag.answer.near_miss.modifier import other_modifier
from rag.answer.question import analyze_question

SIBLINGS = [
    ("青禾县法院去年刑事案件平均审理天数是多少？", "去年县法院民事案件平均审理天数为46.3天", ("刑事案件", "民事案件")),
    ("2025年青禾县城镇调查失业率是多少？", "城镇登记失业率为2.76%", ("调查", "登记")),
    ("2025年青禾县早稻的总产量是多少？", "全县粮食总产量增加18.6万吨", ("早稻", "粮食")),
    ("青禾县电商产业园“双十一”期间累计成交额是多少？", "“双十一”期间单日成交额突破3000万元", ("累计", "单日")),
]


@pytest.mark.parametrize("question,clause,pair", SIBLINGS)
def test_another_modifier_of_the_head(question, clause, pair):
    assert other_modifier(clause, analyze_question(question)) == pair


@pytest.mark.parametrize("question,clause", [
    ("青禾县规上工业增加值增长了多少？", "全县规模以上工业增加值增长8.2%"),  # 以上 is no content word
    ("青禾县去年刑事案件平均审理天数是多少？", "刑事案件平均审理天数为38天"),  # the same modifier
    ("青禾县去年旅客吞吐量是多少？", "青禾机场去年完成旅客吞吐量146.3万人次"),  # no modifier asked
    ("青禾县农村居民人均可支配收入是多少？", "全县农村常住居民人均可支配收入2.1万元"),
])
def test_the_asked_measure_still_answers(question, clause):
    assert other_modifier(clause, analyze_question(question)) is None


paragraph = paragraph_maker(title="青禾县法院去年审执结案件12846件", source="994_test.txt")
COURT = "去年县法院民事案件平均审理天数为46.3天，比上年缩短8.5天；执行案件到位率达到62%。"
COMPANION = "青禾县法院去年审执结各类案件12846件，刑事案件审判质效持续提升。"


def test_the_sibling_is_refused_and_said(monkeypatch):
    passages = (paragraph(COURT, number=2), paragraph(COMPANION))
    question = "青禾县法院去年刑事案件平均审理天数是多少？"
    answer = ask(question, *passages)
    assert answer.refused, answer.answer
    assert "文中只有" in answer.answer and "民事案件" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "nm:other_modifier")
    off = ask(question, *passages)
    assert not off.refused, off.answer
    assert off.short == "46.3天"
    monkeypatch.delenv("RAG_ANSWER_ABLATE")
    own = ask("青禾县法院去年民事案件平均审理天数是多少？", *passages)
    assert not own.refused and own.short == "46.3天", own.answer
