"""near24: the question's subject read as a name when a verb follows it ("獐岛渔港改造…": 獐岛渔港), a port of
entry (口岸) as a kind of name, and a station's or port's arrivals against its departures as opposite flows."""
from __future__ import annotations

from rag.answer.near_miss.named import asked_name, other_named
from rag.answer.near_miss.opposite import opposite_measure
from rag.answer.question import analyze_question


def test_name_before_a_verb():
    analysis = analyze_question("獐岛渔港改造已经完成投资多少？")
    assert asked_name(analysis) == "獐岛渔港"
    assert other_named("海洋红渔港改造工程已完成投资3.4亿元", analysis) == "海洋红渔港"
    assert other_named("獐岛渔港改造工程已完成投资3.4亿元", analysis) is None


def test_port_of_entry_is_a_name_but_a_verb_s_an_is_not():
    analysis = analyze_question("珠恩嘎达布其口岸前三季度进出境的中欧班列有多少列？")
    assert asked_name(analysis) == "珠恩嘎达布其口岸"
    assert other_named("前三季度，二连浩特口岸进出境的中欧班列达到2437列", analysis) == "二连浩特口岸"
    assert asked_name(analyze_question("白河县退捕上岸的渔民有多少户？")) != "白河县退捕上岸"


def test_arrivals_are_not_departures():
    asked = analyze_question("今年春运以来曲靖北站累计到达旅客多少万人次？")
    assert opposite_measure("曲靖北站累计发送旅客48.2万人次", asked)
    assert not opposite_measure("曲靖北站累计到达旅客48.2万人次", asked)
    outbound = analyze_question("潮汕机场2025年出港货邮量是多少吨？")
    assert opposite_measure("完成货邮吞吐量3.56万吨", outbound)
    assert not opposite_measure("出港货邮量3.56万吨", outbound)


def test_ordinals_and_reduplicated_measure_words_count_nothing():
    from rag.answer.spans import quantity_spans
    throughput = analyze_question("城陵矶港10月份的集装箱吞吐量是多少？")
    assert quantity_spans("集装箱吞吐量继续居全省港口第1位、长江中游港口第4位。", throughput) == []
    rank = analyze_question("集装箱吞吐量排全省第几位？")
    assert [s.text for s in quantity_spans("集装箱吞吐量居全省第1位", rank)] == ["1位"]
    trucks = analyze_question("静宁县有多少辆冷藏车？")
    assert quantity_spans("一辆辆满载苹果的冷藏车正缓缓驶出", trucks) == []
    assert [s.text for s in quantity_spans("全县有冷藏车120辆", trucks)] == ["120辆"]


def test_an_age_answers_only_an_age():
    from rag.answer.spans import quantity_spans
    sentence = "68岁的居民郭春生患糖尿病已有十多年。"
    assert quantity_spans(sentence, analyze_question("郭春生一年能省下多少看病路费？")) == []
    assert [s.text for s in quantity_spans(sentence, analyze_question("郭春生今年多大岁数？"))] == ["68岁"]


def test_a_span_of_days_is_part_of_the_year_asked():
    from rag.answer.near_miss.whole_period import part_of_whole_period
    asked = analyze_question("根河市2025年全年接待游客多少人次？")
    sentence = "2025年11月1日至2026年2月8日，根河市接待游客46.8万人次，同比增长31.5%；"
    assert part_of_whole_period(sentence, asked) == "11月1日至2026年2月8日"
    assert part_of_whole_period("2025年1月1日至12月31日，根河市接待游客146.8万人次。", asked) is None


def test_town_residents_are_not_country_residents():
    asked = analyze_question("2025年常德全市城镇居民人均可支配收入是多少元？")
    assert opposite_measure("2025年全市农村居民人均可支配收入24816元", asked)
    assert not opposite_measure("2025年全市城镇居民人均可支配收入44816元", asked)
    assert not opposite_measure("全市城镇化率达到58.2%", analyze_question("全市农村居民人均可支配收入是多少？"))
    assert opposite_measure("2025年，全县城乡居民医保参保人数16.3万人", analyze_question("沁水县城镇职工医保参保人数是多少？"))


def test_a_kind_of_place_before_a_verb_is_no_name():
    assert asked_name(analyze_question("湿地公园开张第一天来了多少游客？")) is None
    assert asked_name(analyze_question("淄博北站2025年到达旅客有多少人次？")) == "淄博北站"
