"""Issue 11, helper "para26": the rate near miss (nm:rate) and questions that ask a rate in everyday words.

- a question asking of one item ("一个人要交多少钱", "多长时间能出一颗电芯") asks a rate: a figure per person or per item
  (每人每年380元, 平均每1.5秒一台) answers it; a figure per period only (每年安排补贴1200万元) still does not
  (switch ``one_item_rate``);
- an average time (平均候诊时间…12分钟以内) is what "要等多久" asks; a time per day (每天开放10小时) is still a rate
  (switch ``average_duration``).
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, same_meaning

paragraph = paragraph_maker("东川县城乡居民医保缴费标准公布")

FEE = paragraph("县医疗保障局介绍，2026年全县城乡居民医保个人缴费标准为每人每年380元，截至1月20日，参保缴费人数已达31.2万人。")
LINE = paragraph("在去年投产的电机装配线上，平均每1.5秒就有一台电机下线。")
BUS = paragraph("为保障运营，县财政每年安排城乡公交运营补贴1200万元，对老年人实行免费乘车政策。")
WAIT = paragraph("东城社区卫生服务中心开设慢病一站式服务窗口，平均候诊时间由原来的40分钟缩短到12分钟以内。")
OPEN = paragraph("东川县图书馆新馆周末照常开放，每天开放10小时。")


def test_one_person_asked_is_answered_by_the_rate_per_person(monkeypatch):
    answer = ask("东川县城乡居民医保一个人要交多少钱？", FEE)
    assert not answer.refused and answer.short == "380元"
    answer = ask("东川县那条电机装配线多长时间能出一台电机？", LINE)
    assert not answer.refused and answer.short == "1.5秒"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "one_item_rate,average_duration")
    assert ask("东川县城乡居民医保一个人要交多少钱？", FEE).refused


def test_a_whole_asked_is_still_no_rate():
    assert ask("东川县城乡居民医保去年一共收了多少钱？", FEE).refused
    # "坐一次" asks a fare: a yearly subsidy is a rate per period only, no fare
    assert ask("东川县城乡公交坐一次要多少钱？", BUS).refused


def test_an_average_time_answers_how_long(monkeypatch):
    answer = ask("在东城社区卫生服务中心看慢病现在大概要等多久？", WAIT, similarity=same_meaning)
    assert not answer.refused and answer.short.startswith("12分钟")
    assert ask("东川县图书馆新馆周末开放多久？", OPEN, similarity=same_meaning).refused  # 每天: a time per day
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "average_duration")
    assert ask("在东城社区卫生服务中心看慢病现在大概要等多久？", WAIT, similarity=same_meaning).refused
