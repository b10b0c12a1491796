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


def test_a_page_province_is_one_an_article_reports_on_as_its_own():
    # 我省 about another: the province named is not the page's
    ours = article_settings([("我省与兄弟省份签署文旅合作协议", "本报讯（记者李明）3月3日，我省与四川省在成都签署文旅合作框架协议。"),
                             ("全省春耕备耕有序推进", "本报讯（记者王强）记者从省农业农村厅获悉，当前全省春耕备耕有序推进。")])
    assert ours[1] is None and "四川省" not in (ours[0] or "")
    # 北京时间 and a wire's dateline name no province of the page
    wire = article_settings([("神舟二十号载人飞船发射成功", "新华社北京3月5日电 北京时间3月5日10时，神舟二十号载人飞船发射成功。"),
                             ("全省春耕备耕有序推进", "本报讯（记者王强）记者从省农业农村厅获悉，当前全省春耕备耕有序推进。")])
    assert wire[1] is None
    # a province in passing is not the article's own; one heading an institution's name is
    passing = article_settings([("黄河滩区治理", "本报讯 记者在黄河北岸的滩区看到，太行山西麓的村庄已搬迁。"),
                                ("全省春耕", "本报讯 记者从省农业农村厅获悉，全省春耕。")])
    assert passing[1] is None
    page = "我省与四川省签署合作协议\n\n本报讯（记者 李明）3月3日，我省与四川省签署合作协议。\n\n全省春耕备耕有序推进\n\n本报讯（记者 王强）记者从省农业农村厅获悉，全省春耕备耕有序推进。\n\n截至3月1日，全省已完成春播面积120万亩，同比增加8万亩。\n"
    _, paragraphs = parse_source("x.txt", page)
    last = paragraphs[-1]
    assert extract_answer("四川省已完成春播面积多少亩？", [_hit(last, 1)]).refused


def test_the_year_an_article_compares_with_is_not_its_year():
    assert article_setting("青岚县经济运行稳中向好", "本报讯（记者 李明）1月20日，记者从青岚县统计局获悉，全县经济总量较2020年翻了一番。") == ["青岚县"]
    page = "青岚县经济运行稳中向好\n\n本报讯（记者 李明）1月20日，记者从青岚县统计局获悉，全县经济总量较2020年翻了一番。\n\n去年，全县地区生产总值达到86.4亿元，同比增长6.1%。\n"
    _, paragraphs = parse_source("x.txt", page)
    assert extract_answer("2020年全县地区生产总值是多少？", [_hit(paragraphs[-1], 1)]).refused


def test_a_place_is_a_word_of_its_own_not_part_of_another():
    for text in ("近日，广大市民纷纷走进图书馆。", "记者日前从县生态环境局获悉", "，许多市民在农贸市场购物。",
                 "北京时间3月5日，神舟二十号发射成功。", "黄河北岸的滩区", "太行山西麓"):
        assert places_named(text) == [], text
    assert places_named("——互助县哈拉直沟乡春灌现场见") == ["互助县"]
    assert places_named("记者从甘肃省岷川县统计局获悉") == ["甘肃省", "岷川县"]
    assert article_setting(None, "本报综合讯 记者从省农业农村厅获悉，全省春耕。") == []


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


def test_a_title_named_in_what_someone_did_does_not_filter_names():
    # "谁陪同市长" asks who accompanied, not who holds 市长: the deputy is the answer
    sentence = "3月5日，副市长刘海燕陪同市长王强调研新校区建设。"
    assert "刘海燕" in _names("谁陪同市长调研了新校区？", sentence)
    paragraph = Paragraph("p.txt", "新校区", 1, 0, len(sentence), sentence, sentence, None, "四川省 青岚市")
    answer = extract_answer("谁陪同市长调研了新校区？", [_hit(paragraph, 1)])
    assert not answer.refused and answer.short == "刘海燕"
    assert _names("谁是市长？", sentence) == ["王强"]  # the title asked after the wh-word still filters


def test_a_surname_is_taken_only_from_a_character_that_reads_as_one():
    assert _names("谁表示今年要新建村级物流服务站？", "接受记者采访时张伟表示，今年全县将新建村级物流服务站30个。") == ["张伟"]
    text = "接受记者采访时张伟表示，今年全县将新建村级物流服务站30个。"
    paragraph = Paragraph("p.txt", "物流", 1, 0, len(text), text, text)
    assert extract_answer("谁表示今年要新建村级物流服务站？", [_hit(paragraph, 1)]).short == "张伟"
    assert _names("谁主持了活动？", "活动由县长谭卫东主持。") == ["谭卫东"]  # 谭 tagged as a surname (zg)


def test_a_question_for_a_title_nobody_holds_is_refused():
    text = "市委常委、副市长刘海燕出席并宣布新校区正式启用。"
    paragraph = Paragraph("p.txt", "青岚市第二实验中学新校区正式启用", 1, 0, len(text), text, text, None, "四川省 青岚市")
    assert extract_answer("青岚市市长叫什么名字？", [_hit(paragraph, 1)]).refused
    answer = extract_answer("青岚市副市长叫什么名字？", [_hit(paragraph, 1)])
    assert not answer.refused and answer.short == "刘海燕"


# --- comparisons: a side named by a place the tagger cuts, its own clause's figure, ratios ------

from rag.answer.comparison import answer_comparison, parse_comparison, side_marks  # noqa: E402
from rag.answer.comparison.side_clauses import names_side  # noqa: E402
from rag.answer.spans import Span  # noqa: E402
from rag.schema import Answer, Citation  # noqa: E402


def test_a_bare_side_replaces_the_whole_name_of_the_other_side():
    comparison = parse_comparison("春节假期峨岚山景区和云溪镇，哪个接待的游客更多？")
    assert comparison.side_questions[1] == "春节假期云溪镇接待的游客多少"  # not "峨云溪镇景区"


def test_a_sides_figure_is_the_one_stated_of_that_side():
    comparison = parse_comparison("一季度赣州完成的交通投资比上饶多多少？")
    marks = side_marks(comparison)
    own = "上饶市完成31.4亿元；"
    assert names_side(own, Span(own.index("31.4"), own.index("31.4") + 7, "31.4亿元"), marks[1])
    other = "一季度，全省完成交通运输固定资产投资286.3亿元，同比增长7.2%。"
    assert not names_side(other, Span(other.index("286.3"), other.index("286.3") + 8, "286.3亿元"), marks[1])
    ev = parse_comparison("截至3月底，全省纯电动汽车数量大约是插电式混动汽车的几倍？")
    sentence = "截至3月底，全省新能源汽车保有量达114.2万辆，其中纯电动汽车83.7万辆，插电式混合动力汽车30.1万辆。"
    spans = {t: Span(sentence.index(t), sentence.index(t) + len(t), t) for t in ("114.2万辆", "83.7万辆", "30.1万辆")}
    a, b = side_marks(ev)
    assert [t for t, sp in spans.items() if names_side(sentence, sp, b)] == ["30.1万辆"]
    assert names_side(sentence, spans["83.7万辆"], a) and not names_side(sentence, spans["114.2万辆"], a)


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


def test_two_place_names_lend_each_other_only_a_period():
    assert parse_comparison("鼓楼社区和钟楼社区哪个志愿者多？").side_questions == ("鼓楼社区志愿者多少", "钟楼社区志愿者多少")
    assert parse_comparison("文化公园和人民公园哪个游客多？").side_questions == ("文化公园游客多少", "人民公园游客多少")


def test_parallel_heads_share_the_measure_after_de():
    comparison = parse_comparison("城镇居民和农村居民的人均可支配收入哪个高？")
    assert comparison.side_questions == ("城镇居民的人均可支配收入多少", "农村居民的人均可支配收入多少")


def test_a_ratio_is_rounded_half_up_and_a_small_one_keeps_two_digits():
    question = "体育馆能容纳的人数是食堂能就餐人数的几倍？"
    comparison = parse_comparison(question)

    def ratio(a: str, b: str) -> str:
        sides = (_side(comparison.side_questions[0], a, f"体育馆可容纳{a}。"),
                 _side(comparison.side_questions[1], b, f"食堂可容纳{b}同时就餐。", 2))
        return answer_comparison(question, comparison, sides).short

    assert ratio("530人", "200人") == "约2.7倍"  # 2.65, 四舍五入
    assert ratio("30人", "2400人") == "约0.013倍"  # not 约0倍
    assert ratio("100人", "200人") == "0.5倍"


def test_a_figure_after_another_sides_clause_is_not_stated_of_it():
    comparison = parse_comparison("一季度赣州完成的交通投资比上饶多多少？")
    gan, shang = side_marks(comparison)
    sentence = "一季度，赣州市完成45.2亿元，上饶市完成31.4亿元。"
    at = sentence.index("31.4")
    figure = Span(at, at + len("31.4亿元"), "31.4亿元")
    assert names_side(sentence, figure, shang) and not names_side(sentence, figure, gan)
    # a clause with no subject of its own is still stated of the one before it
    rate = "一季度，赣州市完成交通投资45.2亿元，同比增长7.2%。"
    at = rate.index("7.2%")
    assert names_side(rate, Span(at, at + 4, "7.2%"), gan)


def test_plain_and_titled_documents_get_a_setting():
    from rag.sources import KIND_PAGE, KIND_PLAIN, SourceDoc, parse_doc

    plain = SourceDoc("a.jsonl#1", "a.jsonl", "corpus", "h", KIND_PLAIN, "岷川县：稳就业促增收")
    _, paragraphs = parse_doc(plain, "本报讯 记者从甘肃省岷川县统计局获悉，全县生产总值86.4亿元。\n\n全县新增就业3200人。")
    assert paragraphs and all(p.setting and "岷川县" in p.setting.split() for p in paragraphs)
    # a page whose headline is only the document's title: the setting is read with that title
    page = SourceDoc("b.txt", "b.txt", "upload", "h", KIND_PAGE, "青岚县今春完成植树造林2.3万亩")
    _, paragraphs = parse_doc(page, "全县今春完成植树造林2.3万亩，成活率达95%以上。\n\n下一步，全县将加强管护。\n")
    assert paragraphs and all(p.setting and "青岚县" in p.setting.split() for p in paragraphs)


def test_two_stacked_headlines_join_only_when_they_read_as_one():
    page = ("全省春耕备耕有序推进\n\n青岚县人民医院新院区投入使用\n\n本报讯（记者 李明）3月5日，青岚县人民医院新院区正式投入使用，新增床位350张。\n\n"
            "新院区设有急诊、门诊等科室。\n")
    _, paragraphs = parse_source("x.txt", page)
    assert all(p.title != "全省春耕备耕有序推进 青岚县人民医院新院区投入使用" for p in paragraphs)
    assert any(p.title == "青岚县人民医院新院区投入使用" for p in paragraphs)
    two_lines = ("青岚春节假期接待游客286.5万人次\n\n旅游收入同比增长16.8%\n\n本报讯（记者 罗嘉怡）2月24日，记者从县文旅局获悉，假期全县接待游客286.5万人次。\n")
    _, paragraphs = parse_source("y.txt", two_lines)
    assert paragraphs[0].title == "青岚春节假期接待游客286.5万人次 旅游收入同比增长16.8%"


def test_a_firms_name_in_a_headline_gives_the_page_no_province():
    settings = article_settings([("山东港口烟台港开通塞内加尔航线", "一月二十六日，烟台港塞内加尔达喀尔港航线首班货轮从山东港口烟台港起航。"),
                                 ("遗失声明", "大同市某公司遗失公章一枚，声明作废。")])
    assert "山东省" not in (settings[1] or "")
    document = article_settings([("以工代赈开新路", "本报讯 记者从省发展改革委获悉，日前省发展改革委联合印发《青海省以工代赈实施方案》。"),
                                 ("全省春耕", "本报讯 记者从省农业农村厅获悉，全省春耕。")])
    assert document[1] == "青海省"  # a document of the province names the paper's own
