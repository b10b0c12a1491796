"""Session 16 near misses (issue 11, helper near20), on sentences written for these tests: a township's neighbour of
another township word (街道 beside 镇) and a town whose name opens with a reference character (那林镇) give the
neighbour's figure; a hospital or court asked is not answered by a clause opening with another (named_kind reads
institutions); one year asked is not answered by a sum over several years (三年来共招聘); one side of a flow asked is
not answered by both together (进出口额). Each refusal says what the text gives and goes away with its switch off
(RAG_ANSWER_ABLATE); the asked one's own figure still answers. Also: the late near-miss checks are one list."""
from __future__ import annotations

import pytest

from conftest import ask, paragraph_maker

paragraph = paragraph_maker(title="青禾县经济运行稳中有进", source="993_test.txt")

STREET = "柳河镇新建标准化茶园1200亩。白沙街道食品企业实现产值41.2亿元，同比增长9.6%，增速居全县各镇（街道）首位。"
THAT_TOWN = "柳河镇新建标准化茶园1200亩。2025年，那溪镇茶叶产值达到2.7亿元，占全镇农业总产值的三成。"
CLINIC = "石门卫生院院长王建国告诉记者，卫生院去年门诊量达到3.8万人次，比前年增长两成。"
COURT = "其中，河口人民法庭全年受理案件530件，诉前化解纠纷312件，化解率居全县首位。"
YEARS = "为此，县里从2022年开始实施定向培养，三年来共招聘乡村教师56名，并发放交通补助。"
TRADE = "上半年，青禾县跨境电商进出口额为3.2亿元，同比增长15.1%。"

# the asked place or institution said with another measure in the paragraph before, as news pages do (else no passage
# names it)
COMPANION = "柳河镇今年新建标准化茶园1200亩，柳河人民法庭新设巡回审判点3个，青禾县人民医院新增床位200张。"

CASES = [
    ("township_level", "柳河镇食品企业产值同比增长了多少？", STREET, "9.6%"),
    ("reference_names", "柳河镇去年茶叶产值是多少？", THAT_TOWN, "2.7亿元"),
    ("institution_kind", "青禾县人民医院去年门诊量是多少人次？", CLINIC, "3.8万人次"),
    ("institution_kind", "柳河人民法庭去年诉前化解纠纷多少件？", COURT, "312件"),
    ("years_span", "青禾县今年招聘了几名乡村教师？", YEARS, "56名"),
    ("both_sides", "青禾县上半年跨境电商出口额是多少？", TRADE, "3.2亿元"),
]


@pytest.mark.parametrize("switch,question,text,given", CASES, ids=[c[0] for c in CASES])
def test_the_near_miss_is_refused_saying_what_the_text_gives(monkeypatch, switch, question, text, given):
    passages = (paragraph(text, number=2), paragraph(COMPANION))
    answer = ask(question, *passages)
    assert answer.refused, answer.answer
    assert "文中只有" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    off = ask(question, *passages)
    assert not off.refused, off.answer
    assert off.short == given


@pytest.mark.parametrize("question,text,given", [
    ("白沙街道食品企业产值同比增长了多少？", STREET, "9.6%"),  # the street asked
    ("那溪镇茶叶产值是多少？", THAT_TOWN, "2.7亿元"),  # the town asked
    ("河口人民法庭去年诉前化解纠纷多少件？", COURT, "312件"),
    ("青禾县今年招聘了几名乡村教师？", "三年来共招聘乡村教师56名，其中今年招聘乡村教师18名。", "18名"),  # the year's own
    ("青禾县三年来一共招聘了几名乡村教师？", YEARS, "56名"),  # the span asked
    ("青禾县跨境电商进出口额是多少？", TRADE, "3.2亿元"),  # both asked
])
def test_the_asked_ones_own_figure_still_answers(question, text, given):
    answer = ask(question, paragraph(text))
    assert not answer.refused, answer.answer
    assert answer.short == given


def test_reference_words_and_names():
    from rag.answer.near_miss.place import reference_opening

    for reference in ("该镇", "全市", "各乡镇", "各县区", "这座港区", "我县"):
        assert reference_opening(reference), reference
    for name in ("那林镇", "本溪市", "当阳市"):
        assert not reference_opening(name), name


def test_a_verb_or_bare_character_is_no_institution():
    from rag.answer.near_miss.named import asked_name, other_named
    from rag.answer.question import analyze_question

    analysis = analyze_question("青禾县人民医院的院长是谁？")
    assert asked_name(analysis) == "青禾县人民医院"
    assert other_named("院长李明介绍，新院区开设五大中心，年门诊能力可达85万人次。", analysis) is None
    assert other_named("平均住院日由7.8天缩短到7.1天", analyze_question("青禾县人民医院病人平均住几天院？")) is None


def test_the_late_checks_are_one_list_run_once(monkeypatch):
    from rag.answer import pipeline

    calls = []

    def counting(name, check):
        def run(candidate, analysis):
            calls.append(name)
            return check(candidate, analysis)
        return name, run

    monkeypatch.setattr(pipeline, "LATE_CHECKS", tuple(counting(n, c) for n, c in pipeline.LATE_CHECKS))
    answer = ask("柳河镇食品企业产值同比增长了多少？", paragraph(STREET, number=2), paragraph(COMPANION))
    assert answer.refused
    names = [n for n, _ in pipeline.LATE_CHECKS]
    # each check ran at most once per candidate: the first to refuse ends the list, its result is reused
    assert calls and all(calls.count(n) <= calls.count(names[0]) for n in names)
    assert "other_of_kind" in calls and "whole_for_part" not in calls
