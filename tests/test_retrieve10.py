"""Retrieval (ninth session, helper retrieve10): the rerank's bonus for a paragraph that states a figure of the
kind the question asks for (rag.asked_figure), with the real encoder and a real index.

The small corpus under tests/data/retrieve10 is written for these tests: one paragraph of an article about a solar
plant shares the question's words (石岭镇光伏电站, 光伏板) but states acres and yuan; another states the count of
panels in 块 in other words ("共安装组件2.4万块").
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over
from rag.asked_figure import asked_figure, states_asked_figure
from rag.rerank import FIGURE_WEIGHT
from rag.retrieve import rerank_by_coverage
from rag.schema import Chunk

CORPUS = Path(__file__).resolve().parent / "data" / "retrieve10"
PANELS = "共安装组件2.4万块"
QUESTIONS = ["石岭镇光伏电站一共装了多少块光伏板？", "石岭镇光伏电站装了多少块光伏板？"]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return assistant_over(CORPUS, tmp_path_factory, "retrieve10")


def _top(assistant, question: str, weight: float) -> list[str]:
    saved = assistant.retriever.figure_weight
    assistant.retriever.figure_weight = weight
    try:
        return ["".join(h.paragraph.text.split()) for h in assistant.search(question, k=3).hits]
    finally:
        assistant.retriever.figure_weight = saved


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_paragraph_stating_the_asked_count_rises_above_one_sharing_only_the_words(small, question):
    on = _top(small, question, FIGURE_WEIGHT)
    off = _top(small, question, 0.0)
    assert PANELS in on[0]
    assert PANELS not in off[0]  # without the term the paragraph about grass under the panels comes first
    assert "光伏板下种植" in off[0]


def test_a_question_asking_no_figure_ranks_as_without_the_term(small):
    question = "石岭镇光伏电站的光伏板下种了什么？"
    assert asked_figure(question) is None
    assert _top(small, question, FIGURE_WEIGHT) == _top(small, question, 0.0)


@pytest.mark.parametrize("question, stated, other", [
    ("卡坝乡一共装了多少块太阳能板？", "共安装组件3.6万块", "种植牧草1800亩"),
    ("修这条公路一共花了多少钱？", "总投资约18.6亿元", "全长41公里"),
    ("大桥是哪天通车的？", "12月28日，大桥正式通车", "大桥全长2.4公里"),
    ("首班车早上几点发车？", "首班车发车时间为6时30分", "全线设车站17座"),
    ("坐地铁从头到尾要多久？", "全程运行时间约41分钟", "日均客流12万人次"),
    ("老百姓满意的比例有多高？", "居民满意度达到96.3%", "共走访居民4.3万户"),
    ("新修的主渠有多长？", "新干渠长3.2公里", "灌溉耕地800公顷"),
    ("招聘会是礼拜几？", "3月1日（星期日）", "3月1日10时"),
    ("城中区帮了多少个失业的人找到工作？", "1315名失业人员实现就业", "开发岗位860个"),
    ("这项工作最早是哪年开始的？", "2023年5月起", "5月起"),
])
def test_asked_figure_reads_the_kind_of_figure_asked(question, stated, other):
    pattern = asked_figure(question)
    assert states_asked_figure(pattern, stated)
    assert not states_asked_figure(pattern, other)


@pytest.mark.parametrize("question", [
    "这个冬天估计要用掉多少天然气？",  # 天然气: no number of days asked
    "这个项目是谁建的？",
    "全县经济总量是多少？",  # no unit or cue in the question's own words
])
def test_no_pattern_when_the_wording_asks_for_no_kind_of_figure(question):
    assert asked_figure(question) is None
    assert not states_asked_figure(asked_figure(question), "全县地区生产总值达到86.4亿元，需求量21.6亿立方米，共计121天")


def test_rerank_adds_the_bonus_once_per_paragraph_and_only_with_paragraph_text():
    chunks = {
        1: Chunk(1, "a.txt", "石岭镇光伏电站", 1, "石岭镇光伏电站光伏板下种植牧草900亩", 0, 20),
        2: Chunk(2, "a.txt", "石岭镇光伏电站", 2, "电站共安装组件2.4万块", 0, 12),
        3: Chunk(3, "a.txt", "石岭镇光伏电站", 2, "配套建设储能设施一座", 12, 22),
    }
    texts = {("a.txt", 1): chunks[1].text, ("a.txt", 2): chunks[2].text + chunks[3].text}
    fused = [(n, 0.03, {"keyword": 1.0}, {"keyword": n}) for n in (1, 2, 3)]
    question = "石岭镇光伏电站装了多少块光伏板？"
    plain = {item: score for item, score, *_ in rerank_by_coverage(question, fused, chunks)}
    with_figures = {item: score for item, score, *_ in rerank_by_coverage(
        question, fused, chunks, paragraph_text=lambda source, number: texts[(source, number)])}
    assert with_figures[1] == pytest.approx(plain[1])
    # both chunks of the paragraph that states 2.4万块 get the bonus, whichever chunk holds the figure
    assert with_figures[2] == pytest.approx(plain[2] + FIGURE_WEIGHT)
    assert with_figures[3] == pytest.approx(plain[3] + FIGURE_WEIGHT)
    off = {item: score for item, score, *_ in rerank_by_coverage(
        question, fused, chunks, paragraph_text=lambda source, number: texts[(source, number)], figure_weight=0.0)}
    assert off == pytest.approx(plain)
