"""Issue 11, helper "refuse36": three readings of questions the answer stage refused though the page states the answer.

- ``head_title`` (rag.answer.everyday_terms): 一把手 / 当家人 of an organization asks the title its kind of organization
  gives its head (局 → 局长, 集团 → 董事长, 合作社 → 理事长, 小学 → 校长, 卫生健康委 → 主任); a 市委 / 党委 / 纪委 (a
  书记) and a 部门 are left as asked;
- ``share_word`` (rag.answer.everyday_terms): 份额 after 占 ("占了多大份额") asks the 比重 a figure in % says;
- ``case_units`` (rag.answer.spans._unit_fit): 起 and 件 both count cases ("收了多少起案子" / "受理案件5.86万件").
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, same_meaning

from rag.answer.everyday_terms import in_article_terms

paragraph = paragraph_maker("青川县经济运行稳中向好")

HEAD = paragraph("“今年我们重点抓项目。”青川县交通运输局局长王立新说，全县新改建农村公路320公里。")
DEPUTY_ONLY = paragraph("青川县交通运输局副局长刘海表示，全县新改建农村公路320公里。")
COOP = paragraph("青川县木耳专业合作社理事长赵春林介绍，合作社今年带动860户农户增收。")


def test_the_head_of_an_organization_is_read_as_its_title(monkeypatch):
    assert in_article_terms("鄂尔多斯市能源局现在的一把手是谁？") == "鄂尔多斯市能源局现在的局长是谁？"
    assert in_article_terms("衢州公交集团的一把手叫什么名字？") == "衢州公交集团的董事长叫什么名字？"
    assert in_article_terms("延川县秦晋杂粮专业合作社的当家人是谁？") == "延川县秦晋杂粮专业合作社的理事长是谁？"
    assert in_article_terms("滨湖新区第一小学的一把手是谁？") == "滨湖新区第一小学的校长是谁？"
    assert in_article_terms("市卫生健康委的一把手是谁？") == "市卫生健康委的主任是谁？"
    assert in_article_terms("荆阳高新区管委会的一把手是谁？") == "荆阳高新区管委会的主任是谁？"
    assert in_article_terms("省文化和旅游厅的一把手厅长叫什么名字？") == "省文化和旅游厅的厅长叫什么名字？"
    # a party committee is headed by a 书记, a 部门 by any title: left as asked
    for asked in ("市委的一把手是谁？", "县纪委的一把手是谁？", "负责老旧小区改造的市住建部门，一把手叫什么名字？"):
        assert in_article_terms(asked) == asked
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "head_title")
    assert in_article_terms("鄂尔多斯市能源局现在的一把手是谁？") == "鄂尔多斯市能源局现在的一把手是谁？"


def test_the_head_is_answered_and_a_deputy_is_not(monkeypatch):
    answer = ask("青川县交通运输局的一把手是谁？", HEAD, similarity=same_meaning)
    assert not answer.refused and answer.short == "王立新", answer.answer
    answer = ask("青川县木耳专业合作社的当家人是谁？", COOP, similarity=same_meaning)
    assert not answer.refused and answer.short == "赵春林", answer.answer
    # a 副局长 is no 一把手
    assert ask("青川县交通运输局的一把手是谁？", DEPUTY_ONLY, similarity=same_meaning).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "head_title")
    assert ask("青川县木耳专业合作社的当家人是谁？", COOP, similarity=same_meaning).refused


SHARE = paragraph("前三季度，全县高技术制造业增加值增长12.3%，占规模以上工业增加值的比重为14.9%。")
CASES = paragraph("前11个月，青川县两级法院共受理各类案件5860件，审结5410件。")


def test_a_share_asked_as_fen_e_is_the_proportion(monkeypatch):
    assert (in_article_terms("头三个季度，高技术制造业在全县规上工业增加值里占了多大份额？")
            == "头三个季度，高技术制造业在全县规上工业增加值里占了多大比重？")
    assert in_article_terms("虞城县的钢卷尺产量在全世界占多大份额？") == "虞城县的钢卷尺产量在全世界占多大比重？"
    # 份额 named as a thing (市场份额), not asked after 占, is left as asked
    assert in_article_terms("青川木耳的市场份额是多少？") == "青川木耳的市场份额是多少？"
    answer = ask("头三个季度，高技术制造业在全县规上工业增加值里占了多大份额？", SHARE, similarity=same_meaning)
    assert not answer.refused and answer.short == "14.9%", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "share_word")
    assert ask("头三个季度，高技术制造业在全县规上工业增加值里占了多大份额？", SHARE, similarity=same_meaning).refused


def test_cases_counted_in_qi_are_answered_in_jian(monkeypatch):
    answer = ask("青川县两级法院前11个月一共收了多少起案子？", CASES, similarity=same_meaning)
    assert not answer.refused and answer.short == "5860件", answer.answer
    # another period asked stays refused
    assert ask("青川县两级法院去年一共收了多少起案子？", CASES, similarity=same_meaning).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "case_units")
    assert ask("青川县两级法院前11个月一共收了多少起案子？", CASES, similarity=same_meaning).refused
