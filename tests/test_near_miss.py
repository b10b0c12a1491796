"""Near misses and everyday question reading (issue 11), on sentences written for these tests:
a figure of another year or of another measure is refused saying what the text gives, and
everyday wording is read for its unit, kind and period. No encoder: the lexical mechanisms only."""
from __future__ import annotations

from rag.answer import extract_answer
from rag.answer.near_miss import near_miss
from rag.answer.question import DATE, NAME, ORG, PERSON, QUANTITY, analyze_question, time_in
from rag.answer.scoring import distinct_paragraph_hits, score_sentences
from rag.answer.settings import AnswerSettings
from rag.answer.spans import best_span, date_spans
from rag.schema import Paragraph

from conftest import paragraph_maker, ranked

TITLE = "桃源镇农业服务扎实推进"


paragraph = paragraph_maker(title=TITLE, source="900_test.txt")


def candidates_with_figures(question: str, *paragraphs: Paragraph):
    analysis = analyze_question(question)
    candidates = score_sentences(analysis, distinct_paragraph_hits(ranked(*paragraphs)))
    sentences = [c.sentence for c in candidates]
    return analysis, [c for c in candidates if c.span is not None], sentences


def test_a_figure_dated_by_another_year_is_a_near_miss():
    text = ("2023年，桃源镇启动良种试种工作，覆盖5个村。"
            "2024年，桃源镇新增8种试种作物，试种面积扩大到300亩。")
    question = "2023年桃源镇试种了几种作物？"
    analysis, candidates, sentences = candidates_with_figures(question, paragraph(text, 1))
    eight = next(c for c in candidates if c.span.text == "8种")
    assert "8种" in near_miss(eight, analysis, sentences)
    answer = extract_answer(question, ranked(paragraph(text, 1)))
    assert answer.refused and "文中只有" in answer.answer, answer.answer
    # without the check the other year's figure is given as the answer
    off = extract_answer(question, ranked(paragraph(text, 1)), settings=AnswerSettings(near_miss=False))
    assert not off.refused and off.short == "8种"


def test_the_asked_year_in_a_baseline_does_not_date_the_figure():
    text = "2023年，桃源镇新增8种试种作物，与2022年相比多了3种。"
    analysis, candidates, sentences = candidates_with_figures("2023年桃源镇新增了几种试种作物？", paragraph(text, 1))
    assert near_miss(next(c for c in candidates if c.span.text == "8种"), analysis, sentences) is None


def test_asked_words_standing_at_another_figure_of_the_same_kind_make_a_near_miss():
    """柳溪镇 has a "城镇新增就业" figure; 桃源镇's only count of people is of something else."""
    liuxi = paragraph("柳溪镇今年城镇新增就业320人，就业形势稳定。", 1, "柳溪镇就业稳中有进", "901_test.txt")
    taoyuan = paragraph("桃源镇今年新增各类救助对象150人，救助水平稳步提高。", 2)
    analysis, candidates, sentences = candidates_with_figures("桃源镇城镇新增就业多少人？", taoyuan, liuxi)
    rescued = next(c for c in candidates if c.span.text == "150人")
    assert near_miss(rescued, analysis, sentences) == "桃源镇今年新增各类救助对象150人"
    # a figure of another kind carrying the words (辆, not people) says nothing about this one
    cars = paragraph("柳溪镇城镇新增就业相关车辆120辆。", 1, "柳溪镇就业稳中有进", "901_test.txt")
    analysis, candidates, sentences = candidates_with_figures("桃源镇城镇新增就业多少人？", taoyuan, cars)
    rescued = next(c for c in candidates if c.span.text == "150人")
    assert near_miss(rescued, analysis, sentences) is None


def test_words_that_frame_a_total_are_not_asked_measure_words():
    """"补贴、资助等共计多少钱": 等共计 frames the total; another "等共计…万元" elsewhere is no reason to refuse."""
    grants = paragraph("桃源镇为困难群众发放取暖补贴、助学资助等620万元。", 1)
    other = paragraph("桃源镇发放岗位补贴及社保补贴等共计310万元。", 2)
    analysis, candidates, sentences = candidates_with_figures("桃源镇发放取暖补贴、助学资助等共计多少钱？", grants, other)
    given = next(c for c in candidates if c.span.text == "620万元")
    assert near_miss(given, analysis, sentences) is None


def test_everyday_wording_is_read_for_the_asked_unit_kind_and_period():
    assert analyze_question("这几年镇上新找到工作的有多少人？").unit == "人"  # 这几年 is a time span
    assert analyze_question("帮多少低收入的人找到了活？").unit != "元"  # 低收入 describes people
    assert analyze_question("那个便民服务站叫什么名字？").kind == NAME
    assert analyze_question("那位站长叫什么名字？").kind == PERSON
    assert analyze_question("哪家公司承建了新桥？").kind == ORG
    assert analyze_question("全镇种了几种果树？").kind == QUANTITY
    assert analyze_question("渡轮一周开几班？").kind == QUANTITY
    assert analyze_question("桃源镇的游客比去年多了多少？").asks_change
    assert not analyze_question("桃源镇今年有多少游客？").asks_change
    assert analyze_question("几个工作日内办结？").unit == "个工作日"
    assert time_in("5月3号", "定于5月3日上午开幕")


def test_working_days_answer_how_many_days():
    analysis = analyze_question("申请后几天之内要办结？")
    span, _, _ = best_span("申请之日起15个工作日内办结。", analysis)
    assert span is not None and span.text == "15个工作日"


def test_a_day_is_not_answered_by_recently():
    """"哪一天" asks for a day; "日前" tells none (a "什么时候" question may still be given it)."""
    sentence = "日前，桃源镇印发了《农家乐服务规范》。"
    assert date_spans(sentence, analyze_question("《农家乐服务规范》是哪一天印发的？")) == []
    assert [s.text for s in date_spans(sentence, analyze_question("《农家乐服务规范》什么时候印发的？"))] == ["日前"]
    assert analyze_question("《农家乐服务规范》是哪一天印发的？").kind == DATE


def test_which_company_is_refused_when_no_company_is_named():
    text = "桃源镇新桥项目安排资金900万元，目前该项目正在进行公开招标。"
    answer = extract_answer("桃源镇新桥项目最后是哪家公司中标的？", ranked(paragraph(text, 1)))
    assert answer.refused and "公司" in (answer.note or ""), answer.answer


def test_a_sentence_that_says_the_asked_words_is_not_refused_for_another_places_figure():
    """柳溪镇's figure names its measure in the clause before ("接待游客…，同比增长12%"); the
    region's "接待游客增长9%" elsewhere does not make it a near miss."""
    liuxi = paragraph("去年柳溪镇接待游客达到30万人次，同比增长12%。", 1, "柳溪镇文旅融合", "902_test.txt")
    region = paragraph("全市接待游客增长9%，文旅市场稳步回升。", 2, "全市文旅市场回暖", "903_test.txt")
    analysis, candidates, sentences = candidates_with_figures("柳溪镇去年接待游客增长了多少？", liuxi, region)
    growth = next(c for c in candidates if c.span.text == "12%")
    assert near_miss(growth, analysis, sentences) is None


def test_a_refusal_for_wording_quotes_what_the_text_gives_and_highlights_it():
    """Without sentence vectors "来观光度假" is not matched to "接待游客": the refusal still
    says what the passage gives, cited and highlighted, so the user can judge."""
    text = "今年以来，桃源镇接待游客30万人次，旅游收入达到3亿元。"
    answer = extract_answer("桃源镇今年有多少人次来观光度假？", ranked(paragraph(text, 1)))
    assert answer.refused, answer.answer
    assert "文中只有：桃源镇接待游客30万人次[1]" in answer.answer, answer.answer
    first = answer.citations[0]
    assert first.text[first.text_answer_start:first.text_answer_end] == "桃源镇接待游客30万人次"


def test_a_word_ending_in_an_administrative_suffix_is_a_foreign_place_even_if_cilin_knows_it():
    """词林 files 新建 and 垦区 as everyday words; jieba tags both as places. Only a word without an
    administrative suffix (spans.ADMIN_LEVELS) is excused as everyday: 垦区 is another place's figure."""
    from rag.answer.near_miss import _foreign_place

    analysis = analyze_question("城中区新增就业多少人？")
    assert _foreign_place("新建项目新增就业", analysis) is None
    assert _foreign_place("垦区新增就业", analysis) == "垦区"
    assert _foreign_place("海东市新增就业", analysis) == "海东"
