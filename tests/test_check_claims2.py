"""Fact checking, issue 10 fourth round (helper "claims2"): a figure confirms a claim only when its own words say
the claim's measure; a misquoted figure is told. Sentences written for these tests, not taken from the gold claims."""
from __future__ import annotations

import pytest

from conftest import contradicted
from rag.check import ablation


def test_transposed_digits_are_a_misquoted_figure(seed_assistant):
    # the article: "抽调316名干部深入9个乡镇146个行政村": the claim says 乡村 for the villages, and 361 for 316
    report = seed_assistant.check("湟源县抽调361名干部深入乡村。")
    assert contradicted(report) == [("316名", "数值")]
    # the right figure is not contradicted, and a number with other digits is no transposition
    assert seed_assistant.check("湟源县抽调316名干部深入乡村。").verdict != "contradicted"
    assert seed_assistant.check("湟源县抽调300名干部深入乡村。").verdict != "contradicted"


def test_transposed_can_be_switched_off(seed_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "transposed")
    assert not ablation.ingredient_on("transposed")
    assert seed_assistant.check("湟源县抽调361名干部深入乡村。").verdict == "not_found"


def test_a_level_is_not_confirmed_by_a_change(seed_assistant):
    # the article: "全国有103个城市的汽车保有量超过百万辆,与2024年相比增加7个城市"
    assert seed_assistant.check("全国有7个城市汽车保有量超过百万辆。").verdict != "supported"
    assert seed_assistant.check("全国有103个城市的汽车保有量超过百万辆。").verdict == "supported"


@pytest.mark.parametrize("claim, verdict, found", [
    # the article: "帮助342名就业困难人员、1315名失业人员实现就业"
    ("城中区帮助1315名就业困难人员实现就业。", "contradicted", "342名"),
    ("城中区帮助342名失业人员实现就业。", "contradicted", "1315名"),
    ("城中区帮助342名就业困难人员实现就业。", "supported", None),
    ("城中区帮助1315名失业人员实现就业。", "supported", None),
    # the article: "确定39家省级行业管理部门指导监督…名单，对165家“游离之外”的行业协会商会明确行业管理部门"
    ("我省确定165家省级行业管理部门指导监督全省性行业协会商会名单。", "contradicted", "39家"),
])
def test_a_figure_confirms_only_what_it_counts(seed_assistant, claim, verdict, found):
    report = seed_assistant.check(claim)
    assert report.verdict == verdict
    if found:
        assert [f for f, _ in contradicted(report)] == [found]


def test_counted_can_be_switched_off(seed_assistant, monkeypatch):
    # (``closer`` reads the same sentence the same way: 342名 matches the claim's measure more closely)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "counted,closer")
    assert seed_assistant.check("城中区帮助1315名就业困难人员实现就业。").verdict == "supported"


def test_a_span_of_time_in_words_is_a_period(seed_assistant, monkeypatch):
    # the article: "近年来，祁连县…农牧区劳动力转移就业6211人次"
    assert seed_assistant.check("近年来，祁连县农牧区劳动力转移就业6211人次。").verdict == "supported"
    assert seed_assistant.check("今年以来，祁连县农牧区劳动力转移就业6211人次。").verdict == "not_found"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "span")
    assert seed_assistant.check("今年以来，祁连县农牧区劳动力转移就业6211人次。").verdict == "supported"


def test_a_part_of_the_day_is_part_of_the_date(seed_assistant):
    # the article: "2025年3月5日下午，习近平总书记…参加江苏代表团审议"
    report = seed_assistant.check("2025年3月5日晚上，习近平总书记到江苏代表团参加审议。")
    dates = [c for c in report.claims if c.claim.kind == "date"]
    assert [(c.verdict, c.found, c.differs) for c in dates] == [("contradicted", "2025年3月5日下午", "时间")]
    report = seed_assistant.check("2025年3月5日下午，习近平总书记到江苏代表团参加审议。")
    assert [c.verdict for c in report.claims if c.claim.kind == "date"] == ["supported"]


def test_a_loose_match_does_not_confirm_beside_a_close_one_with_another_value(seed_assistant, monkeypatch):
    # the article: "…增幅不低于50%；因拖欠农民工工资被纳入“严重失信主体名单”的,增幅不低于100%"
    claim = "被纳入“严重失信主体名单”的企业，工资保证金存储比例增幅应不低于50%。"
    assert contradicted(seed_assistant.check(claim)) == [("不低于100%", "数值")]
    # the same claim without its own subject clause: the figure whose words it restates whole is what it contradicts,
    # not the same number read backwards ("降幅不低于50%") told of another case
    report = seed_assistant.check("因拖欠农民工工资被纳入“严重失信主体名单”后，工资保证金存储比例的增幅不低于50%。")
    assert [f for f, _ in contradicted(report)] == ["不低于100%"]


def test_another_event_of_the_same_people_is_not_confirmed(seed_assistant, monkeypatch):
    # the article: "2025年度社会工作者职业资格考试有223.6万人报名"
    assert seed_assistant.check("2025年度社会工作者职业资格考试报名人数为223.6万人。").verdict == "supported"
    # 通过 is read as filler ("通过…实现"): the verb right after the article's figure tells the event
    assert seed_assistant.check("2025年度社会工作者职业资格考试通过人数为223.6万人。").verdict == "not_found"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "event")
    assert seed_assistant.check("2025年度社会工作者职业资格考试通过人数为223.6万人。").verdict == "supported"


def test_a_word_said_by_an_exact_synonym_is_no_other_name(seed_assistant):
    # the article: "…“石榴籽杯”校园足球联赛…在博雅小学…开幕": 揭幕 = 开幕 (词林), 闭幕 is another event
    assert seed_assistant.check("“石榴籽杯”校园足球联赛在博雅小学揭幕。").verdict == "supported"
    assert contradicted(seed_assistant.check("“石榴籽杯”校园足球联赛在博雅小学闭幕。")) == [("开幕", "名称")]


def test_half_is_a_figure():
    from rag.check.figures import LOWER, find_figures

    (half,) = find_figures("返乡青年超过一半")
    assert (half.value, half.unit, half.qualifier) == (50, "%", LOWER)
    (most,) = find_figures("过半的企业")
    assert (most.value, most.qualifier) == (50, LOWER)


def test_a_share_beside_a_true_figure_is_checked_too(seed_assistant):
    # the article says 374人 were taken on, nothing of who they were
    report = seed_assistant.check("大通县邮政系统吸纳的374名就业人员中，返乡青年占一半以上。")
    assert report.verdict == "not_found"


def test_a_contradiction_needs_what_the_claim_counts_in_the_articles_sentence(seed_assistant, monkeypatch):
    # the article: "2025年新注册登记新能源汽车1293万辆" and, elsewhere, "其中纯电动汽车保有量3022万辆"
    claim = "2025年新注册登记的纯电动汽车共3022万辆。"
    assert seed_assistant.check(claim).verdict != "contradicted"
    assert contradicted(seed_assistant.check("2025年新注册登记新能源汽车3022万辆。")) == [("1293万辆", "数值")]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "head_noun")
    assert seed_assistant.check(claim).verdict == "contradicted"
