"""Fact checking, issue 10 seventh round (helper "draft7"): where a draft's claims are and what they are about.
The pages checked here (tests/data/draft7/) were written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over

from rag.check.claims import find_claims, names_another, places_in, referent_pairs

PAGES = Path(__file__).parent / "data" / "draft7"


@pytest.fixture(scope="module")
def pages_assistant(tmp_path_factory):
    return assistant_over(PAGES, tmp_path_factory, "check-draft7-index")


@pytest.mark.parametrize("text, places", [
    # a kind of area is no place ("建成区": its stem, 建成, names nothing) ...
    ("淘汰城市建成区10蒸吨/小时及以下燃煤锅炉186台，淘汰老旧柴油货车2.1万辆", ()),
    ("高新区管委会发布通知", ()),
    ("获得省级黑土地保护奖励资金500万元", ()),  # 黑 + 土地: a common noun jieba tags as a place
    ("河西走廊", ("河西走廊",)),  # a name + 走廊 is a place
    # ... unless a name stands before it: then the zone is a place (a compound "成都高新区" was stricter than the
    # articles' wording on unseen pages)
    ("走进四川成都高新区中和街道的职工驿站", ("高新区",)),
    ("上半年扎龙保护区生态补水3亿立方米", ("保护区",)),
    # a district the dictionary knows as a place stays one
    ("西宁市城中区一季度新增就业2047人", ("城中区",)),
    # places jieba cut short are read from their true start
    ("临沅县今年完成投资2.3亿元", ("临沅县",)),
    ("青岚县设有县、乡、村三级河长386名", ("青岚县",)),
    ("安化市今年完成投资2.3亿元", ("安化市",)),
    # a place without a place's suffix right after a named one starts an organisation's name: the place is the named one
    ("祥云县城东实验学校建筑面积达3.2万平方米", ("祥云县",)),
    ("西宁市城中区一季度", ("城中区",)),
])
def test_places_are_names_not_kinds_of_area(text, places):
    assert places_in(text) == places


def test_a_common_verb_before_a_level_word_is_no_name():
    assert not any(p.endswith("县") for p in places_in("该县全面落实河湖长制，设立县、乡、村三级河长386名"))  # not 设立县


def _pairs(text: str) -> list[tuple[str, str]]:
    at = text.find("。") + 1
    return referent_pairs(text, at, len(text))


def test_pointers_with_a_one_character_noun_stand_for_the_name_before():
    text = "9月1日，宾水县城东实验学校正式开学。该校总投资8600万元。"
    assert _pairs(text) == [("该校", "宾水县城东实验学校")]
    text = "9月1日，宾水县城东实验学校正式开学。这所学校的校长是王明。"
    assert _pairs(text) == [("这所学校", "宾水县城东实验学校")]
    text = "青禾县人民医院新门诊楼投入使用。该院上半年门急诊量达31.5万人次。"
    assert _pairs(text) == [("该院", "青禾县人民医院")]
    # a place pointer is carried as a place, and a kind of thing done names nothing
    assert _pairs("临水县小麦丰收。该县城镇新增就业568人。") == []
    assert _pairs("青溪县共实施重点项目35个。该项目总投资18亿元。") == []


def test_a_pointer_is_said_by_name_in_the_query_not_in_the_measure():
    claims, _ = find_claims("青禾县人民医院新门诊楼投入使用。这家医院上半年门急诊量达到31.5万人次。")
    claim = claims[-1]
    assert claim.referents == ("青禾县人民医院",)
    assert claim.query.startswith("青禾县人民医院上半年门急诊量")
    assert "这家医院" not in claim.label


def test_an_unnamed_noun_of_the_article_names_no_other_thing():
    # "这所…学校": the article's own school, not another one
    assert not names_another("宾水县城东实验学校", "这所总投资8600万元的九年一贯制学校正式开学")
    assert names_another("青禾县人民医院", "同日，青禾县中医院门急诊量达13.7万人次")


@pytest.mark.parametrize("draft, verdict, found", [
    ("青禾县人民医院新门诊楼7月8日投入使用。这家医院上半年门急诊量达到35.1万人次。", "contradicted", "31.5万人次"),
    ("青禾县人民医院新门诊楼7月8日投入使用。这家医院上半年门急诊量达到31.5万人次。", "supported", None),
    # the figure of the article's other hospital is not this one's
    ("青禾县人民医院新门诊楼7月8日投入使用。这家医院上半年门急诊量达到13.7万人次。", "contradicted", "31.5万人次"),
    # the province's own figure, not a district's: 城市建成区 is no place
    ("上半年兰江省淘汰老旧柴油货车两万一千辆。", "supported", None),
])
def test_drafts_with_pointers_and_kinds_of_area(pages_assistant, draft, verdict, found):
    report = pages_assistant.check(draft)
    last = report.claims[-1]
    assert last.verdict == verdict, last.reason
    if found:
        assert last.found == found


@pytest.mark.parametrize("text, written, unit, qualifier", [
    ("今年已完成310例冠状动脉介入手术", "310例", "例", "exact"),  # counts of cases, containers, vehicle trips are figures
    ("桥吊平均每小时作业38自然箱", "38自然箱", "自然箱", "exact"),
    ("全年通行186万辆次", "186万辆次", "辆次", "exact"),
    ("作业效率已超过每小时38自然箱", "38自然箱", "自然箱", "lower"),  # a qualifier before the rate qualifies the figure
])
def test_more_units_and_rate_qualifiers(text, written, unit, qualifier):
    from rag.check.figures import find_figures

    [figure] = find_figures(text)
    assert (figure.written, figure.unit, figure.qualifier) == (written, unit, qualifier)


def test_a_post_then_is_then_a_name_is_a_claim():
    claims, _ = find_claims("宾水县城东实验学校正式开学。这所学校的校长是王明远。")
    assert [c.stated for c in claims if c.kind == "name"] == ["王明远"]
