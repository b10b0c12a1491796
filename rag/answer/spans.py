"""Candidate answer spans inside one sentence, by the kind of span a question asks for.

A finder per question type (a number with its unit, a date, a person, a place,
an organisation, a quoted name) lists the spans of that type in a sentence;
``best_span`` picks the one whose own clause talks about what the question
measures (``local_match``), and drops spans of the wrong kind ("哪支球队" is
not answered by a school, "同比增长多少" not by a level).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..numbers import CHINESE_NUMERAL
from ..places import person_named
from .settings import ablated
from .counted_noun import COUNTED_BY, FIGURE_COUNT_WORDS, counted_after_count_word
from .synonyms import general_word_for
from .question import (
    EARNED_WORDS,
    OTHER_MONEY_WORDS,
    SPENT_WORDS,
    GENERIC_PLACES,
    DATE,
    NAME,
    ORG,
    PERSON,
    PLACE,
    QUANTITY,
    QuestionAnalysis,
    coverage,
    measure_word,
    pos_cut,
    pos_tokenizer,
)

_CJK = "\u4e00-\u9fff"

# --- spans of each type ---------------------------------------------------------

_NUM = r"(?:\d+(?:[.,]\d+)*|" + CHINESE_NUMERAL + r"(?:点[零〇一二三四五六七八九]+)?)"
UNITS = sorted(
    """个百分点 个工作日 工作日 平方公里 平方米 万人次 人次 场次 班次 户次 公里 千米 公顷 万元 亿元 岗位 元 人 名 位 所 家 项 件 场
    条 户 支 座 期 吨 单 辆 个 次 天 年 岁 倍 份 套 台 处 亩 米 批 成 班 种 省 % ％
    立方米 公斤 千克 株 棵 只 头 例 艘 架 栋 间 张 ‰ 枚 块 部 首 册 篇 幅 匹 双 对 根 分钟 小时 个月 周 秒
    趟 趟次 车次 航次 列 班列 块钱 起 周岁 斤 幢""".split(),
    key=len,
    reverse=True,
)
_QUANTITY_RE = re.compile(
    r"(?<![\d.])(?P<pre>超过|超|近|约|逾|将近|不到|不低于|不超过|不少于|高达)?"
    r"(?P<num>" + _NUM + r")\s*(?P<mult>万亿|亿|万|千|百)?(?P<approx>余|多)?\s*"
    r"(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + r")"
    r"(?P<post>以上|以下|左右|以内)?"
)
# A time written in several parts is one figure: "2小时08分41秒", "1分24秒", "3小时20分" (a race's
# time, a record); its parts ("41秒", "05秒") answer nothing by themselves.
DURATION_RE = re.compile(
    r"(?<![\d.])(?:\d{1,3}小时\d{1,2}分(?:钟)?(?:\d{1,2}(?:\.\d+)?秒)?|\d{1,3}小时\d{1,2}(?:\.\d+)?秒"
    r"|\d{1,3}分(?:钟)?\d{1,2}(?:\.\d+)?秒)"
)
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(小时|时|分钟|分|秒)")
_SECONDS = {"小时": 3600, "时": 3600, "分钟": 60, "分": 60, "秒": 1}


def duration_seconds(text: str) -> float | None:
    """The seconds a time written in parts stands for ("2小时08分41秒" → 7721), None for another figure."""
    match = DURATION_RE.search(text or "")
    if not match or ablated("durations"):
        return None
    return sum(float(n) * _SECONDS[u] for n, u in _DURATION_PART.findall(match.group(0)))


def duration_text(seconds: float) -> str:
    """Seconds written as the text writes a time: 84 → "1分24秒", 7721 → "2小时8分41秒"."""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return (f"{hours}小时" if hours else "") + (f"{minutes}分" if minutes or (hours and secs) else "") + (f"{secs}秒" if secs or not whole else "")


def _durations(sentence: str) -> list[tuple[int, int]]:
    return [] if ablated("durations") else [m.span() for m in DURATION_RE.finditer(sentence)]


# Units that measure the same kind of thing, so "多少人" accepts "4300余人次".
_UNIT_GROUPS = (
    {"人", "人次", "名", "位", "万人次", "户次"},
    {"元", "万元", "亿元", "块钱"},  # "一餐只要3块钱": everyday words for 元
    {"公里", "千米", "米", "平方公里"},
    {"%", "％", "成", "个百分点"},
    {"个", "家", "所", "项", "处", "座"},
    {"场", "场次", "次", "期", "班", "班次"},
    # runs of a train, ship or bus: "跑了多少趟" is answered by "开行7836列"
    {"趟", "趟次", "车次", "航次", "列", "班列", "班", "班次", "次"},
    {"天", "个工作日", "工作日", "分钟", "小时", "个月", "周", "秒"},  # durations
    {"株", "棵"},
    {"亩", "公顷", "平方米", "平方公里"},  # areas
    {"吨", "公斤", "千克", "斤"},  # weights: "亩产多少斤" / "亩产1320斤", "多少公斤"
    {"岁", "周岁"},  # ages: "65周岁以上" is an age, not 65 weeks (周) and a stray 岁
    {"栋", "幢"},  # buildings: "修缮多少栋老房子" / "修缮47幢"
)

_Y = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年"
_M = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
_D = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
_WEEK = r"(?:[（(]?(?:星期|周)[一二三四五六日天][)）]?)"
_DAYPART = r"(?:上午|下午|晚上|早上|中午|凌晨|当天|晚)"
_CLOCK = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[时点](?:\d{1,2}分|半)?"
_PERIOD = r"(?:上旬|中旬|下旬|底|初|末|上半年|下半年|前三季度|[一二三四]季度|[春夏秋冬][收耕灌季节]?(?:前|后|期间)|春节(?:前|后|期间))"
_DATE_RE = re.compile(
    r"(?<![\d.])(?:" + _Y + r"(?:" + _M + r"(?:" + _D + r")?)?|" + _M + r"(?:" + _D + r")?|\d{1,2}日)"
    + _WEEK + r"?" + _DAYPART + r"?"
    + r"(?:" + _CLOCK + r"(?:(?:至|到|—|-|~)" + _CLOCK + r")?)?"
    + _PERIOD + r"?"
)
_RELATIVE_DATE_RE = re.compile(r"今年以来|近年来|一年来|近日|日前|目前|截至目前|当天|前不久")

# "在西宁广场举行", "于北京召开": a venue is what stands between 在/于 and the event's verb; before
# 的 or a clause break only a name that ends like a place ("在本院第三审判庭，"), since "属于连带债权，"
# and "旨在抢抓……关键期，" put 于/在 inside another word. No digits or dates: "定于2025年…在本院…"
# is read from the second marker.
_EVENT_VERBS = "举行|举办|开幕|闭幕|召开|开展|启幕|启动|成立|揭牌|进行|起航|开通|开工|落户|建成|投用|亮相|上演|开班|开课|开放"
_VENUE_RE = re.compile(
    r"(?:在|于|位于|来到|走进)(?P<place>[^\d年月日，。；、！？,;!?“”（）()]{2,28}?)"
    r"(?P<verb>" + _EVENT_VERBS + r"|的|，|。)"
)
_VENUE_TAILS = ("广场", "学校", "公园", "街道", "社区", "中心", "基地", "礼堂", "会堂", "体育馆", "场馆", "会场",
                "法庭", "审判庭", "大厅", "会议室", "图书馆", "博物馆", "展览馆", "剧院", "酒店", "宾馆", "大楼")
_SPEAKER_RE = re.compile(
    r"(?P<role>记者|通讯员|所长|乡长|镇长|县长|局长|书记|主任|负责人|代表|专家|小哥)\s*"
    r"(?P<name>[" + _CJK + r"]{2,4}?)(?=说|表示|介绍|回忆|感慨|指出|认为|告诉|坦言|[）)\s、]|$)"
)
_QUOTED_RE = re.compile(r"“([^”]{2,24})”|《([^》]{2,40})》")
_ORG_SUFFIXES = ("有限公司", "公司", "集团", "协会", "商会", "学校", "小学", "中学", "大学", "中心", "银行",
                 "支行", "医院", "人民政府", "政府", "驿站", "工作室", "联合会", "委员会", "球队", "足球队",
                 "局", "厅", "委", "部", "所", "站", "办")
_PLACE_TAIL = ("广场", "小学", "学校", "新区", "港", "公园", "街道", "社区", "村", "镇", "乡", "县", "区", "市",
               "州", "省", "中心", "基地", "胡同", "街区", "小区", "车间", "旧址", "航线")


@dataclass(frozen=True)
class Span:
    """A candidate answer span inside one sentence (sentence-relative offsets)."""

    start: int
    end: int
    text: str
    prior: float = 0.0  # how good a span of its type it is, before matching the question
    modifiers: str = ""  # words inside the span that are not the number ("不超过", "以上")
    venue: bool = False  # a place read as where an event is held ("在…召开")


def _unit_fit(asked: str | None, found: str) -> float:
    if not asked:
        return 0.0
    base = asked.lstrip("万亿千百") or asked
    if found == asked or found == base:
        return 1.0
    if any(base in g and found in g for g in _UNIT_GROUPS):
        return 0.5
    # "收了多少起案子 / 官司" is answered by "受理案件5.86万件": 起 and 件 both count cases (switch ``case_units``)
    if {base, found} == {"起", "件"} and not ablated("case_units"):
        return 0.5
    return -1.5


def figure_units(sentence: str) -> list[tuple[int, int, str]]:
    """Where every number with a unit stands in the sentence, whatever its unit: (start, end, unit)."""
    durations = _durations(sentence)
    inside = lambda m: any(a <= m.start() and m.end() <= b for a, b in durations)  # noqa: E731
    return sorted([(*m.span(), m.group("unit")) for m in _QUANTITY_RE.finditer(sentence) if not inside(m)]
                  + [(a, b, "秒") for a, b in durations])


def same_kind_of_unit(a: str, b: str) -> bool:
    """Whether two units measure the same kind of thing ("人" and "名", not "人" and "辆")."""
    return _unit_fit(a, b) > 0


def unit_fits_exactly(asked: str, span: Span) -> bool:
    """Whether the span is in the asked unit itself ("个" for "多少个"), not just a kindred one."""
    return _unit_fit(asked, span.text.rstrip("以上下左右内")[-len(asked):]) == 1.0 or span.text.endswith(asked)


_CODE_ASKED = re.compile(r"编码|编号|代码|号码|电话|邮编|账号|代号")
_CODE_RE = re.compile(r"(?<![\d.])\d{4,}(?![\d.])")


# the noun a count word counts in the question: "几场活动？" → 活动, "多少张养老床位" → 养老床位
_COUNTED_AFTER_WH = re.compile(COUNTED_BY.pattern +
                               r"([\u4e00-\u9fff]{2,8}?)(?=[？?。！!，,]|$|的|是|呢|吗|有|在|被|参加|参与)")


def _counted_at_figure(sentence: str, start: int, end: int, unit: str, analysis: QuestionAnalysis) -> bool:
    """Whether a figure counted in another count word than the asked one counts the very thing the
    question names: its head noun (last two characters: 活动 of 活动, 床位 of 养老床位) stands right
    before the figure ("各类活动196项") or right after its count word ("7名早期共产党员"). Both count
    words must only count (counted_noun.FIGURE_COUNT_WORDS); a measure (吨, 元, %) never stands for another."""
    asked = (analysis.unit or "").lstrip("万千百")
    if unit not in FIGURE_COUNT_WORDS or asked not in FIGURE_COUNT_WORDS or ablated("counted_at_figure"):
        return False
    match = _COUNTED_AFTER_WH.search(analysis.text)
    # the thing counted when the question goes on with its own verb after it ("几个学生考上了…": rag.answer.counted_noun)
    counted = match.group(1) if match is not None else counted_after_count_word(analysis.text)
    if counted is None:
        return False
    head = counted[-2:]
    before, after = sentence[max(0, start - 2):start], sentence[end:end + 2 + 4]
    if before == head or (head in after and not re.search(r"[，。；、,;]", after[:after.find(head)])):
        return True
    # a Chinese compound ends in its head: the question's counted thing and the text's word right before
    # the figure share their last character, the thing's kind ("多少张报修单" / "报修工单4.72万件", "多少个案子" /
    # "结案312件": 子 and 儿 only make a noun of 案)
    core = re.sub(r"[子儿]$", "", counted)
    return not ablated("counted_head") and len(core) >= 1 and before[-1:] == core[-1] \
        and re.fullmatch(r"[\u4e00-\u9fff]{2}", before) is not None


# a question asking a rank or a place in an order, which an ordinal ("第1位", "第三批") answers
_ORDER_ASKED = re.compile(r"第几|排[第名在]|排行|名次|位次|哪一?[批期届位名]")
_AGE_ASKED = re.compile(r"岁|年龄|年纪|多大|高龄|寿")


def _no_amount(sentence: str, m: re.Match, num: str, unit: str, analysis: QuestionAnalysis) -> bool:
    """A numeral with its measure word that counts nothing: an age when no age is asked, an ordinal ("居全省港口第1位",
    "二期" after 第) unless an order is asked, or a reduplicated measure word saying "many, one after another"
    ("一辆辆满载苹果的冷藏车", "一条条雪道")."""
    if ablated("no_amount"):
        return False
    if _ordinal(sentence, m.start(), analysis):
        return True
    if unit == "岁" and not _AGE_ASKED.search(analysis.text):
        return True  # "68岁的居民郭春生" is who he is, not an amount of what is asked ("省下多少看病路费")
    if num == "一" and len(unit) == 1 and sentence.startswith(unit, m.end()):
        return True
    return _indefinite_one(sentence, m, num, unit)


# a count of one said as such ("唯一的一起事故", "仅一家", "只有一个"): the one is the amount
_ONLY_ONE = re.compile(r"(?:唯一的?|仅有?|只有?|就只?有?)$")
# a character that makes 一 part of a word before it (统一, 逐一, 之一, 万一), not a numeral
_WORD_BEFORE_ONE = "统唯逐之万划均专同"


def _indefinite_one(sentence: str, m: re.Match, num: str, unit: str) -> bool:
    """"一" in Chinese numerals with a count word and the noun it counts ("在唐坊镇的一处农村幸福院里", "领办了一家稻虾
    合作社", "一亩地农户不花钱"): the indefinite article of a story about one of them, not a count of anything. News text
    writes its counts in digits (1家, 3.2万户); a count of one in words is marked as only one (唯一的一起, 仅一家)."""
    if ablated("indefinite_one") or num != "一" or unit not in FIGURE_COUNT_WORDS | {"亩"}:
        return False
    if m.group("pre") or m.group("mult") or m.group("approx") or m.group("post"):
        return False
    after = sentence[m.end():m.end() + 1]
    if not re.fullmatch(r"[\u4e00-\u9fff“「《]", after):
        return False  # "仅此一家。": the count word closes the phrase
    before = sentence[:m.start("num")]
    return not before.endswith(tuple(_WORD_BEFORE_ONE)) and not _ONLY_ONE.search(before)


def _ordinal(sentence: str, start: int, analysis: QuestionAnalysis) -> bool:
    """The figure at ``start`` follows 第 (an ordinal) and the question asks no order."""
    return sentence[max(0, start - 1):start] == "第" and not _ORDER_ASKED.search(analysis.text) \
        and not ablated("no_amount")


def quantity_spans(sentence: str, analysis: QuestionAnalysis) -> list[Span]:
    spans = []
    durations = _durations(sentence)
    for a, b in durations:
        prior = _unit_fit(analysis.unit, "秒") if analysis.unit else 0.0
        if prior >= 0:
            spans.append(Span(a, b, sentence[a:b], prior))
    for m in _QUANTITY_RE.finditer(sentence):
        if any(a <= m.start() and m.end() <= b for a, b in durations):
            continue  # "05秒" of "2小时10分05秒"
        unit = m.group("unit")
        num = m.group("num")
        if unit == "年" and (analysis.unit != "年" or re.fullmatch(r"\d{4}|[〇零一二三四五六七八九]{4}", num)):
            continue  # "2025年" is a date; a duration only when "多少年" was asked ("连续11年")
        if unit in ("省", "种", "成") and num.isdigit() and len(num) > 2:
            continue
        if unit == "起" and ablated("incident_unit"):
            continue
        if not re.search(r"[\d一二两三四五六七八九十百千]", num):
            continue
        if _no_amount(sentence, m, num, unit, analysis):
            continue
        text = m.group(0).strip()
        found_unit = (m.group("mult") or "") + unit if unit in ("元", "人次") and m.group("mult") else unit
        prior = _unit_fit(analysis.unit, found_unit if analysis.unit and analysis.unit in ("万元", "亿元", "万人次") else unit)
        if analysis.type_noun and unit in analysis.type_noun:
            prior = max(prior, 1.0)  # "几个省份" is answered by "10省"
        if prior < 0 and _counted_at_figure(sentence, m.start(), m.end(), unit, analysis):
            prior = 0.5  # "几场活动" is answered by "各类活动196项": the thing counted stands at the figure
        if prior < 0:
            continue  # "失业率是多少" is not answered by "1315名失业人员"
        if m.group("approx") or m.group("pre") or m.group("post"):
            prior += 0.05
        # "原则上不超过多少" is answered by "不超过3%", not by "不低于1%" next to it
        if any(m.group(g) and m.group(g) in analysis.text for g in ("pre", "post")):
            prior += 0.6
        modifiers = (m.group("pre") or "") + (m.group("post") or "")
        spans.append(Span(m.start(), m.end(), text, prior, modifiers))
    # a unit the question asks that UNITS lacks (a measure word: "多少幢" is answered by "67幢")
    unit = analysis.unit or ""
    asked = unit if measure_word(unit) == unit else unit.lstrip("万亿千百")  # 千瓦时 keeps its 千
    if asked and asked not in UNITS and not ablated("measure_words"):
        pattern = r"(?<![\d.])(?:超过|约|近|逾)?" + _NUM + r"\s*(?:万亿|亿|万|千|百)?(?:余|多)?" + re.escape(asked)
        spans += [Span(m.start(), m.end(), m.group(0), 1.0) for m in re.finditer(pattern, sentence)
                  if re.search(r"[\d一二两三四五六七八九十百千]", m.group(0))]
    # "用电量是多少" asks no unit: a figure in a measure word the unit list lacks, as the tagger's
    # dictionary tags one ("1.26亿千瓦时", "31微克/立方米"), is a figure too, when written in digits (Chinese
    # numerals before one are set phrases: 翻了一番, 一阵)
    if not unit and not ablated("dictionary_units"):
        taken = [(sp.start, sp.end) for sp in spans]
        for m in _BARE_FIGURE.finditer(sentence):
            word = measure_word(sentence[m.end():])
            if word and not any(a <= m.start() < b for a, b in taken) and re.search(r"\d", m.group(0)) \
                    and not _ordinal(sentence, m.start(), analysis):
                spans.append(Span(m.start(), m.end() + len(word), sentence[m.start():m.end() + len(word)], 0.0))
    # "邮政编码是多少" is answered by a bare digit string ("037005"), which has no unit
    if _CODE_ASKED.search(analysis.text):
        spans += [Span(m.start(), m.end(), m.group(0), 1.0) for m in _CODE_RE.finditer(sentence)]
    return spans


_BARE_FIGURE = re.compile(r"(?<![\d.])(?:超过|约|近|逾)?" + _NUM + r"\s*(?:万亿|亿|万|千|百)?(?:余|多)?")


_ASKS_DAY = re.compile(r"哪天|哪一天|哪日|几月几[日号]|几号|何日|日期")


_ISSUE_ASKED = re.compile(r"发布|印发|公布|公告|发出|签发|落款|发文|出台|下发|发的|通知|通告")


def _signs_notice(sentence: str, start: int, end: int) -> bool:
    """Whether the date at [start, end) signs a notice: the sentence is a name and the date, nothing else."""
    before = sentence[:start].strip()
    return (
        sentence[end:].strip(" 。.") == ""
        and 2 <= len(before) <= 30
        and not re.search(r"[，,；;：:。！？\d]", before)
        and before.endswith(_ORG_SUFFIXES + ("管委会", "法院", "检察院", "办公室", "指挥部", "领导小组"))
    )


# "活动要搞到哪一天", "截止到什么时候": the end of a period is asked, the date after 到/至/截至
_END_ASKED = re.compile(r"(?:到|至|截至|截止到?|持续到|延续到|结束于?)(?:哪|什么|几|何)|(?:截止|结束)(?:日期|时间)")
_END_MARK = re.compile(r"(?:到|至|截至|截止|止于|持续到|延续到)\s*$")


def date_spans(sentence: str, analysis: QuestionAnalysis) -> list[Span]:
    asks_year = bool(re.search(r"哪年|哪一年|年份", analysis.text))
    asks_end = bool(_END_ASKED.search(analysis.text)) and not ablated("end_date")
    spans = []
    for m in _DATE_RE.finditer(sentence):
        text = m.group(0)
        if not text or text in analysis.time_terms:
            continue
        prior = 0.0
        if re.search(r"[日号]", text):
            prior += 1.0
        if "月" in text:
            prior += 0.5
        if re.search(r"[时点]", text):
            prior += 0.3
        if re.search(_PERIOD, text):
            prior += 0.4
        if re.fullmatch(_Y, text):
            prior += 1.2 if asks_year else -0.2
        if asks_end and _END_MARK.search(sentence[max(0, m.start() - 4):m.start()]):
            prior += 1.0
        after = sentence[m.end():m.end() + 6]
        # "2月25日，记者从……了解到", "1月26日电" and "本报三明9月28日讯" date the report, not the event;
        # so does a notice's signature ("荆阳高新区管理委员会2025年9月26日"), unless its issue is asked
        if re.match(r"[，,]?\s*(记者|电|讯)", after) or (
            _signs_notice(sentence, m.start(), m.end()) and not _ISSUE_ASKED.search(analysis.text)
        ):
            prior -= 1.5
        # the year inside a name ("2026年全国气象工作会议") dates nothing by itself
        if re.fullmatch(_Y, text) and re.match(r"[“\"]|[" + _CJK + r"]{2,}(会议|联赛|行动|工作|规划|民生实事)", after):
            prior -= 0.5
        spans.append(Span(m.start(), m.end(), text, prior))
    if not spans and not _ASKS_DAY.search(analysis.text):  # "日前" tells no day
        for m in _RELATIVE_DATE_RE.finditer(sentence):
            spans.append(Span(m.start(), m.end(), m.group(0), -1.0))
    return spans


def _token_offsets(sentence: str) -> list[tuple[str, str, int, int]]:
    out, pos = [], 0
    for word, flag in pos_cut(sentence):
        start = sentence.find(word, pos)
        if start < 0:
            continue
        out.append((word, flag, start, start + len(word)))
        pos = start + len(word)
    return out


def _dictionary_freq(word: str) -> int:
    return pos_tokenizer().tokenizer.FREQ.get(word, 0)


# The common single-character surnames (百家姓, most frequent first): jieba often cuts a name
# it does not know as surname + given name ("刘|海燕", "谭|卫东"); a name span is the whole name.
_SURNAME_ORDER = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_SURNAMES = frozenset(_SURNAME_ORDER)
_NO_SURNAME_FLAGS = ("c", "p", "u", "d", "r", "x", "uj", "ul", "y")  # function words and punctuation
_TITLE_ENDINGS = ("书记", "长", "主任", "常委", "委员", "主席", "经理", "负责人", "干部", "代表", "助理", "秘书", "顾问", "总监", "总裁")
_TITLE_CHAIN_BREAK = re.compile(r"[，。；：:！？（()）“”\s]")


# the most frequent surnames: a character among them standing alone before a given name is
# read as its surname even when jieba does not tag it as one
_COMMON_SURNAMES = frozenset(_SURNAME_ORDER[:100])


def _with_surname(sentence: str, start: int, end: int, before: tuple[str, str]) -> int:
    """Where the name at ``start:end`` begins when the character before it, the token ``before``
    (word, flag), is a surname jieba cut off ("副市长刘|海燕"): that character, when jieba tags it
    as a name or surname (nr/nrfg/zg) or it is a common surname, unless it ends a longer word of
    its own ("采访时|张伟": 时 is a noun; "前|李明" ends 目前)."""
    word, flag = before
    if start == 0 or end - start > 2 or len(word) != 1 or sentence[start - 1] != word:
        return start
    if word not in _SURNAMES or flag in _NO_SURNAME_FLAGS:
        return start
    if flag not in ("nr", "nrfg", "zg") and word not in _COMMON_SURNAMES:
        return start
    if start >= 2 and _dictionary_freq(sentence[start - 2 : start]) >= 100:
        return start  # the character ends a word of its own
    return start - 1


def titles_before(sentence: str, start: int) -> list[str]:
    """The titles written right before a name ("县委副书记、县长谭卫东" → [县委副书记, 县长]),
    back to the clause break; [] when the words before the name are no title."""
    left = max((m.end() for m in _TITLE_CHAIN_BREAK.finditer(sentence, 0, start)), default=0)
    titles = [t for t in sentence[left:start].split("、") if t]
    if not titles or not titles[-1].endswith(_TITLE_ENDINGS) or any(len(t) > 12 for t in titles):
        return []
    return titles


def holds_title(titles: list[str], role: str) -> bool:
    """Whether one of the titles is the asked role itself, not a deputy's ("副市长" is not 市长,
    "县委副书记" not 书记)."""
    for title in titles:
        at = title.rfind(role)
        if at >= 0 and at + len(role) == len(title) and (role.startswith("副") or not title[:at].endswith(("副", "代", "原", "前"))):
            return True
    return False


def title_asked(role: str, question: str) -> bool:
    """Whether ``question`` asks who holds ``role`` ("市长是谁", "现任县长叫什么", "谁是校长",
    "哪位是局长"), the title standing right before or after the wh-word, rather than naming it
    in what someone did ("谁陪同市长调研了新校区")."""
    role = re.escape(role)
    return bool(
        re.search(role + r"(?:是|为|叫)?(?:谁|哪位|哪一位|什么名字|叫什么)", question)
        or re.search(r"(?:谁|哪位|哪一位)(?:是|任|担任)" + role + r"[？?。！!]?$", question)
    )


# A report's byline names who wrote it or took its photographs ("本报讯（记者林一帆黄思远）",
# "（通讯员张玉善摄）", "新华社记者王强报道"), never who did what the news tells
_BYLINE_RE = re.compile(
    r"[（(][^（()）]{0,8}(?:记者|通讯员|实习生|特约撰稿|作者)[^（()）]{1,40}[）)]"
    r"|(?:记者|通讯员)[\s" + _CJK + r"]{2,16}?(?:摄影|摄|报道)(?![" + _CJK + r"])"
)
# ... unless the question asks who wrote or photographed it
_WRITER_ASKED = re.compile(r"记者|通讯员|作者|谁写|写的|撰写|采写|报道|稿子|文章|署名|拍|摄")


def byline_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence credits its report's writers or photographers."""
    return [m.span() for m in _BYLINE_RE.finditer(sentence)]


def person_spans(sentence: str, analysis: QuestionAnalysis) -> list[Span]:
    spans = _person_spans(sentence, analysis)
    if not ablated("byline"):
        bylines = byline_spans(sentence)
        in_byline = lambda sp: any(a <= sp.start and sp.end <= b for a, b in bylines)  # noqa: E731
        if _WRITER_ASKED.search(analysis.text):  # "是谁报道的": the byline answers
            spans = [replace(sp, prior=sp.prior + 1.0) if in_byline(sp) else sp for sp in spans]
        else:
            spans = [sp for sp in spans if not in_byline(sp)]
    if not analysis.role or ablated("person_title"):
        return spans
    # "市长是谁" is not answered by "副市长刘海燕" nor "县长" by a name under other titles only;
    # "谁陪同市长调研" names the title but asks who did something, so no name is held to it
    if not title_asked(analysis.role, analysis.text):
        return spans
    asked = analysis.role
    at = analysis.text.find(asked)
    if at > 0 and analysis.text[at - 1] == "副":  # "副市长是谁" asks the deputy
        asked = "副" + asked
    organisation = _organisation_asked(analysis.text, at)
    return [sp for sp in spans if not (titles := titles_before(sentence, sp.start)) or holds_title(titles, asked)
            or any(not t.startswith("副") and general_word_for(asked, t[i:]) and _title_of(t[:i], organisation)
                   for t in titles for i in range(len(t) - 1))]


def _organisation_asked(question: str, role_at: int) -> str:
    """The organisation whose general role is asked, by its last word ("县农业农村局负责人" → 局,
    "葡萄合作社的负责人" → 合作社); "" when the question names none before the role."""
    words = pos_cut(question[:max(role_at, 0)].rstrip("的之"))
    return words[-1][0] if words and not words[-1][1].startswith(("r", "x", "w")) else ""


def _title_of(held_by: str, organisation: str) -> bool:
    """Whether a title whose holder's organisation is written ``held_by`` ("协会理事长": 协会) is one of the
    organisation asked: a general role (负责人) is held by a title of another organisation's head only when
    the question names no organisation or the title names none."""
    return ablated("role_organisation") or not organisation or not held_by or organisation in held_by


def _person_spans(sentence: str, analysis: QuestionAnalysis) -> list[Span]:
    spans: dict[tuple[int, int], Span] = {}
    tokens = _token_offsets(sentence)
    # a word starting at each offset, for a speaker's name: "主任向大家介绍" names no one (向 is a preposition)
    word_at = {start: flag for _, flag, start, _ in tokens}
    for m in _SPEAKER_RE.finditer(sentence):
        if word_at.get(m.start("name")) in _NO_SURNAME_FLAGS:
            continue
        role_bonus = 1.0 if analysis.role and analysis.role in m.group("role") else 0.3
        spans[m.span("name")] = Span(m.start("name"), m.end("name"), m.group("name"), role_bonus)
    for k, (word, flag, start, end) in enumerate(tokens):
        next_word = tokens[k + 1][0] if k + 1 < len(tokens) else ""
        if next_word in _PLACE_TAIL or next_word.endswith(("社区", "小区", "街道")):
            continue  # "西林泰社区": a name inside a place name
        if _dictionary_freq(word) >= 100:
            continue  # a common word the dictionary tags as a name (师傅)
        if flag in ("nr", "nrfg") and 2 <= len(word) <= 4 and (start, end) not in spans:
            if k:
                start = _with_surname(sentence, start, end, tokens[k - 1][:2])
            word = sentence[start:end]
            if (start, end) in spans:
                continue
            prior = 0.5
            if analysis.role:
                before = sentence[max(0, start - 8):start]
                if analysis.role in before:
                    prior += 1.0 - 0.05 * (len(before) - before.rfind(analysis.role) - len(analysis.role))
            spans[(start, end)] = Span(start, end, word, prior)
    # "局长赵|明远": after a title, a surname cut off with a given name jieba does not tag as one
    for k in range(1, len(tokens) - 1):
        (title, _, _, _), (surname, flag, start, _), (given, given_flag, _, end) = tokens[k - 1], tokens[k], tokens[k + 1]
        if (
            # 何 is tagged a pronoun; after a title it begins a name ("副书记何宏远")
            surname in _SURNAMES and (flag not in _NO_SURNAME_FLAGS or (flag == "r" and surname in _COMMON_SURNAMES))
            and title.endswith(_TITLE_ENDINGS)
            and 1 <= len(given) <= 2 and given_flag not in _NO_SURNAME_FLAGS + ("v", "vn", "f", "m", "q")
            and all(_is_cjk(ch) for ch in given) and (start, end) not in spans
        ):
            prior = 1.0 if analysis.role and title.endswith(analysis.role) else 0.5
            spans[(start, end)] = Span(start, end, sentence[start:end], prior)
    # "董事长欧阳靖远说": a compound surname, which jieba cuts across ("欧阳靖|远"), after a title
    if not ablated("compound_surname"):
        for m in _COMPOUND_NAME_RE.finditer(sentence):
            if sentence[:m.start()].endswith(_TITLE_ENDINGS) and m.span() not in spans:
                # the given name alone, or the surname's second character with it, is no name
                for inner in [key for key in spans if m.start() <= key[0] and key[1] <= m.end()]:
                    del spans[inner]
                title_end = sentence[:m.start()]
                prior = 1.0 if analysis.role and title_end.endswith(analysis.role) else 0.5
                spans[m.span()] = Span(m.start(), m.end(), m.group(0), prior)
    return list(spans.values())


_COMPOUND_NAME_RE = re.compile(
    r"(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|长孙|宇文|司徒|端木|独孤|南宫|西门|呼延|万俟)"
    r"[\u4e00-\u9fff]{1,2}?(?=说|表示|介绍|告诉|指出|认为|坦言|称|[，。、；：）)\s]|$)"
)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _merged_names(sentence: str, tails: tuple[str, ...], head_flags: tuple[str, ...]) -> list[Span]:
    """Noun sequences that end in one of ``tails`` ("青海晶科能源有限公司", "西宁广场")."""
    tokens = _token_offsets(sentence)
    spans = []
    for k, (word, flag, start, end) in enumerate(tokens):
        if not any(word.endswith(t) for t in tails) and flag not in ("nt",):
            continue
        j = k
        while j > 0 and k - j < 5:
            w, f, s, e = tokens[j - 1]
            if e != tokens[j][2] or not (f.startswith(head_flags) or f in ("vn", "b")) or len(w) < 1:
                break
            j -= 1
        if j == k and len(word) < 3 and flag != "nt":
            continue  # a bare "局" or "区" names nothing
        spans.append(Span(tokens[j][2], end, sentence[tokens[j][2]:end], 0.3))
    return spans


def _ends_with_place(text: str) -> bool:
    words = pos_cut(text)
    return bool(words) and words[-1][1] == "ns"


def _same_event(asked: str, verb: str) -> bool:
    if ablated("event_head"):
        return any(ch in verb for ch in asked)
    return bool(asked and verb) and (asked in verb or verb in asked or asked[0] == verb[0])


def place_spans(sentence: str, analysis: QuestionAnalysis) -> list[Span]:
    spans = []
    for m in _VENUE_RE.finditer(sentence):
        place, verb = m.group("place"), m.group("verb")
        if len(place) > 24:
            continue
        if verb in ("的", "，", "。") and not (place.endswith(_PLACE_TAIL + _VENUE_TAILS) or _ends_with_place(place)):
            continue
        prior = 1.0 if verb not in ("的", "，", "。") else 0.6
        # "在哪里开" is answered by the venue of 召开: the event's verb holds the question's (or the other
        # way round), or both begin with the same action (举行 / 举办); 开幕 shares only 幕 with 闭幕
        if verb not in ("的", "，", "。") and any(_same_event(w, verb) for w in analysis.focus):
            prior += 0.3
        spans.append(Span(m.start("place"), m.end("place"), place, prior, venue=verb not in ("的", "，", "。")))
    tokens = _token_offsets(sentence)
    pairs = [(t[0], t[1]) for t in tokens]
    whole_word = not ablated("place_whole_word")
    k = 0
    while k < len(tokens):
        word, flag, start, end = tokens[k]
        if flag == "ns" and whole_word and person_named(pairs, k):
            k += 1  # a person's given name after the surname jieba cut off ("理事长刘|长海说"): no place
        elif flag == "ns" and len(word) >= 2:
            j = k + 1
            while j < len(tokens) and (tokens[j][1] == "ns" or tokens[j][0] in _PLACE_TAIL) and tokens[j][2] == tokens[j - 1][3]:
                j += 1
            spans.append(Span(start, tokens[j - 1][3], sentence[start:tokens[j - 1][3]], 0.4))
            k = j
        else:
            k += 1
    spans += _merged_names(sentence, _PLACE_TAIL[:8] + _ORG_SUFFIXES[:10], ("n", "ns", "nz", "nt", "nr"))
    spans += _admin_names(tokens)
    # "哪个乡": a clause opening with a name and the asked level ("日月乡积极推动…"), though jieba reads
    # the name as a common word (日月)
    level = analysis.type_noun
    if level and len(level) == 1 and level in _ADMIN_SUFFIXES and not ablated("asked_level_name"):
        for m in re.finditer(r"(?:^|(?<=[，。；：、]))([\u4e00-\u9fff]{2,3}?" + level + ")", sentence):
            name = m.group(1)
            # no verb or particle in the name ("构建了县、乡、村三级"), no list of levels after it
            words = pos_cut(name[:-1])
            if any(flag[:1] in ("v", "u", "d", "p", "c", "r", "m") for _, flag in words) or sentence[m.end(1):m.end(1) + 1] == "、":
                continue
            if not _NOT_A_NAME.match(name) and name not in GENERIC_PLACES and (m.start(1), m.end(1)) not in {(sp.start, sp.end) for sp in spans}:
                spans.append(Span(m.start(1), m.end(1), name, 0.3))
    return spans


_ADMIN_SUFFIXES = tuple("村镇乡县区市州旗")
_NOT_A_NAME = re.compile(r"^[全该本各每我此]")


def _admin_names(tokens: list[tuple[str, str, int, int]]) -> list[Span]:
    """Names of villages, towns and counties jieba does not tag as places: one word it does not
    know ending in the suffix ("池汉村"), or a name and the suffix cut apart ("大华|镇"); not 农村,
    全县 or 该镇 (common words, or words that refer back)."""
    spans = []
    for k, (word, flag, start, end) in enumerate(tokens):
        if flag == "ns" or _NOT_A_NAME.match(word):
            continue  # tagged places are read above
        name_like = flag in ("nr", "nz", "nrt", "nrfg") or _dictionary_freq(word) == 0  # not 农牧区, 协作区
        if len(word) >= 3 and word.endswith(_ADMIN_SUFFIXES) and name_like:
            spans.append(Span(start, end, word, 0.5))
        elif (
            k + 1 < len(tokens) and tokens[k + 1][0] in _ADMIN_SUFFIXES and tokens[k + 1][2] == end
            and len(word) >= 2 and name_like and _dictionary_freq(word) < 500
        ):
            spans.append(Span(start, tokens[k + 1][3], word + tokens[k + 1][0], 0.5))
    return spans


def org_spans(sentence: str, analysis: QuestionAnalysis) -> list[Span]:
    # "哪个会议" is answered by a name ending in 会议
    tails = _ORG_SUFFIXES + ((analysis.type_noun,) if analysis.type_noun else ())
    return _merged_names(sentence, tails, ("n", "ns", "nz", "nt", "m"))


# "《关于做好…的通知》（以下简称《通知》）": the short form stands for the name given before it
_SHORT_FORM_BEFORE = re.compile(r"(?:以下简称|以下称|下称|简称)[为是]?$")
_SHORT_FORM_ASKED = re.compile(r"简称|缩写|简写")
_FULL_NAME_ASKED = re.compile(r"全名|全称|完整(?:的)?名")


def name_spans(sentence: str, analysis: QuestionAnalysis) -> list[Span]:
    spans = []
    short_asked = bool(_SHORT_FORM_ASKED.search(analysis.text))
    full_asked = bool(_FULL_NAME_ASKED.search(analysis.text))
    for m in _QUOTED_RE.finditer(sentence):
        group = 1 if m.group(1) else 2
        prior = 0.5 if group == 1 else 0.6
        if not ablated("short_forms"):
            if _SHORT_FORM_BEFORE.search(sentence[max(0, m.start() - 5):m.start()]):
                prior += 0.8 if short_asked else -1.0
            if full_asked:  # the longest name is the full one
                prior += min(1.0, 0.1 * max(0, len(m.group(0)) - 6))
        spans.append(Span(m.start(), m.end(), m.group(0), prior))
    if _names_no_organisation(analysis):
        return spans
    return spans + org_spans(sentence, analysis)


_NAMED_THING = re.compile(r"([" + _CJK + r"]{1,6}?)(?:的名字|名字|的名称|名称)?(?:叫什么|是什么名字|叫做什么|名称是|名字是)")
_ORG_LIKE = _ORG_SUFFIXES + _PLACE_TAIL + ("店", "馆", "站", "社", "厂", "园", "室", "队", "团", "组", "点", "台", "单位",
                                           "机构", "部门", "企业", "组织", "品牌", "平台", "项目", "工程", "活动")


def asks_a_name(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks what something is called ("…叫什么名字"), so only a name answers it."""
    return not ablated("name_asked") and bool(_NAMED_THING.search(analysis.text))


def _names_no_organisation(analysis: QuestionAnalysis) -> bool:
    """"吉祥物叫什么名字" names a thing no organisation is ("青少年部" is none of it): only a quoted name
    answers it; "那个服务站叫什么名字" may be answered by an organisation's name."""
    if ablated("name_asked"):
        return False
    named = _NAMED_THING.search(analysis.text)
    return bool(named) and not named.group(1).endswith(_ORG_LIKE)


_SPAN_FINDERS = {
    QUANTITY: quantity_spans,
    DATE: date_spans,
    PERSON: person_spans,
    PLACE: place_spans,
    ORG: org_spans,
    NAME: name_spans,
}


_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?]")


def clause_window(
    sentence: str, start: int, end: int, lo: int = 0, hi: int | None = None, reach: int = 14
) -> tuple[str, str]:
    """The text before and after a span, within its clause and not past the
    neighbouring spans ``lo``/``hi`` (in "…增加7个城市，其中47个城市超200万辆" and
    "深入9个乡镇146个行政村" each number has its own words); after it at most ``reach`` characters."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right_match = _CLAUSE_BREAK.search(sentence, end)
    right = right_match.start() if right_match else len(sentence)
    if hi is not None:
        right = min(right, hi)
    return sentence[max(left, lo, start - 18):start], sentence[end:min(right, end + reach)]


def _local_match(
    sentence: str, span: Span, analysis: QuestionAnalysis, lo: int = 0, hi: int | None = None
) -> float:
    """How much of what the sentence says about the measured thing stands right
    around this span (0..1): picks the right number among several, and notices a
    number that belongs to some other clause."""
    phrases = [m for m in analysis.measure if not re.fullmatch(r"\d+", m)]
    if not phrases:
        return 0.5
    if analysis.money_words and not ablated("money_role"):
        # "花了多少钱": the thing's words are matched as usual; the money's kind by any of its words
        focus = tuple(f for f in analysis.focus if f not in analysis.money_words)
        local = _phrases_at(sentence, span, analysis, phrases, focus, lo, hi)
        if _money_label(sentence, span, analysis, lo) == "asked":
            local = min(1.0, local + 0.5)
        return local
    local = _phrases_at(sentence, span, analysis, phrases, analysis.focus, lo, hi)
    # "增速多少" is said "同比增长12.3%": a rate of change is named by the change itself
    if analysis.asks_change and not ablated("rate_said_by_change"):
        said = [_RATE_NAMES.sub(lambda m: RATE_AS_CHANGE[m.group(0)], p) for p in phrases]
        focus = tuple(_RATE_NAMES.sub(lambda m: RATE_AS_CHANGE[m.group(0)], f) for f in analysis.focus)
        if said != phrases:
            local = max(local, _phrases_at(sentence, span, analysis, said, focus, lo, hi))
    return local


RATE_AS_CHANGE = {"增速": "增长", "增幅": "增长", "增长率": "增长", "涨幅": "上涨", "降幅": "下降"}
_RATE_NAMES = re.compile("|".join(sorted(RATE_AS_CHANGE, key=len, reverse=True)))


def _phrases_at(
    sentence: str, span: Span, analysis: QuestionAnalysis, phrases: list[str], focus_words: tuple[str, ...],
    lo: int = 0, hi: int | None = None,
) -> float:
    """How much of ``phrases`` (and the words next to the wh-word, ``focus_words``) stands right
    around the span rather than elsewhere in the sentence (0..1)."""
    # a date dates the event its whole clause tells ("2016年经省政府批准认定为省级现代农业产业园")
    before, after = clause_window(sentence, span.start, span.end, lo, hi, 40 if analysis.kind == DATE else 14)
    # the measured thing stands right before the number ("新增就业2047人"), right
    # after it ("316名干部"), or around it ("确定了52个主要理论宣讲专题")
    window = f"{before}{span.modifiers}|{after}"
    in_sentence = coverage(phrases, sentence)
    relative = min(1.0, coverage(phrases, window) / in_sentence) if in_sentence else 0.0
    focus = coverage(focus_words, window) if focus_words else relative
    # the words next to the wh-word ("同比增长多少") say most precisely which number
    local = 0.4 * relative + 0.6 * focus
    # "多少个行政村": the noun right after the classifier is what is counted
    if analysis.type_noun and after.startswith(analysis.type_noun):
        local = min(1.0, local + 0.3)
    # a number the question names is part of the measured thing ("超过300万辆的城市")
    if any(n in window for n in re.findall(r"\d+(?:\.\d+)?", analysis.text)):
        local = min(1.0, local + 0.3)
    # a one-character verb of the question ("准备招多少人") is said in the text as a word it begins
    # ("计划招聘120人"); bigrams never see it, so it counts where it stands next to the figure
    if any(v in window for v in one_character_verbs(analysis.text)) and not ablated("verb_at_figure"):
        local = min(1.0, local + 0.3)
    return local


@functools.lru_cache(maxsize=256)
def one_character_verbs(question: str) -> tuple[str, ...]:
    """The question's one-character verbs before its wh-word, the predicate of the asked figure
    (招, 跑, 花), not the copula or modal ones (是, 有, 能, 要)."""
    tokens = pos_cut(question)
    at = next((k for k, (w, _) in enumerate(tokens) if re.match(r"多少|几", w)), len(tokens))
    return tuple(w for w, flag in tokens[:at] if len(w) == 1 and flag == "v" and w not in "是有在为能会要想让给到得")


def _named_in(span: Span, question: str) -> bool:
    number = re.search(r"\d+(?:\.\d+)?", span.text)
    return span.text in question or bool(number and number.group(0) in question)


# Kinds of named things, by the words their names end in. "哪支球队" is not answered
# by "博雅小学": a name whose ending puts it in another kind than the one asked.
_NAME_KINDS = (
    ("学校", "小学", "中学", "大学", "学院", "幼儿园"),
    ("球队", "足球队", "篮球队", "队", "队伍"),
    ("公司", "有限公司", "集团", "企业"),
    ("银行", "支行", "分行"),
    ("医院", "卫生院"),
    ("会议", "大会", "论坛"),
)


def kind_of_name(name: str) -> int | None:
    endings = [(len(e), i) for i, kind in enumerate(_NAME_KINDS) for e in kind if name.endswith(e)]
    return max(endings)[1] if endings else None


ADMIN_LEVELS = ("省", "州", "市", "县", "区", "乡", "镇", "村")  # the suffixes of administrative areas
_COUNTED_AFTER = re.compile(r"\s*\d+(?:\.\d+)?\s*[个所家项座名支条处]")


def _fits_type_noun(span: Span, analysis: QuestionAnalysis) -> bool:
    if analysis.kind not in (ORG, PLACE, NAME) or not analysis.type_noun:
        return True
    # "哪个县" is not answered by a name of another administrative level ("城北区"), unless
    # the name holds the asked level too ("曲麻莱县" in "玉树藏族自治州曲麻莱县", "西宁市城中区" for 市)
    name = span.text.strip("“”《》")
    if (
        analysis.kind == PLACE and analysis.type_noun in ADMIN_LEVELS and name[-1:] in ADMIN_LEVELS
        and analysis.type_noun not in name and not ablated("admin_level")
    ):
        return False
    # "哪个县", "哪几个城市": a place of an admin level, or one jieba knows as a place ("哈尔滨"), not
    # any name ("基层党组织")
    if (
        analysis.kind == PLACE and analysis.type_noun in ADMIN_LEVELS + ("城市",) and name[-1:] not in ADMIN_LEVELS
        and [flag for _, flag in pos_cut(re.split("[、和及与]", name)[-1])] != ["ns"] and not ablated("admin_place")
    ):
        return False
    asked = kind_of_name(analysis.type_noun)
    found = kind_of_name(span.text.strip("“”《》"))
    if asked is None or asked == found:
        return True
    # a name of no known kind ("…学校10所") is no answer to "哪支球队"; for a quoted
    # name the ending says nothing, so only a clash of kinds rules it out
    return analysis.kind == NAME and found is None


_CHANGE_WORDS = re.compile(r"增|降|减|涨|升|提高|多了|少了|扩大|缩小|下滑|回落|同比|环比|翻")


def _states_change(sentence: str, span: Span) -> bool:
    """Whether the number's own clause says it is a change ("同比增长4.5%",
    "比上年增加7个"); "新增就业" names a level, so 新增 does not count."""
    before, after = clause_window(sentence, span.start, span.end)
    clause = LEVEL_REACHED.sub("", (before + span.text + after).replace("新增", ""))
    return bool(_CHANGE_WORDS.search(clause))


# "提升至98%", "增至150余条": a change verb with 至/到 states the level reached, not the change
LEVEL_REACHED = re.compile(r"(?:提升|提高|增加|增长|上升|下降|降低|减少|压缩|扩大|缩小|增|升|降|减|涨)(?:至|到)")


_ALTERNATIVES = re.compile(r"[、和及或至到\-—~～\s]?")


_RESPECTIVELY = re.compile(r"分别(?:为|是|达到?|有|占)?")
_LIST_SEPARATOR = re.compile(r"[、和与及]")
_CLAUSE_END = re.compile(r"[；;。！？!?]")


def respective_owner(sentence: str, spans: list[Span], analysis: QuestionAnalysis) -> dict[int, tuple[bool, str]]:
    """"奎文区、潍城区……居前，分别开工42个和35个": the figures after 分别 go, in order, to the items
    listed before it. For each such figure (by its start): whether its item is the one the question
    names, and the listing clause that says what the figures measure. Empty when the sentence lists
    no items the figures match one to one, or the question names none of them (or several)."""
    owners: dict[int, tuple[bool, str]] = {}
    for resp in _RESPECTIVELY.finditer(sentence):
        left = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, resp.start())), default=0)
        right_match = _CLAUSE_END.search(sentence, resp.end())
        right = right_match.start() if right_match else len(sentence)
        figures = [sp for sp in spans if resp.end() <= sp.start and sp.end <= right]
        # the list is the clause before 分别 ("奎文区、潍城区开工改造小区数量居前，"), or the words
        # right before it in the same clause ("城中区、城东区分别完成…")
        before = sentence[left:resp.start()].rstrip("，, ")
        listing = re.split(r"[，,：:]", before)
        clause = listing[-1] if _LIST_SEPARATOR.search(listing[-1]) or len(listing) == 1 else listing[-2] if len(listing) > 1 else ""
        items = [part for part in _LIST_SEPARATOR.split(clause) if part]
        if len(items) < 2 or len(items) != len(figures):
            continue
        # the last item runs on into the clause's predicate ("潍城区开工改造小区数量居前"): only its
        # head, as long as the other items, names it
        width = max(len(item) for item in items[:-1]) + 1
        heads = items[:-1] + [items[-1][:width]]
        # the first item runs on back into the clause's start ("对新引进…企业工作的全日制博士、硕士"):
        # only its tail, as long as the other items, names it
        if not ablated("first_item_tail"):
            heads[0] = heads[0][-(max(len(item) for item in items[1:]) + 1):]
        terms = [t for t in analysis.key_terms if len(t) >= 2]
        named = [i for i, item in enumerate(heads) if any(t in item for t in terms)]
        if len(named) != 1:
            continue
        for i, sp in enumerate(figures):
            owners[sp.start] = (i == named[0], before)
    return owners


_ITEM_GAP = re.compile(r"[、；;]\s*(?P<label>[" + _CJK + r"（）()·]{1,14})")
_ITEM_START = re.compile(r"[，,；;：:。！？!?、]|其中")


def item_owner(sentence: str, spans: list[Span], analysis: QuestionAnalysis) -> dict[int, bool]:
    """"其中蓝塘镇段7.2公里、凤安镇段6.5公里、水墩镇段4.9公里": in a list of items each a name with its
    figure, a figure belongs to the name right before it. For each listed figure (by its start): whether
    its name is the one the question asks of (a word of the question names that item alone). Empty when
    the sentence has no such list or the question names none of its items (or several)."""
    if ablated("list_items") or not analysis.unit:
        return {}  # only a figure in the asked unit is an item's answer ("占几成" is not "新能源公交车420辆")
    ordered = sorted(spans, key=lambda sp: sp.start)
    runs: list[list[Span]] = []
    for prev, sp in zip(ordered, ordered[1:]):
        gap = _ITEM_GAP.fullmatch(sentence, prev.end, sp.start)
        if not gap:
            continue
        if runs and runs[-1][-1] is prev:
            runs[-1].append(sp)
        else:
            runs.append([prev, sp])
    owners: dict[int, bool] = {}
    terms = [t for t in (*analysis.entities, *analysis.key_terms) if len(t) >= 2]
    for run in runs:
        labels = []
        for sp in run:
            starts = [m.end() for m in _ITEM_START.finditer(sentence, 0, sp.start)]
            labels.append(sentence[max(starts, default=0):sp.start])
        # a word names an item when it is in that item's name alone
        # the question says an item's whole name ("秋香江堤防水墩镇段多长"), or a word of it that names that
        # item alone
        names = [re.sub(r"^其中", "", label) for label in labels]
        named = {i for i, name in enumerate(names) if len(name) >= 2 and name in analysis.text}
        if not named:
            named = {i for t in terms for i, label in enumerate(labels) if t in label and sum(t in other for other in labels) == 1}
        if len(named) == 1:
            for i, sp in enumerate(run):
                owners[sp.start] = i in named
    return owners


_REFERS_BACK = re.compile(r"(?:该|此|本|这家|这个|那家|那个|上述)$")


def _whole_names(sentence: str, spans: list[Span]) -> list[Span]:
    """The names as the text gives them: "该物业分公司" refers back to a name given before it (the
    sentence that gives it answers), and "青海景源物业管理有限公司" is cut from the name that goes on
    "…有限公司黄南分公司" (a name of an organisation continued by one of its parts)."""
    kept = []
    for sp in spans:
        if _REFERS_BACK.search(sentence[max(0, sp.start - 2):sp.start]):
            continue
        if any(
            other.start == sp.start and other.end > sp.end and other.text.endswith(_ORG_SUFFIXES)
            and kind_of_name(sp.text) in (None, kind_of_name(other.text))  # not 和平医院 of 和平医院有限公司
            and not re.search(r"[，。；、,;]", other.text)
            for other in spans
        ):
            continue
        kept.append(sp)
    return kept


def _without_asked_name(span: Span, analysis: QuestionAnalysis) -> Span:
    """"祁连县归哪个州管" is answered by "海北藏族自治州", not "海北藏族自治州祁连县": a name that ends in
    the place the question names is cut before it."""
    if analysis.kind not in (PLACE, ORG):
        return span
    for entity in analysis.entities:
        cut = len(span.text) - len(entity)
        if cut >= 2 and span.text.endswith(entity):
            return replace(span, end=span.end - len(entity), text=span.text[:cut])
    return span


def best_span(sentence: str, analysis: QuestionAnalysis) -> tuple[Span | None, float, float]:
    """The best span of the asked type in ``sentence``: (span, score, local match)."""
    ranked = ranked_spans(sentence, analysis)
    return ranked[0] if ranked else (None, 0.0, 0.0)


_RATE_GAP = re.compile(r"(?:增速|增幅|涨幅|降幅|率|比重|占比)(?<!同比)(?:比|较|高于|低于|快于|慢于)[^，。；;,]{0,12}$")
_GAP_ASKED = re.compile(r"(?<!同)比|高出|低出|高于|低于|快于|慢于|差距|相差|差了|差多少|快多少|慢多少|高多少|低多少")


_SEVERAL_ASKED = re.compile(r"哪几|哪些")


def _listed(sentence: str, spans: list[Span]) -> list[Span]:
    """"哪几个城市" asks them all: names listed one after another ("哈尔滨、齐齐哈尔、牡丹江") are one span."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        # an item between two names that no finder read ("哈尔滨、齐齐哈尔、牡丹江") is listed too
        if last is not None and re.fullmatch(r"(?:[、和及与][\u4e00-\u9fff]{2,6}?)*(?:、|和|及|与|以及)", sentence[last.end:span.start]):
            out[-1] = Span(last.start, span.end, sentence[last.start:span.end], max(last.prior, span.prior),
                           venue=last.venue or span.venue)
        else:
            out.append(span)
    return out


def _money_label(sentence: str, span: Span, analysis: QuestionAnalysis, lo: int = 0) -> str | None:
    """Which kind of money the words right before a figure name (the nearest wins): "asked" (one of the
    question's ``money_words``, or named by the question), "other" (some other money: 产值, 消费, 补贴…), or None (none named)."""
    before = clause_window(sentence, span.start, span.end, lo)[0] + span.modifiers
    found = [(before.rfind(w), w) for w in (*SPENT_WORDS, *EARNED_WORDS, *OTHER_MONEY_WORDS) if w in before]
    if not found:
        return None
    # a kind of money the question names itself ("拿出了多少钱补贴": 补贴) is the asked money
    nearest = max(found)[1]
    return "asked" if nearest in analysis.money_words or nearest in analysis.text else "other"


def ranked_spans(sentence: str, analysis: QuestionAnalysis) -> list[tuple[Span, float, float]]:
    """Every admissible span of the asked type in ``sentence`` as (span, score, local match), best
    first (ties: the earlier one)."""
    finder = _SPAN_FINDERS.get(analysis.kind)
    if finder is None:
        return []
    question_text = analysis.text
    spans = sorted(finder(sentence, analysis), key=lambda sp: (sp.start, sp.end))
    owners = respective_owner(sentence, spans, analysis) if analysis.kind in (QUANTITY, DATE) and not ablated("respectively") else {}
    items = item_owner(sentence, spans, analysis) if analysis.kind == QUANTITY else {}
    if analysis.kind in (ORG, PLACE, NAME) and not ablated("whole_names"):
        spans = _whole_names(sentence, spans)
    if analysis.kind in (ORG, PLACE) and _SEVERAL_ASKED.search(question_text) and not ablated("listed_names"):
        spans = _listed(sentence, spans)
    ranked: list[tuple[Span, float, float]] = []
    for i, span in enumerate(spans):
        if span.start in owners and not owners[span.start][0]:
            continue  # another listed item's figure
        if span.start in items and not items[span.start]:
            continue  # "凤安镇段6.5公里": the figure of another item of the list
        span = _without_asked_name(span, analysis)
        if span.text in question_text or any(span.text == e for e in analysis.entities):
            continue  # the question's own words are not its answer
        if not _fits_type_noun(span, analysis):
            continue
        if analysis.kind in (ORG, NAME, PLACE) and _COUNTED_AFTER.match(sentence, span.end):
            continue  # "特色学校10所" counts a category; it names no school
        if analysis.asks_change and not _states_change(sentence, span):
            continue  # "同比增长了多少" is not answered by "新增就业2047人"
        # a neighbouring number ends this one's words (only numbers: names nest), unless
        # the question names it ("超过300万辆的城市有几个": "27个城市超300万辆"), or the two
        # are alternatives sharing the words before them ("原则上不低于1%、不超过3%")
        others = [sp for sp in spans if sp is not span and not _named_in(sp, question_text)] if analysis.kind == QUANTITY else []
        lo = max(
            (sp.end for sp in others if sp.end <= span.start and not _ALTERNATIVES.fullmatch(sentence[sp.end:span.start])),
            default=0,
        )
        hi = min(
            (sp.start for sp in others if sp.start >= span.end and not _ALTERNATIVES.fullmatch(sentence[span.end:sp.start])),
            default=None,
        )
        local = _local_match(sentence, span, analysis, lo, hi)
        if span.venue and not ablated("venue_clause"):  # where the sentence's event is held: its whole clause
            phrases = [m for m in analysis.measure if not re.fullmatch(r"\d+", m)]
            local = max(local, coverage(phrases, sentence) if phrases else 0.5)
        if span.start in owners:  # its item's figure: the listing clause says what it measures
            phrases = [m for m in analysis.measure if not re.fullmatch(r"\d+", m)]
            local = max(local, coverage(phrases, owners[span.start][1] + sentence[:span.start]) if phrases else 0.5)
        score = 2.0 * local + span.prior
        # "增速比全区平均水平高4.1个百分点" is the gap between two rates, not the rate asked ("增速多少"),
        # unless the question asks that gap (比, 高出, 差)
        if analysis.kind == QUANTITY and _RATE_GAP.search(clause_window(sentence, span.start, span.end)[0]) \
                and not _GAP_ASKED.search(question_text) and not ablated("rate_gap"):
            continue
        # "花了多少钱" is answered by the sum the text names as spent ("完成投资6.8亿元"), not by another
        # kind of money beside it ("带动消费约4.2亿元", "补助金额最高不超过200万元")
        if analysis.money_words and analysis.kind == QUANTITY:
            said = _money_label(sentence, span, analysis, lo)
            if said == "asked":
                score += 0.8
            elif said == "other":
                continue
        # "满意的比例有多高": the rate its own clause names by the rated word ("满意度达96.3%")
        if analysis.rated and analysis.kind == QUANTITY and analysis.rated in clause_window(sentence, span.start, span.end, lo)[0]:
            score += 0.8
        # "其中蓝塘镇段7.2公里": the figure of the item asked, not the whole before the list ("堤防18.6公里")
        if items.get(span.start):  # its own name is the question's words
            score += 0.8 + 2.0 * max(0.0, 1.0 - local)
            local = max(local, 1.0)
        # "由原来的15个工作日压缩至5个工作日": the old value, not the one now, unless the old one is asked
        # "…其中汽车有多少" asks for the part the text gives after "其中", not the whole
        if analysis.kind == QUANTITY and "其中" in question_text and "其中" in clause_window(sentence, span.start, span.end)[0]:
            score += 0.8
        # "护林员里有多少人是脱贫人口" asks for the figure whose own clause says the part ("其中脱贫人口310名")
        if analysis.kind == QUANTITY and analysis.subset and all(
            w in "".join(clause_window(sentence, span.start, span.end)) for w in analysis.subset
        ):
            score += 0.8
        ranked.append((span, score, local))
    ranked.sort(key=lambda r: -r[1])  # stable: among equal scores the earlier span first
    return ranked

