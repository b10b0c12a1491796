"""Comparisons of the thirty-first session (issue 11, helper cmp36), on questions and sentences written for these tests:
- money_measure (dev: fresh26 xoe035 "今年1至10月，全市出口比进口多多少", fresh25 xnc023 "重点项目完成投资，兴隆台区比
  大洼区多多少"): a measure that is itself a sum of money with no 额 said (投资, 出口, 进口, 营收 right before 比, 哪个,
  多多少 or the ，ending a measure said first) is read as a sum named by 额 is: a side answered with a count of things
  (31个 projects, 40多个 countries) takes the sum its clause names after the count ("31个项目完成投资54.7亿元"), or is
  refused; not when a unit is asked ("进口货物整体通关时间比出口多多少小时": 出口 names a side of a time);
- measure_first_side (dev: fresh25 xnc023; the form of fresh13 xrd038, fresh15 xtb017, fresh21 xzd022): a side naming
  only itself after a measure said before both sides ("重点项目完成投资，兴隆台区比大洼区") is asked again, when refused,
  with its name first and the period kept first ("大洼区重点项目完成投资多少"), and a place name the tagger does not
  know is no measure the other side borrows.
- period_then_place (dev: fresh24 xla022 "今年射洪市发放的创业担保贷款比船山区多多少", which did not parse, both sides
  reading "船山区今年射洪市…"; fresh27 xpe036 "1—11月宝塔区招商引资签约金额比子长市多多少", side B "宝塔区1—11月子长市"): a
  place side against one opening with a calendar period, then a place, then the measure takes the other's words with
  its own place, the period first ("今年船山区发放的创业担保贷款"); the side opening so is complete itself; so does a
  body's name (fresh26 xoa040 "去年市中心医院的门急诊量比市中医医院多多少", which did not parse).
Each is checked to go back with its switch off (RAG_ANSWER_ABLATE)."""
from __future__ import annotations

from conftest import hit, paragraph_maker

from rag.answer.compose import citation
from rag.answer.comparison import answer_comparison, parse_comparison
from rag.answer.comparison.answer import _sum_compared
from rag.schema import Answer

PAGE = paragraph_maker("青岚市重点项目建设提速", "projects.txt")


def _side(question: str, text: str, figure: str, number: int) -> tuple[Answer, object]:
    """A side answered with ``figure`` as it stands in the one-sentence paragraph ``text``, and that paragraph's hit."""
    found = hit(PAGE(text, number), 1.0, number, chunk_id=number)
    start = text.index(figure)
    return Answer(question=question, answer=figure, refused=False, short=figure, sentence=text,
                  citations=(citation(1, found, (start, start + len(figure))),)), found


def _asked(question: str, texts_figures) -> Answer:
    comparison = parse_comparison(question)
    read = [_side(q, text, figure, n) for n, (q, (text, figure)) in enumerate(zip(comparison.side_questions, texts_figures), 1)]
    return answer_comparison(question, comparison, (read[0][0], read[1][0]), 0.0, [h for _, h in read])


INVESTED = "重点项目完成投资，东林区比南岗区多多少？"
INVESTED_SIDES = (("东林区31个项目完成投资54.7亿元，居各区县首位。", "31个"),
                  ("南岗区32个项目完成投资48.2亿元，同比增长8.1%。", "32个"))
TRADE = "今年1至10月，全市出口比进口多多少？"
TRADE_SIDES = (("某机床企业产品销往德国、巴西等40多个国家和地区，成为全市出口第一大户。", "40多个"),
               ("进口商品城累计引进进口商品来源国（地区）86个，年内还将新增一批。", "86个"))


def test_a_measure_that_is_a_sum_of_money_is_compared_as_a_sum():
    for question in (INVESTED, TRADE, "东林县和南岗县去年城市建设投资哪个多？", "东林公司和南岗公司去年营收哪个高？"):
        assert _sum_compared(question, parse_comparison(question)), question
    # a unit asked says the measure (a time); 出口量 is a quantity; 招商引资 may count projects
    for question in ("青岚关区进口货物整体通关时间比出口多多少小时？", "东林县和南岗县的出口量哪个多？",
                     "东林区和南岗区去年招商引资哪个多？"):
        assert not _sum_compared(question, parse_comparison(question)), question


def test_a_count_answering_a_sum_takes_the_sum_its_clause_names_after_it():
    answer = _asked(INVESTED, INVESTED_SIDES)
    assert not answer.refused, answer.answer
    assert answer.short == "6.5亿元" and "54.7亿元" in answer.answer and "48.2亿元" in answer.answer, answer.answer


def test_a_count_with_no_sum_after_it_answers_no_sum():
    answer = _asked(TRADE, TRADE_SIDES)
    assert answer.refused and "个数" in answer.answer, answer.answer


def test_switched_off_the_counts_are_compared(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "money_measure")
    assert not _sum_compared(INVESTED, parse_comparison(INVESTED))
    answer = _asked(TRADE, TRADE_SIDES)
    assert not answer.refused and answer.short.endswith("个"), answer.answer
    assert _asked(INVESTED, INVESTED_SIDES).short != "6.5亿元"


def test_a_side_after_a_measure_said_first_is_asked_again_with_its_name_first():
    comparison = parse_comparison(INVESTED)
    assert "南岗区重点项目完成投资多少" in comparison.alternatives[1], comparison.alternatives
    assert "东林区重点项目完成投资多少" in comparison.alternatives[0], comparison.alternatives
    # the period the measure said first opens stays first
    comparison = parse_comparison("去年城镇新增就业，东林区比南岗区多多少？")
    assert "去年南岗区城镇新增就业多少" in comparison.alternatives[1], comparison.alternatives
    # a period alone before both sides is no measure said first
    comparison = parse_comparison("今年1至10月，东林区比南岗区的出口多多少？")
    assert not any(q.startswith("东林区今年") or q.startswith("南岗区今年") for q in sum(comparison.alternatives, ())), comparison


def test_a_place_name_the_tagger_does_not_know_is_no_measure_borrowed():
    comparison = parse_comparison("重点项目完成投资，兴隆台区比大洼区多多少？")
    assert "大洼区" not in (comparison.measure or ""), comparison


def test_switched_off_the_side_is_not_asked_again(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "measure_first_side")
    comparison = parse_comparison(INVESTED)
    assert not any("区重点项目完成投资" in q for q in sum(comparison.alternatives, ())), comparison.alternatives


# --- period_then_place: a place side against one opening with a period, then a place, then the measure ------------
def test_a_place_side_takes_the_other_words_with_its_own_place_after_the_period():
    # (the tagger reads 射洪 as a verb, 东林区 and 白塔区 as no place the other side's name is parallel to)
    comparison = parse_comparison("今年射洪市发放的创业担保贷款比南岗区多多少？")
    assert comparison is not None
    assert comparison.side_questions == ("今年射洪市发放的创业担保贷款多少", "今年南岗区发放的创业担保贷款多少"), comparison
    comparison = parse_comparison("1—11月东林区招商引资签约金额比南岗县多多少？")
    assert comparison.side_questions[1] == "1—11月南岗县招商引资签约多少钱", comparison
    comparison = parse_comparison("1—11月白塔区招商引资签约金额比清水市多多少？")
    assert comparison.side_questions[1] == "1—11月清水市招商引资签约多少钱", comparison


def test_a_period_word_or_a_scenic_spot_is_no_place_to_swap():
    # "暑期|盘州" is no place; a scenic spot (…景区) names no place of a level
    comparison = parse_comparison("今年暑期青州古城和白石山景区，哪个来的游客多？")
    assert comparison is None or not any("白石山景区古城" in q for q in comparison.side_questions), comparison


def test_switched_off_the_place_is_not_swapped(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "period_then_place")
    assert parse_comparison("今年射洪市发放的创业担保贷款比南岗区多多少？") is None
    comparison = parse_comparison("1—11月白塔区招商引资签约金额比清水市多多少？")
    assert comparison.side_questions[1] != "1—11月清水市招商引资签约多少钱", comparison
    comparison = parse_comparison("去年市第一医院的门急诊量比市妇幼保健院多多少？")
    assert comparison is None or comparison.side_questions[1] != "去年市妇幼保健院的门急诊量多少", comparison


def test_a_body_side_takes_the_other_words_with_its_own_name_after_the_period():
    # "去年市中心医院的门急诊量比市中医医院多多少" (dev fresh26 xoa040) did not parse: a body of the city, not a place
    comparison = parse_comparison("去年市第一医院的门急诊量比市妇幼保健院多多少？")
    assert comparison is not None
    assert comparison.side_questions[1] == "去年市妇幼保健院的门急诊量多少", comparison
