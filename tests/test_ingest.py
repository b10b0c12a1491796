"""Ingestion of the real seed files: provenance, cleaning, article boundaries, bad files."""
from __future__ import annotations

import json
import logging
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from rag.ingest import load_corpus, load_jsonl_corpus, parse_source, read_source, source_files
from rag.provenance import span_to_file_offsets

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BENCH = Path("/work/shared/bench")

CJK = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…·"
SENTENCE_END = re.compile(r"(?:[。！？；!?;：:]|…)[”’」』）)\]】》]*$")
DATELINE = re.compile(r"^据?(?:本报(?!记者)[\u4e00-\u9fff]{0,6}?讯(?!员)|新华社[\u4e00-\u9fff0-9]{0,16}?电)")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEEDS)


@pytest.fixture(scope="module")
def paragraphs(corpus):
    return corpus[1]


@pytest.fixture(scope="module")
def originals():
    return {path.name: read_source(path) for path in source_files(SEEDS)}


def is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(ch in remaining for ch in short)


def paragraph_with(paragraphs, needle: str):
    found = [p for p in paragraphs if needle in p.text]
    assert len(found) == 1, f"{needle!r} is in {len(found)} paragraphs"
    return found[0]


# --- provenance ---------------------------------------------------------------------------


def test_every_seed_file_is_loaded(paragraphs):
    assert {p.source for p in paragraphs} == {path.name for path in SEEDS.glob("*.txt")}


def test_paragraphs_point_at_their_text_in_the_file(paragraphs, originals):
    for p in paragraphs:
        original = originals[p.source]
        assert original[p.start:p.end] == p.raw
        assert is_subsequence(p.text, p.raw), (p.source, p.number)
        assert "\n" not in p.text and "\r" not in p.text
        assert p.text and p.text == p.text.strip()


def test_paragraph_numbers_count_from_one_in_file_order(paragraphs):
    by_source: dict[str, list] = {}
    for p in paragraphs:
        by_source.setdefault(p.source, []).append(p)
    for items in by_source.values():
        assert [p.number for p in items] == list(range(1, len(items) + 1))
        assert [p.start for p in items] == sorted(p.start for p in items)
        assert all(a.end <= b.start for a, b in zip(items, items[1:]))  # no overlap


def test_span_offsets_round_trip_for_random_spans(paragraphs, originals):
    rng = random.Random(20240601)

    def without_layout(s: str) -> str:
        # Cleaning deletes whitespace and markdown heading marks ("### " stuck on body text).
        return re.sub(r"\s+", "", re.sub(r"(?m)^[ \t]*#{1,6}[ \t]+", "", s))

    for p in paragraphs:
        spans = [(0, len(p.text))] + [tuple(sorted(rng.sample(range(len(p.text) + 1), 2))) for _ in range(20)]
        for start, end in spans:
            if start == end:
                continue
            file_start, file_end = span_to_file_offsets(p, start, end)
            assert p.start <= file_start < file_end <= p.end
            assert without_layout(originals[p.source][file_start:file_end]) == without_layout(p.text[start:end])


# --- cleaning -----------------------------------------------------------------------------


def test_wrapped_lines_and_column_breaks_are_joined(paragraphs):
    for needle in [
        "城镇新增就业2047人",
        "发放灵活就业社保补贴及公益性岗位补贴等共计3792.64万元",
        "全过程标准化管理体系",  # broken by a blank line in 002
        "最终实现农牧民收入与农村人居环境“双提升”",
        "组织农村劳动力转移就业3263人次，劳务收入6915万元",
        "西宁城中便民服务师傅",  # 000: "便民服\n\n务师傅"
        "在签订施工合同前一年内",  # 003: "签订施\n\n### 工合同"
        "纺织是刻在城市基因里的产业印记",
    ]:
        paragraph_with(paragraphs, needle)


def test_a_short_line_ending_a_sentence_inside_a_block_ends_its_paragraph(paragraphs):
    # 002: "“温暖大事”。\n整合全县220个电商服务站点，充分" – one block, two paragraphs.
    assert paragraph_with(paragraphs, "办成百姓“温暖大事”。").text.endswith("“温暖大事”。")
    assert paragraph_with(paragraphs, "整合全县220个电商服务站点").text.startswith("整合全县")


def test_layout_spaces_between_chinese_are_removed_but_latin_spacing_kept(paragraphs):
    for p in paragraphs:
        hard_breaks = len(re.findall(r" {2,}\n", p.raw))
        if hard_breaks:  # "流水号:01122781  \n发证日期:…": one space stays between the "key:value" lines
            assert p.text.count(" ") == hard_breaks, p.text
        else:
            assert not re.search(f"[{CJK}]\\s+[{CJK}0-9]|[0-9]\\s+[{CJK}]", p.text), (p.source, p.number, p.text)
    assert "补 贴" not in "".join(p.text for p in paragraphs)
    paragraph_with(paragraphs, "率先开展“AI 数字人带岗”")


def test_continuation_lines_appear_at_most_once(paragraphs):
    markers = Counter(m for p in paragraphs for m in re.findall(r"[（(](?:下转|上接|未完)[^）)]*[）)]", p.text))
    assert all(count <= 1 for count in markers.values()), markers
    paragraph_with(paragraphs, "“小马拉大车”，是基层治理中遇到的突出问题。")


def test_no_repeated_or_truncated_repeat_paragraphs(paragraphs):
    texts = [p.text for p in paragraphs]
    assert len(texts) == len(set(texts))
    for i, text in enumerate(texts):
        if len(text) >= 8:
            assert not any(other.startswith(text) for j, other in enumerate(texts) if j != i), text


def test_no_body_paragraph_ends_mid_sentence_before_its_continuation(paragraphs, originals):
    """Two paragraphs of one article with only whitespace between them in the file are two
    paragraphs only if the first ends a sentence (or is a label such as a byline)."""
    for a, b in zip(paragraphs, paragraphs[1:]):
        if a.source != b.source or a.title != b.title:
            continue
        adjacent = not originals[a.source][a.end:b.start].strip()
        is_body = len(a.text) > 30 or re.search(r"[，、,]", a.text)
        if adjacent and is_body:
            assert SENTENCE_END.search(a.text), (a.source, a.number, a.text[-30:], b.text[:30])


def test_markdown_marks_are_not_in_the_text(paragraphs):
    for p in paragraphs:
        assert not p.text.startswith(("#", "- ")), p.text


# --- articles and titles ------------------------------------------------------------------


def test_paragraphs_that_open_with_a_dateline_have_a_title(paragraphs):
    datelined = [p for p in paragraphs if DATELINE.match(p.text)]
    assert len(datelined) == 13  # 4 in 000, 6 in 002, 3 in 003 (one closes an article)
    assert all(p.title for p in datelined), [p.text[:30] for p in datelined if not p.title]


def test_end_of_page_headlines_find_their_articles(paragraphs):
    expected = {
        "城镇新增就业2047人": "城中区",
        "抽调316名干部": "湟源县",
        "“石榴籽杯”校园足球联赛在博雅小学开幕": "城北区",
        "打造兼具日用品销售与快件寄递功能的物流末端服务站": "物流末端服务站",
        "城东区瞄准打造“幸福之城”": "城东区",
        "《青海省以工代赈项目村民自建工作指南（试行）》": "以工代赈",
    }
    for needle, title_part in expected.items():
        assert title_part in (paragraph_with(paragraphs, needle).title or ""), needle
    chengzhong = paragraph_with(paragraphs, "城镇新增就业2047人")
    same_article = [p for p in paragraphs if p.title == chengzhong.title]
    assert any("日均工资295元" in p.text for p in same_article)


def test_headlines_before_the_body_become_titles(corpus):
    articles, paragraphs = corpus
    titles = {a.title for a in articles}
    assert "三江潮涌 万家井然——2025年全省社会工作综述" in titles  # top of the file, with its subtitle
    assert "祁连以八成财力托起群众稳稳幸福" in titles  # three stacked lines before a dateline
    assert "3月1日！全省最大规模招聘会启幕" in titles
    assert "我国将全面开展农业气候资源普查和区划" in titles  # markdown heading
    assert paragraph_with(paragraphs, "城镇新增就业568人").title == "祁连以八成财力托起群众稳稳幸福"
    licence = paragraph_with(paragraphs, "流水号:01122781")
    assert licence.title == "国家金融监督管理总局公告｜中国工商银行股份有限公司大同庆新路支行"


def test_headlines_and_bylines_are_not_glued_to_body_text(paragraphs):
    for p in paragraphs:
        assert not p.text.startswith(("三江潮涌", "祁连以八成", "本报记者牛玉娇通讯员陈正礼灌"))
    assert paragraph_with(paragraphs, "灌，满是无奈。").text == "灌，满是无奈。"


FEATURE = "三江潮涌 万家井然——2025年全省社会工作综述"
FEATURE_NEW = "三江潮涌 万家井然｜开新局 管理向“新”"
FEATURE_DOWN = "三江潮涌 万家井然｜拓新路 治理向“下”"


def test_blocks_displaced_by_the_layout_keep_their_own_article_title(paragraphs):
    """000 interleaves the long 社会工作 feature with other articles: its blocks stand after
    (and inside) 西宁城中区, 省委宣传部 and 渠通水畅 blocks, and must not take their titles."""
    expected = {
        # "…社会工作取得长足进步，为" breaks off before 祁连/西宁; the sentence ends after 西宁城中区
        "推动高质量发展、维护社会大局稳定作出了重要贡献。": FEATURE,
        # section headings of the feature, with no dateline of their own
        "2月10日上午，习近平总书记来到": FEATURE_NEW,
        "前不久，海东市互助土族自治县威远镇": FEATURE_DOWN,
        # "…大爷主动配合，将鸡" / "笼移至阳台内侧…" continues after the 渠通水畅 article
        "笼移至阳台内侧": FEATURE_DOWN,
        "彩虹坊小区住户为社区的主动作为点赞": FEATURE_DOWN,
        "“12345+网格”试点": FEATURE_DOWN,
        # printed twice: after 省委宣传部 and after the feature's 治理向“下” section
        "“党组织就像‘主心骨’": FEATURE_DOWN,
        "同仁市率先在该物业分公司成立党支部": FEATURE_DOWN,
        "“小马拉大车”，是基层治理中遇到的突出问题。": FEATURE_DOWN,
        # their neighbours keep their own titles
        "城镇新增就业568人": "祁连以八成财力托起群众稳稳幸福",
        "开发“AI求职小助手”功能": "西宁城中区“零工驿站”匹配订单超2.46万单",
        "《通知》要求，全省全年理论宣讲工作": "省委宣传部部署今年全省理论宣讲工作",
        "新水渠不仅浇灌着村民对丰收的期盼": "渠通水畅尽欢颜 春灌良田润丰年——互助县哈拉直沟乡春灌现场见闻",
        "超长假期结束，尽快收心归位": "收心绷紧弦实干拉满弓",
    }
    wrong = {
        needle: paragraph_with(paragraphs, needle).title
        for needle, title in expected.items()
        if paragraph_with(paragraphs, needle).title != title
    }
    assert not wrong, wrong


def test_a_paragraph_broken_off_by_another_article_is_continued_after_it():
    text = (
        "甲县推进河道治理\n\n"
        "本报讯（记者 张三）甲县今年启动河道治理工程，清理河道淤泥三万方，沿岸新栽柳树两千株，河道治理\n\n"
        "乙市举办读书节\n\n"
        "本报讯（记者 李四）乙市第五届读书节昨日开幕，全市图书馆推出阅读活动一百场。\n\n"
        "读书节期间，乙市还将评选书香家庭五十户。\n\n"
        "工程预计年底完工，届时甲县河道两岸将形成十公里滨水步道。\n"
    )
    _, paragraphs = parse_source("layout.txt", text)
    assert [(p.text[:4], p.title) for p in paragraphs] == [
        ("本报讯（", "甲县推进河道治理"),
        ("本报讯（", "乙市举办读书节"),
        ("读书节期", "乙市举办读书节"),
        ("工程预计", "甲县推进河道治理"),  # picks up "…河道治理" where it broke off
    ]
    assert all(text[p.start:p.end] == p.raw for p in paragraphs)


def test_a_headline_inside_a_running_article_without_a_dateline_is_a_section():
    text = (
        "丙省社会工作综述\n\n本报记者 王五\n\n丙省今年社会工作取得新进展。\n\n"
        "治理向下\n\n丙省各社区推行网格化管理，网格员队伍达到两千人。\n\n"
        "丁县新闻\n\n本报讯（记者 赵六）丁县昨日召开春耕动员会。\n"
    )
    _, paragraphs = parse_source("sections.txt", text)
    assert [p.title for p in paragraphs] == [
        "丙省社会工作综述", "丙省社会工作综述", "丙省社会工作综述｜治理向下", "丁县新闻",
    ]
    # Loose headings of a plain document (no dateline or byline anywhere) stay titles of their own.
    _, paragraphs = parse_source("report.txt", "一、总体情况\n\n今年完成了全部任务。\n\n二、主要问题\n\n人手不足。\n")
    assert [p.title for p in paragraphs] == ["一、总体情况", "二、主要问题"]


def test_a_dateline_on_its_own_line_under_the_headline_opens_the_article():
    text = (
        "我国粮食产量再创新高\n\n新华社北京2024年12月13日电（记者 于文静）\n\n"
        "国家统计局13日发布公告，2024年全国粮食总产量14130亿斤。\n\n专家表示，粮食产量再创新高。\n"
    )
    _, paragraphs = parse_source("wire.txt", text)
    assert [(p.title, p.date) for p in paragraphs][1:] == [("我国粮食产量再创新高", "2024-12-13")] * 2


@pytest.mark.parametrize("joint", ["（上接第一版）\n", "（上接第一版）\n\n"])
def test_the_part_after_a_page_jump_rejoins_its_article(joint):
    text = (
        "乡村振兴迈出坚实步伐\n\n本报讯（记者 陈静）今年以来，我县统筹推进产业发展，为\n（下转第二版）\n\n"
        "城区交通拥堵治理见成效\n\n本报讯（记者 刘洋）城区主干道高峰时段平均车速提高了百分之十五。\n\n"
        + joint + "全面推进乡村振兴奠定了坚实基础。\n"
    )
    _, paragraphs = parse_source("pages.txt", text)
    assert [p.title for p in paragraphs] == ["乡村振兴迈出坚实步伐", "城区交通拥堵治理见成效", "乡村振兴迈出坚实步伐"]
    assert all(text[p.start:p.end] == p.raw for p in paragraphs)


def test_interview_turns_without_question_marks_stay_in_the_interview():
    text = (
        "让文物活起来\n——访省博物馆馆长周明\n\n新华社南京2024年3月2日电（记者 黄丽）\n\n"
        "问：今年博物馆推出了哪些新展览\n\n答：今年我们推出了三个特展。\n\n问：明年有什么打算\n\n答：明年将启动新馆建设。\n"
    )
    _, paragraphs = parse_source("interview.txt", text)
    assert [p.text[:2] for p in paragraphs[1:]] == ["问：", "答：", "问：", "答："]
    assert {p.title for p in paragraphs} == {"让文物活起来——访省博物馆馆长周明"}
    assert {p.date for p in paragraphs} == {"2024-03-02"}


def test_ordinary_articles_stay_apart():
    """The layout rules above need evidence: an uncredited article after a credited one,
    a paragraph that merely lacks its full stop, and a markdown document keep their own titles."""
    def titles(name: str, text: str) -> list[tuple[str, str | None]]:
        _, paragraphs = parse_source(name, text)
        assert all(text[p.start:p.end] == p.raw for p in paragraphs)
        return [(p.text[:4], p.title) for p in paragraphs]

    assert titles("page.txt", (
        "甲县推进河道治理\n\n本报讯（记者 张三）甲县今年启动河道治理工程，清理河道淤泥三万方。\n\n"
        "乙县举办农民丰收节\n\n乙县第三届农民丰收节昨日开幕，来自全县的农户展示了特色农产品。\n\n"
        "丰收节期间还举办了农产品展销活动。\n"
    )) == [("本报讯（", "甲县推进河道治理"), ("乙县第三", "乙县举办农民丰收节"), ("丰收节期", "乙县举办农民丰收节")]
    assert titles("page.txt", (
        "甲县推进河道治理\n\n本报讯（记者 张三）甲县今年启动河道治理工程，主要工程包括清淤、护岸、绿化等\n\n"
        "乙县举办农民丰收节\n\n本报讯（记者 李四）乙县第三届农民丰收节昨日开幕。\n\n"
        "丰收节上，当地还展示了清淤、护岸等水利工程成果。\n"
    ))[-1] == ("丰收节上", "乙县举办农民丰收节")
    # an article with sections does not swallow the unrelated item after it, nor give it its date
    _, paragraphs = parse_source("feature.txt", (
        "奋进新征程 建功新时代\n\n新华社北京2024年10月8日电（记者 林涛）今年以来，各地制造业企业加快转型升级。\n\n"
        "开新局 管理向“新”\n\n在一家机械厂车间，工人们正在调试新引进的智能生产线，制造业生产效率提升了三成。\n\n"
        "强动能 创新驱动\n\n制造业企业研发投入持续加大，今年前三季度企业研发投入增长百分之二十。\n\n"
        "市图书馆周末延长开放\n\n市图书馆自本月起周末闭馆时间推迟至晚上九点，方便市民阅读。\n"
    ))
    assert [(p.title, p.date) for p in paragraphs][1:] == [
        ("奋进新征程 建功新时代｜开新局 管理向“新”", "2024-10-08"),
        ("奋进新征程 建功新时代｜强动能 创新驱动", "2024-10-08"),
        ("市图书馆周末延长开放", None),
    ]
    assert titles("report.md", (
        "# 年度工作报告\n\n## 河道治理\n\n今年全县完成河道治理三十公里，主要措施包括清淤、护岸和绿化等\n\n"
        "## 农业生产\n\n全县粮食播种面积稳定在五十万亩。\n\n在农田水利方面，今年新建护岸和清淤工程十处。\n"
    ))[-1] == ("在农田水", "农业生产")


def test_short_unpunctuated_lines_are_kept_as_text():
    # lines that look like headlines but head no article (notes without full stops) are not dropped
    text = (
        "# 水利工作总结\n\n## 河道治理\n\n今年全县完成河道治理三十公里，清淤二十万方\n\n重点推进了城区河段的堤防加固\n\n"
        "## 农业生产\n\n全县粮食播种面积稳定在五十万亩\n\n春耕期间组织农技人员下乡指导\n\n"
        "河道沿线农田灌溉条件明显改善，河道治理成效显现\n"
    )
    _, paragraphs = parse_source("notes.md", text)
    kept = "".join(p.text for p in paragraphs) + "".join(p.title or "" for p in paragraphs)
    for line in ("重点推进了城区河段的堤防加固", "全县粮食播种面积稳定在五十万亩", "春耕期间组织农技人员下乡指导"):
        assert line in kept, line
    assert all(text[p.start:p.end] == p.raw for p in paragraphs)
    # a list of short items is no headline block: each item stays an item, without its "-" marker
    _, paragraphs = parse_source("plan.md", "## 重点任务\n\n- 完善社区养老服务设施\n- 推进垃圾分类\n- 开展邻里节活动\n")
    texts = [p.text for p in paragraphs]
    assert {"完善社区养老服务设施", "推进垃圾分类", "开展邻里节活动"} <= set(texts), texts


def test_articles_cover_their_paragraphs(corpus):
    articles, paragraphs = corpus
    for p in paragraphs:
        owners = [a for a in articles if a.source == p.source and a.start <= p.start and p.end <= a.end]
        assert owners, (p.source, p.number)
    for a in articles:
        assert 0 <= a.start < a.end


# --- bad files ----------------------------------------------------------------------------


def test_bad_files_are_skipped_with_a_warning_and_the_rest_loaded(tmp_path, caplog):
    (tmp_path / "sub").mkdir()
    (tmp_path / "good.txt").write_text("本报讯（记者 张三）今天天气\n很好。\n", encoding="utf-8")
    (tmp_path / "sub" / "notes.md").write_text("# 标题\n\n正文第一段。\n", encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes("\ufeff带字节顺序标记的文件。".encode("utf-8"))
    (tmp_path / "gbk.txt").write_bytes("这是GBK编码的文字。".encode("gbk"))
    (tmp_path / "empty.txt").write_text(" \n\n\t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    (tmp_path / "ignored.json").write_text("{}", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="rag.ingest"):
        articles, paragraphs = load_corpus(tmp_path)
    assert {p.source for p in paragraphs} == {"good.txt", "sub/notes.md", "bom.txt"}
    warned = " ".join(record.getMessage() for record in caplog.records)
    for name in ("gbk.txt", "empty.txt", "binary.txt"):
        assert name in warned
    good = next(p for p in paragraphs if p.source == "good.txt")
    assert good.text == "本报讯（记者张三）今天天气很好。"
    assert next(p for p in paragraphs if p.source == "bom.txt").text == "带字节顺序标记的文件。"
    assert next(p for p in paragraphs if p.source == "sub/notes.md").title == "标题"


def test_source_files_are_sorted_and_recursive(tmp_path):
    for name in ["b.txt", "a/z.md", "a/y.TXT", ".hidden/x.txt", "c.csv"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("正文。", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in source_files(tmp_path)] == ["a/y.TXT", "a/z.md", "b.txt"]


def test_parse_source_never_raises_on_odd_text():
    rng = random.Random(7)
    alphabet = "本报讯新华社电记者（）#- \n\n\r\t。，、“”《》下转第六版0123456789ABC摄"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        articles, paragraphs = parse_source("odd.txt", text)
        for p in paragraphs:
            assert text[p.start:p.end] == p.raw and is_subsequence(p.text, p.raw) and "\n" not in p.text


# --- benchmark corpora --------------------------------------------------------------------


def test_jsonl_corpus_splits_docs_and_skips_malformed_lines(tmp_path, caplog):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"doc_id": "d1", "title": "标题一", "text": "第一段第一句。第二句。\n\n第二段，德国政\n府资助。"}, ensure_ascii=False),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"doc_id": "d2", "title": "", "text": "iPhone 6 系列  \r   停产。"}, ensure_ascii=False),
        json.dumps({"doc_id": "d3", "title": "无正文"}, ensure_ascii=False),
        json.dumps({"doc_id": "d1", "title": "重复", "text": "重复的编号。"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="rag.ingest"):
        articles, paragraphs = load_jsonl_corpus(path)
    assert [(a.source, a.title) for a in articles] == [("d1", "标题一"), ("d2", None)]
    assert [(p.source, p.number, p.text) for p in paragraphs] == [
        ("d1", 1, "第一段第一句。第二句。"),
        ("d1", 2, "第二段，德国政府资助。"),
        ("d2", 1, "iPhone 6 系列停产。"),
    ]
    texts = {"d1": json.loads(lines[0])["text"], "d2": json.loads(lines[3])["text"]}
    assert all(texts[p.source][p.start:p.end] == p.raw for p in paragraphs)
    warned = [record.getMessage() for record in caplog.records]
    assert len(warned) == 4 and all(str(path) in message for message in warned)


@pytest.mark.skipif(not (BENCH / "cmrc2018_dev" / "corpus.jsonl").is_file(), reason="benchmark corpora not present")
def test_real_benchmark_corpus_keeps_provenance():
    path = BENCH / "cmrc2018_dev" / "corpus.jsonl"
    docs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        docs[record["doc_id"]] = record["text"]
    articles, paragraphs = load_jsonl_corpus(path)
    assert len(articles) == len(docs)
    for p in paragraphs:
        assert docs[p.source][p.start:p.end] == p.raw and is_subsequence(p.text, p.raw) and "\n" not in p.text


# --- UTF-8 byte order mark ---------------------------------------------------------------


def _file_text(path: Path) -> str:
    """The file as every reader of citation offsets sees it: its bytes decoded as UTF-8, a BOM kept as U+FEFF."""
    return path.read_bytes().decode("utf-8")


def test_offsets_in_a_file_with_a_bom_count_the_bom(tmp_path):
    from rag.answer import extract_answer
    from rag.schema import Chunk, Hit

    seed = SEEDS / "000_8ae9b2f0223bb8b0.txt"
    (tmp_path / "bom_seed.txt").write_bytes(b"\xef\xbb\xbf" + seed.read_bytes())
    (tmp_path / "bom_short.txt").write_bytes("\ufeff本报讯 互助县今年种植青稞一万二千亩，青稞酒产量达到九千吨。\n".encode("utf-8"))
    _, plain = load_corpus(SEEDS)
    _, paragraphs = load_corpus(tmp_path)
    for name in ("bom_seed.txt", "bom_short.txt"):
        original = _file_text(tmp_path / name)
        own = [p for p in paragraphs if p.source == name]
        assert own
        for p in own:
            assert original[p.start:p.end] == p.raw, (name, p.number)
            assert "\ufeff" not in p.text and "\ufeff" not in p.raw
        assert original[0] == "\ufeff" and read_source(tmp_path / name) == original
    short = next(p for p in paragraphs if p.source == "bom_short.txt")
    assert short.start == 1 and short.text.startswith("本报讯")
    # the same paragraphs as without the BOM, one character later
    seed_paragraphs = [p for p in plain if p.source == seed.name]
    bom_paragraphs = [p for p in paragraphs if p.source == "bom_seed.txt"]
    assert [(p.start + 1, p.end + 1, p.text) for p in seed_paragraphs] == [(p.start, p.end, p.text) for p in bom_paragraphs]

    # an answer span found in a BOM file points at the answer in the file
    original = _file_text(tmp_path / "bom_seed.txt")
    paragraph = paragraph_with(bom_paragraphs, "城镇新增就业568人")
    chunk = Chunk(0, paragraph.source, paragraph.title, paragraph.number, paragraph.text, 0, len(paragraph.text))
    answer = extract_answer("祁连县城镇新增就业多少人？", [Hit(chunk, paragraph, 1.0, {"keyword": 10.0, "dense": 1.0}, {"keyword": 1, "dense": 1})])
    first = answer.citations[0]
    assert not answer.refused and answer.short == "568人"
    assert original[first.start:first.end] == paragraph.raw
    assert original[first.answer_start:first.answer_end] == "568人"
    assert first.text[first.text_answer_start:first.text_answer_end] == "568人"


# --- a page the parser never saw (issue 11): a headline's second line and photo captions ---

_PAGE = (
    "青岚春节假期接待游客286.5万人次\n\n旅游收入同比增长16.8%\n\n"
    "本报讯（记者 罗嘉怡）2月24日，\n记者从四川省青岚市文化广电旅游局获\n悉，我市共接待游客286.\n5万人次。\n\n"
    "重点景区人气旺。峨岚山景区接待游客\n42.6万人次，同比增长18.9%\n，单日最高接待量达7.8万人次。\n\n"
    "图为2月19日，游客在峨岚山景区游览。\n（本报记者 罗嘉怡 摄）\n\n"
    "文旅活动精彩纷呈。假期期间，全市推\n出系列活动260余场，其中非遗展\n演118场。\n\n"
    "驾驶人管理方面，一季度全省新领取驾驶\n证18.4万人，同比下降6.3%。\n\n"
    "4月12日，车主在南昌市红谷\n滩区一处公共充电站为新能源\n汽车充电。\n（本报记者 万思远 摄）\n"
)


def test_a_headlines_second_line_printed_apart_joins_the_title():
    articles, paragraphs = parse_source("page.txt", _PAGE)
    assert [a.title for a in articles] == ["青岚春节假期接待游客286.5万人次 旅游收入同比增长16.8%"]
    assert all(p.title == articles[0].title for p in paragraphs)
    assert not any(p.text.startswith("青岚春节假期") for p in paragraphs)  # no title-less paragraph of the headline


def test_a_photo_caption_is_its_own_paragraph_not_glued_to_the_next():
    _, paragraphs = parse_source("page.txt", _PAGE)
    texts = [p.text for p in paragraphs]
    assert "图为2月19日，游客在峨岚山景区游览。（本报记者罗嘉怡摄）" in texts
    assert any(t.startswith("文旅活动精彩纷呈。") for t in texts)
    assert "4月12日，车主在南昌市红谷滩区一处公共充电站为新能源汽车充电。（本报记者万思远摄）" in texts
    for p in paragraphs:
        assert _PAGE[p.start:p.end] == p.raw
