"""Same subject, same measure: the mechanisms that decide whether an article's figure speaks about a claim.

Unit tests read the pieces directly; verdict tests run the real seed index through ``Assistant.check``, each
also with its mechanism switched off (``RAG_CHECK_ABLATE``), so they fail if that mechanism stops deciding.
The claims are written for these tests from the seed articles, not taken from eval/claims.jsonl.
"""
from __future__ import annotations

import pytest

from rag.check.claims import find_claims
from rag.check.compare import value_satisfies
from rag.check.figures import find_figures
from rag.check.semantic import MASK, masked_claim, nearest_sentences
from rag.check.subject import abbreviation_in, names_in, place_in, province_wide_in


def figure(text: str):
    (found,) = find_figures(text)
    return found


# --------------------------------------------------------------------------- pieces


@pytest.mark.parametrize("place, text, named", [
    ("北京", "第三届会员代表大会在京召开", True),
    ("北京市", "代表们赴京参加会议", True),
    ("上海", "来沪务工人员超过百万", True),
    ("新疆", "在新时代新征程上奋发有为", False),  # 新 inside another word is not 新疆
    ("北京", "京剧进校园活动", False),
    ("西宁", "在京召开", False),  # a city has no abbreviation here
])
def test_a_province_is_named_by_its_abbreviation_used_as_a_place(place, text, named):
    assert abbreviation_in(place, text) is named
    assert place_in(place, text) is named


def test_a_named_province_is_the_whole_province_only_in_a_source_that_names_it():
    assert province_wide_in("青海", "全省确定了52个主要理论宣讲专题", source_names_it=True)
    assert not province_wide_in("青海", "全省确定了52个主要理论宣讲专题", source_names_it=False)
    assert not province_wide_in("西宁", "全省确定了52个主要理论宣讲专题", source_names_it=True)  # not a province
    assert not province_wide_in("青海", "全市确定了52个专题", source_names_it=True)


def test_names_are_people_organisations_and_quoted_titles():
    names = names_in("王芳在“小哥驿站”领取了《城市骑手安全手册》")
    assert "王芳" in names and "小哥驿站" in names and "城市骑手安全手册" in names
    assert "全省" not in names_in("全省共有社会工作者3200人")
    assert not any(ch.isdigit() for name in names_in("2025年城中区新增就业2047人") for ch in name)


def test_the_claim_is_compared_by_meaning_with_its_figure_masked():
    (claim,), _ = find_claims("城中区一季度城镇新增就业2470人")
    masked = masked_claim(claim)
    assert "2470" not in masked and MASK in masked and masked.startswith("城中区一季度城镇新增就业")


def test_only_a_sentence_that_stands_out_is_nearest():
    (claim,), _ = find_claims("联赛共有24支球队")
    sentences = ["本次联赛共有42支球队参赛。", "城北区共有足球特色学校10所。"]
    assert nearest_sentences(lambda text, ss: [0.95, 0.80], claim, sentences) == {"本次联赛共有42支球队参赛。"}
    assert nearest_sentences(lambda text, ss: [0.95, 0.949], claim, sentences) == frozenset()  # a tie tells nothing
    assert nearest_sentences(lambda text, ss: [0.70, 0.60], claim, sentences) == frozenset()  # nothing near enough


@pytest.mark.parametrize("stated, found, holds", [
    ("逾1.5万单", "超1.53万单", True),  # a rounded amount is implied by one slightly above it
    ("超过1万单", "超1.53万单", False),  # far off: another statement, not a rounding
    ("不低于30%", "不低于35%", False),  # a rule's threshold is quoted exactly
    ("至少20人", "超过21人", False),
])
def test_bounds_a_rounded_amount_versus_a_threshold(stated, found, holds):
    assert value_satisfies(figure(stated), figure(found)) is holds


def test_where_something_is_is_a_claim_beside_a_figure():
    claims, _ = find_claims("年分红12万元的合作社位于申中乡。")
    assert {(c.kind, c.stated) for c in claims} >= {("figure", "12万元"), ("place", "申中乡")}


# --------------------------------------------------------------------------- verdicts on the seeds


def verdicts(report):
    return [(c.verdict, c.found, c.differs) for c in report.claims]


def test_a_right_figure_beside_another_name_is_contradicted(seed_assistant, monkeypatch):
    wrong = seed_assistant.check("王芳不慎遗失大同和平医院有限公司开具的住院收费发票，金额6449.42元。")
    assert wrong.verdict == "contradicted"
    (checked,) = wrong.claims
    assert checked.differs == "名称" and "李海" in checked.found
    assert seed_assistant.check("李海不慎遗失大同和平医院有限公司开具的住院收费发票，金额6449.42元。").verdict == "supported"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "names")  # without the name check the wrong name slips through
    assert seed_assistant.check("王芳不慎遗失大同和平医院有限公司开具的住院收费发票，金额6449.42元。").claims[0].differs != "名称"


def test_a_title_is_supported_only_with_the_rest_of_its_clause(seed_assistant, monkeypatch):
    claim = "省委统战部近日印发了《关于做好2026年理论宣讲工作的通知》。"
    assert verdicts(seed_assistant.check(claim)) == [("contradicted", "宣传部", "名称")]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "frame,names")
    assert seed_assistant.check(claim).verdict == "supported"  # what the frame check prevents: a wrong 一致


def test_an_event_told_right_but_for_its_place_is_contradicted(seed_assistant):
    report = seed_assistant.check("一月二十六日，山东港口日照港正式开通塞内加尔航线。")
    assert report.verdict == "contradicted"
    assert any(c.differs == "地点" and c.found == "烟台港" for c in report.claims)


def test_the_abbreviation_of_a_place_supports_it(seed_assistant, monkeypatch):
    claim = "北京召开了中国志愿服务联合会第三届会员代表大会。"
    assert seed_assistant.check(claim).verdict == "supported"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "abbreviation")
    assert seed_assistant.check(claim).verdict == "not_found"


def test_a_province_is_its_papers_whole_province(seed_assistant, monkeypatch):
    assert seed_assistant.check("青海确定了52个主要理论宣讲专题。").verdict == "supported"
    assert seed_assistant.check("江苏确定了52个主要理论宣讲专题。").verdict != "supported"  # not this paper's province
    # (the article's setting, 青海省, is its context too: rag.check.article_context, switch "kicker")
    monkeypatch.setenv("RAG_CHECK_ABLATE", "province_wide,kicker")
    assert seed_assistant.check("青海确定了52个主要理论宣讲专题。").verdict == "not_found"


def test_the_sentence_nearest_in_meaning_contradicts_a_reworded_claim(seed_assistant, monkeypatch):
    claim = "这届联赛一共安排了150场比赛。"
    assert verdicts(seed_assistant.check(claim)) == [("contradicted", "160场", "数值")]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "semantic")  # the words alone do not tie 安排 to 进行…比赛
    assert seed_assistant.check(claim).verdict == "not_found"
