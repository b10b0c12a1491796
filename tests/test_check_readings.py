"""Fact checking, issue 10 third round: readings that generalise beyond the wording the rules were tuned on.
Sentences written for these tests, not taken from the gold claims."""
from __future__ import annotations

from decimal import Decimal

from rag.check.claims import find_claims
from rag.check.compare import units_match
from rag.check.figures import find_figures, ranks_unread


def _read(text):
    return [(f.written, f.value, f.unit) for f in find_figures(text)]


def test_a_bare_scaled_number_and_time_units_are_figures():
    assert _read("全省志愿者规模达66万。") == [("66万", Decimal(660000), "")]
    assert _read("千万不要错过") == []  # a word, not a figure
    assert _read("须在20个月内开户") == [("20个月", Decimal(20), "个月")]
    assert _read("20个工作日内") == [("20个工作日", Decimal(20), "个工作日")]
    assert _read("比赛为期六天") == [("六天", Decimal(6), "天")]
    bare, people, share = find_figures("66万 66万名 66%")
    assert units_match(bare, people) and not units_match(bare, share)
    month, workday = find_figures("20个月 20个工作日")
    assert not units_match(month, workday)


def test_names_beside_a_date_and_places_as_subjects_are_claims():
    claims, _ = find_claims("城北区“雪莲杯”校园足球联赛3月20日开幕。")
    assert [(c.kind, c.stated) for c in claims] == [("date", "3月20日"), ("name", "雪莲杯")]
    # 代表团 is not the post 代表 before a name "团审议"; 全国 of 全国人大 is no place, 浙江 is
    claims, _ = find_claims("总书记参加十四届全国人大三次会议浙江代表团审议。")
    assert [(c.kind, c.stated) for c in claims] == [("place", "浙江")]
    claims, _ = find_claims("汽车保有量过百万辆的城市里，深圳市排名第一。")
    assert ("figure", "第一") in [(c.kind, c.stated) for c in claims]  # a rank is a figure (claims21), 深圳市's
    with ranks_unread():  # as the sentence is read where no article tells the rank (rag.check rank_fallback)
        claims, _ = find_claims("汽车保有量过百万辆的城市里，深圳市排名第一。")
    assert ("place", "深圳市") in [(c.kind, c.stated) for c in claims]


def _verdicts(report):
    return [(c.claim.kind, c.claim.stated, c.verdict, c.found, c.differs) for c in report.claims]


def test_a_place_is_compared_at_the_articles_place_between_the_same_words(seed_assistant):
    # the article: "省级专场招聘会将在西宁市城西新区西宁广场举行", "…代表大会在京召开"
    report = seed_assistant.check("春风行动暨就业援助季省级专场招聘会将在海东市乐都区举办。")
    assert [(c.found, c.differs) for c in report.claims if c.verdict == "contradicted"] == [("西宁市城西新区西宁广场", "地点")]
    report = seed_assistant.check("中国志愿服务联合会第三届会员代表大会于2025年11月在北京召开。")
    assert report.verdict == "supported"  # 北京 is "在京"
    # the article only tells what was done "在塞北": nothing about where the site is
    assert seed_assistant.check("大同铁路工人支部的旧址位于大同市云冈区。").verdict == "not_found"


def test_a_change_and_a_level_are_different_measures(seed_assistant):
    # the article: "新能源汽车保有量…占汽车总量的12.01%" (a share, not a change)
    assert seed_assistant.check("全国新能源汽车保有量比上年增长30%。").verdict != "contradicted"
    # the article: "城镇新增就业2047人" (a level): a stated decrease is not confirmed by it
    assert seed_assistant.check("城中区一季度城镇新增就业人数下降2047人。").verdict != "supported"


def test_a_name_told_of_another_year_is_contradicted_on_time(seed_assistant):
    report = seed_assistant.check("城北区2023年“石榴籽杯”校园足球联赛在博雅小学开幕。")
    assert report.verdict == "contradicted"
    assert ("name", "石榴籽杯", "contradicted", "2025年", "时间") in _verdicts(report)
    # the same event in other words concludes nothing about a name ("拉开帷幕" is "开幕")
    assert seed_assistant.check("城北区2023年“石榴籽杯”校园足球联赛在博雅小学拉开帷幕。").verdict != "supported"
    assert all(c.found != "开幕" for c in seed_assistant.check("城北区2023年“石榴籽杯”校园足球联赛在博雅小学拉开帷幕。").claims)


def test_a_records_date_is_read_with_its_heading_and_field(seed_assistant):
    # the record: heading "…大同庆新路支行", "发证日期:2026年1月23日 … 设立日期:1993年5月7日"
    report = seed_assistant.check("中国工商银行大同庆新路支行于1996年5月7日设立。")
    assert _verdicts(report) == [("date", "1996年5月7日", "contradicted", "1993年5月7日", "时间")]
    assert seed_assistant.check("中国工商银行大同和汇支行于1988年8月18日设立。").verdict == "supported"


def test_a_true_figure_does_not_confirm_a_statement_beside_it(seed_assistant):
    report = seed_assistant.check("汽车保有量过百万辆的城市里，深圳市排名第一。")
    assert report.verdict != "supported"


def test_meaning_contradicts_only_when_the_sentence_says_the_claims_words(seed_assistant):
    # the nearest sentence: "…困难群众救助工作，安排区级预算资金103万元…": another fund
    assert seed_assistant.check("城东区临时救助专项支出资金达1500万元。").verdict != "contradicted"


def test_reworded_figures_of_the_article_are_confirmed(seed_assistant):
    assert seed_assistant.check("全省志愿者规模达66万。").verdict == "supported"
    assert seed_assistant.check("本次校园足球联赛为期六天。").verdict == "supported"
    report = seed_assistant.check("施工总承包单位须在取得施工许可证后20个月内开立工资保证金专门账户。")
    assert ("figure", "20个月", "contradicted", "20个工作日", "单位") in _verdicts(report)


def test_a_sentence_set_in_a_place_gives_its_figures_that_place(seed_assistant):
    # the article: "在北京,接诉即办渠道更加顺畅,2025年12345热线受理诉求2580.2万件" (江苏 named elsewhere in it)
    assert seed_assistant.check("江苏12345热线受理诉求2580.2万件。").verdict != "supported"
    assert seed_assistant.check("北京12345热线受理诉求2580.2万件。").verdict == "supported"


def test_meaning_does_not_confirm_a_figure_whose_sentence_names_another_one_better(seed_assistant):
    # the article: "城镇新增就业568人，农牧区劳动力转移就业6211人次": 568 is not the transfers' figure
    assert seed_assistant.check("祁连县农牧区劳动力转移就业568人。").verdict != "supported"
    assert seed_assistant.check("祁连县城镇新增就业568人。").verdict == "supported"


def test_a_clause_about_another_place_does_not_inherit_the_period_of_the_one_before():
    claims, _ = find_claims("在北京，2025年12345热线受理诉求2580.2万件；江苏672个试点小区普遍建立党支部。")
    assert [(c.stated, c.places, c.periods) for c in claims] == [
        ("2580.2万件", ("北京",), ("2025",)), ("672个", ("江苏",), ())]
    claims, _ = find_claims("2025年，城中区新增就业2047人。")
    assert claims[0].periods == ("2025",)  # a period before any place dates what follows


def test_the_same_number_in_another_unit_of_the_same_quantity_is_a_misquoted_unit(seed_assistant):
    # the article: "新干渠长3.2公里，支渠长6.8公里"
    report = seed_assistant.check("哈拉直沟乡新建支渠长6.8米。")
    assert [(c.found, c.differs) for c in report.claims if c.verdict == "contradicted"] == [("6.8公里", "单位")]
    assert seed_assistant.check("哈拉直沟乡新干渠长3.2千米。").verdict != "contradicted"  # 千米 is 公里
    from rag.check.subject import names_in
    assert "新建" not in names_in("哈拉直沟乡新建支渠长")  # a common word jieba tags as a place is no name


def test_the_verdict_modules_depend_one_way_and_keep_their_public_names():
    # candidates -> readings -> scoring -> verify: a module never imports one after it (no cycle to break the split)
    import ast
    import importlib
    from pathlib import Path

    order = ["candidates", "readings", "scoring", "verify"]
    for i, name in enumerate(order):
        tree = ast.parse(Path(importlib.import_module(f"rag.check.{name}").__file__).read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1}
        assert not imported & set(order[i:]), name
    verify = importlib.import_module("rag.check.verify")
    for public in ("ContextOf", "Verdict", "default_context", "verify", "verify_figure", "verify_name", "score_candidates"):
        assert hasattr(verify, public), public
    from rag.check.subject import province_core
    assert province_core("新疆维吾尔自治区") == "新疆" and province_core("北京市") == "北京"
