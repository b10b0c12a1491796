"""The article's terms for everyday words of a question, added to the keyword leg's query (switch ``retrieval_terms``).

An asker says what a news report states in its own fixed terms in everyday words: 新上牌 for 新注册登记, 平均每人 for 人均, 住了一晚以上 for 过夜, 看病 / 接诊 for 诊疗. BM25 finds no word of the term in the
question, so the paragraph stating the figure is found by the dense leg alone, and the place and period words the
question shares with every paragraph of the article push it out of the top five (session 37, helper retr37: of the 187 dev-half paraphrase
questions whose evidence paragraph missed the top five, 95 asked in such words).

``article_reading`` puts a question's everyday words in the article's terms; the retriever adds the reading's new tokens
to the keyword query, and a candidate's coverage of the question is the better of the two wordings' (the question's own
tokens stay, and the answer stage still reads the question as asked). A draft's claim is looked up as written (``Assistant.check``
searches with ``everyday_terms=False``): a reporter writes the article's terms, and the claim stage reads no everyday
words, as ``in_article_terms`` is the answer stage's alone. Every entry is general news vocabulary, asked so in the dev questions of two page sets or more (listed with
each entry). The statistics ``rag.answer.everyday_terms.in_article_terms`` rewrites (经济总量, 看病不出县…) are not read
here: the answer stage retrieves its rewritten question already.

Tried and left out (dev halves, session 37): 卖到国外 / 往国外卖 / 卖到境外 → 出口 (twelve page sets; 16 evidence
paragraphs ranked higher, 5 more in the top five, but with the export paragraphs retrieved the answer stage answered two
refused questions wrong: a company's 出口额 for the city's, fresh8, and the 进出口 growth for the 出口 growth, fresh5;
it needs the answer stage's part-vs-whole guard first, as everyday_terms says), 外国和境外游客 → 入境游客 (three found, but a page saying 境外游客 lost its
first place to 入境), 多少天空气质量 / 空气质量…日子 → 优良天数 (as many paragraphs lost as found), a bare 城里 → 城镇
(城里的暖气管道 and 城里吃低保 mean the city: 城区, 城市低保); reading in_article_terms here too (its questions' evidence
ranked higher in a plain search, but 一把手厅长 lost a first place and the answer stage already retrieves that reading).
"""
from __future__ import annotations

import re

from .answer.settings import ablated

# (everyday words, the article's term): each read in the dev questions of two page sets or more
_TERMS: tuple[tuple[re.Pattern[str], str], ...] = (
    # 新注册登记: "新上牌的车" (fresh, fresh13, fresh14, fresh27, fresh28, fresh29)
    (re.compile(r"上了?牌"), "注册登记"),
    # 人均: "游客平均每人花了多少钱" (fresh19, fresh24), "城里人平均每人一年花了" (fresh21), "农村人平均每人手里" (fresh23)
    (re.compile(r"平均每(?:个)?人"), "人均"),
    # 过夜游客: "住了一晚以上的游客" (fresh9, fresh23, fresh24), "住一晚再走的" (fresh8)
    (re.compile(r"住了?一(?:晚|夜)"), "过夜"),
    # 诊疗人次: "一共看了多少人次的病" (fresh11), "到医院、卫生院看病的一共有多少人次" (fresh21), "接诊了多少人次"
    # (fresh23, fresh29)
    (re.compile(r"接诊|看了?多少人次的?病|看病的|接待了?多少人次看病"), "诊疗"),
    # 执行到位: "法院执行追回来多少钱" (fresh21), "执行回来多少钱" (fresh23), "通过强制执行帮当事人追回了" (fresh29)
    (re.compile(r"执行.{0,8}?(?:追|拿)?回"), "执行到位"),
    # 城镇: "城里人平均每人一年花了" / "宿迁城里居民" (fresh21), "城里新增了多少就业" (fresh29); not the inner city of a
    # name (古城里, 茶城里) nor 城里 as a place (城里的暖气管道, 城里吃低保: 城区, 城市)
    (re.compile(r"(?<![古茶都])城里(?=人|居民|新增)"), "城镇"),
    # 新增: "多出来多少个学位" (fresh24), "多出来多少个座位" (fresh28), "多出了多少个上学名额" (fresh29)
    (re.compile(r"多出(?:来|了)"), "新增"),
    # 原煤产量: "挖了多少煤" (fresh24), "出了多少煤" (fresh26)
    (re.compile(r"(?:挖|出|产)了?多少(?:吨)?煤"), "原煤产量"),
    # 粮食总产量: "一共打了多少粮食" (fresh21), "收获了多少粮食" / "收了多少粮食" (fresh29)
    (re.compile(r"(?:收获|收|打)了?多少(?:吨|斤)?粮食?"), "粮食总产量"),
)


def article_reading(question: str) -> str:
    """``question`` with its everyday words put in the article's terms ("去年衡水新上牌的新能源车有多少辆" →
    "去年衡水新注册登记的新能源车有多少辆"); ``question`` itself when none is said or the switch is off. The retriever adds
    the reading's new tokens to the keyword query and scores a candidate's coverage of the question by the better of
    the two wordings (rag.retrieve)."""
    if not question or ablated("retrieval_terms"):
        return question
    read = question
    for words, term in _TERMS:
        read = words.sub(term, read)
    return read
