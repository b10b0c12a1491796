"""Finding the claims of a draft (drafts19, on a page written for these tests, tests/data/drafts19):

- ``title_name`` (rag.check.claims): more posts before a person's name ("联合社理事长贺长山介绍", "校长是…") make a name
  claim, and the person's name is no place even where jieba reads part of it as one (长山, 长海: counties).
- ``speech_verb`` (rag.check.verify): the verb of saying a draft uses for a person's words ("表示", "介绍") is said by the
  article's "说": the name claim is 一致, not 未找到 for want of "表示".
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts
from rag.check.claims import find_claims

PAGE = Path(__file__).parent / "data" / "drafts19"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "drafts19-index")


def _claims(text):
    return [(c.kind, c.stated, c.places) for c in find_claims(text)[0]]


def test_more_posts_name_a_person_who_is_no_place():
    claims = _claims("在河口镇，丰收农机专业合作社理事长王长海介绍，这家合作社今年代耕土地1.2万亩。")
    assert ("name", "王长海", ("河口镇",)) in claims, claims
    assert all("长海" not in places for _, _, places in claims), claims
    assert ("name", "李文华", ()) in _claims("这所中学的校长是李文华。")


def test_a_posts_name_said_with_another_verb_of_saying_is_supported(page_assistant):
    report = page_assistant.check("苏桥镇镇长韩立明表示，全镇1200亩农田都能按时灌溉。")
    assert report.verdict == "supported", claim_verdicts(report)
    report = page_assistant.check("苏桥镇种粮大户联合社理事长贺长山介绍，联合社今年托管土地3800亩。")
    assert report.verdict == "supported", claim_verdicts(report)
    assert any(c.claim.kind == "name" and c.claim.stated == "贺长山" for c in report.claims), claim_verdicts(report)


def test_another_person_after_the_post_is_not_supported(page_assistant):
    report = page_assistant.check("苏桥镇镇长韩立平表示，全镇1200亩农田都能按时灌溉。")
    assert report.verdict != "supported", claim_verdicts(report)
