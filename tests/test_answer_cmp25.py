"""Issue 11, twenty-fifth round (helper "cmp25"): how the two sides of a comparison question are cut.

- "A和B两个人民法庭去年受理案件谁多": the count and kind after the second side ("两个人民法庭", "两家社区卫生服务中心")
  say what both sides are; the kind and what follows are shared words, not part of side B;
- a name's own 中 after a numeral ("大理一中和下关一中") is no "among" closing the sides ("A和B中，哪个多").
Each reading is switched off by RAG_ANSWER_ABLATE (both_kind, own_ending). The questions are written for this test."""
from __future__ import annotations

from rag.answer.comparison import DIFFERENCE, WHICH, parse_comparison


def test_two_sides_of_one_kind_share_the_kind_and_the_measure(monkeypatch):
    comparison = parse_comparison("东岭和西岭两个派出所去年受理案件谁多？多多少件？")
    assert comparison is not None and comparison.asks == WHICH and comparison.with_difference
    assert comparison.sides == ("东岭", "西岭")
    assert comparison.side_questions == ("东岭派出所去年受理案件多少", "西岭派出所去年受理案件多少")
    comparison = parse_comparison("南关街道和北关街道两家社区卫生服务中心去年门诊量相差多少？")
    assert comparison is not None and comparison.asks == DIFFERENCE and comparison.sides == ("南关街道", "北关街道")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "both_kind")
    assert parse_comparison("东岭和西岭两个派出所去年受理案件谁多？").sides[1] != "西岭"


def test_a_schools_own_zhong_is_kept_while_among_is_dropped(monkeypatch):
    comparison = parse_comparison("城关一中和城南二中，哪个学校今年本科上线率更高？")
    assert comparison is not None and comparison.sides == ("城关一中", "城南二中")
    comparison = parse_comparison("城关镇和城南镇中，哪个镇今年新增就业更多？")
    assert comparison is not None and comparison.sides == ("城关镇", "城南镇")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "own_ending")
    assert parse_comparison("城关一中和城南二中，哪个学校今年本科上线率更高？").sides != ("城关一中", "城南二中")


def test_sides_that_cannot_be_asked_apart_when_cut_are_read_as_worded():
    # "东台和亭湖两家法院": two bare names the analysis cannot ask apart; side B keeps the count and kind, as before
    comparison = parse_comparison("东台和亭湖两家法院去年谁受理的案件多？多多少？")
    assert comparison is not None and comparison.sides[0] == "东台" and comparison.sides[1].startswith("亭湖")
