"""Near misses and paraphrases of the ninth session (issue 11, helper refuse10), on sentences written for these
tests in the articles' style: a figure of a neighbouring place of the asked one's level, of another edition or
batch (第三届 for 第二届), or per unit of measure (每公斤) does not answer; a noun the paragraph says in its long form
(电动自行车 for 电动车) is said for all its sentences. Each reading is switched off (RAG_ANSWER_ABLATE) to show the
test fails without it."""
from __future__ import annotations

from rag.answer import extract_answer
from rag.schema import Paragraph

from test_extract import ranked

TITLE = "清河区12345热线年度报告发布"


def paragraph(text: str, number: int = 1, title: str = TITLE, source: str = "910_test.txt") -> Paragraph:
    return Paragraph(source=source, number=number, text=text, start=0, end=len(text), title=title, raw=text)


STREETS = paragraph(
    "双桥街道持续推进“接诉即办”，群众满意率逐年提升。"
    "在街道层面，全区12个街乡中，望湖街道全年受理工单1.2万件，居各街乡首位。"
)


def test_a_neighbouring_street_s_figure_does_not_answer_for_the_asked_street(monkeypatch):
    asked = extract_answer("双桥街道全年受理了多少件工单？", ranked(STREETS))
    assert asked.refused and "文中只有" in asked.answer and "望湖街道" in asked.answer, asked.answer
    own = extract_answer("望湖街道全年受理了多少件工单？", ranked(STREETS))
    assert not own.refused and own.short == "1.2万件", own.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "neighbour_place")
    assert extract_answer("双桥街道全年受理了多少件工单？", ranked(STREETS)).short == "1.2万件"


DISTRICTS = paragraph(
    "松山区依托老街布局“书香小巷”阅读点，去年新增阅读点11个。"
    "临江区在江边建成“江畔书房”6家，全年接待读者近40万人次。",
    title="全市城市书房建设提速",
)


def test_a_neighbouring_district_s_figure_does_not_answer_for_the_asked_district(monkeypatch):
    asked = extract_answer("松山区去年接待了多少人次读者？", ranked(DISTRICTS))
    assert asked.refused, asked.answer
    own = extract_answer("临江区全年接待了多少人次读者？", ranked(DISTRICTS))
    assert not own.refused and own.short == "近40万人次", own.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "neighbour_place")
    assert not extract_answer("松山区去年接待了多少人次读者？", ranked(DISTRICTS)).refused


FAIR = paragraph(
    "9月18日至20日，第三届清河草原乳肉产品交易会在河口镇举办，现场签约项目27个，签约金额4.3亿元。",
    title="清河草原乳肉产品交易会闭幕",
)


def test_another_edition_of_an_event_does_not_answer_for_the_asked_one(monkeypatch):
    asked = extract_answer("第二届清河草原乳肉产品交易会签约金额是多少？", ranked(FAIR))
    assert asked.refused, asked.answer
    own = extract_answer("第三届清河草原乳肉产品交易会签约金额是多少？", ranked(FAIR))
    assert not own.refused and own.short == "4.3亿元", own.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "ordinal_series")
    assert extract_answer("第二届清河草原乳肉产品交易会签约金额是多少？", ranked(FAIR)).short == "4.3亿元"


TEA = paragraph(
    "今年春茶季，白云茶叶专业合作社统一品牌销售，春茶毛茶价格由成立之初的每公斤400元提高到每公斤1600元。",
    title="白云村古茶飘香",
)


def test_a_price_per_kilogram_is_no_sales_figure(monkeypatch):
    asked = extract_answer("白云茶叶专业合作社今年春茶销售额是多少？", ranked(TEA))
    assert asked.refused and "每公斤" in asked.answer, asked.answer
    # a price asked by its unit of measure is answered by it
    price = extract_answer("白云茶叶专业合作社的春茶毛茶一公斤卖多少钱？", ranked(TEA))
    assert not price.refused and "每公斤" in price.sentence, price.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "rate_units")
    assert not extract_answer("白云茶叶专业合作社今年春茶销售额是多少？", ranked(TEA)).refused


CHARGING = paragraph(
    "2025年，八角街道通过12345热线共收到电动自行车充电难相关诉求1260件。"
    "街道城市管理办公室梳理出诉求集中的19个老旧小区。"
    "街道与两家充电运营企业合作，在空地和车棚内新建充电桩位2150个，总投资约320万元。",
    title="八角街道破解充电难",
)


def test_a_short_form_the_paragraph_says_in_full_is_said_for_its_other_sentences(monkeypatch):
    asked = extract_answer("八角街道给电动车新建了多少个充电位？", ranked(CHARGING))
    assert not asked.refused and asked.short == "2150个", asked.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "paragraph_wording")
    assert extract_answer("八角街道给电动车新建了多少个充电位？", ranked(CHARGING)).refused
