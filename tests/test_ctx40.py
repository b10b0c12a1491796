"""Issue 11, helper "ctx40": dateline_level (ingest, PARSER_VERSION 23, switch ``dateline_level`` of
RAG_INGEST_ABLATE), over tests/data/ctx40/ (a page written for these tests).

A dateline's place written without its level (本报青岚讯) takes the one level its page writes it by when that is 区 or 旗
(青岚区): a question keeps the 区 a short name drops, and the brief's 全区 answers for 青岚区.
"""
from __future__ import annotations

from pathlib import Path

from conftest import hit, page_assistant_over
from rag.answer.evidence import global_missing
from rag.answer.pipeline import extract_answer
from rag.answer.question import analyze_question as analyze
from rag.dateline import dateline_level
from rag.ingest import parse_source, read_source

PAGES = Path(__file__).parent / "data" / "ctx40"
page_assistant = page_assistant_over("ctx40")


def _paragraph(name: str, words: str):
    path = PAGES / name
    _, paragraphs = parse_source(path.name, read_source(path))
    return next(p for p in paragraphs if words in p.text)


def test_a_datelines_place_takes_the_level_its_page_writes():
    assert dateline_level("青岚", "本报青岚讯…青岚区政务服务中心") == "青岚区"
    assert dateline_level("青岚", "本报青岚讯…青岚区…青岚县") == "青岚"  # two levels: none is read
    assert dateline_level("石湾", "本报石湾讯…石湾县") == "石湾"  # a 县 a short name already stands for
    assert dateline_level("青岚", "本报青岚讯…青岚区域") == "青岚"  # 区域 is no level
    assert dateline_level("青岚区", "…") == "青岚区"


def test_the_district_is_the_articles_setting(monkeypatch):
    assert "青岚区" in (_paragraph("qinglan_page.txt", "全区新建便民服务站").setting or "").split()
    monkeypatch.setenv("RAG_INGEST_ABLATE", "dateline_level")
    assert "青岚区" not in (_paragraph("qinglan_page.txt", "全区新建便民服务站").setting or "").split()


def test_the_districts_whole_is_answered_from_its_own_report(monkeypatch):
    """Only the brief's own report retrieved (the page's other mention of 青岚区 is not): the district asked is said
    by the article's setting, and its 全区 answers."""
    question = "青岚区去年新建了多少个便民服务站？"
    report = _paragraph("qinglan_page.txt", "全区新建便民服务站")
    assert global_missing(analyze(question), [hit(report, 1.0, 1)]) is None
    answer = extract_answer(question, [hit(report, 1.0, 1)])
    assert not answer.refused and "46个" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_INGEST_ABLATE", "dateline_level")
    report = _paragraph("qinglan_page.txt", "全区新建便民服务站")
    assert "没有提到“青岚区”" in (global_missing(analyze(question), [hit(report, 1.0, 1)]) or "")


def test_the_districts_whole_is_answered(page_assistant):
    answer = page_assistant.ask("青岚区去年新建了多少个便民服务站？")
    assert not answer.refused and "46个" in answer.answer, answer.answer
