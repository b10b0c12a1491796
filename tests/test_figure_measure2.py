"""A figure's own measure, second round (issue 11, fourth data round): the phrase governing a
figure in its clause, in either order, against the asked one: its qualifier (省外 / 省内外), its
action (受理 / 办结, 报名 / 通过), a rate (日均), a bare change's subject, the state before a change,
a unit the question rules out, one of several quoted names; and what keeps right answers.
Sentences written for these tests (lexical mechanisms), then the seeds with the real index."""
from __future__ import annotations

import pytest

from rag.answer import extract_answer
from rag.answer.near_miss import near_miss_check

from conftest import ranked
from test_near_miss import candidates_with_figures, paragraph


def _check(question: str, figure: str, *texts: str):
    paragraphs = [paragraph(t, n) for n, t in enumerate(texts, start=1)]
    analysis, candidates, sentences = candidates_with_figures(question, *paragraphs)
    candidate = next(c for c in candidates if c.span.text == figure)
    found = near_miss_check(candidate, analysis, sentences)
    return found[0] if found else None


def test_a_qualifier_of_the_asked_head_said_otherwise_is_a_near_miss():
    text = "桃源镇招聘会已有120家以上省内外用人单位确定进场。"
    assert _check("桃源镇招聘会的省外用人单位有多少家？", "120家以上", text) == "qualifier"
    assert _check("桃源镇招聘会的用人单位有多少家？", "120家以上", text) is None
    assert _check("桃源镇有多少所省级特色学校？", "6所", "桃源镇共有国家级特色学校6所。") == "qualifier"
    assert _check("桃源镇有多少所省级特色学校？", "3所", "桃源镇共有省级特色学校3所。") is None


def test_one_member_of_a_conjunction_or_of_quoted_names_is_not_the_sum():
    both = "桃源镇建成国家和省级示范学校5所。"
    assert _check("桃源镇建成的省级示范学校有几所？", "5所", both) == "qualifier"
    assert _check("桃源镇建成了几所国家级、省级示范学校？", "5所", both) is None
    quoted = "桃源镇建成80个“暖心驿站”“骑手之家”，服务新就业群体。"
    assert _check("桃源镇建成了多少个“暖心驿站”？", "80个", quoted) == "member"
    assert _check("桃源镇建成了多少个“暖心驿站”“骑手之家”？", "80个", quoted) is None


def test_the_figure_s_own_action_against_the_asked_one():
    hotline = "2025年桃源镇热线受理诉求12万件，办结率98%。"
    assert _check("2025年桃源镇热线办结了多少件诉求？", "12万件", hotline) == "action"
    assert _check("2025年桃源镇热线受理了多少件诉求？", "12万件", hotline) is None
    exam = "2025年度桃源镇技能考试有3200人报名，同比增长12%。"
    assert _check("2025年度桃源镇技能考试有多少人通过？", "3200人", exam) == "action"
    assert _check("2025年度桃源镇技能考试有多少人报名？", "3200人", exam) is None
    # the same action in another word sharing a character ("增加" / "多加"), a complement ("加起来")
    crops = "2025年桃源镇增加9种试种作物。"
    assert _check("2025年桃源镇又多加了几种试种作物？", "9种", crops) is None


def test_a_rate_the_question_does_not_ask_and_the_state_before_a_change():
    station = "桃源驿站日均服务量达150人次。"
    assert _check("桃源驿站一年一共服务了多少人次？", "150人次", station) == "rate"
    assert _check("桃源驿站平均一天服务多少人次？", "150人次", station) is None
    canal = "新渠建成后，桃源镇灌溉保证率提升至95%。"
    assert _check("桃源镇修新渠以前灌溉保证率是多少？", "95%", canal) == "earlier"
    assert _check("桃源镇修好新渠后灌溉保证率是多少？", "95%", canal) is None


def test_a_unit_the_question_rules_out():
    text = "桃源镇举办培训班12期，培训农户300余人次。"
    assert _check("桃源镇培训了多少名农户（按人数，不是人次）？", "300余人次", text) == "unit_refused"
    assert _check("桃源镇培训了多少人次农户？", "300余人次", text) is None


def test_a_bare_change_measures_what_its_sentence_said_before_it():
    exams = "桃源镇技能考试报考人员近900人，较去年增加25%。"
    others = "桃源镇注册志愿者达到1.2万名。"
    question = "桃源镇志愿者人数比上一年增长了百分之多少？"
    assert _check(question, "25%", exams, others) == "subject"
    # the articles have no word for it elsewhere: left to the other checks
    assert _check(question, "25%", exams) is None
    assert _check("桃源镇技能考试报考人数比上一年增长了百分之多少？", "25%", exams, others) is None


def test_a_word_jieba_tags_as_a_place_but_a_thesaurus_files_as_everyday_is_no_foreign_place():
    text = "辽源新建和依托工会驿站建成300余个“暖心驿站”。"
    answer = extract_answer("辽源一共建了多少个“暖心驿站”？", ranked(paragraph(text, 1)))
    assert not answer.refused and answer.short == "300余个"


def test_the_modifier_of_the_asked_word_standing_at_another_figure():
    text = "截至3月，桃源驿站小程序已注册企业88家，累计带动就业900余人次。"
    assert _check("桃源驿站小程序上注册的求职者有多少人？", "900余人次", text) == "asked_word_here"


@pytest.mark.parametrize("question", [
    "2025年北京12345热线办结了多少件诉求？",
    "“中和·蜂巢”驿站一年一共服务了多少人次？",
])
def test_seed_near_misses_of_the_fourth_round_are_refused(seed_assistant, question):
    answer = seed_assistant.ask(question)
    assert answer.refused and "文中只有" in answer.answer


@pytest.mark.parametrize("question, expected", [
    ("辽宁一共建了多少个“爱心驿站”“司机之家”？", "1.2万余个"),
    ("2025年度全国社会工作者职业资格考试有多少人报名？", "223.6万人"),
    ("湟源县举办了多少期种养技术等培训班？", "23期"),
])
def test_seed_right_answers_stay(seed_assistant, question, expected):
    answer = seed_assistant.ask(question)
    assert not answer.refused and expected in (answer.short or "")


def test_a_counted_noun_said_by_a_word_of_its_class_is_the_same_thing():
    text = "截至3月，桃源驿站小程序已注册企业88家。"
    assert _check("桃源驿站小程序上有多少家公司注册了？", "88家", text) is None
    assert _check("桃源驿站小程序上有多少家医院注册了？", "88家", text) == "counted"


def test_a_figure_the_question_names_standing_in_a_later_clause(monkeypatch):
    text = "其中，发放贷款900万元助力养殖，清运垃圾300余吨，清理河道20公里。"
    # (with money_role on, 贷款 is no spending and 900万元 is no candidate at all; the named_figure reading is
    # tested on its own)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "money_role")
    assert _check("桃源镇清运300余吨垃圾一共花了多少钱？", "900万元", text) == "named_figure"
    monkeypatch.delenv("RAG_ANSWER_ABLATE")
    # a named figure in an earlier clause is the topic the answer continues
    before = "桃源镇举办培训班12期，培训农户300余人次。"
    assert _check("桃源镇12期培训班一共培训了多少人次？", "300余人次", before) is None
    # a later clause that only changes the answer's subject says no thing of its own
    chain = "2025年桃源镇新注册登记汽车1200辆，与2024年相比增加160辆。"
    assert _check("与2024年相比增加160辆，2025年桃源镇新注册登记汽车多少辆？", "1200辆", chain) is None


def test_readings_of_the_question_that_must_not_fire_inside_other_words():
    """等 closes a list only as a word (二等奖, 等级 do not); 截至/受到/达标 state no level reached; a unit ruled out
    is the whole unit (不是人次 rules out 人次, not 人), and 是不是 rules out nothing."""
    from rag.answer import near_miss
    from rag.answer.question import analyze_question

    assert near_miss._says_etc("多少件化肥、医疗救助包等物品") and near_miss._says_etc("大学生资助等共计多少钱")
    assert not near_miss._says_etc("获得二等奖的有多少人") and not near_miss._says_etc("等级是多少")
    ruled = analyze_question("培训了多少名农户（按人数，不是人次）")
    assert near_miss._unit_refused("200余人次", ruled) and not near_miss._unit_refused("200人", ruled)
    assert not near_miss._unit_refused("200人次", analyze_question("城中区培训了多少人，是不是人次更多"))
