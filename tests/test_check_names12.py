"""Fact checking, helper "names12" (issue 10, rag.check.names and direction.opposite_at_figure): a claim right in every
word but one name — the person holding a role, the organisation doing something, the item ranked first — or but the
direction of its figure is 不一致 with the article's name or direction, where it was 未找到 (or even 一致). A page
written for these tests (tests/data/names12/); the same claims with the article's name are never made 不一致, and a
name the article does not put in the slot stays as it was."""
from __future__ import annotations

import pytest

from conftest import contradicted, page_assistant_over


page_assistant = page_assistant_over("names12")


# (claim, what the article says in its slot, what differs)
CONTRADICTED = [
    # a person by role: another name after the same role
    ("北岸港区装卸二队队长何远志介绍了作业情况。", "何志远", "名称"),
    # an organisation doing something: another name of its kind before the same words
    ("3月28日，临江市第一人民医院港口医疗站正式投入使用。", "临江市第二人民医院", "名称"),
    # the first-ranked item: first of a list before 位居前三, first after 依次为
    ("临江港一季度货类中排名第一的是铁矿石。", "煤炭", "名称"),
    ("外贸航线的目的港中排名第一的是大阪。", "釜山", "名称"),
    # the same figure and measure in the other direction
    ("一季度港区单位吞吐量能耗同比上升4.3%。", "下降4.3%", "方向"),
    ("岸电使用量比去年同期减少27%。", "增加27%", "方向"),
]

# the article's own name or direction: never 不一致 on another name of the slot or the other direction
# (other readings of a name claim may still differ on other words: only this module's conclusions are asserted)
NOT_CONTRADICTED = [
    ("3月28日，临江市第二人民医院港口医疗站正式投入使用。", ("名称",)),
    ("临江港一季度货类中排名第一的是煤炭。", ("铁矿石", "粮食")),
    ("外贸航线的目的港中排名第一的是釜山。", ("大阪", "新加坡")),
    ("一季度港区单位吞吐量能耗同比降低了4.3%。", ("方向",)),
]


@pytest.mark.parametrize("claim,found,differs", CONTRADICTED)
def test_another_name_or_direction_in_the_claims_slot_is_contradicted(page_assistant, claim, found, differs):
    got = contradicted(page_assistant.check(claim))
    assert any(found in (f or "") and d == differs for f, d in got), got


@pytest.mark.parametrize("claim,other", NOT_CONTRADICTED)
def test_the_articles_own_name_or_direction_is_not_contradicted(page_assistant, claim, other):
    got = contradicted(page_assistant.check(claim))
    assert not any(d in other or any(o in (f or "") for o in other) for f, d in got), got


def test_the_slots_can_be_switched_off(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "name_slot,first_ranked,direction_slot")
    # (the directions of this short page are read by the figure's own scoring too: only the names are shown here)
    for claim, found, differs in CONTRADICTED[:4]:
        assert not any(found in (f or "") for f, _ in contradicted(page_assistant.check(claim))), claim


def test_pieces_read_from_constructed_sentences():
    from rag.check.names import _claimed_first, _first_in, _person_at

    assert _claimed_first("今年游客来源地中排名第一的是湖南。") == ("湖南", "排名第一")
    assert _claimed_first("今年排名第一的游客来源地是湖南。") == ("湖南", "排名第一")
    assert _claimed_first("一季度运回的鱼货中，带鱼是第一大品类。") == ("带鱼", "第一大")
    assert _claimed_first("居民消费中，教育支出占比最高。") == ("教育支出", "占比最高")
    assert _first_in("其中，小黄鱼运回量3.2万吨，占总量的40%，仍是第一大品类；带鱼运回量1.1万吨。", "带鱼")[0] == "小黄鱼"
    assert _first_in("交通、住宿和餐饮支出分别占21%、35%和18%。", "交通")[0] == "住宿"
    assert _person_at("王海今年52岁", 0) == "王海"
    assert _person_at("李建军介绍", 0) == "李建军"


def test_the_articles_person_in_the_role_is_not_contradicted():
    from types import SimpleNamespace

    from rag.check.claims import find_claims
    from rag.check.names import person_by_role

    text = "在北岸港区，装卸二队队长何志远指着正在作业的门机说：“今年的船一条接着一条。”"
    hits = [SimpleNamespace(paragraph=SimpleNamespace(text=text, title=""))]
    context = lambda paragraph: paragraph.text  # noqa: E731
    right, _ = find_claims("北岸港区装卸二队队长何志远介绍了作业情况。")
    wrong, _ = find_claims("北岸港区装卸二队队长何远志介绍了作业情况。")
    assert person_by_role(right[0], hits, context) is None
    assert person_by_role(wrong[0], hits, context).found == "装卸二队队长何志远"
    # a role the article does not say followed by a person: nothing concluded
    other, _ = find_claims("北岸港区调度室主任何远志介绍了作业情况。")
    assert person_by_role(other[0], hits, context) is None
