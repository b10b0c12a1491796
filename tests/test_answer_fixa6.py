"""Review findings of the sixth session on the answer stage (helper "fixa6"). Sentences written for
these tests, not taken from any eval page."""
from __future__ import annotations

from rag.answer import extract_answer

from conftest import ranked
from test_near_miss import paragraph


def test_a_figure_counting_a_sibling_noun_does_not_answer_the_asked_one(monkeypatch):
    # 银奖 and 金奖 share a character but count different things; 奖项 / 二等奖项 hold one another
    text = paragraph("北岭乡代表队获得金奖14个，南坡镇选手王明远获得3个银奖。", 1)
    assert extract_answer("北岭乡代表队获得多少个金奖？", ranked(text)).short == "14个"
    assert extract_answer("北岭乡代表队获得多少个银奖？", ranked(text)).refused
    assert extract_answer("王明远获得了多少个铜奖？", ranked(text)).refused
    assert extract_answer("王明远获得了多少个银奖？", ranked(text)).short == "3个"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "counted_sibling")
    assert not extract_answer("北岭乡代表队获得多少个银奖？", ranked(text)).refused


def test_a_general_role_of_the_organisation_asked_is_not_held_by_another_organisations_head(monkeypatch):
    text = paragraph("青禾乡茶叶协会理事长钱国栋介绍，青禾乡茶叶合作社现有社员120户。", 1)
    assert extract_answer("青禾乡茶叶协会的负责人是谁？", ranked(text)).short == "钱国栋"
    assert extract_answer("青禾乡茶叶合作社的负责人是谁？", ranked(text)).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "role_organisation")
    assert extract_answer("青禾乡茶叶合作社的负责人是谁？", ranked(text)).short == "钱国栋"


def test_a_word_with_the_asked_words_first_and_last_character_but_another_head_is_not_the_asked_word(monkeypatch):
    from rag.answer.scoring import same_characters
    assert same_characters("起拍价", "挂牌起始价4350万元")
    assert not same_characters("总收入", "项目总投入3.2亿元") and not same_characters("总人数", "搬迁总户数410户")
    text = paragraph("北塘镇污水管网改造项目总投入3.2亿元，惠及居民1.1万户。", 1)
    assert extract_answer("北塘镇污水管网改造项目总收入是多少？", ranked(text)).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "other_word_head")
    assert extract_answer("北塘镇污水管网改造项目总收入是多少？", ranked(text)).short == "3.2亿元"


def test_every_township_is_the_countys_scope_and_a_named_towns_whole_is_not_the_countys():
    from test_fresh_readings import _check
    every = paragraph("松阳县在全乡镇推广稻渔综合种养4.2万亩。", 1, title="松阳县稻渔产业")
    assert _check("松阳县推广稻渔综合种养多少亩？", "4.2万亩", every) is None
    town = paragraph("其中，石门镇全镇新建茶园2600亩，带动农户就业900人。", 1, title="松阳县茶产业")
    found = _check("松阳县新建了多少亩茶园？", "2600亩", town)
    # (read as 松阳县, no longer 松阳县新建, the question meets 石门镇 as another place before the scope word)
    assert found and found[0] in ("scope", "place"), found
    assert _check("石门镇新建了多少亩茶园？", "2600亩", town) is None


def test_a_venue_is_the_asked_events_not_one_sharing_only_a_character(monkeypatch):
    text = paragraph("第三届青山茶文化节于5月2日在市会展中心开幕，5月9日在白岩村茶园广场闭幕。", 1)
    assert extract_answer("青山茶文化节在哪里闭幕？", ranked(text)).short == "白岩村茶园广场"
    assert extract_answer("青山茶文化节在哪里开幕？", ranked(text)).short == "市会展中心"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "event_head")
    assert extract_answer("青山茶文化节在哪里闭幕？", ranked(text)).short == "市会展中心"


def test_how_often_is_no_length_of_time(monkeypatch):
    text = paragraph("本届农民丰收节历时5天。主办方表示，今后丰收节将每三年举办一届。", 1)
    answer = extract_answer("丰收节多久举办一次？", ranked(text))
    assert answer.short is None or "5天" not in answer.short
    assert answer.refused or "每三年" in answer.answer
    assert extract_answer("本届农民丰收节历时多久？", ranked(text)).short == "5天"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "frequency")
    assert extract_answer("丰收节多久举办一次？", ranked(text)).short == "5天"


def test_an_area_asked_is_said_by_a_figure_in_mu(monkeypatch):
    text = paragraph("今年以来，白沙镇新建高标准茶园1800亩，带动农户就业600人。", 1)
    assert extract_answer("白沙镇茶园面积有多大？", ranked(text)).short == "1800亩"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "measure_by_unit")
    assert extract_answer("白沙镇茶园面积有多大？", ranked(text)).refused


def test_zhe_wei_yu_is_no_person_asked():
    from rag.answer.question import NAME, analyze_question
    assert analyze_question("这位于清河的科技馆的吉祥物叫什么名字？").kind == NAME
    text = paragraph("位于清河的科技馆发布了吉祥物“河河”，市民可在馆内合影。", 1)
    assert extract_answer("这位于清河的科技馆的吉祥物叫什么名字？", ranked(text)).short.strip("“”") == "河河"
