"""Issue 11, twenty-eighth round (helper "cmp28"): comparison sides read for what they are.

- points_not_rate: "增速高于全州农村居民人均可支配收入3.3个百分点" gives a gap between two rates, no rate of 农村居民:
  a side in 个百分点 does not compare with a rate in %, so that side is not found and the sentence stating both
  sides' rates ("城镇居民…增长4.8%；农村居民…增长7.3%") answers instead.
- range_period: a side lent the other's period takes its whole phrase (今年1—11月, 今年1至10月), not its last
  word (11月, 10月), and the answer names the side without it.
- average_level (nm:rate): "PM2.5平均浓度为27.6微克/立方米" answers "PM2.5浓度是多少": the mean of a level that is no
  sum (a concentration, a temperature, an age) is that level, no rate per day or head.

The page (tests/data/cmp28/) and the questions are written for this test, not taken from the eval data."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.comparison import parse_comparison, shown_sides
from rag.answer.comparison.values import gap_against_rate


page_assistant = page_assistant_over("cmp28")

GROWTH = "去年全州城镇居民和农村居民，谁的人均可支配收入增长更快？"


def test_a_gap_between_rates_is_no_rate(page_assistant, monkeypatch):
    answer = page_assistant.ask(GROWTH)
    assert not answer.refused and answer.short == "农村居民（7.3%）", answer.answer
    assert "4.8%" in answer.answer and "3.3个百分点" not in answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "points_not_rate")
    old = page_assistant.ask(GROWTH)  # the gap read as 农村居民's rate: the wrong winner
    assert "3.3个百分点" in old.answer and not (old.short or "").startswith("农村居民")


def test_gap_against_rate_units(monkeypatch):
    assert gap_against_rate("%", "个百分点") and gap_against_rate("个百分点", "%")
    assert not gap_against_rate("%", "%") and not gap_against_rate("个百分点", "个百分点")
    assert not gap_against_rate("万人次", "个百分点")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "points_not_rate")
    assert not gap_against_rate("%", "个百分点")


def test_a_range_period_is_lent_whole(page_assistant, monkeypatch):
    comparison = parse_comparison("今年1—11月多伦县和正蓝旗谁接待的游客多？")
    assert comparison.side_questions[1].startswith("今年1—11月正蓝旗")
    assert shown_sides(comparison) == ("多伦县", "正蓝旗")
    question = "今年1至10月云岭县和石门县PM2.5浓度哪个更低？"
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short.startswith("云岭县（27.6"), answer.answer
    assert "1至10月云岭县" not in answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "range_period")
    assert parse_comparison("今年1—11月多伦县和正蓝旗谁接待的游客多？").side_questions[1].startswith("11月正蓝旗")
    old = page_assistant.ask(question)  # the side lent only 10月, or named by the range's tail
    assert old.refused or "1至10月云岭县" in old.answer, old.answer


def test_the_mean_of_a_level_is_that_level(page_assistant, monkeypatch):
    answer = page_assistant.ask("今年1至10月云岭县PM2.5浓度是多少？")
    assert not answer.refused and answer.short.startswith("27.6"), answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "average_level")
    assert page_assistant.ask("今年1至10月云岭县PM2.5浓度是多少？").refused


def _side(text: str, sentence: str, figure: str):
    from rag.schema import Answer, Citation

    at = text.index(figure, text.index(sentence))
    cited = Citation(1, "t.txt", None, 1, 0, len(text), text, 1.0, text_answer_start=at, text_answer_end=at + len(figure))
    return Answer(question="", answer=figure, refused=False, citations=(cited,), short=figure, sentence=sentence)


def test_the_last_piece_of_a_list_is_read_with_its_lead(monkeypatch):
    from rag.answer.comparison.answer import _stated_with

    text = "分县看，云岭县城镇新增就业1.26万人，居全州首位；石门县新增0.83万人，青川县新增0.57万人。"
    last = "石门县新增0.83万人，青川县新增0.57万人。"
    assert _stated_with(_side(text, last, "0.83万人")) == text
    longer = "全州就业形势稳定，按要求落实各项政策；" + text  # only the piece right before the ；is read
    assert _stated_with(_side(longer, last, "0.83万人")) == text
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "continued_piece")
    assert _stated_with(_side(text, last, "0.83万人")) == last


def test_a_leading_range_is_no_part_of_the_sides_name(page_assistant):
    assert shown_sides(parse_comparison("前10个月云岭县和石门县哪个城镇新增就业更多？")) == ("云岭县", "石门县")
    answer = page_assistant.ask("前10个月云岭县和东川区哪个城镇新增就业多？")
    assert not answer.refused and answer.short == "云岭县（1.26万人）", answer.answer


def test_a_side_of_the_members_kind_is_that_member(page_assistant):
    # the question says the sides are 景区: 石门湖景区 is the side 石门湖 itself
    answer = page_assistant.ask("今年1—11月石门湖和古城遗址两个景区谁接待的游客多？")
    assert "是石门湖景区的" not in answer.answer, answer.answer
