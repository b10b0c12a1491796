"""Session 8 (issue 11, helper accept8), on sentences written for these tests: a sentence that states the
asked fact in other words answers (its figure is the one closest in meaning of every figure of the asked
type; a figure in the asked unit is no near miss for an asked word standing at a figure of another kind),
and near misses are refused (a total for an amount per person, a group's figure for a part named before
the wh-word, the other end of an action's date). Each reading is checked to go away with its switch off
(RAG_ANSWER_ABLATE), so a test fails when its reading breaks."""
from __future__ import annotations

from rag.answer.near_miss import near_miss_check
from rag.answer.question import analyze_question
from rag.answer.scoring import distinct_paragraph_hits, score_sentences

from conftest import ask, paragraph_maker, ranked


paragraph = paragraph_maker(title="青禾县民生工作稳步推进", source="980_test.txt")


def test_a_figure_in_the_asked_unit_is_no_near_miss_for_words_at_a_figure_of_another_kind(monkeypatch):
    """"多少户签了征收协议": 改造 stands at 两个…改造项目 (个), which cannot count 户; 860户 answers."""
    text = "今年以来，青禾县聚焦城西、城北两个城中村改造项目，累计完成征收签约860户，签约率达97%。"
    question = "青禾县城中村改造有多少户签了征收协议？"
    answer = ask(question, paragraph(text))
    assert not answer.refused and answer.short.endswith("860户"), answer.answer  # (约 of 签约 is read as "about": spans.py)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "asked_kind_only")
    assert ask(question, paragraph(text)).refused


def test_a_figure_of_another_kind_still_competes_when_the_asked_unit_differs():
    """"注册了多少名": 注册 stands at 已注册企业176家; 4300余人次 is not in the asked unit (名), so it stays a near miss."""
    text = "截至2月19日，青禾县“零工驿站”小程序已注册企业176家，累计带动就业4300余人次。"
    answer = ask("青禾县零工驿站小程序上注册了多少名零工？", paragraph(text))
    assert answer.refused, answer.answer


def test_the_best_sentence_refused_for_wording_answers_when_its_figure_is_closest_in_meaning(monkeypatch):
    """"一共要踢多少场": 160场比赛 is the best-scoring sentence and its figure the closest in meaning of all figures
    of the asked type, though a sentence without any figure is closer (0.035: outside SEMANTIC_MARGIN, inside
    CLOSEST_FIGURE_MARGIN)."""
    paragraphs = [
        paragraph("本次联赛共有42支球队，将在为期6天的比赛中进行5个组别的160场比赛。", 1, "青禾县校园足球联赛开幕"),
        paragraph("开幕式上，各学校的学生表演了武术和跳绳，吸引了众多观众的目光。", 2, "青禾县校园足球联赛开幕"),
    ]
    question = "青禾县校园足球联赛一共要踢多少场？"
    sims = lambda sentences: [0.935 if "武术" in s else 0.90 for s in sentences]  # noqa: E731
    answer = ask(question, *paragraphs, similarity=sims)
    assert not answer.refused and answer.short == "160场", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "closest_figure")
    assert ask(question, *paragraphs, similarity=sims).refused


def test_a_total_does_not_answer_an_amount_per_person(monkeypatch):
    analysis = analyze_question("青禾县的城市低保标准是每人每月多少钱？")
    text = "开展困难群众救助工作，安排县级预算资金103万元，目前该项目正在进行公开招标。"
    candidates = [c for c in score_sentences(analysis, distinct_paragraph_hits(ranked(paragraph(text)))) if c.span]
    assert candidates and near_miss_check(candidates[0], analysis)[0] == "per_unit"
    per_person = "青禾县城市低保标准提高到每人每月720元。"
    analysis_ok = [c for c in score_sentences(analysis, distinct_paragraph_hits(ranked(paragraph(per_person)))) if c.span]
    assert analysis_ok and near_miss_check(analysis_ok[0], analysis) is None
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "nm:per_unit")
    assert (near_miss_check(candidates[0], analysis) or ("",))[0] != "per_unit"


def test_a_groups_figure_does_not_answer_a_part_named_before_the_wh_word(monkeypatch):
    text = "假期青禾县接待入境游客3.8万人次，同比增长71.2%，主要来自东南亚、港澳台地区和欧美国家。"
    question = "假期青禾县接待的入境游客中，来自东南亚的有多少人次？"
    answer = ask(question, paragraph(text))
    assert answer.refused and "3.8万人次" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "part_named_first")
    off = ask(question, paragraph(text))
    assert not off.refused and off.short == "3.8万人次", off.answer


def test_the_date_of_the_other_end_of_an_action_does_not_answer(monkeypatch):
    finished = paragraph("青禾县投资4200万元改造的石门大桥于9月30日完工，桥长186米。")
    started = paragraph("青禾县石门大桥于3月1日开工建设。")
    assert ask("青禾县石门大桥是哪天开工建设的？", finished).refused
    assert ask("青禾县石门大桥是哪天完工的？", started).refused
    assert ask("青禾县石门大桥是哪天完工的？", finished).short == "9月30日"
    assert ask("青禾县石门大桥是哪天动工的？", started).short == "3月1日"  # 动工 is 开工 (词林), no other stage
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "other_stage")
    assert ask("青禾县石门大桥是哪天开工建设的？", finished).short == "9月30日"


def test_a_figure_of_another_kind_after_the_asked_unit_still_takes_the_asked_word():
    """"一共成交了多少台": 成交 stands at the money after 1260余台 (意向成交金额), so 购车意向1260余台 is no deal."""
    text = "活动首日即达成购车意向1260余台，意向成交金额约1.8亿元。"
    analysis = analyze_question("青禾县新能源汽车下乡活动一共成交了多少台车？")
    hits = distinct_paragraph_hits(ranked(paragraph(text, title="青禾县新能源汽车下乡活动开幕")))
    candidates = [c for c in score_sentences(analysis, hits) if c.span is not None and c.span.text.endswith("台")]
    assert candidates and (near_miss_check(candidates[0], analysis) or ("",))[0].startswith("asked")


def test_an_amount_per_day_is_said_by_the_day_glued_to_its_measure():
    """"每天能处理多少污水": 日处理能力 says per day without 每; "每月多少元" is not answered by a budget's total."""
    analysis = analyze_question("青禾县污水处理厂改造后每天能处理多少污水？")
    text = "改造后，青禾县污水处理厂日处理能力由3万吨提高到5万吨。"
    candidates = [c for c in score_sentences(analysis, distinct_paragraph_hits(ranked(paragraph(text)))) if c.span]
    assert candidates and all((near_miss_check(c, analysis) or ("",))[0] != "per_unit" for c in candidates)
    monthly = analyze_question("青禾县城乡低保标准是每月多少元？")
    total = "开展困难群众救助工作，安排县级预算资金103万元。"
    candidates = [c for c in score_sentences(monthly, distinct_paragraph_hits(ranked(paragraph(total)))) if c.span]
    assert candidates and near_miss_check(candidates[0], monthly)[0] == "per_unit"
