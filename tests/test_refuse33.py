"""Issue 11, helper "refuse33": the people a question counts after an action, said at the figure by that action and
a unit of people (rag.answer.counted_people, switch ``counted_people``).

- "出院了多少病人" is answered by "出院9.8万人次", "出生了多少孩子" by "全年出生人口1.69万人": the figure's clause says
  the action, and its unit (人次, 人) counts people, with at most the general word for people (人口) between;
- a clause naming other people at the figure ("接待研学学生…人次" for 多少游客), a figure right after another action
  (门急诊 for 出院), or a unit that counts no people (台) stays refused.
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, same_meaning

from rag.answer.counted_people import counted_by_unit
from rag.answer.question import analyze_question
from rag.answer.spans import best_span

paragraph = paragraph_maker("青川县卫生健康事业稳步发展")

HOSPITAL = paragraph("2025年，青川县人民医院门急诊86.4万人次，出院3.8万人次，完成四级手术1360台。")
BIRTHS = paragraph("2025年，青川县全年出生人口1.69万人，出生率6.48‰。")
STUDENTS = paragraph("2025年，青川县唐家河景区接待研学学生3.2万人次。")
SURGERY = paragraph("2025年，青川县人民医院出院3.8万人次，完成四级手术1360台。")


def test_the_counted_people_said_by_the_action_and_a_unit_of_people(monkeypatch):
    answer = ask("2025年青川县人民医院一共出院了多少病人？", HOSPITAL, similarity=same_meaning)
    assert not answer.refused and answer.short == "3.8万人次"
    answer = ask("2025年青川县一年出生了多少孩子？", BIRTHS, similarity=same_meaning)
    assert not answer.refused and answer.short == "1.69万人"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "counted_people")
    assert ask("2025年青川县人民医院一共出院了多少病人？", HOSPITAL, similarity=same_meaning).refused
    assert ask("2025年青川县一年出生了多少孩子？", BIRTHS, similarity=same_meaning).refused


def test_other_people_or_another_action_stay_refused():
    # the clause names the people it counts (研学学生), not the asked ones
    assert ask("2025年青川县唐家河景区接待了多少游客？", STUDENTS, similarity=same_meaning).refused
    # the action asked is not the one at the figure
    assert ask("2025年青川县人民医院一共住院了多少病人？", HOSPITAL, similarity=same_meaning).refused


def test_the_reading_itself():
    def reads(question: str, sentence: str) -> bool:
        analysis = analyze_question(question)
        span = best_span(sentence, analysis)[0]
        return counted_by_unit(analysis.type_noun or "", sentence, span, analysis)

    assert reads("青川县出院了多少病人？", "青川县人民医院出院3.8万人次。")
    assert reads("青川县一年出生了多少孩子？", "青川县全年出生人口1.69万人。")
    assert not reads("青川县接待了多少游客？", "青川县唐家河景区接待研学学生3.2万人次。")
    assert not reads("青川县出院了多少病人？", "青川县人民医院门急诊86.4万人次。")
    assert not reads("青川县完成了多少手术？", "青川县人民医院完成四级手术1360台。")  # 手术 names no people
