"""Issue 11, twenty-sixth round (helper "cmp26"): how one side of a comparison is completed from the other.

- "省内游客比省外多多少": the scope set against 省内/市内 (省外, 市外, 境外) is a side's own scope; the side borrows no
  省内 from the other, and a bare 省外 takes the other's words with its own scope in the counterpart's place
  (switch scope_outside);
- "城镇居民人均可支配收入比农村居民高多少": a side ending as the other's opening head does (…居民, …声环境) is that
  head's parallel, measured by what follows the head; the long side borrows nothing from it (switch parallel_head).
The page (tests/data/cmp26/) and the questions are written for this test, not taken from the eval data."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.comparison import DIFFERENCE, WHICH, parse_comparison


page_assistant = page_assistant_over("cmp26")


def test_a_scope_set_against_another_is_the_sides_own(monkeypatch):
    comparison = parse_comparison("去年全市省内游客比省外多多少万人次？")
    assert comparison is not None and comparison.asks == DIFFERENCE
    assert comparison.side_questions == ("去年全市省内游客多少万人次", "去年全市省外游客多少万人次")
    comparison = parse_comparison("去年市内的快递量和市外的哪个多？")
    assert comparison is not None and comparison.asks == WHICH
    assert comparison.side_questions[1] == "去年市外的快递量多少"
    comparison = parse_comparison("境外游客和境内游客哪个多？")
    assert comparison is not None and comparison.side_questions == ("境外游客多少", "境内游客多少")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "scope_outside")
    old = parse_comparison("去年市内的快递量和市外的哪个多？")
    assert old is None or "市内" in old.side_questions[1]


def test_a_scope_set_against_another_answers(page_assistant, monkeypatch):
    answer = page_assistant.ask("去年全市省内游客比省外多多少万人次？")
    assert not answer.refused and answer.short == "430万人次"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "scope_outside")
    assert page_assistant.ask("去年全市省内游客比省外多多少万人次？").short != "430万人次"


def test_a_parallel_head_takes_the_measure_after_the_others_head(monkeypatch):
    comparison = parse_comparison("2025年城镇居民人均可支配收入比农村居民高多少元？")
    assert comparison is not None and comparison.asks == DIFFERENCE and comparison.measure == "人均可支配收入"
    assert comparison.side_questions == ("2025年城镇居民人均可支配收入多少元", "2025年农村居民人均可支配收入多少元")
    comparison = parse_comparison("梧州道路交通声环境昼间平均等效声级比城市区域声环境高多少分贝？")
    assert comparison is not None
    assert comparison.side_questions[1] == "梧州城市区域声环境昼间平均等效声级多少分贝"
    # no head of its own: 汽车 is what 全国汽车司机 drive, not a parallel of it
    comparison = parse_comparison("2025年全国汽车司机比汽车多多少？")
    assert comparison is None or comparison.side_questions[1] != "2025年汽车司机多少"
    # a place before the head is lent to the parallel head; a short kind noun after the head is no measure
    comparison = parse_comparison("城中区线下招聘活动比线上网络招聘多来了多少家企业？")
    assert comparison is not None and comparison.side_questions[1] == "城中区线上网络招聘多少家企业"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "parallel_head")
    old = parse_comparison("2025年城镇居民人均可支配收入比农村居民高多少元？")
    assert old is None or old.side_questions[1] != "2025年农村居民人均可支配收入多少元"


def test_a_parallel_head_answers(page_assistant, monkeypatch):
    question = "城镇居民人均可支配收入和农村居民哪个多？"
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == "城镇居民人均可支配收入（48620元）"
    assert "23150元" in answer.answer
    assert page_assistant.ask("城镇居民人均可支配收入比农村居民高多少？").short == "25470元"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "parallel_head")
    old = page_assistant.ask(question)
    assert "23150元" not in old.answer


def test_a_period_pointed_at_dates_both_sides(monkeypatch):
    question = "这个雪季翠云和金顶两家雪场，哪家接待的滑雪者多？多了多少？"
    comparison = parse_comparison(question)
    assert comparison is not None and comparison.asks == WHICH and comparison.sides == ("翠云", "金顶")
    assert comparison.side_questions == ("这个雪季翠云雪场接待的滑雪者多少", "这个雪季金顶雪场接待的滑雪者多少")
    comparison = parse_comparison("这个暑假雾峰和云岭两个景区哪个接待的游客多？")
    assert comparison is not None and comparison.sides == ("雾峰", "云岭")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "this_period")
    assert parse_comparison("这个暑假雾峰和云岭两个景区哪个接待的游客多？").sides[0] != "雾峰"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "side_short_names")
    old = parse_comparison(question)  # 翠云 lent to 金顶, read as a measure: the sides could not be asked apart
    assert old is None or old.side_questions[1] != "这个雪季金顶雪场接待的滑雪者多少"


def test_a_period_pointed_at_answers(page_assistant):
    answer = page_assistant.ask("这个雪季翠云和金顶两家雪场，哪家接待的滑雪者多？多了多少？")
    assert not answer.refused and answer.short == "翠云（52.6万人次），多21.2万人次"


def test_one_word_beside_a_place_is_a_name(page_assistant, monkeypatch):
    question = "遵义和贵阳哪个地区生产总值更高？"
    comparison = parse_comparison(question)
    assert comparison is not None and comparison.sides == ("遵义", "贵阳")
    assert comparison.side_questions == ("遵义生产总值多少", "贵阳生产总值多少")
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == "贵阳（5410.2亿元）"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "name_beside_place")
    old = parse_comparison(question)  # 遵义, tagged a verb, took 贵阳 in front: the sides could not be asked apart
    assert old is None or old.side_questions[0] != "遵义生产总值多少"


def test_a_verb_after_a_direction_of_time_may_hold_another_direction(page_assistant, monkeypatch):
    question = "河西东站和河西南站哪个更早开通高铁？"
    comparison = parse_comparison(question)
    assert comparison is not None and comparison.direction == "早" and comparison.measure == "开通高铁"
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short.startswith("河西东站")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "dated_verb")
    assert parse_comparison(question) is None
