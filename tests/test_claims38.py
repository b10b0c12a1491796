"""Session 38, helper claims38: a change told the other way beside its confirmed sibling (``told_flipped``): a 未找到 of the
dev halves turned 不一致 with the article's value (found_correct)."""
from conftest import page_assistant_over, verdicts_and_found


# --- on a page written for these tests, with the real encoder and index ---------------------------------------------
page_assistant = page_assistant_over("claims38")


# --- told_flipped ----------------------------------------------------------------------------------------------------
def test_a_change_told_the_other_way_beside_its_sibling(page_assistant, monkeypatch):
    text = "今年全市夏粮产量21.6万吨，同比增长3.4%。"
    assert verdicts_and_found(page_assistant, text) == [("supported", "21.6万吨"), ("contradicted", "下降3.4%")]
    # (told as claimed, the change is not contradicted; it is left 未找到 as before, its clause words being few)
    assert verdicts_and_found(page_assistant, "今年全市夏粮产量21.6万吨，同比下降3.4%。")[1][0] != "contradicted"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "told_flipped")
    assert verdicts_and_found(page_assistant, text)[1][0] != "contradicted"
