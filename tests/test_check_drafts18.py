"""Reading a draft's name claims (drafts19, on a page written for these tests, tests/data/drafts19):

- ``speech_verb`` (rag.check.verify): the verb of saying a draft uses for a person's words ("表示", "介绍") is said by the
  article's "说": the name claim is 一致, not 未找到 for want of "表示" — where the article sentence says the claim's place too.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts

PAGE = Path(__file__).parent / "data" / "drafts19"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "drafts19-index")


def test_a_posts_name_said_with_another_verb_of_saying_is_supported(page_assistant):
    report = page_assistant.check("苏桥乡乡长韩立明表示，全乡1200亩农田都能按时灌溉。")
    assert report.verdict == "supported", claim_verdicts(report)
    assert any(c.claim.kind == "name" and c.claim.stated == "韩立明" and c.verdict == "supported" for c in report.claims), claim_verdicts(report)


def test_another_person_after_the_post_is_not_supported(page_assistant):
    report = page_assistant.check("苏桥乡乡长韩立平表示，全乡1200亩农田都能按时灌溉。")
    assert report.verdict != "supported", claim_verdicts(report)


def test_the_post_of_another_place_is_not_let_go(page_assistant):
    # the article's 韩立明 is 苏桥乡's: 河阳乡's 乡长 with another verb of saying is no 一致
    report = page_assistant.check("河阳乡乡长韩立明表示，全乡1200亩农田都能按时灌溉。")
    assert report.verdict != "supported", claim_verdicts(report)
