"""Fact checking of drafts, helper "drafts27" (issue 10): the figures of one draft sentence are told by one article sentence
(told_together). "全院通过诉前调解成功化解纠纷6318件，同比增长12.4%" says its subject once for both figures; the article tells
them in one sentence ("2025年，青松县人民法院通过诉前调解成功化解纠纷6318件，同比增长12.4%，…；全院新收…"), where 全院 stands
beside another figure: once 12.4% is 一致 there, 6318件 is read in that sentence too and is 一致, its very value being stated
in a clause naming its measure. A wrong value, or a value of another item of the article sentence, is never 一致. With the
switch off, the old 未找到. Tested on a page written for these tests (tests/data/drafts27/)."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("drafts27")


def _verdicts(report) -> dict[str, str]:
    return {c.claim.stated: c.verdict for c in report.claims}


def test_a_figure_is_read_in_the_sentence_that_told_its_sibling(page_assistant, monkeypatch):
    draft = "全院通过诉前调解成功化解纠纷6318件，同比增长12.4%。"
    report = page_assistant.check(draft)
    assert _verdicts(report) == {"6318件": "supported", "12.4%": "supported"}, claim_verdicts(report)
    assert "12.4%" in report.claims[0].reason  # the reason names the figure it was told beside
    monkeypatch.setenv("RAG_CHECK_ABLATE", "told_together")
    assert _verdicts(page_assistant.check(draft))["6318件"] == "not_found"


@pytest.mark.parametrize("draft, wrong", [
    ("全院通过诉前调解成功化解纠纷6138件，同比增长12.4%。", "6138件"),  # a value the sentence does not state
    ("本届县运会共有36支代表队、900余名运动员参赛。", "900余名"),
    ("全县新增老年食堂42个，全年助餐服务超过18万人次。", "42个"),  # the value of the list's other item (社区养老服务站)
    ("全县新增社区养老服务站57个，全年助餐服务超过18万人次。", "57个"),  # ... the other way round
    ("该项目配套建设15座节制闸、34座泵站。", "34座"),  # the 34 of the sentence are 分水闸, 个
    ("青松县跨省异地就医直接结算金额1.62亿元，同比增长24.1%。", "24.1%"),  # 分别: the 24.1% are the 人次's
    ("青松县玉米收购价格在每公斤1.05元至1.10元之间。", "1.05元"),  # one clause: read with its co-figure, not told by it
])
def test_a_wrong_value_beside_a_confirmed_one_is_not_told(page_assistant, draft, wrong):
    report = page_assistant.check(draft)
    assert _verdicts(report)[wrong] != "supported", claim_verdicts(report)


def test_values_swapped_between_their_measures_are_not_told(page_assistant):
    report = page_assistant.check("青松县白石河灌区改造项目新建干渠9.3公里、支渠4.6公里。")
    assert "supported" not in _verdicts(report).values(), claim_verdicts(report)
