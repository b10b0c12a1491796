"""Issue 11, helper "para25": a count in 人次/架次/班次 ("一共有多少人次") asks how many times something happened, not what
there is, so the stock near miss (near_miss.stock.flow_for_stock) does not refuse a flow such as 完成旅客吞吐量…万人次
(switch RAG_ANSWER_ABLATE=events_counted)."""
from __future__ import annotations

from rag.answer.near_miss.stock import flow_for_stock
from rag.answer.question import analyze_question

AIRPORT = "锦州湾国际机场去年进出港的旅客一共有多少人次？"
BEFORE = "锦州湾国际机场去年完成旅客吞吐量"


def test_a_count_of_events_asks_no_stock():
    assert not flow_for_stock(BEFORE, "，同比增长9.1%。", analyze_question(AIRPORT))


def test_a_count_of_what_there_is_is_still_a_stock():
    assert flow_for_stock("抽调316名干部深入9个乡镇", "。", analyze_question("湟源县一共有多少个行政村？"))


def test_the_switch_off_refuses_the_flow_again(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "events_counted")
    assert flow_for_stock(BEFORE, "，同比增长9.1%。", analyze_question(AIRPORT))
