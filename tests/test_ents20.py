"""Issue 11, twentieth round (helper "ents20"): questions in the user's own words refused for a name the
passages never say (jieba's guesses: a classifier after 多少 read as a surname, words run across their
boundary, an office said short), or for no figure or name of the asked kind in the best sentence (a figure in
another count word, a person asked by a word for people, the figure in the next sentence about 她). Cases written
for this test over the page in tests/data/ents20/, not taken from eval data."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.question import PERSON, analyze_question
from rag.answer.name_reading import misread_name
from rag.answer.spans import ranked_spans
from rag.places import pos_cut


page_assistant = page_assistant_over("ents20")


def _misread(question: str) -> list[str]:
    tokens = list(pos_cut(question))
    return [w for k, (w, _) in enumerate(tokens) if misread_name(tokens, k)]


def test_ordinary_words_jieba_reads_as_a_name_are_no_entity(monkeypatch):
    # a classifier right after 多少 counts what follows: it starts no name
    assert "张康" not in analyze_question("东湖区一共有多少张康养床位？").entities
    # words run across their boundary, a noun and the verb after it, a verb and its object
    assert "多拉" not in analyze_question("国庆期间景区一天最多拉了多少游客？").entities
    assert "钱花" not in analyze_question("青山县准备把多大比例的财政钱花在民生上？").entities
    assert "迎客" not in analyze_question("古镇夜市哪天正式开门迎客？").entities
    # real names stay names
    assert analyze_question("陈振林在哪个单位工作？").entities == ("陈振林",)
    assert _misread("陈振林说了什么？") == []
    # the place of "青山人" is what a page must say; an office said short belongs to its place
    assert analyze_question("青山人去年人均读了多少本书？").entities == ("青山",)
    assert analyze_question("东湖区卫健委的负责人是谁？").entities == ("东湖区卫健委",)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "name_reading")
    assert "张康" in analyze_question("东湖区一共有多少张康养床位？").entities


def test_a_word_for_people_before_the_name_cue_asks_a_person():
    assert analyze_question("白沙村的村支书叫什么名字？").kind == PERSON
    assert analyze_question("那家合作社叫什么名字？").kind != PERSON


def test_paraphrases_with_guessed_names_are_answered(page_assistant):
    answer = page_assistant.ask("东湖区去年新建了多少张康养床位？")
    assert not answer.refused and "1320张" in answer.answer


def test_a_person_asked_by_a_word_for_people(page_assistant):
    answer = page_assistant.ask("白沙村的村支书叫什么名字？")
    assert not answer.refused and "郑海川" in answer.answer


def test_a_figure_in_another_count_word_for_the_asked_thing(page_assistant, monkeypatch):
    # the span finder: the word before the figure ends in the asked thing's head (案 of 案子, 单 of 报修单)
    analysis = analyze_question("法官人均办结了多少个案子？")
    assert [s.text for s, _, _ in ranked_spans("法官人均结案265件，比上年增加18件。", analysis)][:1] == ["265件"]
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "counted_head")
    assert ranked_spans("法官人均结案265件，比上年增加18件。", analysis) == []
    monkeypatch.delenv("RAG_ANSWER_ABLATE")
    analysis = analyze_question("去年热线一共接到了多少张供水报修单？")
    assert [s.text for s, _, _ in ranked_spans("其中供水报修工单1.12万件，办结率达99.2%。", analysis)][:1] == ["1.12万件"]


def test_the_figure_in_the_sentence_about_her(page_assistant, monkeypatch):
    answer = page_assistant.ask("退休工人刘桂兰差点被骗走多少钱？")
    assert not answer.refused and "28万元" in answer.answer
