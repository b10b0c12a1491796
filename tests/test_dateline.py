"""rag.dateline: the one home of the patterns that recognise a dateline and a byline, read by rag.ingest (to cut a
page into articles) and rag.setting (the dateline's place). The readers must read what they read before the
patterns moved: the seeds' units (offsets and kinds) and paragraphs (offsets, settings, dates) are pinned below."""
from __future__ import annotations

import collections

import pytest

from rag import dateline, ingest, setting
from rag.ingest import units


@pytest.mark.parametrize("text, opens", [
    ("本报讯（记者 林一帆）3月5日，城中区举办招聘会。", True),
    ("据本报兰州讯 甘肃省…", True),
    ("新华社北京1月26日电（记者王强）公安部26日发布…", True),
    ("中新社西宁1月5日电 青海省…", True),
    ("人民网北京3月2日消息 …", True),
    ("本报柳溪1月26日讯（记者 李华）记者从…", True),  # a local paper's dateline with its date
    ("本报北京12月3日电 记者…", True),  # 人民日报's own reports end in 电
    ("本报热线电话：0971-1234567", False),  # 电 of 电话, no date before it
    ("本报记者 林一帆", False),  # a byline, not a dateline
    ("本报通讯员讯员", False),
    ("城中区一季度新增就业2470人。", False),
])
def test_a_dateline_opens_a_report(text, opens):
    assert bool(dateline.DATELINE.match(text)) == opens


@pytest.mark.parametrize("line, byline", [
    ("本报记者 林一帆 黄思远", True), ("通讯员 张玉善", True), ("新华社特约记者 王强", True), ("特约评论员", True),
    ("记者从城中区人社局获悉，一季度新增就业2470人。", False),  # a lead, not a byline line
])
def test_a_byline_names_the_writer(line, byline):
    assert bool(dateline.BYLINE.match(line)) == byline


def test_the_place_of_a_dateline_and_a_wire():
    assert dateline.dateline_place("本报兰州讯 …") == ["兰州"]
    assert dateline.dateline_place("新华社西宁1月5日电 …") == ["西宁"]
    assert dateline.dateline_place("本报记者讯 …") == [] and dateline.dateline_place("本报综合讯 …") == []
    assert dateline.dateline_place("城中区一季度…") == []
    assert dateline.is_wire("新华社西宁1月5日电") and dateline.is_wire("中新社北京电") and not dateline.is_wire("本报兰州讯")


def test_the_readers_use_the_one_home():
    assert units._DATELINE is dateline.DATELINE and units._BYLINE is dateline.BYLINE
    assert setting.dateline_place is dateline.dateline_place and setting.is_wire is dateline.is_wire


def test_a_page_is_cut_at_its_dateline_and_byline():
    page = "城中区稳就业促增收\n\n本报记者 林一帆\n\n本报城中讯 一季度，城中区城镇新增就业2470人。\n\n新华社西宁1月5日电 青海省今年…\n"
    kinds = [(u.kind, page[u.start:u.end]) for u in units.read_units(page) if u.kind != units.EMPTY]
    assert kinds == [
        (units.HEADLINE, "城中区稳就业促增收"), (units.BYLINE, "本报记者 林一帆"),
        (units.DATELINE, "本报城中讯 一季度，城中区城镇新增就业2470人。"), (units.DATELINE, "新华社西宁1月5日电 青海省今年…"),
    ]
    assert setting.article_setting("稳就业促增收", "本报城中讯 一季度，城中区…")[:1] == ["城中"]


def test_a_dated_local_dateline_opens_a_new_article(tmp_path):
    """Two reports on one page, the second under its headline with "本报柳溪1月26日讯": its paragraphs are its
    article's, under its own title, not the first report's (whose 全县 is another county)."""
    (tmp_path / "page.txt").write_text(
        "青禾县新增就业3200人\n\n本报讯（记者 王明）2025年全县城镇新增就业3200人。\n\n全县还开展技能培训86期。\n\n"
        "柳溪县旅游收入突破10亿元\n\n本报柳溪1月\n26日讯（记者 李华）2025年全县接待游客512万人次。\n\n全县新增民宿42家。\n",
        encoding="utf-8")
    _, paragraphs = ingest.load_corpus(tmp_path)
    titles = {p.text[:6]: p.title for p in paragraphs}
    assert titles["全县新增民宿"] == "柳溪县旅游收入突破10亿元"
    assert titles["全县还开展技"] == "青禾县新增就业3200人"


def test_the_seeds_are_read_as_before(seeds_dir):
    kinds = collections.Counter()
    for path in ingest.source_files(seeds_dir):
        for unit in units.read_units(ingest.read_source(path)):
            kinds[unit.kind] += 1
    _, paragraphs = ingest.load_corpus(seeds_dir)
    assert (kinds[units.DATELINE], kinds[units.END_DATELINE], kinds[units.BYLINE], len(paragraphs)) == (12, 1, 3, 145)
