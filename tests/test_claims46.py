"""Issue 10, helper "claims46": one month and the months up to it are other periods (``month_scope``, rag.check.month_scope).

A monthly report gives the running total and the month just ended side by side with the same measure words
("1至11月，全市空气质量…优良天数比例为87.6%" and "11月当月，…优良天数比例为80%"); ``periods_in`` reads both as the month M11,
so a claim of the eleven months was 一致 with the one month's figure and the other way round (fresh31 dev yta048 / yta049,
fresh36 dev yic037 for 全年 against 12月当月, fresh37 dev yfc031). Read as scopes, the claim is no longer told by the other
scope's figure: the figure of its own scope tells it (here 不一致 with it). Over an invented page (澄川市): the reading, its
switch, and the claims of each scope's own figure, still 一致."""
from conftest import page_assistant_over, verdicts_and_found
from rag.check.month_scope import month_scope

page_assistant = page_assistant_over("claims46")


def test_the_scope_said_last_before_a_figure(monkeypatch):
    assert month_scope("1至11月，全市空气质量优良天数比例为") == ("span", 11)
    assert month_scope("本报讯12月8日，记者从市统计局获悉，前11个月全市") == ("span", 11)  # a dateline's day is no scope
    assert month_scope("分月看，11月当月，全市规模以上工业增加值") == ("one", 11)
    assert month_scope("今年11月，全市") == ("one", 11)
    assert month_scope("2025年全年，全市") == ("span", 12)
    assert month_scope("1至11月，…。11月当月，全市") == ("one", 11)
    for none in ("截至11月底，全市", "11月份以来，全市", "11月上旬，全市", "2025年，全市"):
        assert month_scope(none) is None, none


def test_a_span_is_not_told_by_its_last_month_alone(page_assistant):
    assert verdicts_and_found(page_assistant, "1至11月，全市空气质量优良天数比例为86.7%。") == [("contradicted", "90.1%")]
    assert verdicts_and_found(page_assistant, "1至11月，全市社会消费品零售总额同比增长3.8%。") == [("contradicted", "5.2%")]
    assert ("contradicted", "9.1%") in verdicts_and_found(page_assistant, "11月当月，全市规模以上工业增加值同比增长7.4%。")
    assert verdicts_and_found(page_assistant, "今年11月，全市空气质量优良天数比例为90.1%。") == [("contradicted", "86.7%")]


def test_switched_off_the_other_scope_confirms(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "month_scope")
    assert verdicts_and_found(page_assistant, "1至11月，全市空气质量优良天数比例为86.7%。") == [("supported", "86.7%")]
    assert verdicts_and_found(page_assistant, "今年11月，全市空气质量优良天数比例为90.1%。") == [("supported", "90.1%")]


def test_each_scope_still_tells_its_own_figure(page_assistant):
    assert verdicts_and_found(page_assistant, "1至11月，全市空气质量优良天数比例为90.1%。") == [("supported", "90.1%")]
    assert ("supported", "9.1%") in verdicts_and_found(page_assistant, "11月当月，全市规模以上工业增加值同比增长9.1%。")
    assert verdicts_and_found(page_assistant, "前11个月，全市规模以上工业增加值同比增长7.4%。") == [("supported", "7.4%")]
    # a claim saying no scope of months is read as before
    assert verdicts_and_found(page_assistant, "全市社会消费品零售总额同比增长5.2%。") == [("supported", "5.2%")]
