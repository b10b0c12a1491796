"""Session 12 near misses (issue 11), on sentences written for these tests: a sibling named by the asked one's kind
character (another port area, market or district), a name the paragraph never says, a trade partner the sentence never
names, and the previous edition or season given only as a baseline. Each refusal goes away with its switch off
(RAG_ANSWER_ABLATE), so a test fails when its reading breaks; the asked thing said answers as before."""
from __future__ import annotations

import pytest

from rag.answer.near_miss import edition, named, partner, rank, share
from rag.answer.question import analyze_question

from conftest import ask, paragraph_maker


paragraph = paragraph_maker(title="青禾市港口生产稳中有进", source="971_test.txt")


CASES = [
    # another port area of the asked kind (港区), the asked one never said
    ("named_kind", named.other_named, "石湾港区2025年集装箱吞吐量是多少？",
     "据介绍，白沙港区2025年完成集装箱吞吐量186.4万标准箱", "白沙港区"),
    # another market (市场)
    ("named_kind", named.other_named, "青禾纺织市场去年网络零售额是多少？",
     "去年，东门服装市场网络零售额达到52.7亿元", "东门服装市场"),
    # a trade figure for every market, the asked partner never named
    ("partner", partner.partner_unsaid, "青禾市今年前三季度对日本出口茶叶多少钱？",
     "据青禾海关统计，今年前三季度，全市茶叶出口额达到6.8亿元，出口到42个国家和地区", "日本"),
]


@pytest.mark.parametrize("switch,check,question,text,found", CASES, ids=[c[2][:12] for c in CASES])
def test_a_sibling_or_a_partner_unsaid_is_found_and_not_with_its_switch_off(monkeypatch, switch, check, question, text, found):
    asked = analyze_question(question)
    assert check(text, asked) == found
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    assert check(text, asked) is None


SAID = [
    (named.other_named, "石湾港区2025年集装箱吞吐量是多少？", "据介绍，石湾港区2025年完成集装箱吞吐量93.2万标准箱，白沙港区完成186.4万标准箱"),
    (named.other_named, "青禾纺织市场去年网络零售额是多少？", "去年，全市纺织市场网络零售额达到52.7亿元"),
    (partner.partner_unsaid, "青禾市今年前三季度对日本出口茶叶多少钱？", "今年前三季度，全市对日本出口茶叶1.9亿元"),
    (partner.partner_unsaid, "青禾市今年前三季度对日本出口茶叶多少钱？", "今年前三季度，全市对日出口茶叶1.9亿元"),
    (partner.partner_unsaid, "青禾市今年对外出口茶叶多少钱？", "今年，全市茶叶出口额达到6.8亿元"),
]


@pytest.mark.parametrize("check,question,text", SAID, ids=[s[2][:12] for s in SAID])
def test_the_asked_name_or_partner_said_finds_nothing(check, question, text):
    assert check(text, analyze_question(question)) is None


def test_the_previous_season_only_as_a_baseline_is_this_season(monkeypatch):
    """比上一产季增长: the figure is this season's; 上一产季…为44.8万吨 is the asked one's; 第41届 named (not the
    article's own 第42届) is an edition by number."""
    asked = analyze_question("上一产季青禾蜜柚的总产量是多少？")
    assert edition.previous_edition_unsaid("今年预计总产量达48万吨，比上一产季增长7.2%", asked)
    assert not edition.previous_edition_unsaid("上一产季，全市蜜柚总产量为44.8万吨", asked)
    fair = analyze_question("上一届青禾茶博会签约金额是多少？")
    assert edition.previous_edition_unsaid("签约金额达到32亿元", fair, "第12届青禾茶博会开幕")
    assert not edition.previous_edition_unsaid("第11届青禾茶博会签约金额为28亿元", fair, "第12届青禾茶博会开幕")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "previous_edition")
    assert not edition.previous_edition_unsaid("今年预计总产量达48万吨，比上一产季增长7.2%", asked)


def test_a_paragraph_never_saying_the_asked_name_is_refused_end_to_end():
    """东门服装市场's figure does not answer 青禾纺织市场, though another paragraph names the asked market: the answer
    says what the article gives instead."""
    answer = ask("青禾纺织市场去年网络零售额是多少？",
                 paragraph("去年，东门服装市场网络零售额达到52.7亿元，同比增长12.3%。"),
                 paragraph("青禾纺织市场今年新引进直播机构12家，商户超过3000户。", number=2))
    assert answer.refused and "文中只有" in answer.answer, answer.answer


def test_the_opening_name_is_read_by_its_kind_character_and_everyday_words_name_none():
    """六横港区, 可可托海国际滑雪度假区, 东区 are names; 城市更新项目, 全市, 社区 open no name; a clause's 增速居全省沿海港
    is no name (a verb of rank and a scope word)."""
    assert named.asked_name(analyze_question("石湾港区2025年集装箱吞吐量是多少？")) == "石湾港区"
    assert named.asked_name(analyze_question("青禾国际滑雪度假区本雪季接待游客多少人次？")) == "青禾国际滑雪度假区"
    assert named.asked_name(analyze_question("城市更新项目今年开工多少个？")) is None
    assert named.asked_name(analyze_question("全市今年新建多少所学校？")) is None
    asked = analyze_question("石湾港区2025年集装箱吞吐量在全国排第几？")
    assert named.other_named("集装箱吞吐量完成18万标准箱，增速居全省沿海港口首位。", asked) is None


def test_a_change_does_not_answer_a_share_nor_a_share_a_change():
    """同比分别增长16.8% is a change, not 区外游客占比; 外地游客占比62% is a share, not 同比增长多少; a clause saying
    both (占比…提高到) and a 保证金比例 asked (a rate, not a share) cross nothing."""
    asked_share = analyze_question("青禾县本雪季区外游客占比是多少？")
    assert share.share_or_change_crossed("16.8%", "同比分别增长", asked_share)
    assert not share.share_or_change_crossed("62%", "区外游客占比达到", asked_share)
    asked_change = analyze_question("青禾县本雪季游客同比增长了多少？")
    assert share.share_or_change_crossed("62%", "外地游客占比达到", asked_change)
    assert not share.share_or_change_crossed("16.8%", "同比增长", asked_change)
    assert not share.share_or_change_crossed("3%", "保证金提高到", analyze_question("失信企业的保证金比例涨到多少？"))


def test_a_rank_within_another_scope_does_not_answer(monkeypatch):
    asked = analyze_question("石湾港2025年集装箱吞吐量在全国沿海港口中排第几？")
    assert rank.other_rank_scope("增速居全省沿海港口首位", asked) == "全省"
    assert rank.other_rank_scope("吞吐量居全国沿海港口第九位，全省第二", asked) is None
    assert rank.other_rank_scope("增速居全省首位", analyze_question("石湾港2025年集装箱吞吐量是多少？")) is None
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "rank_scope")
    assert rank.other_rank_scope("增速居全省沿海港口首位", asked) is None
