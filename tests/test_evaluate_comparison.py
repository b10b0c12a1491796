"""The honest score of a comparison: the winner named as the winner, the difference stated; quoting both sides'
values is no answer (``rag.metrics.comparison_answer_in``, used by ``rag.evaluate.answer_scores``)."""
from __future__ import annotations

from rag.evaluate import EvalQuestion, answer_scores
from rag.metrics import comparison_answer_in, verdict

WHICH = EvalQuestion("q1", "今年新增公办学位，惠来县和揭西县哪个更多？", ("惠来县", "惠来", "4180个"), "comparison")
HOW_MUCH = EvalQuestion("q2", "临夏州今年普通高中招生比中职多多少人？", ("0.89万人", "8900人", "普通高中"), "comparison")


def test_naming_the_loser_the_winner_is_wrong_though_both_values_are_quoted():
    short, answer = "揭西县（3960个）", "揭西县更多（惠来县 4180个[1]，揭西县 3960个[2]，相差220个）。"
    assert answer_scores(WHICH, short, answer) == (False, False)


def test_naming_the_winner_is_right_in_the_short_and_in_the_verdict():
    assert answer_scores(WHICH, "惠来县（4180个）", "惠来县更多（惠来县 4180个[1]，揭西县 3960个[2]，相差220个）。") == (True, True)
    assert answer_scores(WHICH, None, "惠来县更多（惠来县 4180个[1]，揭西县 3960个[2]）。") == (False, True)


def test_the_winners_value_in_the_short_names_it_when_the_question_words_it_otherwise():
    # the short gives the winner with its own value: a side worded as the question words it still answers
    question = EvalQuestion("q3", "青海现有的社工专业人才和一年报考社工资格的人，哪个多？", ("报考人员", "近6000人"), "comparison")
    assert answer_scores(question, "一年报考社工资格的人（近6000人）", "一年报考社工资格的人更多（…）。") == (True, True)


def test_a_how_much_question_wants_the_difference_not_a_side_name():
    answer = "临夏州今年普通高中招生比中职少1.54万人（临夏州今年普通高中招生 2.36万人[1]，中职 3.9万名[2]）。"
    assert answer_scores(HOW_MUCH, "1.54万人", answer) == (False, False)
    assert answer_scores(HOW_MUCH, "0.89万人", "普通高中比中职多0.89万人（…）。") == (True, True)
    assert comparison_answer_in(HOW_MUCH.question, "", "普通高中比中职多8900人", HOW_MUCH.answers)


def test_a_bracket_without_a_figure_is_part_of_a_name():
    assert verdict("乡镇（街道）分馆更多（城市阅读驿站 16个[1]，乡镇（街道）分馆 5个[2]）") == "乡镇（街道）分馆更多"


def test_other_kinds_still_match_anywhere_in_the_answer():
    fact = EvalQuestion("q4", "惠来县今年新增多少公办学位？", ("4180个",), "fact")
    assert answer_scores(fact, None, "惠来县新增公办学位（4180个）。") == (False, True)
