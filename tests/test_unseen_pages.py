"""An article's setting (issue 11): the places its headline, dateline and lead name, and the
province a provincial page names, carried by every paragraph (``Paragraph.setting``) so the
answer stage reads 全省/全县 as that place even when the lead paragraph is not retrieved."""
from __future__ import annotations

from pathlib import Path

from rag.answer import extract_answer
from rag.ingest import load_corpus, parse_source
from rag.schema import Chunk, Hit, Paragraph
from rag.setting import article_setting, article_settings, places_named

FRESH = Path(__file__).resolve().parent.parent / "eval" / "fresh"


def test_places_named_by_headline_dateline_and_lead():
    assert article_setting("我省冬春农田水利建设完成投资28.6亿元", "本报兰州讯（记者程雨婷）记者从省水利厅了解到，截至1月15日") == ["兰州"]
    assert article_setting("今春全县完成植树造林", "本报讯（记者唐若溪）4月8日，记者从青岚县林业局获悉，今年春季造林") == ["青岚县"]
    assert article_setting(None, "本报讯（记者邹明远）4月14日，江西省公安厅交通管理局召开新闻发布会，通报2026年第一季度全省情况。") == [
        "江西省", "2026年"]
    assert places_named("全县城镇新增就业，该县在全市社区和景区") == []  # references and common words name no place


def test_a_page_naming_one_province_gives_it_to_its_other_articles():
    settings = article_settings([
        ("一季度全省新注册登记新能源汽车9.6万辆", "4月14日，江西省公安厅交通管理局召开新闻发布会。"),
        ("全省一季度完成交通投资286.3亿元", "本报讯（记者邹明远）记者4月15日从省交通运输厅获悉，一季度全省完成投资。"),
        ("九江：新能源汽车下乡", "本报九江讯（记者柯雨桐）4月10日，活动在濂溪区开幕。"),
    ])
    assert settings[1] == "江西省"
    assert settings[2].split()[0] == "江西省" and "九江" in settings[2]
    two = article_settings([("甲", "江西省公安厅通报。"), ("乙", "四川省文旅厅通报。"), ("丙", "记者从省交通运输厅获悉。")])
    assert two[2] is None  # a page naming two provinces gives none to the article naming neither


def test_every_paragraph_of_an_article_carries_its_setting():
    _, paragraphs = load_corpus(FRESH)
    transport = [p for p in paragraphs if p.title and p.title.startswith("全省一季度完成交通投资")]
    assert transport and all(p.setting and p.setting.split()[0] == "江西省" for p in transport)
    county = [p for p in paragraphs if p.title == "今春全县完成植树造林2.3万亩"]
    assert county and all("青岚县" in p.setting.split() for p in county)


def _hit(paragraph: Paragraph, rank: int) -> Hit:
    chunk = Chunk(rank, paragraph.source, paragraph.title, paragraph.number, paragraph.text, 0, len(paragraph.text))
    return Hit(chunk, paragraph, 1.0 / rank, {"keyword": 1.0, "dense": 1.0}, {"keyword": rank, "dense": rank})


def test_a_province_asked_by_name_is_found_in_a_paragraph_that_says_only_quansheng():
    text = "2025年，全省完成交通运输固定资产投资1286.5亿元，连续5年保持在千亿元以上。"
    paragraph = Paragraph("p.txt", "全省一季度完成交通投资286.3亿元", 3, 0, len(text), text, text, None, "江西省")
    answer = extract_answer("江西省2025年完成交通运输固定资产投资多少？", [_hit(paragraph, 1)])
    assert not answer.refused and answer.short == "1286.5亿元"
    unset = Paragraph("p.txt", "全省一季度完成交通投资286.3亿元", 3, 0, len(text), text, text)
    assert extract_answer("江西省2025年完成交通运输固定资产投资多少？", [_hit(unset, 1)]).refused
    other = Paragraph("p.txt", "全省一季度完成交通投资286.3亿元", 3, 0, len(text), text, text, None, "四川省")
    assert extract_answer("江西省2025年完成交通运输固定资产投资多少？", [_hit(other, 1)]).refused


def test_parse_source_keeps_offsets_with_setting():
    page = "岷川县：稳就业促增收\n\n本报讯（记者 韩雪松）1月20日，记者从甘肃省岷川县\n统计局获悉，全县地区生产总值达到86.4亿元。\n"
    _, paragraphs = parse_source("x.txt", page)
    assert paragraphs[0].setting == "岷川县 甘肃省"
    assert page[paragraphs[0].start:paragraphs[0].end] == paragraphs[0].raw


# --- person names: the whole name, and the asked title, not a deputy's --------------------

from rag.answer.question import analyze_question  # noqa: E402
from rag.answer.spans import person_spans  # noqa: E402


def _names(question: str, sentence: str) -> list[str]:
    return [span.text for span in person_spans(sentence, analyze_question(question))]


def test_a_name_span_keeps_the_surname_jieba_cut_off():
    assert _names("谁出席并宣布新校区正式启用？", "市委常委、副市长刘海燕出席并宣布新校区正式启用。") == ["刘海燕"]
    assert "赵明远" in _names("岷川县人社局局长是谁？", "县人力资源和社会保障局局长赵明远介绍，全县建成就业服务站63个。")


def test_an_asked_title_is_not_answered_by_a_deputy_or_another_title():
    sentence = "市委常委、副市长刘海燕出席并宣布新校区正式启用。"
    assert _names("青岚市市长叫什么名字？", sentence) == []
    assert _names("青岚市副市长叫什么名字？", sentence) == ["刘海燕"]
    county = "县委副书记、县长谭卫东在新院区启用仪式上表示，力争实现大病不出县。"
    assert _names("青岚县县委书记是谁？", county) == []
    assert _names("青岚县县长是谁？", county) == ["谭卫东"]


def test_a_question_for_a_title_nobody_holds_is_refused():
    text = "市委常委、副市长刘海燕出席并宣布新校区正式启用。"
    paragraph = Paragraph("p.txt", "青岚市第二实验中学新校区正式启用", 1, 0, len(text), text, text, None, "四川省 青岚市")
    assert extract_answer("青岚市市长叫什么名字？", [_hit(paragraph, 1)]).refused
    answer = extract_answer("青岚市副市长叫什么名字？", [_hit(paragraph, 1)])
    assert not answer.refused and answer.short == "刘海燕"


# --- comparisons: a side named by a place the tagger cuts, its own clause's figure, ratios ------

from rag.answer.compare import _names_side, answer_comparison, parse_comparison, side_marks  # noqa: E402
from rag.answer.spans import Span  # noqa: E402
from rag.schema import Answer, Citation  # noqa: E402


def test_a_bare_side_replaces_the_whole_name_of_the_other_side():
    comparison = parse_comparison("春节假期峨岚山景区和云溪镇，哪个接待的游客更多？")
    assert comparison.side_questions[1] == "春节假期云溪镇接待的游客多少"  # not "峨云溪镇景区"


def test_a_sides_figure_is_the_one_stated_of_that_side():
    comparison = parse_comparison("一季度赣州完成的交通投资比上饶多多少？")
    marks = side_marks(comparison)
    own = "上饶市完成31.4亿元；"
    assert _names_side(own, Span(own.index("31.4"), own.index("31.4") + 7, "31.4亿元"), marks[1])
    other = "一季度，全省完成交通运输固定资产投资286.3亿元，同比增长7.2%。"
    assert not _names_side(other, Span(other.index("286.3"), other.index("286.3") + 8, "286.3亿元"), marks[1])
    ev = parse_comparison("截至3月底，全省纯电动汽车数量大约是插电式混动汽车的几倍？")
    sentence = "截至3月底，全省新能源汽车保有量达114.2万辆，其中纯电动汽车83.7万辆，插电式混合动力汽车30.1万辆。"
    spans = {t: Span(sentence.index(t), sentence.index(t) + len(t), t) for t in ("114.2万辆", "83.7万辆", "30.1万辆")}
    a, b = side_marks(ev)
    assert [t for t, sp in spans.items() if _names_side(sentence, sp, b)] == ["30.1万辆"]
    assert _names_side(sentence, spans["83.7万辆"], a) and not _names_side(sentence, spans["114.2万辆"], a)


def _side(question: str, short: str, sentence: str, number: int = 1) -> Answer:
    citation = Citation(1, "p.txt", None, number, 0, len(sentence), sentence, 1.0)
    return Answer(question, f"{short} —— {sentence}[1]", False, (citation,), short, sentence)


def test_a_ratio_of_two_figures_is_said_to_a_tenth():
    comparison = parse_comparison("截至3月底，全省纯电动汽车数量大约是插电式混动汽车的几倍？")
    sides = (_side(comparison.side_questions[0], "83.7万辆", "其中纯电动汽车83.7万辆，"),
             _side(comparison.side_questions[1], "30.1万辆", "插电式混合动力汽车30.1万辆。", 2))
    answer = answer_comparison("截至3月底，全省纯电动汽车数量大约是插电式混动汽车的几倍？", comparison, sides)
    assert answer.short == "约2.8倍" and "2.78" in answer.answer
    exact = parse_comparison("新校区食堂能同时就餐的人数是体育馆能容纳人数的几倍？")
    sides = (_side(exact.side_questions[0], "2400人", "新校区食堂可容纳2400人同时就餐。"),
             _side(exact.side_questions[1], "1200人", "可容纳1200人的体育馆。", 2))
    assert answer_comparison("新校区食堂能同时就餐的人数是体育馆能容纳人数的几倍？", exact, sides).short == "2倍"


def test_growing_faster_compares_growth_rates_of_the_shared_measure():
    comparison = parse_comparison("岷川县去年城镇居民和农村居民的人均可支配收入，哪个涨得更快？")
    assert comparison.side_questions == ("岷川县去年城镇居民的人均可支配收入增长了百分之几", "农村居民的人均可支配收入增长了百分之几")
    # a side that names its rate itself is asked as it stands
    named = parse_comparison("全省社工专业人才的涨幅和考社工证报名人数的涨幅，哪个涨得更快？")
    assert all(q.endswith("的涨幅多少") for q in named.side_questions)


def test_two_place_names_each_stand_alone_sharing_only_the_period():
    comparison = parse_comparison("峨岚山景区和龙泉温泉小镇哪个接待游客多？")
    assert comparison.side_questions == ("峨岚山景区接待游客多少", "龙泉温泉小镇接待游客多少")
    spring = parse_comparison("春节假期峨岚山景区和云溪镇，哪个接待的游客更多？")
    assert spring.side_questions == ("春节假期峨岚山景区接待的游客多少", "春节假期云溪镇接待的游客多少")
