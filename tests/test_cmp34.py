"""Issue 11, thirty-fourth round (helper "cmp34"): a comparison side named short found in the sentence stating both.

- autonomous_sides (dev: fresh24 xle021 "会同县和芷江县，哪个县的县域内就诊率更高" against "会同县达到93.8%…；芷江侗族
  自治县为92.7%"; the class also holds fresh18 xwa032 北川县 / 北川羌族自治县 and fresh24 xlb023 威宁自治县 /
  威宁彝族回族苗族自治县): a county, banner or city asked by its core and level is written in the article as the
  autonomous place it is, the core, the minorities' names, 自治, the same level (``rag.places.autonomous_form``);
  ``stated_sides`` reads such a name as the side's.

The paragraphs and questions are written for this test, not taken from the eval data."""
from __future__ import annotations

from conftest import paragraph_maker, ranked

from rag.answer.comparison import parse_comparison
from rag.answer.comparison.stated_sides import mentions, stated_sides
from rag.places import autonomous_form

HEALTH = paragraph_maker("青岚市县域医共体建设见成效", "health.txt")
ROUNDUP = HEALTH("县域内就诊率方面，东林县达到93.8%，在全市排名第一；南岗侗族自治县为92.7%，排名第二；北坪苗族自治县为"
                 "91.9%，排名第三。", 2)
QUESTION = "东林县和南岗县，哪个县的县域内就诊率更高？"


def test_a_short_name_opens_its_autonomous_form():
    assert autonomous_form("南岗县", "南岗侗族自治县为92.7%") == len("南岗侗族自治县")
    assert autonomous_form("威宁县", "威宁彝族回族苗族自治县有1.72万人") == len("威宁彝族回族苗族自治县")
    assert autonomous_form("威宁县", "威宁自治县有1.72万人") == len("威宁自治县")
    assert autonomous_form("北坪旗", "北坪蒙古族自治旗") == len("北坪蒙古族自治旗")
    # another level, another place, a core too short, a name with no level
    assert autonomous_form("南岗县", "南岗侗族自治州") is None
    assert autonomous_form("南岗县", "南岗镇为92.7%") is None
    assert autonomous_form("南岗县", "北坪苗族自治县") is None
    assert autonomous_form("岗县", "岗侗族自治县") is None
    assert autonomous_form("南岗", "南岗侗族自治县") is None


def test_a_side_named_short_is_read_in_the_sentence_stating_both():
    assert mentions(ROUNDUP.text, "南岗县")
    comparison = parse_comparison(QUESTION)
    stated = stated_sides(comparison, ("东林县", "南岗县"), ranked(ROUNDUP))
    assert stated is not None and [s.short for s in stated] == ["93.8%", "92.7%"]


def test_switched_off_a_side_named_short_is_not_found(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "autonomous_sides")
    assert not mentions(ROUNDUP.text, "南岗县")
    assert stated_sides(parse_comparison(QUESTION), ("东林县", "南岗县"), ranked(ROUNDUP)) is None
