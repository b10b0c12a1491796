"""Session 18 near misses (issue 11, helper near22), on sentences written for these tests, read by the real answer
stage: a stock asked ("一共有多少个行政村") is not answered by a figure its clause makes the object of another action
(抽调干部深入…行政村, 带动…村民就业), nor a flow asked ("新增了多少架") by a stock (保有量达到…架). Each refusal says what the text
gives and goes away with its switch off (RAG_ANSWER_ABLATE); the asked figure still answers."""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import ask, paragraph_maker

paragraph = paragraph_maker(title="青禾县推进乡村振兴", source="922_test.txt")

VISITS = "今年以来，青禾县选派120名干部深入12个乡镇208个行政村开展政策宣讲。"
JOBS = "柳溪村依托茶叶合作社发展特色种植，带动64户村民在家门口增收。"
DRONES = "全县植保无人机保有量达到860架，今年以来开展飞防作业38万亩次。"
STATION = ("2025年，青禾县境内各客运站共发送旅客326.4万人次，同比增长5.1%。"
           "其中，青禾汽车站发送旅客201.3万人次，北站发送旅客125.1万人次。")

CASES = [
    ("nm:flow_for_stock", "青禾县一共有多少个行政村？", VISITS, "208个", None),
    ("nm:flow_for_stock", "柳溪村一共有多少户村民？", JOBS, "64户", None),
    ("nm:stock_for_flow", "青禾县今年新增了多少架植保无人机？", DRONES, "860架", None),
]


@pytest.mark.parametrize("switch,question,text,given,date", CASES, ids=[c[0] + "-" + c[3] for c in CASES])
def test_the_near_miss_is_refused_saying_what_the_text_gives(monkeypatch, switch, question, text, given, date):
    passage = paragraph(text)
    if date:
        passage = replace(passage, date=date)
    answer = ask(question, passage)
    assert answer.refused, answer.answer
    assert "文中只有" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    off = ask(question, passage)
    assert not off.refused, off.answer
    assert off.short == given


@pytest.mark.parametrize("question,text,given,date", [
    ("青禾县选派多少名干部下乡宣讲？", VISITS, "120名", None),  # the action asked
    ("青禾县有多少架植保无人机？", DRONES, "860架", None),  # the stock asked
    ("青禾县现在一共有多少个行政村？", "全县现有行政村208个，其中脱贫村31个。", "208个", None),  # a stock said
    ("青禾县一共有多少个5G基站？", "全县已建成5G基站1260个，实现行政村全覆盖。", "1260个", None),  # done by now: a stock
    ("青禾县现在一共有多少家高新技术企业？", "全县高新技术企业新增12家，总数达到186家。", "186家", None),  # the stock after the flow
    ("青禾县有多少名运动员参赛？", "本届运动会吸引了来自全县18个乡镇的1260名运动员参赛。", "1260名", None),  # 参赛 asked
    ("2025年青禾汽车站发送了多少旅客？", STATION, "201.3万人次", None),  # the year asked
    ("2025年国庆假期青禾汽车站发送了多少旅客？",
     "2025年国庆假期，青禾汽车站发送旅客12.6万人次，同比增长8.3%。", "12.6万人次", None),  # the holiday said
])
def test_the_asked_figure_still_answers(question, text, given, date):
    passage = paragraph(text)
    if date:
        passage = replace(passage, date=date)
    answer = ask(question, passage)
    assert not answer.refused, answer.answer
    assert answer.short == given
