"""Issue 11, helper "para43": the thing a question counts, when the question goes on with its own verb after it
("有几个学生考上了复旦浙大"), is read as the tagger's nouns right after the count word (rag.answer.counted_noun, switch
``counted_noun_by_tagger``): a figure in another count word that names that very thing right after it ("9名学生被…录取")
counts it, so 个 asked is answered by 9名. The page in tests/data/para43/ was written for these tests (no eval row),
read by the real Assistant (real encoder and index)."""
from __future__ import annotations

import pytest
from conftest import answered_until_switched_off, page_assistant_over

from rag.answer.counted_noun import counted_after_count_word, counted_right_after

page_assistant = page_assistant_over("para43")


@pytest.mark.parametrize("question, short", [
    ("青川县去年有几个学生考上了复旦大学？", "9名"),  # 青川县有9名学生被复旦大学、浙江大学录取
    ("青川县今年有多少个乡村教师评上了市级骨干教师？", "23名"),  # 共有23名乡村教师获评市级骨干教师
])
def test_a_count_of_the_asked_thing_in_another_count_word_answers(page_assistant, monkeypatch, question, short):
    answered_until_switched_off(page_assistant, question, short, "counted_noun_by_tagger", monkeypatch)


def test_the_same_count_word_still_answers(page_assistant):
    # 个 asked, 个 given: nothing for the reading to do
    answer = page_assistant.ask("县实验小学新校区设有多少个教学班？")
    assert not answer.refused and answer.short == "36个", answer.answer


def test_another_counted_thing_is_still_refused(page_assistant):
    # the page counts 学生 at 复旦/浙大 and 教师 as 骨干教师, never any 校长
    assert page_assistant.ask("青川县去年有几个校长考上了复旦大学？").refused


def test_the_counted_thing_is_read_from_the_nouns_after_the_count_word():
    assert counted_after_count_word("固原有几个学生考上了清华北大？") == "学生"
    assert counted_after_count_word("能收多少个孩子入托？") == "孩子"
    assert counted_after_count_word("一共要踢多少场？") is None  # nothing counted after the count word
    assert counted_right_after("有14名学生被录取", 3, "名", "学生")
    assert not counted_right_after("有14名，学生被录取", 3, "名", "学生")  # another clause
    assert not counted_right_after("共14吨学生餐", 3, "吨", "学生")  # a measure counts no thing
