"""A place read as a whole word (RAG_CHECK_ABLATE ``place_whole_word``), on a page written for these tests (tests/data/place29).

jieba cuts some names so that a place word is left standing inside a longer word: "荆州经|开区" (the 经开区, the economic
development zone, read as a place "开区", or as no place where jieba tags 开区 a noun), "理事长刘|长海介绍" (a person, read as
the place 长海). ``rag.places.glued_place`` reads a one-character place of its level's suffix that jieba's dictionary does
not hold with the character before it (经开区), and ``rag.places.person_named`` a place word after a surname, with a post
before it or a verb of saying after it, as a person's given name: no place of the claim's.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts

PAGE = Path(__file__).parent / "data" / "place29"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "place29-index")


def _verdicts(report) -> list[tuple]:
    return [(c.claim.kind, c.verdict, c.found) for c in report.claims]


def test_the_words_around_a_place():
    from rag.places import glued_place, person_named, pos_cut

    def read(text: str, word: str):
        words = list(pos_cut(text))
        i = [w for w, _ in words].index(word)
        return glued_place(words, i), person_named(words, i)

    assert read("理事长刘长海介绍", "长海") == ("", True)
    assert read("旅游局局长李华东说", "华东") == ("", True)
    assert read("在长海县", "长海县") == ("", False)  # a county of its own
    assert read("销往华东和华南", "华东") == ("", False)  # no surname before it
    assert read("荆州经开区规上工业产值", "开区") == ("经开区", False)
    assert read("在东区", "东区") == ("", False)  # a dictionary place after a word introducing it
    assert glued_place([("2025", "m"), ("年", "m"), ("我区", "n")], 2) == ""  # a reference is a word of its own
    assert glued_place([("在", "p"), ("朝阳区", "ns"), ("各", "r"), ("街乡", "n")], 3) == ""  # every member: no name's tail


def test_a_zone_cut_by_jieba_is_one_place(page_assistant, monkeypatch):
    claim = "荆州经开区前三季度规上工业产值486.2亿元。"
    assert _verdicts(page_assistant.check(claim)) == [("figure", "supported", "486.2亿元")]
    assert checked_without(page_assistant, claim, "place_whole_word", monkeypatch).verdict == "not_found"
    wrong = page_assistant.check("荆州经开区前三季度规上工业产值468.2亿元。")
    assert _verdicts(wrong) == [("figure", "contradicted", "486.2亿元")], claim_verdicts(wrong)


@pytest.mark.parametrize("claim", [
    "荆州前三季度规上工业产值486.2亿元。",  # the zone's figure given to the city
    "荆州经开区前三季度规上工业产值1362.5亿元。",  # the city's figure given to the zone
])
def test_the_zone_and_its_city_stay_apart(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)


def test_a_persons_given_name_is_no_place(page_assistant, monkeypatch):
    claim = "在合隆镇，绿丰玉米种植专业合作社理事长刘长海介绍，这家合作社今年托管土地2.6万亩。"
    report = page_assistant.check(claim)
    assert _verdicts(report) == [("figure", "supported", "2.6万亩")], claim_verdicts(report)
    off = checked_without(page_assistant, claim, "place_whole_word", monkeypatch)
    assert ("place", "长海") in [(c.claim.kind, c.claim.stated) for c in off.claims] and off.verdict == "not_found"
    wrong = page_assistant.check("在合隆镇，绿丰玉米种植专业合作社理事长刘长海介绍，这家合作社今年托管土地3.6万亩。")
    assert wrong.verdict == "contradicted", claim_verdicts(wrong)


def test_the_place_itself_is_still_a_place(page_assistant):
    assert page_assistant.check("长海县今年海参产量1.8万吨。").verdict == "supported"
    assert page_assistant.check("长海县今年海参产量2.8万吨。").verdict == "contradicted"


def test_a_persons_given_name_answers_no_where_question(page_assistant, monkeypatch):
    question = "绿丰玉米种植专业合作社在哪个镇？"
    assert page_assistant.ask(question).short == "合隆镇"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "place_whole_word")
    assert page_assistant.ask(question).short == "长海"  # the old reading: the person's given name as the place
