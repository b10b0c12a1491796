"""The check stage's readings folded together (helper "fold29", issue 10: one general mechanism for one idea).

- rag.check.told_together reads a draft figure beside the others of its sentence, over one notion of its siblings
  (``_decided_siblings``: the other claims of the same draft sentence that were decided): left 未找到, in the paragraphs that
  decided them (switch ``sibling_hits``, once rag.check.sibling_hits), then in the article sentence that confirmed one of
  them (switch ``told_together``). A figure of another draft sentence is no sibling, for either reading.
- A roundup's item names its place alone (rag.check.parallel_measure.bare_item, rag.check.own_subject._bare_item): both read
  a place with a scope or pointer word anywhere in it (``NOT_A_PLACE_NAME``: "居全市", "覆盖全县") as no item's place.
Tested on a page written for these tests (tests/data/fold29/)."""
from __future__ import annotations

from conftest import claim_verdicts, page_assistant_over
from test_check_claims14 import _check_with_one_clause_unfound  # (the search for one clause finding nothing)


page_assistant = page_assistant_over("fold29")


def test_a_figure_is_read_beside_its_sentences_others(page_assistant, monkeypatch):
    text = "上半年云岭县接待游客152.3万人次，旅游收入约十亿元。"
    report = _check_with_one_clause_unfound(page_assistant, text, "十亿元")
    assert [c.verdict for c in report.claims] == ["supported", "supported"], claim_verdicts(report)
    assert report.claims[1].found == "10.4亿元"
    for off in ("told_together", "sibling_hits"):  # each reading alone finds it
        monkeypatch.setenv("RAG_CHECK_ABLATE", off)
        report = _check_with_one_clause_unfound(page_assistant, text, "十亿元")
        assert report.claims[1].verdict == "supported", (off, claim_verdicts(report))
    monkeypatch.setenv("RAG_CHECK_ABLATE", "sibling_hits,told_together")
    report = _check_with_one_clause_unfound(page_assistant, text, "十亿元")
    assert report.claims[1].verdict == "not_found", claim_verdicts(report)


def test_a_figure_of_another_sentence_is_no_sibling(page_assistant):
    text = "上半年云岭县接待游客152.3万人次。旅游收入约十亿元。"
    report = _check_with_one_clause_unfound(page_assistant, text, "十亿元")
    assert report.claims[0].verdict == "supported", claim_verdicts(report)
    assert report.claims[1].verdict == "not_found", claim_verdicts(report)


def test_a_wrong_figure_beside_a_confirmed_sibling_is_not_supported(page_assistant):
    report = _check_with_one_clause_unfound(page_assistant, "上半年云岭县接待游客152.3万人次，旅游收入约十六亿元。", "十六亿元")
    assert report.claims[1].verdict != "supported", claim_verdicts(report)


def test_the_siblings_are_the_decided_claims_of_the_same_sentence(page_assistant):
    from rag.check.told_together import _decided_siblings

    text = "上半年云岭县接待游客152.3万人次，旅游收入约十亿元。上半年完成投资61.5亿元。"
    report = _check_with_one_clause_unfound(page_assistant, text, "十亿元")
    claims = [c.claim for c in report.claims]
    verdicts = [(c, ()) for c in report.claims]  # (a CheckedClaim has the verdict a Verdict has)
    siblings = [other.stated for other, _, _ in _decided_siblings(claims[1], claims, verdicts)]
    assert siblings == ["152.3万人次"], claim_verdicts(report)


def test_a_place_with_a_scope_word_in_it_is_no_items_place():
    from rag.check.own_subject import _bare_item
    from rag.check.parallel_measure import bare_item

    for words in ("增速居全市", "居各县", "覆盖全县", "目前全市"):
        assert _bare_item("石坪县规模以上工业增加值增长8.4%，" + words) is None, words
        assert bare_item(words, ["石坪县规模以上工业增加值增长"]) is None, words
    assert _bare_item("石坪县规模以上工业增加值增长8.4%，居全市首位；云岭县为") == ("云岭县", "云岭县为")
    assert bare_item("云岭县为", ["石坪县规模以上工业增加值增长"]) == ("云岭县", "规模以上工业增加值增长")


def test_a_roundups_item_is_still_read_by_its_leads_measure(page_assistant):
    report = page_assistant.check("上半年云岭县规模以上工业增加值增长7.9%。")
    assert report.verdict == "supported", claim_verdicts(report)
    report = page_assistant.check("上半年青川区规模以上工业增加值增长7.9%。")
    assert report.verdict == "contradicted", claim_verdicts(report)
