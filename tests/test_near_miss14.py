"""Session 14 near misses (issue 11, helper near14), on sentences written for these tests: a question saying 全年
(全天) asks the whole year's (day's) figure, and a sentence dating its figure by a part of it (前三季度, 上半年, 1至9月,
a holiday, 今年以来; 截至当日18时, 上午) gives the part's figure only. No encoder: the lexical mechanism only. Each
refusal is checked to go away with its switch off (RAG_ANSWER_ABLATE=whole_period); the whole's figure, or the
part asked, still answers."""
from __future__ import annotations

import pytest

from conftest import ask as ask_over, paragraph_maker


paragraph = paragraph_maker(title="青禾县经济社会发展稳中有进", source="992_test.txt")


def ask(question: str, text: str):
    return ask_over(question, paragraph(text))


INCOME = "前三季度，全县农村居民人均可支配收入达到16480元，同比增长6.8%。"
HALF = "上半年，青禾县接待游客326.5万人次，实现旅游收入28.4亿元。"
MONTHS = "1至9月，青禾县完成外贸进出口总额42.6亿元，同比增长9.1%。"
HOLIDAY = "国庆假期7天，青禾古城接待游客38.2万人次，单日最高接待量6.1万人次。"
SO_FAR = "今年以来，青禾县新增市场主体5860户，其中新增企业1320户。"
OPENING = "开通首日，截至当日17时，青禾地铁2号线累计进站客流6.4万人次。"
WHOLE = "2025年全年，青禾县农村居民人均可支配收入21360元，其中前三季度为16480元。"

CASES = [
    ("青禾县去年全年农村居民人均可支配收入是多少？", INCOME, "16480元"),
    ("青禾县今年全年接待游客多少人次？", HALF, "326.5万人次"),
    ("青禾县全年外贸进出口总额是多少？", MONTHS, "42.6亿元"),
    ("青禾古城去年全年接待游客多少人次？", HOLIDAY, "38.2万人次"),
    ("青禾县全年新增市场主体多少户？", SO_FAR, "5860户"),
    ("青禾地铁2号线开通首日全天进站多少人次？", OPENING, "6.4万人次"),
    # a past year asked with no part of it: the year's figure
    ("青禾县去年接待游客多少人次？", HALF, "326.5万人次"),
]


@pytest.mark.parametrize("question,text,given", CASES, ids=[c[0][:12] for c in CASES])
def test_a_part_of_the_whole_period_does_not_answer(monkeypatch, question, text, given):
    answer = ask(question, text)
    assert answer.refused, answer.answer
    assert "文中只有" in answer.answer, answer.answer  # says what the article does give
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "whole_period")
    off = ask(question, text)
    assert not off.refused, off.answer
    assert off.short == given


@pytest.mark.parametrize("question,text,given", [
    ("青禾县去年全年农村居民人均可支配收入是多少？", WHOLE, "21360元"),  # the sentence says the whole year
    ("青禾县前三季度农村居民人均可支配收入是多少？", INCOME, "16480元"),  # the part asked
    ("青禾县上半年接待游客多少人次？", HALF, "326.5万人次"),  # no whole period asked
    ("青禾县今年接待游客多少人次？", HALF, "326.5万人次"),  # this year, still being counted
    # 去年 only as the baseline of a change asks no period
    ("青禾县外贸进出口总额比去年同期增长了多少？", MONTHS, "9.1%"),
    # a part named only as a change's baseline dates nothing
    ("青禾县全年粮食总产量是多少？", "全年，青禾县粮食总产量达到38.6万吨，比上半年预估多出1.2万吨。", "38.6万吨"),
])
def test_the_whole_period_still_answers(question, text, given):
    answer = ask(question, text)
    assert not answer.refused, answer.answer
    assert answer.short == given


@pytest.mark.parametrize("question,text,part", [
    ("青禾县去年全年农村居民人均可支配收入是多少？", INCOME, "前三季度"),
    ("青禾地铁2号线开通首日全天进站多少人次？", OPENING, "截至当日17时"),
])
def test_the_refusal_cites_the_part_it_is_of(question, text, part):
    answer = ask(question, text)
    assert answer.refused and f"文中只有：{part}" in answer.answer, answer.answer
