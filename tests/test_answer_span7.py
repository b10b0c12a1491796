"""Issue 11, seventh round (helper "span7"): the span, the article's period and comparisons on pages the
rules were not written on. The pages in tests/data/span7/ and the sentences below were written for
these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over

from rag.answer.comparison import parse_comparison
from rag.answer.question import PERSON, PLACE, SENTENCE, analyze_question, resolved_periods
from rag.answer.spans import ranked_spans

PAGES = Path(__file__).parent / "data" / "span7"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGES, tmp_path_factory, "answer-span7-index")


def _spans(question: str, sentence: str) -> list[str]:
    return [span.text for span, _, _ in ranked_spans(sentence, analyze_question(question))]


# --- the article's period ---------------------------------------------------------------------

def test_a_relative_period_is_the_articles_year_and_a_baseline_is_none():
    text = "今年上半年，全省优良比例为82.4%；去年下半年增长，与去年同期持平，比去年上半年多。第一季度，十二月"
    periods = resolved_periods(text, "2026年").split("\n")
    assert "2026年上半年" in periods and "2025年下半年" in periods and "2026年第一季度" in periods
    assert "2025年上半年" not in periods  # "比去年上半年" is a baseline
    assert "2026年二月" not in periods  # not inside 十二月
    assert resolved_periods(text, None) == ""


@pytest.mark.parametrize("question, short", [
    ("2026年上半年川南省城市空气质量优良天数比例是多少？", "91.2%"),
    ("2026年上半年川南省新增耕地保护面积多少？", "185万亩"),
])
def test_an_absolute_period_asked_matches_the_articles_relative_one(page_assistant, question, short):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == short


def test_another_year_than_the_articles_is_still_refused(page_assistant):
    assert page_assistant.ask("2025年上半年川南省城市空气质量优良天数比例是多少？").refused


# --- the span ----------------------------------------------------------------------------------

def test_runs_of_a_train_are_counted_and_a_card_is_no_run():
    assert _spans("海铁联运班列一共跑了多少趟？", "经临江港开行的海铁联运班列达到2150列，同比增长8.3%。")[0] == "2150列"
    assert _spans("海铁联运班列一共跑了多少趟？", "海铁联运已成为临江港的一张“名片”。") == []


def test_a_one_character_verb_of_the_question_marks_its_figure():
    sentence = "该公司员工总数达到860人，这家专注于芯片设计的企业今年计划招聘90人。"
    assert _spans("蓝芯半导体今年准备招多少人？", sentence)[0] == "90人"


def test_the_first_listed_item_of_fenbie_is_read_by_its_tail():
    sentence = "同时，对新引进到我市科技型企业工作的全日制博士、硕士，分别给予每人每年4万元、2万元的生活补贴，最长补贴3年。"
    assert _spans("新引进到科技型企业的全日制硕士一年能拿多少生活补贴？", sentence) == ["2万元"]
    assert _spans("新引进到科技型企业的全日制博士一年能拿多少生活补贴？", sentence) == ["4万元"]


def test_a_gap_between_rates_is_not_the_rate_and_a_rate_is_said_by_its_change():
    sentence = "今年前两个月，全市外贸进出口总值达316.2亿元，同比增长9.4%，增速比全省平均水平高2.6个百分点。"
    assert _spans("全市外贸总体增速是多少？", sentence) == ["9.4%"]
    assert "2.6个百分点" in _spans("外贸增速比全省平均水平高多少？", sentence)


@pytest.mark.parametrize("question, short", [
    ("云帆机器人负责人力资源的总监叫什么？", "韦晴"),
    ("云帆机器人的董事长是谁？", "欧阳思远"),
    ("蓝芯半导体今年准备招多少人？", "90人"),
    ("新引进到临江科技型企业的全日制硕士，一年能拿多少生活补贴？", "2万元"),
    ("经临江港的海铁联运班列一共跑了多少趟？", "2150列"),
])
def test_the_answer_is_the_asked_span(page_assistant, question, short):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == short


def test_a_role_said_with_its_duty_is_a_person_question():
    analysis = analyze_question("云帆机器人负责人力资源的总监叫什么？")
    assert analysis.kind == PERSON and analysis.role == "总监"


# --- whether it changed, which ones -------------------------------------------------------------

def test_whether_a_figure_changed_is_answered_by_the_sentence_saying_so(page_assistant):
    assert analyze_question("澄江流域的优良比例变了没有？").kind == SENTENCE
    answer = page_assistant.ask("跟去年同一时段比，澄江流域的水质优良比例变了没有？")
    assert not answer.refused and "与去年同期持平" in answer.answer


def test_which_several_asks_which_ones_not_how_many(page_assistant):
    assert analyze_question("哪几个城市在推进“无废城市”建设？").kind == PLACE
    assert analyze_question("哪几项措施最管用？").kind == SENTENCE
    answer = page_assistant.ask("川南省哪几个城市在推进“无废城市”建设？")
    assert not answer.refused and answer.short == "长宁、临江、望川"


def test_which_county_is_answered_by_a_place_not_any_name():
    analysis = analyze_question("第一批选了哪几个县试点？")
    assert analysis.kind == PLACE and analysis.type_noun == "县"
    assert _spans("第一批选了哪几个县试点？", "还能持续提升基层党组织领导力，激发群众参与乡村建设内生动力。") == []


# --- comparisons ---------------------------------------------------------------------------------

def test_a_bare_subject_borrows_the_predicate_of_the_other_side():
    comparison = parse_comparison("2025年云帆机器人和蓝芯半导体新增授权发明专利，哪家多？")
    assert comparison.sides == ("2025年云帆机器人", "蓝芯半导体")
    assert all("新增授权发明专利" in q for q in comparison.side_questions)


def test_comparisons_of_a_shared_predicate_and_of_a_whole_against_its_part(page_assistant):
    answer = page_assistant.ask("2025年云帆机器人和蓝芯半导体新增授权发明专利，哪家多？多几件？")
    assert not answer.refused and answer.answer.startswith("云帆机器人") and "18件" in answer.answer
    answer = page_assistant.ask("临江前两个月对东盟进出口的增速和全市外贸总体增速哪个更快？")
    assert not answer.refused and "9.4%" in answer.answer and "15.1%" in answer.answer and "个百分点" in answer.answer


def test_a_baseline_phrase_is_no_measured_thing_but_tongbi_stays():
    assert "时段" not in "".join(analyze_question("跟去年同一时段比，澄江流域的水质优良比例变了没有？").measure)
    # 同比 is said of the figure itself, no baseline phrase to take out
    assert "同比提高" in "".join(analyze_question("上半年青溪流域优良比例同比提高多少").measure)


def test_no_kind_guessed_across_words():
    assert analyze_question("现在平均多少天能办完？").type_noun is None  # 天能: the unit and a modal verb


def test_yigong_only_frames_the_question():
    assert "共用" not in analyze_question("这届运动会的比赛一共用了多少个场馆？").nouns


def test_a_clause_opening_with_the_asked_level_names_the_place():
    assert _spans("哪个乡在搞蒜苗加工项目？", "日月乡积极推动青蒜苗深加工项目落地。") == ["日月乡"]
    assert _spans("第一批选了哪几个县试点？", "积极探索村民自建模式，构建了县、乡、村三级推动体系。") == []
