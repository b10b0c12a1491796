"""A run-on draft: hundreds of dates in one sentence, each of them a claim whose label is that whole sentence.

Reading every such label whole made the check quadratic in the draft's length (7–13 s for 400 dates); labels are
now read for at most ``measure.MAX_LABEL_CHARS`` characters, and each label and each Chinese run is cut once.
Timings are measured in eval/bench_check.py (--runon), not here: these tests assert the verdicts and that the work
is bounded."""
from __future__ import annotations

import pytest

from rag.check import measure

EVENTS = ("开工", "举办招聘会", "召开会议", "通车")


def runon(dates: int) -> str:
    return "，".join(f"{i % 12 + 1}月{i % 28 + 1}日{EVENTS[i % len(EVENTS)]}" for i in range(dates)) + "。"


def _clear():
    measure._tagged_label.cache_clear(), measure._cut_run.cache_clear()


def _verdicts(report):
    return [(c.claim.stated, c.verdict, c.found, c.differs) for c in report.claims]


def test_a_run_on_draft_reads_each_label_within_the_cap(seed_assistant, monkeypatch):
    read = []
    tagged = measure._tagged_label

    def counting(label, drop):
        read.append(len(label))
        return tagged(label, drop)

    _clear()
    monkeypatch.setattr(measure, "_tagged_label", counting)
    draft = runon(400)
    report = seed_assistant.check(draft)
    assert len(report.claims) == 400 and len(draft) > 3 * measure.MAX_LABEL_CHARS
    assert max(read) <= measure.MAX_LABEL_CHARS
    assert tagged.cache_info().misses <= len(report.claims)  # each label is cut once, not once per reader
    assert measure._cut_run.cache_info().misses < 200  # the runs between the dates repeat: each is cut once


def test_the_cap_leaves_the_verdicts_of_a_run_on_draft_unchanged(seed_assistant, monkeypatch):
    draft = "城中区" + runon(150)[:-1] + "，全年新增就业2470人。"
    assert len(draft) > measure.MAX_LABEL_CHARS
    _clear()
    capped = _verdicts(seed_assistant.check(draft))
    monkeypatch.setattr(measure, "MAX_LABEL_CHARS", 10**9)
    _clear()
    try:
        whole = _verdicts(seed_assistant.check(draft))
    finally:
        _clear()
    assert capped == whole and len(capped) == 151
    assert capped[-1][0] == "2470人"  # the figure after the dates is read as its own claim


@pytest.mark.parametrize("label", ["城中区一季度城镇新增就业", "这一平台累计服务企业", "较去年增长"])
def test_measure_words_are_the_same_cached_or_not(label):
    _clear()
    first = (measure.measure_words(label, ("城中区",)), measure.key_words(label, ("城中区",)))
    assert (measure.measure_words(label, ["城中区"]), measure.key_words(label, ["城中区"])) == first  # a list of places too


def test_the_readings_use_the_candidates_figures_of_a_paragraph():
    """One reading of a paragraph's figures (clause by clause, cached per text) for the candidates and the readings:
    read whole, "…为主要方式,672个试点小区" lost 672个 to the ASCII comma before it."""
    from rag.check import candidates, readings

    assert readings._paragraph_figures is candidates._paragraph_figures
    text = "以小区为单元、单独组建为主要方式,672个试点小区普遍建立了党组织。"
    assert "672个" in [row[0].written for row in candidates._paragraph_figures(text)]
