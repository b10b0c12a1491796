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


# --- paraphrased_sides: a sentence stating both sides says the measure in other words -------------------------------
PORT = paragraph_maker("青岚港去年货物吞吐量再创新高", "port.txt")
BY_AREAS = PORT("分港区看，白沙港区完成货物吞吐量2874.6万吨；东湾作业区完成1538.2万吨；西湾作业区完成1265.3万吨。", 2)
LEAD = PORT("去年青岚港完成货物吞吐量6812.4万吨，同比增长9.6%。", 1)
HANDLED = PORT("西湾作业区装卸集装箱19.4万标箱，占全港的近七成。", 3)
CARGO = "东湾作业区和西湾作业区去年哪个装卸的货更多？"


def closest_to(words: str):
    """A ``similarity`` putting the sentences holding ``words`` closest to the question, every other one far below."""
    return lambda sentences: [0.9 if words in s else 0.8 for s in sentences]


def test_a_measure_in_other_words_is_read_in_the_closest_sentence_stating_both():
    comparison = parse_comparison(CARGO)
    assert comparison.measure == "装卸的货"
    stated = stated_sides(comparison, ("东湾作业区", "西湾作业区"), ranked(LEAD, BY_AREAS), closest_to("分港区看"))
    assert stated is not None and [s.short for s in stated] == ["1538.2万吨", "1265.3万吨"]


def test_without_sentence_vectors_the_measure_must_be_said():
    assert stated_sides(parse_comparison(CARGO), ("东湾作业区", "西湾作业区"), ranked(LEAD, BY_AREAS)) is None


def test_a_sentence_not_the_closest_in_meaning_does_not_say_the_measure():
    comparison = parse_comparison(CARGO)
    assert stated_sides(comparison, ("东湾作业区", "西湾作业区"), ranked(LEAD, BY_AREAS), closest_to("同比增长")) is None


def test_a_lacked_word_said_elsewhere_names_another_measure():
    # 装卸 stands in another retrieved sentence (装卸集装箱): the asker's word is an article's measure, not other words
    comparison = parse_comparison(CARGO)
    assert stated_sides(comparison, ("东湾作业区", "西湾作业区"), ranked(LEAD, BY_AREAS, HANDLED), closest_to("分港区看")) is None


def test_switched_off_a_measure_in_other_words_is_not_read(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "paraphrased_sides")
    comparison = parse_comparison(CARGO)
    assert stated_sides(comparison, ("东湾作业区", "西湾作业区"), ranked(LEAD, BY_AREAS), closest_to("分港区看")) is None


def test_a_side_question_word_the_sentence_lacks_restricting_what_is_counted_keeps_it_out():
    # "城镇新增就业，东湾作业区和西湾作业区哪个人数多": the measure read is 人数, but each side asks 城镇新增就业, which
    # a list of firms does not say (新增 restricts what is counted)
    jobs = PORT("港区企业方面，东湾作业区入驻企业72家，西湾作业区94家。", 4)
    question = "2025年城镇新增就业，东湾作业区和西湾作业区哪个人数多？"
    comparison = parse_comparison(question)
    assert stated_sides(comparison, ("东湾作业区", "西湾作业区"), ranked(jobs), closest_to("港区企业")) is None


def test_figures_in_a_unit_of_another_kind_than_asked_stay_out():
    # money asked (卖的钱), tonnes stated: the answer type differs, as the paraphrase path requires it agree
    comparison = parse_comparison("东湾作业区和西湾作业区去年哪个装卸的货卖的钱多？")
    assert any(analysis_unit == "元" for analysis_unit in _units(comparison))
    assert stated_sides(comparison, ("东湾作业区", "西湾作业区"), ranked(LEAD, BY_AREAS), closest_to("分港区看")) is None


def _units(comparison):
    from rag.answer.question import analyze_question

    return [analyze_question(q).unit for q in comparison.side_questions]
