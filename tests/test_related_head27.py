"""Issue 11, helper "para27": a measure the question names in everyday words, read off the figure's own measure word
(rag.answer.related_head, switch ``related_head``).

- "这块牌子现在估值多少钱" asks the 品牌价值 a sentence gives: 估值 keeps the head 值 of 品牌价值, whose modifier 品牌 the
  question says as 牌子 (a word of its 词林 class sharing its character); "签约项目总金额" asks the 签约金额; "考出去的
  大学生毕业了多少人" the 高校毕业生 (毕业 said by the question);
- the modifier tells a measure from its siblings, so a question not saying it stays refused: 产值 is not answered by
  增加值, 门票收入 not by 旅游收入, a brand's 销售额 not by its 品牌价值.
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, same_meaning

paragraph = paragraph_maker("青川茶油品牌价值再创新高")

BRAND = paragraph("经评估，“青川茶油”区域公用品牌价值达到38.6亿元，连续三年位居全省食用油类区域品牌首位。")
BRAND_AFTER = paragraph("在今年的品牌价值评价发布会上，“青川茶油”以38.6亿元的品牌价值位居全省食用油类第一。")
FAIR = paragraph("第三届青川茶油文化节9月8日开幕，现场签约茶油产业项目12个，签约金额23.5亿元。")
INDUSTRY = paragraph("去年青川县工业增加值达到56.2亿元，同比增长6.1%。")
GRADUATES = paragraph("今年青川县生源高校毕业生3260人，截至10月底就业去向落实率为90.2%。")
TOURISM = paragraph("去年青川县唐家河景区接待游客86万人次，实现旅游收入4.3亿元。")


def test_an_everyday_word_for_the_measure_at_the_figure(monkeypatch):
    answer = ask("“青川茶油”这块牌子现在估值多少钱？", BRAND, similarity=same_meaning)
    assert not answer.refused and answer.short == "38.6亿元"
    answer = ask("“青川茶油”这个品牌现在估值多少钱？", BRAND_AFTER, similarity=same_meaning)  # 以…的品牌价值
    assert not answer.refused and answer.short == "38.6亿元"
    answer = ask("第三届青川茶油文化节签约项目总金额是多少？", FAIR, similarity=same_meaning)
    assert not answer.refused and answer.short == "23.5亿元"
    # 大学生 keeps the head 生 of 毕业生, whose modifier 毕业 the question says
    answer = ask("今年青川县本地考出去的大学生毕业了多少人？", GRADUATES, similarity=same_meaning)
    assert not answer.refused and answer.short == "3260人"
    # newsroom_terms (refuse35) reads 牌子估值 as 品牌价值 before this reading is asked: both off
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "related_head,newsroom_terms")
    assert ask("“青川茶油”这块牌子现在估值多少钱？", BRAND, similarity=same_meaning).refused
    assert ask("今年青川县本地考出去的大学生毕业了多少人？", GRADUATES, similarity=same_meaning).refused
    assert ask("第三届青川茶油文化节签约项目总金额是多少？", FAIR, similarity=same_meaning).refused


def test_a_sibling_measure_stays_refused():
    # the modifier unsaid: 增加值 and 旅游收入 are other measures than the ones asked
    assert ask("去年青川县工业产值是多少？", INDUSTRY, similarity=same_meaning).refused
    assert ask("去年青川县唐家河景区门票收入是多少？", TOURISM, similarity=same_meaning).refused
    # 毕业 unsaid: the graduates are not all of the county's students
    assert ask("今年青川县本地有多少大学生？", GRADUATES, similarity=same_meaning).refused
    # the modifier said otherwise (牌子) but another head asked (销售额 is no 品牌价值)
    assert ask("“青川茶油”这块牌子一年的销售额是多少？", BRAND, similarity=same_meaning).refused
