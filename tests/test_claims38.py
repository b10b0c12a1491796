"""Session 38, helper claims38: a change told the other way beside its confirmed sibling (``told_flipped``): a 未找到 of the
dev halves turned 不一致 with the article's value (found_correct)."""
from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts

PAGE = Path(__file__).parent / "data" / "claims38"


# --- on a page written for these tests, with the real encoder and index ---------------------------------------------
@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims38-index")


def _verdicts(assistant, text: str) -> list[tuple]:
    return [(verdict, found) for verdict, found, _ in claim_verdicts(assistant.check(text))]


# --- told_flipped ----------------------------------------------------------------------------------------------------
def test_a_change_told_the_other_way_beside_its_sibling(page_assistant, monkeypatch):
    text = "今年全市夏粮产量21.6万吨，同比增长3.4%。"
    assert _verdicts(page_assistant, text) == [("supported", "21.6万吨"), ("contradicted", "下降3.4%")]
    # (told as claimed, the change is not contradicted; it is left 未找到 as before, its clause words being few)
    assert _verdicts(page_assistant, "今年全市夏粮产量21.6万吨，同比下降3.4%。")[1][0] != "contradicted"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "told_flipped")
    assert _verdicts(page_assistant, text)[1][0] != "contradicted"
