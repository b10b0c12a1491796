"""Follow-up questions reuse the previous question's frame."""
from __future__ import annotations

import pytest

from rag.followup import rewrite_followup

FIRST = "城中区一季度新增就业多少"


def test_new_entity_replaces_old_one_and_drops_its_quarter():
    rewritten = rewrite_followup("那祁连县呢？", [FIRST])
    # 一季度 was the reporting period of 城中区's article; it does not carry over
    assert rewritten == "祁连县新增就业多少"


def test_new_measured_thing_keeps_entity_and_period():
    rewritten = rewrite_followup("农村劳动力转移就业呢？", [FIRST])
    assert rewritten == "城中区一季度农村劳动力转移就业多少"


def test_new_period_replaces_old_one():
    assert rewrite_followup("二季度呢？", [FIRST]) == "城中区二季度新增就业多少"


def test_year_is_kept_when_the_entity_changes():
    rewritten = rewrite_followup("那祁连县呢", ["城中区2025年一季度新增就业多少"])
    assert rewritten is not None
    assert "祁连县" in rewritten and "2025年" in rewritten
    assert "一季度" not in rewritten and "城中区" not in rewritten


def test_pronoun_stands_for_the_previous_entity():
    rewritten = rewrite_followup("那它的劳务收入是多少？", [FIRST])
    assert rewritten is not None
    assert rewritten.startswith("城中区") and "劳务收入" in rewritten


def test_question_with_own_wh_word_but_no_entity_inherits_the_frame():
    assert rewrite_followup("那劳务收入有多少？", [FIRST]) == "城中区一季度劳务收入有多少"


def test_chain_resolves_earlier_followups_first():
    history = [FIRST, "那祁连县呢？"]
    assert rewrite_followup("农牧区劳动力转移就业呢", history) == "祁连县农牧区劳动力转移就业多少"


@pytest.mark.parametrize(
    "question",
    ["祁连县新增就业多少", "湟源县抽调多少名干部下乡", "2025年全国机动车保有量达到多少"],
)
def test_standalone_questions_are_left_alone(question):
    assert rewrite_followup(question, [FIRST]) is None


def test_no_history_no_rewrite():
    assert rewrite_followup("那祁连县呢？", []) is None
    assert rewrite_followup("那祁连县呢？", ["", "  "]) is None


def test_rewrite_keeps_the_previous_question_type():
    assert rewrite_followup("那城北区呢", ["城东区加快推进社会救助的做法有哪些"]) == "城北区加快推进社会救助的做法有哪些"
    assert rewrite_followup("支渠呢？", ["哈拉直沟乡新干渠长多少公里"]) == "哈拉直沟乡支渠多少"


@pytest.mark.parametrize("question", ["", "呢", "？", "那", "那呢？"])
def test_odd_followups_do_not_raise(question):
    rewritten = rewrite_followup(question, [FIRST])
    assert rewritten is None or isinstance(rewritten, str)


def test_short_fragment_without_entity_takes_the_previous_subject():
    rewritten = rewrite_followup("分几个组别？", ["城北区校园足球联赛共有多少支球队？"])
    assert rewritten == "城北区校园足球联赛分几个组别"


def test_subpart_keeps_the_whole_and_marks_the_part():
    assert rewrite_followup("其中汽车有多少？", ["2025年全国机动车保有量达到多少？"]) == "2025年全国机动车保有量其中汽车有多少"
    rewritten = rewrite_followup("其中开汽车的呢？", ["全国机动车驾驶人有多少？"])
    assert rewritten is not None and rewritten.startswith("全国机动车驾驶人其中") and "汽车" in rewritten


def test_a_long_question_without_entity_stands_alone():
    assert rewrite_followup("全国新能源汽车保有量是多少", ["城北区校园足球联赛共有多少支球队？"]) is None


def test_another_thing_of_the_same_kind_takes_the_previous_ones_place():
    # neither bank branch is a place jieba knows; the shared head word (支行) says which one is replaced
    assert rewrite_followup("和汇支行呢？", ["工行大同庆新路支行的邮政编码是多少？"]) == "和汇支行的邮政编码是多少"
    # a head word alone names no other thing
    assert rewrite_followup("行呢？", ["工行大同庆新路支行的邮政编码是多少？"]) != "行的邮政编码是多少"
