"""A clause repeating only the verb of a parallel clause before it takes that clause's measure (rag.check.parallel_measure)."""
from rag.check.candidates import _paragraph_figures
from rag.check.parallel_measure import elided_measure


def _labels(text: str) -> dict[str, str]:
    return {figure.written: label for figure, label, *_ in _paragraph_figures(text)}


def test_a_clause_repeating_the_verb_takes_the_measure_before():
    labels = _labels("分园区看，东岗园区实现工业总产值126.5亿元，占全区的58.1%；西岗园区实现71.3亿元，增长4.6%。")
    assert "工业总产值" in labels["71.3亿元"]
    assert "工业总产值" in labels["4.6%"]  # the change after it measures the same
    assert elided_measure("西岗园区实现", ["东岗园区实现工业总产值", "占全区的"]) == "工业总产值"


def test_a_clause_with_a_measure_of_its_own_is_left_alone():
    # the earlier clause goes on with a verb, not a measure; this one names its measure
    assert elided_measure("南坪镇茶叶种植面积", ["北坪镇茶叶种植面积稳定在"]) == ""
    # an item of a list after 其中 is no parallel subject's clause
    assert elided_measure("红薯基地", ["全县农产品基地面积达到", "其中茶叶基地"]) == ""
    labels = _labels("东岗园区实现工业总产值126.5亿元；西岗园区实现税收9.2亿元。")
    assert "工业总产值" not in labels["9.2亿元"]


def test_the_switch_turns_it_off(monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "parallel_measure")
    assert elided_measure("西岗园区实现", ["东岗园区实现工业总产值"]) == ""
