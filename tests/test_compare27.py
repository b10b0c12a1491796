"""Issue 11, twenty-seventh round (helper "cmp27"): a comparison of two years read from the baseline a sentence
states the earlier one by; a growth rate asked read after each side's amount, never answered by the amounts.

"去年…开行46列，比2024年的31列多15列": the earlier year's figure stands only as the baseline of the later one's
sentence, so the side asking that year is refused on its own; it is read from that baseline when the two sides ask
the same thing but for the year, the baseline names the refused year (as written, or 上年 for the year before the
answered side's) and it follows the answered figure in that sentence in the same unit, no figure in that unit
between them (switch baseline_figure). The same reading keeps the stated change asked ("比2024年少了多少起") from
being answered with such a baseline figure.

"哪个增速更高": a side asked its rate is asked its amount too, the rate stated right after it read ("接待游客…，同比
增长9.8%"), also for the amounts a roundup states side by side; two amounts never name the faster (switch
rate_amount_sides). The page (tests/data/cmp27/) and the questions are written for this
test, not taken from the eval data."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.comparison import parse_comparison
from rag.answer.comparison.baseline_side import _names_period


page_assistant = page_assistant_over("cmp27")


def test_a_baseline_year_as_written_is_that_years_figure(page_assistant, monkeypatch):
    answer = page_assistant.ask("青林机场2025年旅客吞吐量比2019年多了多少万人次？")
    assert not answer.refused and answer.short == "71.6万人次"
    assert "540.8万人次" in answer.answer and "612.4万人次" in answer.answer
    which = page_assistant.ask("青林机场2025年和2019年的旅客吞吐量哪个多？")
    assert not which.refused and which.short == "青林机场2025年（612.4万人次）"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "baseline_figure")
    assert page_assistant.ask("青林机场2025年旅客吞吐量比2019年多了多少万人次？").refused


def test_the_year_before_is_said_by_shang_nian(page_assistant, monkeypatch):
    answer = page_assistant.ask("青林市2025年受理消费投诉比2024年少了多少件？")
    assert not answer.refused and answer.short == "470件"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "baseline_figure")
    old = page_assistant.ask("青林市2025年受理消费投诉比2024年少了多少件？")
    assert old.short != "470件"


def test_a_baseline_of_another_year_answers_no_side(page_assistant):
    # 上年 is 2024 in a sentence about 2025, never 2023; "比2023年的840个" is no figure of 2024
    answer = page_assistant.ask("青林市2025年受理消费投诉比2023年少了多少件？")
    assert answer.refused and "3620件" not in (answer.short or "")
    assert page_assistant.ask("2025年青林市新建5G基站比2024年多多少个？").refused
    assert page_assistant.ask("2025年青林市新建5G基站比2023年多多少个？").short == "420个"


def test_a_baseline_of_a_nearer_figure_is_not_the_sides(page_assistant):
    # "新建停车泊位4200个，其中公共泊位1800个，比2024年的1500个": the baseline is of 公共泊位, not of the 4200
    answer = page_assistant.ask("2025年青林市新建停车泊位比2024年多多少个？")
    assert answer.refused
    assert answer.short not in ("1500个", "2700个", "300个")


def test_the_stated_change_is_no_baseline_figure(page_assistant, monkeypatch):
    # with the reading off, the question as asked was answered with the baseline itself: the earlier year's figure
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "baseline_figure")
    old = page_assistant.ask("青林市2025年受理消费投诉比2023年少了多少件？")
    assert not old.refused and old.short == "3620件"
    monkeypatch.delenv("RAG_ANSWER_ABLATE")
    assert page_assistant.ask("青林市2025年受理消费投诉比2023年少了多少件？").refused


def test_sides_differing_besides_the_year_take_no_baseline():
    assert _names_period("2024年", "青林市2024年受理消费投诉多少件", "青林市2025年受理消费投诉多少件")
    assert _names_period("上年", "青林市2024年受理消费投诉多少件", "青林市2025年受理消费投诉多少件")
    assert not _names_period("上年", "青林市2023年受理消费投诉多少件", "青林市2025年受理消费投诉多少件")
    assert not _names_period("2024年", "河东区2024年受理消费投诉多少件", "青林市2025年受理消费投诉多少件")
    assert not _names_period("2024年", "青林市2024年上半年受理消费投诉多少件", "青林市2025年受理消费投诉多少件")


def test_a_rate_asked_of_a_side_is_asked_its_amount_too(monkeypatch):
    comparison = parse_comparison("武陵区和桃江区，春节假期接待游客的同比增速哪个更高？")
    assert comparison is not None
    assert "武陵区春节假期接待游客多少" in comparison.alternatives[0]
    assert "桃江区春节假期接待游客多少" in comparison.alternatives[1]
    comparison = parse_comparison("去年城镇居民和农村居民的人均可支配收入，哪个涨得快？")
    assert comparison is not None and any(q.endswith("人均可支配收入多少") for q in comparison.alternatives[1])
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "rate_amount_sides")
    old = parse_comparison("武陵区和桃江区，春节假期接待游客的同比增速哪个更高？")
    assert "武陵区春节假期接待游客多少" not in old.alternatives[0]


def test_a_rate_asked_compares_rates_not_amounts(page_assistant, monkeypatch):
    # 西岭区 had more visitors (132.5万人次 against 86.2万人次), 东岭区 grew faster
    answer = page_assistant.ask("东岭区和西岭区，春节假期接待游客的同比增速哪个更高？")
    assert not answer.refused and answer.short == "东岭区（15.4%）"
    # a roundup's items: each amount with its rate right after it
    question = "北川区和南川区去年地区生产总值增速哪个更高？"
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == "南川区（6.8%）"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "rate_amount_sides")
    assert page_assistant.ask(question).short != "南川区（6.8%）"  # the amounts compared: 北川区 named


def test_two_amounts_never_name_the_faster(page_assistant):
    # 旅游收入 is stated without its rate: 8.1亿元 against 5.6亿元 says nothing of which grew faster
    answer = page_assistant.ask("东岭区和西岭区，春节假期旅游收入的增速哪个更高？")
    assert answer.refused
