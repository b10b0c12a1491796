"""near36: near misses the answer stage answered instead of refusing (dev halves).

- ``rank_unstated`` (rag.answer.near_miss.rank): a question asking a place in a ranking (排第几, 排名第几) is answered
  only by a sentence stating one (第3位, 首位, 前三位, 全省最快). Dev near misses answered with a sentence stating no
  rank: fresh19 xxb018 (南阳的粮食总产量在全国地级市中排第几, 新野县粮食总产量9.6亿斤), fresh24 xlb059 (飞雄机场…排第几, a
  sentence on the terminal's capacity), fresh9 xx019 (舟山港域…集装箱吞吐量…排第几, a 2026 target); a lower sentence
  stating the rank then answers the paraphrases fresh18 xwd005 (…优良天数居全省10个设区市第3位) and fresh5 xi012
  (…在全省21个综合保税区中排名第6位), answered before with a sentence stating none.
- ``destination`` (rag.answer.near_miss.partner): a destination named after a verb of export or transport (出口日本,
  出口到美国, 开往俄罗斯的) restricts the figure as a trade partner (对美国出口) does; a figure whose clause never names
  it is every market's total, the asked one standing at most in the list of markets after it. Dev near misses:
  fresh25 xnb030 (富平柿饼今年出口日本多少吨: 全县出口柿饼2150吨，…销往日本、韩国), fresh26 xoe058 (出口到哈萨克斯坦的蔬菜:
  全区出口蔬菜2.76万吨), fresh8 xt028 (绍兴黄酒出口到美国多少吨: 绍兴黄酒出口4870吨), fresh22 xja032 (开往俄罗斯的
  班列: 聊城站共开行班列112列). 进出口 is no verb of export ("钦州…进出口一共做了多少钱的买卖", fresh3 xe001, answered).
- ``nm:alone`` (rag.answer.near_miss.alone): a part asked alone (单独, 单算) is not answered by a figure whose clause
  joins (和, 与, 及, 、) or sums (合计, 两个) things before it. Dev near misses answered before: fresh14 xsc063 (就业率
  单独算: 就业率和升学率合计达到96.8%), fresh15 xtd051 (拖拉机单独: 拖拉机和联合收获机1380台), fresh19 xxb057 (南阳东站
  单独: 南阳东站、南阳站两个…站点共发送旅客1386万人次), fresh13 xra050 (湄潭县单独签约: 遵义展团…签约项目19个、签约金额
  42.6亿元); every dev question saying 单独 is a near miss (8 of 8, now all refused).
"""
from __future__ import annotations

import pytest

from conftest import ask, paragraph_maker, span_at
from rag.answer.near_miss.alone import joined_for_alone
from rag.answer.near_miss.partner import _destinations, partner_unsaid
from rag.answer.near_miss.rank import rank_unstated
from rag.answer.question import analyze_question

city = paragraph_maker("青禾日报 农业农村")


class _Said:
    """What rank_unstated reads of a candidate: its sentence."""

    def __init__(self, sentence: str):
        self.sentence = sentence


@pytest.mark.parametrize("sentence", [
    "全县规模以上工业增加值同比增长11.6%，增速居全市7个县（市、区）第一位。",
    "青禾港货物吞吐量在全省沿海港口中排名第9位，比上年前移1位。",
    "青禾县城镇新增就业9860人，居各县（市、区）首位；",
    "规上工业增加值增速排在前三位的是沾益区、陆良县和青禾县。",
    "今年以来，青禾县地区生产总值增速全省最快。",
])
def test_a_sentence_stating_a_rank_answers(sentence):
    assert rank_unstated(_Said(sentence), analyze_question("青禾县的增速在全省排第几？")) is None


@pytest.mark.parametrize("question,sentence", [
    ("青禾的粮食总产量在全国地级市中排第几？", "新野县粮食总产量9.6亿斤，其中小麦5.9亿斤；"),
    ("青禾机场去年旅客吞吐量在全省支线机场里排第几？", "青禾机场航站区改扩建工程去年完成可行性研究报告编制，建成后可满足年旅客吞吐量300万人次的需求。"),
    ("青禾综保区在全省所有综保区里排名第几？", "青禾联动创新区累计形成制度创新成果18项。"),
])
def test_a_sentence_stating_no_rank_is_given_instead(question, sentence):
    assert rank_unstated(_Said(sentence), analyze_question(question)) == sentence


def test_a_question_asking_no_rank_is_left_alone():
    sentence = "青禾县粮食总产量9.6亿斤，其中小麦5.9亿斤；"
    assert rank_unstated(_Said(sentence), analyze_question("青禾县粮食总产量是多少？")) is None


def test_the_rank_question_is_refused_until_switched_off(monkeypatch):
    paragraph = city("2025年，青禾市粮食总产量86.4亿斤，占全省粮食总产量的一成，创历史新高。")
    question = "青禾市的粮食总产量在全省排第几？"
    answer = ask(question, paragraph)
    assert answer.refused and "文中只有" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "rank_unstated")
    assert not ask(question, paragraph).refused


def test_a_lower_sentence_stating_the_rank_answers():
    paragraph = city("2025年，青禾市环境空气质量优良天数达到318天，优良率87.1%，较上年增加11天。"
                     "优良天数居全省10个设区市第3位，仅次于安康市和商洛市。")
    answer = ask("青禾的空气优良天数在全省各设区市里排第几？", paragraph)
    assert not answer.refused and "第3位" in answer.answer, answer.answer


@pytest.mark.parametrize("question,destination", [
    ("富平柿饼今年出口日本多少吨？", "日本"),
    ("今年肃州区出口到哈萨克斯坦的蔬菜有多少吨？", "哈萨克斯坦"),
    ("2025年绍兴黄酒出口到美国多少吨？", "美国"),
    ("中欧班列聊城站去年开往俄罗斯的有多少列？", "俄罗斯"),
])
def test_a_destination_after_the_verb_is_read(question, destination):
    assert _destinations(question) == [destination]


@pytest.mark.parametrize("question", [
    "钦州今年头九个月进出口一共做了多少钱的买卖？",
    "澄海的玩具去年卖到国外一共卖了多少钱？",
    "泉州锂电池出口比去年同期涨了百分之几？",
])
def test_no_destination_is_read_where_none_is_named(question):
    assert _destinations(question) == []


def test_a_total_over_all_markets_does_not_answer_for_one():
    question = analyze_question("青禾柿饼今年出口日本多少吨？")
    assert partner_unsaid("今年1—10月，全县出口柿饼2150吨", question) == "日本"
    assert partner_unsaid("今年1—10月，全县出口日本柿饼860吨", question) is None


def test_the_destination_question_is_refused_until_switched_off(monkeypatch):
    paragraph = city("今年1—10月，青禾县出口柿饼2150吨，出口额1.46亿元，产品销往日本、韩国、马来西亚等国家和地区。")
    question = "青禾县柿饼今年出口日本多少吨？"
    answer = ask(question, paragraph)
    assert answer.refused and "2150吨" in answer.answer, answer.answer
    assert ask("青禾县柿饼今年出口多少吨？", paragraph).short == "2150吨"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "destination")
    off = ask(question, paragraph)
    assert not off.refused and off.short == "2150吨", off.answer


@pytest.mark.parametrize("question,sentence,figure", [
    ("今年全市报废的老旧农机里，拖拉机单独有多少台？", "今年已报废老旧拖拉机和联合收获机1380台，发放报废补贴2160万元。", "1380台"),
    ("今年全州中职毕业生的就业率单独算是多少？", "据统计，今年全州中职毕业生就业率和升学率合计达到96.8%。", "96.8%"),
    ("青禾东站去年单独发送旅客多少人次？", "去年青禾东站、青禾站两个高铁和普铁站点共发送旅客1386万人次，增长11.2%。", "1386万人次"),
])
def test_a_joined_figure_does_not_answer_for_one_alone(question, sentence, figure):
    given = joined_for_alone(sentence, span_at(sentence, figure), analyze_question(question))
    assert given and given.endswith(figure)


@pytest.mark.parametrize("question,sentence,figure", [
    # the part's own figure answers
    ("青禾东站去年单独发送旅客多少人次？", "其中，青禾东站发送旅客986万人次，增长12.1%。", "986万人次"),
    # a joined figure answers when nothing is asked alone
    ("今年全市报废了多少台老旧农机？", "今年已报废老旧拖拉机和联合收获机1380台，发放报废补贴2160万元。", "1380台"),
])
def test_the_part_alone_or_a_question_not_saying_alone_is_left(question, sentence, figure):
    assert joined_for_alone(sentence, span_at(sentence, figure), analyze_question(question)) is None


def test_the_alone_question_is_refused_until_switched_off(monkeypatch):
    paragraph = city("今年，青禾市开展农机报废更新补贴，已报废老旧拖拉机和联合收获机1380台，发放报废补贴2160万元。")
    question = "今年青禾市报废的老旧农机里，拖拉机单独有多少台？"
    answer = ask(question, paragraph)
    assert answer.refused and "1380台" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "nm:alone")
    off = ask(question, paragraph)
    assert not off.refused and off.short == "1380台", off.answer
