"""Extractive answers: the span of the asked type, its sentence, citations with
real file offsets, and honest refusals.

Paragraphs here are real seed paragraphs (cleaned text copied from the seeds);
their raw text and offsets are found in the seed file by the test itself, so
the provenance offsets checked below are the true ones.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from rag.answer import extract_answer
from rag.answer.question import analyze_question
from rag.schema import Paragraph

from conftest import hit, ranked

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DEV_QUESTIONS = Path(__file__).resolve().parent / "data" / "qa_dev_questions.json"
F000 = "000_8ae9b2f0223bb8b0.txt"
F002 = "002_edbf45a9668c438f.txt"
F003 = "003_2f230cf788e48617.txt"


def _original(source: str) -> str:
    return (SEEDS / source).read_bytes().decode("utf-8")


def seed_paragraph(source: str, text: str, title: str | None, number: int) -> Paragraph:
    """The Paragraph whose cleaned text is ``text``, located in the seed file: the raw
    slice is the same characters with the file's line breaks and layout spaces."""
    original = _original(source)
    match = re.search(r"\s*".join(re.escape(ch) for ch in text), original)
    assert match, f"paragraph not found in {source}: {text[:20]}"
    return Paragraph(source, title, number, match.start(), match.end(), text, match.group(0))


# --- real seed paragraphs --------------------------------------------------------
CHENGZHONG_TITLE = "城中区推动就业工作实现首季“开门红”"
CHENGZHONG_LEAD = seed_paragraph(
    F002,
    "本报讯（记者悠然）今年以来，城中区人社局通过政企社多方联动，供需两端协同发力，政策服务双向赋能，"
    "推动劳动力资源与产业需求高效匹配。截至目前，城镇新增就业2047人，农村劳动力转移就业、就业困难人员"
    "就业等各项任务均超额完成一季度目标，实现首季“开门红”。",
    CHENGZHONG_TITLE,
    15,
)
CHENGZHONG_GROUPS = seed_paragraph(
    F002,
    "针对重点群体，靶向施策。为就业困难人员发布公开信，短信推送求职信息1642条，帮助342名就业困难人员、"
    "1315名失业人员实现就业，9人通过公益性岗位托底安置，“零就业家庭”动态清零，发放灵活就业社保补贴及"
    "公益性岗位补贴等共计3792.64万元。组织农村劳动力转移就业3263人次，劳务收入6915万元。为高校毕业生"
    "提供“1131”就业服务1471人，档案查询服务2.5万人次，就业率达92%。",
    CHENGZHONG_TITLE,
    17,
)
CHENGZHONG_JOBS = seed_paragraph(
    F002,
    "在拓岗方面，优化模式。线上，城中区在全省率先开展“AI 数字人带岗”，抢抓求职“窗口期”，让求职者"
    "“云上探岗”。同时，开设网络招聘专区，通过多渠道推送岗位信息37期，涉及111家企业、605个岗位。线下，"
    "开通送工专车，“点对点”输送38名劳动者入职青海晶科能源有限公司，周边56人求职登记。举办9场多维度"
    "招聘活动，238家企业提供815个岗位，1400余人需求，932人达成初步意向，线上观看达5.3万人次，为7家"
    "重点企业解决用工1689人。",
    CHENGZHONG_TITLE,
    16,
)
QILIAN_TITLE = "祁连以八成财力托起群众稳稳幸福"
QILIAN_LEAD = seed_paragraph(
    F000,
    "本报海口讯（记者刘程锦）2月25日，记者从海北藏族自治州祁连县政府了解到，今年以来，祁连县将把80%以上"
    "财政资金投向民生领域，聚焦就业、教育、医疗、兜底保障等，持续办好民生实事，不断提升各族群众获得感、"
    "幸福感、安全感。",
    QILIAN_TITLE,
    10,
)
QILIAN_JOBS = seed_paragraph(
    F000,
    "近年来，祁连县扎实推进就业服务，城镇新增就业568人，农牧区劳动力转移就业6211人次，重点群体就业稳定"
    "保障，以就业增收夯实民生根基。同时，持续优化教育资源，建成国家和省级示范学校4所、红军小学1所，顺利"
    "通过国家学前教育普及普惠县认定，教育公平与质量同步提升。深化“一主十辅”综合医改，祁连县医共体总院"
    "氧疗中心投用，柔性引进多学科专家11名，群众在家门口即可享受优质诊疗服务。",
    QILIAN_TITLE,
    11,
)
CANAL_TITLE = "渠通水畅尽欢颜 春灌良田润丰年——互助县哈拉直沟乡春灌现场见闻"
CANAL_PROJECT = seed_paragraph(
    F000,
    "2025年，互助县将哈拉直沟乡渠道维修改造项目列为重点民生工程、互助县水利局重点工程项目，于2025年秋收后"
    "开工建设。新干渠长3.2公里，支渠长6.8公里，并配套建设12座节制闸、28个分水闸，形成了“主干贯通、支渠"
    "辐射、地块直达”的现代化灌溉网络。",
    CANAL_TITLE,
    37,
)
CANAL_QUOTE = seed_paragraph(
    F000,
    "“这条‘田间血管’可不一样，混凝土衬砌防渗效果好，输水损失比以前减少了30%以上。”哈拉直沟水利管护所所长"
    "汪发启介绍，新水渠采用生态预制构件与分层装配式砌护技术，既保障了输水效率，又增强了渠道稳定性。",
    CANAL_TITLE,
    39,
)
FAIR_TITLE = "3月1日！全省最大规模招聘会启幕"
FAIR_LEAD = seed_paragraph(
    F000,
    "本报讯（记者丁玉梅）2月25日，记者从青海省人力资源和社会保障厅了解到，3月1日（星期日）10时至14时，"
    "青海省2026年“春风行动暨就业援助季”省级专场招聘会将在西宁市城西新区西宁广场举行。",
    FAIR_TITLE,
    49,
)
FOOTBALL = seed_paragraph(
    F002,
    "本报讯（记者小蕊摄影报道）为更好地普及和发展校园足球运动，让更多少年儿童参与到体育健身活动中来，体验"
    "阳光体育运动、足球运动带来的快乐，3月20日，“奔跑吧·少年”城北区2025年“石榴籽杯”校园足球联赛在博雅"
    "小学开幕。本次联赛共有42支球队，500余名足球小将，将在为期6天的比赛中进行5个组别的160场比赛。",
    "城北区“石榴籽杯”校园足球联赛激情开赛",
    4,
)
CARS_TITLE = "2025年全国机动车达4.69亿辆｜驾驶人达5.59亿人"
CARS_TOTAL = seed_paragraph(
    F003,
    "公安部26日发布最新统计,2025年全国机动车保有量达4.69亿辆,其中汽车3.66亿辆;机动车驾驶人达5.59亿人,"
    "其中汽车驾驶人5.25亿人。",
    CARS_TITLE,
    44,
)
CARS_NEW_ENERGY = seed_paragraph(
    F003,
    "2025年新注册登记新能源汽车1293万辆,占新注册登记汽车数量的49.38%,与2024年相比增加168万辆,增长14.93%。",
    CARS_TITLE,
    45,
)
YANTAI = seed_paragraph(
    F003,
    "一月二十六日,烟台港塞内加尔达喀尔港航线首班货轮从山东港口烟台港起航(无人机照)。一月二十六日,山东港口"
    "烟台港正式开通塞内加尔航线。目前,烟台港国际航线已增至一百五十余条。",
    "山东港口烟台港开通塞内加尔航线",
    56,
)


# --- typed spans ---------------------------------------------------------------
def test_quantity_from_the_passage_where_entity_and_measure_meet_not_the_first():
    # 祁连县's paragraph ranks first and also says "城镇新增就业…人"; the answer is
    # in 城中区's paragraph, whose sentence names the measure and whose paragraph
    # and title name the place
    answer = extract_answer("城中区一季度新增就业多少", ranked(QILIAN_JOBS, CHENGZHONG_LEAD, CHENGZHONG_GROUPS))
    assert not answer.refused
    assert answer.short == "2047人"
    assert answer.sentence.startswith("截至目前，城镇新增就业2047人")
    assert answer.answer.startswith("2047人 —— 截至目前，城镇新增就业2047人")
    assert "[1]" in answer.answer
    first = answer.citations[0]
    assert (first.source, first.paragraph, first.n) == (F002, 15, 1)
    assert first.title == CHENGZHONG_TITLE


def test_same_measure_for_the_other_place():
    answer = extract_answer("祁连县新增就业多少", ranked(CHENGZHONG_LEAD, QILIAN_JOBS))
    assert answer.short == "568人"
    assert answer.citations[0].paragraph == QILIAN_JOBS.number


@pytest.mark.parametrize(
    "question, hits, expected",
    [
        ("城中区组织农村劳动力转移就业多少人次", [CHENGZHONG_LEAD, CHENGZHONG_GROUPS], "3263人次"),
        ("城中区发放灵活就业社保补贴及公益性岗位补贴共计多少钱", [CHENGZHONG_GROUPS], "3792.64万元"),
        ("城中区高校毕业生就业率达到多少", [CHENGZHONG_GROUPS, CHENGZHONG_LEAD], "92%"),
        ("祁连县将多大比例的财政资金投向民生领域", [QILIAN_JOBS, QILIAN_LEAD], "80%以上"),
        ("哈拉直沟乡新干渠长多少公里", [CANAL_QUOTE, CANAL_PROJECT], "3.2公里"),
        ("哈拉直沟乡建了多少个分水闸", [CANAL_PROJECT], "28个"),
        ("烟台港国际航线增至多少条", [YANTAI], "一百五十余条"),
        ("城北区校园足球联赛有多少名足球小将", [FOOTBALL], "500余名"),
        ("城北区校园足球联赛共有多少支球队参赛", [FOOTBALL], "42支"),
        ("2025年全国机动车保有量达到多少", [CARS_NEW_ENERGY, CARS_TOTAL], "4.69亿辆"),
    ],
)
def test_quantities(question, hits, expected):
    answer = extract_answer(question, ranked(*hits))
    assert not answer.refused, answer.answer
    assert answer.short == expected


def test_date_prefers_the_event_over_the_report_date():
    answer = extract_answer("春风行动暨就业援助季省级专场招聘会什么时候举行", ranked(FAIR_LEAD))
    assert answer.short.startswith("3月1日")  # not "2月25日", the day the reporter learned of it
    assert "10时至14时" in answer.short


def test_date_with_season():
    answer = extract_answer("哈拉直沟乡渠道维修改造项目什么时候开工建设", ranked(CANAL_QUOTE, CANAL_PROJECT))
    assert answer.short == "2025年秋收后"


def test_person_by_role():
    answer = extract_answer("哈拉直沟水利管护所所长是谁", ranked(CANAL_PROJECT, CANAL_QUOTE))
    assert answer.short == "汪发启"


def test_place_of_an_event():
    answer = extract_answer("省级专场招聘会在哪里举行", ranked(FAIR_LEAD))
    assert answer.short == "西宁市城西新区西宁广场"
    answer = extract_answer("城北区校园足球联赛在哪里开幕", ranked(FOOTBALL))
    assert answer.short == "博雅小学"


def test_organisation():
    answer = extract_answer("城中区输送38名劳动者入职了哪家企业", ranked(CHENGZHONG_LEAD, CHENGZHONG_JOBS))
    assert answer.short == "青海晶科能源有限公司"


def test_other_questions_get_the_best_sentence():
    answer = extract_answer("城中区在拓岗方面线上做了什么", ranked(CHENGZHONG_JOBS))
    assert not answer.refused
    assert answer.short == answer.sentence
    assert "城中区" in answer.sentence and answer.answer.startswith(answer.sentence)


# --- citations and provenance -------------------------------------------------------
def test_answer_span_maps_to_the_file_and_to_the_paragraph_text():
    answer = extract_answer("城中区发放灵活就业社保补贴及公益性岗位补贴共计多少钱", ranked(CHENGZHONG_GROUPS, CHENGZHONG_LEAD))
    first = answer.citations[0]
    assert first.text[first.text_answer_start:first.text_answer_end] == "3792.64万元"
    in_file = _original(F002)[first.answer_start:first.answer_end]
    assert in_file != "3792.64万元"  # the file has a layout space inside the span …
    assert re.sub(r"\s", "", in_file) == "3792.64万元"  # … and nothing else
    assert (first.start, first.end) == (CHENGZHONG_GROUPS.start, CHENGZHONG_GROUPS.end)


def test_citations_dedupe_paragraphs_and_carry_scores():
    lead_chunks = [
        hit(CHENGZHONG_LEAD, 0.9, 1, (0, 60), chunk_id=10),
        hit(QILIAN_JOBS, 0.8, 2, chunk_id=11),
        hit(CHENGZHONG_LEAD, 0.7, 3, (60, len(CHENGZHONG_LEAD.text)), chunk_id=12),
        hit(CHENGZHONG_GROUPS, 0.6, 4, chunk_id=13),
    ]
    answer = extract_answer("城中区一季度新增就业多少", lead_chunks)
    assert [c.n for c in answer.citations] == [1, 2, 3]
    assert [(c.source, c.paragraph) for c in answer.citations] == [
        (F002, 15),
        (F000, 11),
        (F002, 17),
    ]
    first = answer.citations[0]
    assert first.score == 0.9 and first.scores == {"keyword": 9.0, "dense": 0.9} and first.ranks["dense"] == 1
    assert all(c.answer_start is None for c in answer.citations[1:])
    assert "[2][3]" in answer.answer


# --- refusals -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "question, hits, missing",
    [
        ("上海城镇新增就业多少", [CHENGZHONG_LEAD, QILIAN_JOBS], "上海"),
        ("城中区二季度新增就业多少", [CHENGZHONG_LEAD, CHENGZHONG_GROUPS], "二季度"),
        # 2024年 appears only as a baseline ("与2024年相比"), which dates nothing
        ("2024年全国机动车保有量是多少", [CARS_TOTAL, CARS_NEW_ENERGY], "2024年"),
        ("城北区校园足球联赛的冠军是哪支球队", [FOOTBALL], "冠军"),
        ("城中区一季度失业率是多少", [CHENGZHONG_GROUPS, CHENGZHONG_LEAD], "失业率"),
        ("祁连县医共体总院有多少张床位", [QILIAN_JOBS, QILIAN_LEAD], "床位"),
        ("哈拉直沟乡乡长是谁", [CANAL_QUOTE, CANAL_PROJECT], "乡长"),
        # a figure the question names must be in the passage, however either writes it
        ("新能源汽车增加1000万辆的年份新注册登记多少辆", [CARS_NEW_ENERGY, CARS_TOTAL], "1000万"),
        ("烟台港国际航线增至二百余条后又开通了哪条航线", [YANTAI], "二百"),
        # a change is asked: a level ("城镇新增就业2047人") does not answer it
        ("城中区一季度城镇新增就业同比增长了多少", [CHENGZHONG_LEAD, CHENGZHONG_GROUPS], "数量"),
    ],
)
def test_refuses_when_the_passages_do_not_hold_the_answer(question, hits, missing):
    answer = extract_answer(question, ranked(*hits))
    assert answer.refused
    assert answer.answer.startswith("资料中没有找到关于")
    assert missing in answer.answer  # says what was missing
    assert answer.short is None
    # the closest passages are still shown
    assert [c.paragraph for c in answer.citations] == [p.number for p in hits]
    assert "可能相关" in answer.answer and "[1]" in answer.answer
    assert all(c.answer_start is None for c in answer.citations)


def test_a_figure_named_in_the_question_is_matched_by_value_not_by_spelling():
    # "168万" is written "168万辆" in the passage and "一百五十" as "一百五十余条"
    increase = extract_answer("与2024年相比增加168万辆，2025年新注册登记新能源汽车多少辆", ranked(CARS_NEW_ENERGY))
    assert increase.short == "1293万辆", increase.answer
    routes = extract_answer("烟台港国际航线增至一百五十余条，开通了哪国的航线", ranked(YANTAI))
    # the named figure is found ("一百五十余条"); the sentence saying it names no country, so it does
    # not answer a place question (span6: no sentence fragment for a typed question)
    assert "“一百五十”" not in (routes.note or ""), routes.answer


def test_a_chinese_numeral_with_wan_inside_is_one_number():
    text = "今年，互助县种植青稞一万二千亩，比去年增加一千亩。"
    paragraph = Paragraph(F000, "互助县青稞", 1, 0, len(text), text, text)
    assert extract_answer("互助县今年种植青稞多少亩？", ranked(paragraph)).short == "一万二千亩"
    assert extract_answer("互助县青稞比去年增加了多少亩？", ranked(paragraph)).short == "一千亩"


def test_a_change_is_answered_by_the_change_in_the_sentence():
    answer = extract_answer("2025年新注册登记新能源汽车与2024年相比增加了多少", ranked(CARS_NEW_ENERGY))
    assert answer.short == "168万辆", answer.answer


def test_answer_must_be_a_name_of_the_asked_kind():
    """"哪支球队夺冠" is not answered by the school where the league opened: a name
    of another kind (小学) or of no kind is no team."""
    answer = extract_answer("城北区校园足球联赛最后是哪支球队夺冠？", ranked(FOOTBALL))
    assert answer.refused, answer.answer
    assert answer.short is None
    # the same passage answers the kind it does hold
    school = extract_answer("城北区校园足球联赛在哪所小学开幕？", ranked(FOOTBALL))
    assert school.short == "博雅小学", school.answer


def test_a_counted_category_is_no_name():
    paragraph = Paragraph(
        F002, "城北区校园足球联赛开幕", 1, 0, 40, "城北区校园足球联赛今天开幕，城北区共有国家级校园足球特色学校10所。", ""
    )
    answer = extract_answer("城北区校园足球联赛在哪所学校开幕？", ranked(paragraph))
    assert answer.refused, answer.answer  # "特色学校10所" is a count of schools, not the venue


def test_subpart_asked_with_qizhong_takes_the_figure_after_qizhong():
    whole = extract_answer("2025年全国机动车保有量达到多少", ranked(CARS_TOTAL))
    assert whole.short == "4.69亿辆"
    part = extract_answer("2025年全国机动车保有量其中汽车有多少", ranked(CARS_TOTAL))
    assert part.short == "3.66亿辆", part.answer


def test_a_code_is_a_bare_digit_string():
    paragraph = Paragraph(F003, "许可证", 1, 0, 30, "住所:大同市平城区恒源路 邮政编码:037005 电话:123", "")
    answer = extract_answer("大同市平城区恒源路的邮政编码是多少？", ranked(paragraph))
    assert answer.short == "037005", answer.answer


def test_a_quotation_is_attributed_by_the_sentence_after_it():
    quote = Paragraph(
        F000, "春灌", 1, 0, 60,
        "“最着急的是春旱年份，眼看着麦苗缺水发黄，我们却只能干等着。”老农户师存福回忆道。如今水渠通了。", "",
    )
    answer = extract_answer("哪位老农回忆过春旱时麦苗发黄只能干等？", ranked(quote))
    assert answer.short == "师存福", answer.answer
    assert answer.sentence.startswith("“最着急") and answer.sentence.endswith("回忆道。")


def test_no_hits_and_empty_question():
    answer = extract_answer("城中区一季度新增就业多少", [])
    assert answer.refused and answer.citations == ()
    assert extract_answer("", ranked(CHENGZHONG_LEAD)).refused
    assert extract_answer("   ", []).refused


# --- end to end on the dev questions (real retrieval over the seed index) -----------
def _dev_questions() -> dict:
    return json.loads(DEV_QUESTIONS.read_text(encoding="utf-8"))


def test_dev_questions_are_enough_and_well_formed():
    data = _dev_questions()
    assert len(data["answerable"]) >= 40 and len(data["unanswerable"]) >= 15
    assert all(item["expect"] for item in data["answerable"])


def test_answer_quality_end_to_end(seed_assistant):
    """The rates the issue asks for, through the real facade and retrieval:
    ≥ 90% right answer phrases, ≤ 5% answerable questions refused, ≥ 90% of
    unanswerable ones refused; and extraction well inside the latency budget."""
    data = _dev_questions()
    analyze_question("预热")  # load jieba once, so the first question's timing is not the load
    right = wrongly_refused = 0
    extract_ms = []
    misses = []
    for item in data["answerable"]:
        answer = seed_assistant.ask(item["q"])
        extract_ms.append(answer.timings_ms["answer"])
        ok = not answer.refused and any(e in (answer.short or "") for e in item["expect"])
        right += ok
        wrongly_refused += answer.refused
        if not ok:
            misses.append((item["q"], answer.short or answer.answer[:60]))
    refused = 0
    for item in data["unanswerable"]:
        answer = seed_assistant.ask(item["q"])
        extract_ms.append(answer.timings_ms["answer"])
        refused += answer.refused
        if not answer.refused:
            misses.append((item["q"], answer.short))
    n, m = len(data["answerable"]), len(data["unanswerable"])
    assert right / n >= 0.90, misses
    assert wrongly_refused / n <= 0.05, misses
    assert refused / m >= 0.90, misses
    extract_ms.sort()
    p95 = extract_ms[int(0.95 * len(extract_ms)) - 1]
    assert p95 < 250, f"extract_answer p95 {p95:.1f} ms"


def test_followup_end_to_end(seed_assistant):
    first = "城中区一季度新增就业多少"
    answer = seed_assistant.ask("那祁连县呢？", history=[first])
    assert answer.rewritten_question == "祁连县新增就业多少"
    assert answer.short == "568人"
    answer = seed_assistant.ask("农村劳动力转移就业呢？", history=[first])
    assert answer.rewritten_question == "城中区一季度农村劳动力转移就业多少"
    assert answer.short == "3263人次"


CANAL_PHOTOS = seed_paragraph(F000, "↑春灌润良田。 →春耕进行时。 通讯员 张玉善 摄", CANAL_TITLE, 40)


@pytest.mark.parametrize("question", ["春灌那组照片是谁拍的？", "这组图片是谁摄的"])
def test_a_photo_credit_says_who_took_the_photographs(question):
    # "通讯员张玉善摄" names neither 照片 nor 拍, yet it is the answer (news credits photographs so)
    answer = extract_answer(question, ranked(CANAL_PHOTOS, CANAL_QUOTE))
    assert not answer.refused
    assert "张玉善" in answer.short


def test_a_photo_credit_answers_no_other_question():
    # the credit line is no answer to who said something, nor to a question about another thing
    answer = extract_answer("哈拉直沟乡乡长是谁", ranked(CANAL_PHOTOS, CANAL_QUOTE))
    assert "张玉善" not in (answer.short or "")
