"""near29: near misses answered with a neighbouring figure: a kind of a counted thing glued to its head by jieba
(行政案件) answered by the figure of a sibling kind (劳动争议案件), and a year asked by its number answered by a
sentence dated 今年 of another year."""
from __future__ import annotations

from conftest import ask, paragraph_maker, refused_until_switched_off
from rag.answer.near_miss.modifier import other_modifier
from rag.answer.question import analyze_question

court = paragraph_maker(title="青禾市法院前三季度审执结案件同比增长", source="993_test.txt")
LABOUR = "前三季度全市法院审结劳动争议案件1680件，其中追索劳动报酬案件1130件。"
ADMIN = "前三季度全市法院审结行政案件412件，同比下降3.1%。"
# the asked kind named in the passages without a figure (else nothing answers for want of the word)
REVIEW = "全市法院深入推进行政案件诉源治理，行政机关负责人出庭应诉实现全覆盖。"


def test_a_kind_glued_to_its_head(monkeypatch):
    refused_until_switched_off("modifier_compound", "前三季度全市法院审结了多少件行政案件？",
                               "前三季度全市法院审结了多少件劳动争议案件？", "1680件", court(LABOUR), court(REVIEW, number=2), says="劳动争议",
                               monkeypatch=monkeypatch)


def test_the_glued_kind_asked_still_answers():
    answer = ask("前三季度全市法院审结了多少件行政案件？", court(LABOUR), court(ADMIN, number=2))
    assert not answer.refused and answer.short == "412件", answer.answer


def test_a_glued_kind_in_the_clause(monkeypatch):
    question = analyze_question("去年全市法院审结的涉毒案件有多少件？")
    assert other_modifier("全市法院去年审结刑事案件3216件", question) == ("涉毒", "刑事")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "modifier_compound")
    assert other_modifier("全市法院去年审结刑事案件3216件", question) is None


farm = paragraph_maker(title="青禾市烟叶产业稳步发展", source="994_test.txt")
TOBACCO = "12月上旬，青山县烟叶收购工作圆满收官。今年全县种植烟叶5.6万亩，收购烟叶14.2万担，比上年提高3.1个百分点。"


def _dated(paragraph, date="2025-12-18"):
    from dataclasses import replace
    return replace(paragraph, date=date)


def test_a_year_asked_against_the_articles_own_year(monkeypatch):
    # 今年 of a page printed in 2025 is 2025: no answer for 2024
    refused_until_switched_off("relative_year_asked", "青山县2024年种了多少亩烟叶？", "青山县2025年种了多少亩烟叶？",
                               "5.6万亩", _dated(farm(TOBACCO)), monkeypatch=monkeypatch)


def test_the_year_before_is_said_by_qunian():
    answer = ask("青山县2024年种了多少亩烟叶？", _dated(farm(TOBACCO.replace("今年", "去年")), "2025-01-10"))
    assert not answer.refused and answer.short == "5.6万亩", answer.answer


def test_a_verb_before_the_head_is_no_kind():
    # 播种|面积 is not split: 玉米 against 小麦 is read on the whole noun as before
    question = analyze_question("2025年青禾全市玉米播种面积是多少万亩？")
    assert other_modifier("今冬明春，全市小麦播种面积达到1042万亩", question) == ("玉米", "小麦")


def test_a_baseline_year_dates_nothing():
    # "由去年同期的41.3%提高到47.8%": 去年 is the baseline, the figure is of the year asked
    from rag.answer.near_miss.period import _relative_year_other

    paragraph = _dated(paragraph_maker(title="青禾市暑期文旅市场火热", source="995_test.txt")(
        "暑期全市过夜游客占游客总量的比重，由去年同期的41.3%提高到47.8%，游客人均消费明显增加。"))
    question = analyze_question("2025年暑期，青禾市过夜游客占游客总量的比重提高到了多少？")
    assert not _relative_year_other(paragraph.text, question, paragraph)
    assert _relative_year_other("今年全县种植烟叶5.6万亩", analyze_question("青山县2024年种了多少亩烟叶？"), paragraph)
