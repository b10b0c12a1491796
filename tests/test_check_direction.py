"""Fact checking: a stated value read backwards, claims of a direction without a number (rag.check.direction),
and a small place under another parent (rag.check.place_chain). Sentences written for these tests, not taken
from the gold claims."""
from __future__ import annotations

from rag.check.claims import find_claims
from rag.check.direction import direction_in
from rag.check.measure import share_present, share_present_heads
from rag.check.place_chain import chains


def test_a_compound_is_said_by_its_head():
    assert share_present_heads(["办事效率", "试点"], "效率提升38%，试点一年") == 1.0
    assert share_present(["办事效率", "试点"], "效率提升38%，试点一年") == 0.5
    assert share_present_heads(["效率"], "办事速度提升") == 0.0  # two characters are the word itself


def test_a_direction_needs_something_it_governs():
    clause = "新增工程应提高工资保证金存储比例"
    start, end = direction_in(clause)
    assert clause[start:end] == "提高"
    assert direction_in("同比增长") is None  # leans on a figure: nothing of its own
    assert direction_in("工业增加值保持稳定") is None  # 增加值 is a noun


def test_a_figure_free_clause_with_a_direction_is_a_claim():
    claims, unchecked = find_claims("城东区每年都在削减社会救助的财政投入。我们会继续努力。")
    assert [(c.kind, c.stated) for c in claims] == [("direction", "削减")]
    assert [u.text for u in unchecked] == ["我们会继续努力。"]
    figure_claims, _ = find_claims("城镇新增就业2047人，同比增长。")
    assert [c.kind for c in figure_claims] == ["figure"]


def _verdicts(report):
    return [(c.claim.kind, c.verdict, c.found, c.differs) for c in report.claims]


def test_a_direction_without_a_number_is_checked_against_the_articles_object(seed_assistant, monkeypatch):
    wrong = "施工总承包单位连续两年没有拖欠工资的，新增工程须提高存储比例。"
    assert ("direction", "contradicted", "降低存储比例", "方向") in _verdicts(seed_assistant.check(wrong))
    right = seed_assistant.check("施工总承包单位连续两年没有拖欠工资的，新增工程须降低存储比例。")
    assert ("direction", "supported", "降低存储比例", None) in _verdicts(right)
    assert _verdicts(seed_assistant.check("城东区每年都在削减社会救助的财政投入。")) == [
        ("direction", "contradicted", "加大财政投入力度", "方向")]
    # the same place and direction word, but an object the article does not govern: nothing concluded
    assert seed_assistant.check("城东区逐年压减道路养护经费。").verdict == "not_found"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "direction")
    assert seed_assistant.check("城东区每年都在削减社会救助的财政投入。").verdict != "contradicted"


def test_the_stated_value_in_the_opposite_direction_contradicts_on_looser_overlap(seed_assistant, monkeypatch):
    claim = "海东推出“海东快办”后，办事效率下降了38%。"
    assert ("figure", "contradicted", "提升38%", "方向") in _verdicts(seed_assistant.check(claim))
    # the right direction is not confirmed on that looser overlap
    assert all(c.verdict != "supported" for c in seed_assistant.check("海东推出“海东快办”后，办事效率提升了38%。").claims)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "direction")
    assert all(c.verdict != "contradicted" for c in seed_assistant.check(claim).claims)


# --------------------------------------------------------------------------- a place under another parent


def test_a_small_place_is_read_with_the_county_or_city_before_it():
    assert chains("湟中区多巴镇的蔬菜大棚扩建完成") == [("湟中区", "多巴镇")]
    assert chains("请江苏南通市海连社区的居民注意") == [("南通市", "海连社区")]
    assert chains("城中区一季度城镇新增就业") == []  # a period and 城镇 are not a place
    assert chains("全省各乡镇都设了站点") == []


def test_a_small_place_under_another_parent_is_contradicted(seed_assistant, monkeypatch):
    wrong = seed_assistant.check("大通县哈拉直沟乡的春灌今年提前开始了。")
    assert wrong.verdict == "contradicted"
    assert [(c.found, c.differs) for c in wrong.claims if c.verdict == "contradicted"] == [("互助县", "地点")]
    assert seed_assistant.check("互助县哈拉直沟乡的春灌今年提前开始了。").verdict != "contradicted"
    # a small place the articles never write: nothing to conclude
    assert seed_assistant.check("大通县桥头镇的春灌今年提前开始了。").verdict != "contradicted"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "place_chain")
    assert seed_assistant.check("大通县哈拉直沟乡的春灌今年提前开始了。").verdict != "contradicted"


# --------------------------------------------------------------------------- how a figure's direction is read


def test_a_one_character_verb_before_the_figure_says_its_direction():
    from rag.check.measure import direction

    assert direction("较去年减 ") == "down" and direction("比去年降了 ") == "down" and direction("较上年少 ") == "down"
    assert direction("同比增 ") == "up" and direction("比上年多 ") == "up"
    assert direction("较去年负增长 ") == "down"  # not 增长
    assert direction("较去年锐减 ") == "down" and direction("同比萎缩 ") == "down"
    assert direction("至少 ") is None and direction("不少 ") is None  # qualifiers of the figure, not directions
    assert direction("全省共有社会工作专业人才 ") is None


def test_a_figure_with_the_opposite_direction_word_is_never_supported(seed_assistant):
    # the article: "全省共有社会工作专业人才3200人，较去年增长37%"
    for wrong in ("全省社会工作专业人才较去年减37%。", "全省社会工作专业人才比去年降了37%。", "全省社会工作专业人才较去年锐减37%。"):
        report = seed_assistant.check(wrong)
        assert report.verdict == "contradicted", wrong
        assert [(c.found, c.differs) for c in report.claims] == [("增长37%", "方向")]
    assert seed_assistant.check("全省社会工作专业人才较去年增37%。").verdict == "supported"


def test_a_direction_word_is_not_a_name(seed_assistant):
    from rag.check.subject import names_in

    assert "同比增加" not in names_in("2025年社会工作者职业资格考试报名人数同比增加")  # jieba guesses a person
    # the article: "…考试有223.6万人报名,同比增长18.4%": the same fact in other words, not another name
    assert seed_assistant.check("2025年社会工作者职业资格考试报名人数同比增加18.4%。").verdict == "supported"


def test_antonyms_of_length_and_speed_are_directions(seed_assistant):
    from rag.check.measure import direction

    assert direction("时限延长 ") == "up" and direction("时限缩短 ") == "down" and direction("增速放缓 ") == "down"
    # the article: "西宁“接诉即办”时限压缩30%"
    assert seed_assistant.check("试点一年来，西宁“接诉即办”时限延长30%。").verdict == "contradicted"


def test_new_and_as_many_as_are_levels_and_a_level_reached_is_no_change():
    """新增 names a level ("新增就业2047人"), 多达/较多 say how many; "提升至98%" is the level reached."""
    from rag.check.measure import direction, level_reached

    assert direction("城镇新增 人") is None and direction("多达 人") is None and direction("较多 个") is None
    assert direction("同比增 ") == "up" and direction("较上年少 个") == "down" and direction("比去年降了 ") == "down"
    assert level_reached("满意度提升至 ") and level_reached("提高到 ") and level_reached("降至 ")
    assert not level_reached("增长 ") and not level_reached("同比增 ") and not level_reached("城镇新增 人")


def test_a_level_told_with_new_is_confirmed_by_the_articles_level(seed_assistant, monkeypatch):
    """The article's "城镇新增就业2047人" confirms "新增2047人就业": 新增 is no change the level cannot confirm."""
    assert seed_assistant.check("城中区一季度新增2047人就业。").verdict == "supported"
    assert seed_assistant.check("城中区一季度新增就业减少2047人。").verdict != "supported"  # a change is not confirmed


def test_only_the_character_before_a_bare_number_rules_it_out():
    """A bare scaled number is not read inside a longer number, judged by the one character before it (not the
    whole text before it, which made a run of 4,000 digits quadratic); digits further back do not matter."""
    claims, _ = find_claims("1" * 4000 + "万人，城中区新增66万人。")
    assert any(c.stated == "66万人" for c in claims)
