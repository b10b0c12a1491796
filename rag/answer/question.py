"""What a question asks for: its type, the entities and time qualifiers it names,
and the thing it measures.

Both the answer extractor (``rag.answer.pipeline``) and the follow-up rewriter
(``rag.followup``) read a question through ``analyze_question``, so they agree
on what "the entity" or "the measured thing" of a question is.

Everything here is rule-based (jieba part-of-speech tags plus regexes): the
assistant runs offline on a laptop CPU and must answer in well under a second.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from dataclasses import dataclass
from typing import Iterable

from .settings import ablated
from .everyday_terms import in_article_terms

from ..numbers import figures_in
from ..calendar_words import iso_day
from ..places import PROVINCE_NAMES, is_province, pos_cut, pos_tokenizer, without_baselines
from .name_reading import demonym_place, misread_name, office_short
from .synonyms import known_common_word, names_people, synonyms

# Question types, i.e. the kind of span the answer should be.
QUANTITY = "quantity"
PERSON = "person"
PLACE = "place"
ORG = "org"
DATE = "date"
NAME = "name"  # the name of a programme, platform, event… usually quoted “…” in the text
SENTENCE = "sentence"  # anything else: the best sentence is the answer

_CJK = "\u4e00-\u9fff"

# --- question-type cues -------------------------------------------------------
# Order matters: "几月几日" is a date question although it contains "几".
_DATE_CUES = re.compile(
    r"什么时候|什么时间|何时|哪天|哪一天|哪日|哪年|哪一年|哪个月|哪月|几月几[日号]|几月份|几号|何日|日期|哪个时间"
    r"|(?:星期|礼拜|周)几"
)
_PERSON_CUES = re.compile(r"谁|哪位|姓名|叫什么名字")
_PLACE_CUES = re.compile(r"哪里|哪儿|在哪|什么地方|何地|何处|哪个地方|什么位置|地点")
_QUANTITY_CUES = re.compile(
    r"多少|多大|多长|多高|多远|多重|多久|几成|百分之几|百分比|比例|占比|比重|增幅|降幅|增长率|"
    r"几[个名所家项件场条户支座期人次万亿千百天年岁倍批位辆台套处份座班种类]"
)
_NAME_CUES = re.compile(r"叫什么|名称是|名字是|什么名字|什么品牌|称为什么|命名为")
# "哪个/哪家/哪一个 + noun": the noun decides between a place and an organisation.
_WHICH = re.compile(r"(?:哪个|哪一个|哪座|哪所|哪家|哪条|哪一|哪些|哪)([" + _CJK + r"]{1,4})")
_PLACE_NOUNS = ("省", "市", "县", "区", "州", "乡", "镇", "村", "地区", "城市", "国家", "港", "街道", "社区",
                "地方", "广场", "航线", "国", "片区", "园区", "地级市", "县级市", "省会")
_ORG_NOUNS = ("单位", "部门", "机构", "公司", "企业", "协会", "商会", "银行", "支行", "医院", "局", "厅",
              "委", "组织", "球队", "支球队", "团队", "媒体", "平台", "会议", "大会", "工作室", "驿站", "集团")
_PERSON_ROLES = ("书记", "局长", "厅长", "部长", "所长", "乡长", "镇长", "县长", "市长", "主任", "负责人",
                 "记者", "代表", "作者", "院长", "校长", "主席", "经理", "董事长", "村民", "农户", "通讯员",
                 "摄影", "小哥", "骑手", "专家", "网格员", "带头人", "领导", "干部", "总监", "总裁", "总经理")

# A role asked in everyday words, which a news text says with a title: "谁创办的" → 创始人, "谁跑了第一" →
# 冠军, "大学老师" → 教授. (words said, title)
_ROLE_IN_WORDS = (
    (re.compile(r"创办|创立|创建|创始"), "创始人"),
    (re.compile(r"(?:跑|拿|得|获|夺)(?:了|得)?(?:第一名?|头名)|第一名|夺冠"), "冠军"),
    (re.compile(r"(?:大学|高校)(?:的)?(?:老师|教师)"), "教授"),
)


def role_said_in_words(role: str, sentence: str) -> bool:
    """Whether ``sentence`` says the role asked in everyday words in such words itself ("获得青花项目第一名"
    says the 冠军 of "拿了第一的是谁"), as _ROLE_IN_WORDS reads them."""
    if ablated("role_in_words"):
        return False
    return any(title == role and said.search(sentence) for said, title in _ROLE_IN_WORDS)


def _role_in_words(text: str) -> tuple[str, str] | None:
    """(the question's words, the title they ask) for a role asked in everyday words, or None."""
    if ablated("role_in_words"):
        return None
    for said, title in _ROLE_IN_WORDS:
        match = said.search(text)
        if match:
            return match.group(0), title
    return None


# Words that only make up the question frame, never what is asked about.
WH_WORDS = (
    "什么时候", "什么时间", "什么地方", "什么名字", "什么品牌", "多少钱", "多少", "多大", "多长", "多高", "多远",
    "多重", "多久", "几成", "百分之几", "百分之多少", "哪里", "哪儿", "在哪", "哪个", "哪一个", "哪家", "哪位", "哪座",
    "哪所", "哪条", "哪些", "哪年", "哪一年", "哪天", "哪一天", "哪月", "哪个月", "几月几日", "几月几号",
    "几号", "何时", "何地", "何处", "谁", "什么", "怎么", "怎样", "如何", "为什么", "为何", "是否", "吗",
    "呢", "几", "哪",
)
_STOPWORDS = frozenset(
    "的 了 是 有 在 和 与 及 或 为 被 把 将 对 从 到 向 给 于 由 共 共有 一共 总共 累计 达 达到 约 大约 "
    "请问 请 问 告诉 我 你 他 她 它 其 该 这 那 那么 这个 那个 么 吧 啊 呀 嘛 呢 吗 个 都 也 还 又 "
    "就 才 已 已经 曾 会 能 可以 要 所 所以 因为 叫 称 名 哪 几 多 少 上 中 下 内 里 一 些 "
    "情况 方面 问题 具体 大概 目前 当前 截至 截止 时候 时间 地方 数量 数字 人数 数目 规模 总数 多少 "
    "什么 哪里 谁 怎样 如何 怎么 名字 名称 姓名 日子 哪天 哪年 哪月 多长 多大 多远".split()
)
# Place-like words jieba tags ns/n that are not a specific place.
GENERIC_PLACES = frozenset(
    "城市 国家 地方 全国 全省 全市 全县 全区 全州 我省 本省 我国 各地 地区 社区 农村 城镇 乡村 基层 "
    "城乡 当地 省级 市级 县级 区级 国内 国外 海外 省内 省外 辖区 本地 各省 各市 全乡 全村 "
    "农牧区 牧区 农区 城区 市区 景区 园区 小区 片区 林区 山区 矿区 灾区 新区 街区 校区 社区 试点县 "
    "各区 各县 全市 全区 城乡区 行政村 自然村 乡镇 村庄 县区 省份 县城 地级市 县级市 省会 首府".split()
)
# Nouns too general to show that a passage talks about the asked thing.
# Attribute words ("…的原因", "…的举办地", "新任…") name a property the answer
# has, not something the text must mention, so they are not required either.
GENERIC_NOUNS = _GENERIC_NOUNS = frozenset(
    "工作 情况 数据 方面 问题 内容 时间 地方 全国 全省 城市 人员 单位 部门 活动 项目 方式 比例 占比 比重 "
    "国家 地区 名字 名称 日期 数量 总数 人数 规模 水平 讲话 发言 "
    "地点 举办地 地址 位置 结果 原因 理由 用途 作用 意义 目的 特点 特征 特色 性格 外形 外观 形状 颜色 "
    "含义 定义 职责 职业 身份 成绩 名次 成员 新任 现任 前任 首任 类型 种类 区别 影响 过程 经过 背景 来源 "
    "前身 别称 别名 称号 简称 全称 时候 年份 月份 具体 主要 "
    # "外贸总体增速", "整体水平": the whole itself, which the text says with no such word
    "总体 整体 全体 "
    # the kind of article a question refers to ("评论里引用的俗话") is not in its text
    "消息 新闻 报道 评论 文章 社论 短评 通讯 "
    # "从外地请来" says where from relative to the asker, not a thing the text names
    "外地 本地".split()
)
_ADMIN_SUFFIX = "省市县区州乡镇村旗盟"

# --- time qualifiers -----------------------------------------------------------
# "Hard" qualifiers name a specific period; if the passages never mention it the
# answer cannot be about it. Relative words (今年, 目前…) are soft: news text
# says "今年以来" for whatever year it was written in.
_CN_DIGIT = "〇零一二三四五六七八九"
_HARD_TIME = re.compile(  # not inside a longer number: "2102号" is a room, not the 2nd
    r"(?<![\d.])(?:(?:\d{4}|[" + _CN_DIGIT + r"]{4})年(?:底|初|末|上半年|下半年|前三季度|第?[一二三四1-4]季度)?"
    r"|(?:第?[一二三四1-4]|首|前三)季度?|上半年|下半年|前三季度"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
    r"|十[四五六]五)"
)
_SOFT_TIME = re.compile(r"今年以来|今年|去年|明年|近年来|近年|近日|日前|目前|一年来|截至目前|当天|前不久|春节后|节后")

# Synonyms the news text uses for a period the question names.
_TIME_SYNONYMS: dict[str, tuple[str, ...]] = {
    "一季度": ("一季度", "第一季度", "1季度", "首季"),
    "二季度": ("二季度", "第二季度", "2季度"),
    "三季度": ("三季度", "第三季度", "3季度"),
    "四季度": ("四季度", "第四季度", "4季度"),
}


@dataclass(frozen=True)
class QuestionAnalysis:
    """A question read for answering.

    ``entities`` are the specific places, organisations and people named;
    ``time_terms`` the hard time qualifiers (2024年, 一季度, 3月1日);
    ``measure`` the phrases that say what is asked about ("新增就业"),
    i.e. the content words left over once the wh-words, entities and time
    qualifiers are taken out; ``unit`` the unit the question asks in
    ("多少人" → "人"), if any.
    """

    text: str
    kind: str
    entities: tuple[str, ...]
    time_terms: tuple[str, ...]
    soft_time_terms: tuple[str, ...]
    measure: tuple[str, ...]
    key_terms: tuple[str, ...]
    unit: str | None = None
    role: str | None = None  # for person questions: the role asked about ("所长")
    focus: tuple[str, ...] = ()  # the content words right next to the wh-word ("增长了多少" → 增长)
    nouns: tuple[str, ...] = ()  # the measured thing's nouns: each must be talked about somewhere
    measured_nouns: tuple[str, ...] = ()  # the nouns of the phrase right before the wh-word
    type_noun: str | None = None  # "哪个会议" → 会议: what kind of thing the answer is
    # numbers the question names, as written and by value ("超过1000万辆的城市" → ("1000万", 10000000)):
    # a passage that states none of them is about something else
    figures: tuple[tuple[str, Decimal], ...] = ()
    asks_change: bool = False  # "同比增长了多少": the answer is a change, not a level
    # what an outcome adverb stresses ("最后有多少人通过" → 通过, "最后是哪支队伍拿了冠军" →
    # 冠军): the answer's sentence must say it, since a neighbouring figure (报名) is no outcome
    outcome: tuple[str, ...] = ()
    # "A里/中有多少是B": the part of a group asked for ("下乡干部中有多少名女干部" → 女干部); a
    # figure of the whole group ("316名干部") does not answer it
    subset: tuple[str, ...] = ()
    # "花了多少钱", "挣了多少钱": the kind of money asked, as the text names it ("完成投资6.8亿元",
    # "旅游收入21.7亿元"); a sum of another kind next to it ("带动消费约4.2亿元") does not answer
    money_words: tuple[str, ...] = ()
    # "满意的比例", "满意程度": the word a rate is named by (满意 → 满意度/满意率 in the text)
    rated: str | None = None

    @property
    def topic(self) -> str:
        """A short noun phrase for messages: 城中区一季度新增就业."""
        parts = list(self.entities) + list(self.time_terms) + list(self.measure)
        return "".join(parts) or strip_question_words(self.text)


def _generic_place_and_noun(word: str) -> bool:
    """Whether a word jieba tags as a place is a generic place word and a common noun ("城镇人口",
    "农村人口": 城镇 + 人口), a noun phrase its dictionary lists, not a place's name."""
    freq = pos_tokenizer().tokenizer.FREQ
    return any(
        word.startswith(g) and len(word) - len(g) >= 2 and freq.get(word[len(g):], 0) >= 100
        and pos_tokenizer().word_tag_tab.get(word[len(g):], "")[:1] == "n"
        and word[len(g):][-1] not in _ADMIN_SUFFIX
        for g in GENERIC_PLACES
    )


def guessed_across_words(word: str) -> bool:
    """Whether jieba's dictionary lacks ``word``, reads it as single characters only and the last
    one is a verb or function word alone (水比, 地能, 钱花): jieba guessed it across a word boundary."""
    if ablated("guessed_nouns") or not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", word):
        return False
    tagger = pos_tokenizer()
    tokenizer = tagger.tokenizer
    # its last character is, on its own, a verb or a function word (比, 能, 花): the guess ran past
    # the noun into what follows it ("插电式": 式 is a suffix, a word of its own)
    return not tokenizer.FREQ.get(word) and all(len(w) == 1 for w in tokenizer.cut(word, HMM=False)) \
        and tagger.word_tag_tab.get(word[-1], "n")[:1] in ("p", "v", "u", "d", "c", "r")


# locative characters that close a noun phrase after a noun ("范围内")
_LOCATIVE = "内里"
# the modal verbs (a closed class of the grammar)
_MODALS = frozenset("能可会要该得")


def cut_across(tokens: list[tuple[str, str]], k: int) -> bool:
    """Whether the noun ``tokens[k]`` is jieba's cut across the boundary of the words the question says: its first
    character closes the word before it and the rest is a modal verb opening what follows ("一次|性能|领" is
    一次性|能领, "范围|内能|报销" is 范围内|能报销). jieba prefers the dictionary noun in the middle; the asker said
    the other two, and the middle noun names nothing the passages must say. The word closed is a dictionary word of
    three characters or more (一次性; not 全社|会) or a noun and its locative (范围内); a rest that is a noun or any
    other word (技术|工人, 电信|网络) leaves the noun the asker's own."""
    if ablated("cut_across") or k < 1:
        return False
    word, before = tokens[k][0], tokens[k - 1]
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", word) or not re.fullmatch(r"[\u4e00-\u9fff]+", before[0]):
        return False
    closed = before[0] + word[0]
    closes = (len(closed) >= 3 and bool(pos_tokenizer().tokenizer.FREQ.get(closed))) \
        or (word[0] in _LOCATIVE and before[1][:1] == "n")
    # the rest a modal verb (能 of 性能领), the asker going on to say what can be done
    return closes and word[1:] in _MODALS


# --- helpers shared with the extractor -------------------------------------------
def strip_question_words(text: str) -> str:
    """The question without punctuation, wh-words and a leading 请问."""
    text = re.sub(r"[？?！!。，,、；;：:\s“”\"'《》（）()]+", "", text)
    text = re.sub(r"^(请问|请告诉我|我想知道|问一下)", "", text)
    for word in WH_WORDS:
        text = text.replace(word, "")
    return re.sub(r"(是|有|为|达|共)$", "", text)


def entity_variants(entity: str) -> tuple[str, ...]:
    """Forms under which a named entity may appear in the text.

    "西宁市城中区" appears as "城中区", "海北藏族自治州祁连县" as "祁连县" or
    "祁连", so the most specific component (after the last inner admin suffix)
    is what has to match; a trailing 县/省/市 may be dropped ("祁连", "青海").
    """
    variants = [entity]
    # split "西宁市城中区" → "城中区": the part after the last inner admin suffix
    for i in range(len(entity) - 2, 0, -1):
        if entity[i] in _ADMIN_SUFFIX and len(entity) - i - 1 >= 2:
            variants.append(entity[i + 1:])
            break
    for form in list(variants):
        if len(form) >= 3 and form[-1] in "县省市" and not form.endswith("城市"):
            variants.append(form[:-1])
        if form.endswith("自治州") and len(form) > 5:
            variants.append(form[:-3])
    seen: dict[str, None] = {}
    for v in variants:
        seen.setdefault(v, None)
    return tuple(seen)


def entity_in(entity: str, text: str) -> bool:
    """Whether ``entity`` (in one of its forms) occurs in ``text``."""
    variants = entity_variants(entity)
    # the specific forms: the full name, or its last component
    if any(v in text for v in variants[1:]) or variants[0] in text:
        return True
    # a common word the tagger took for a name ("礼拜") may be written as its synonym ("星期")
    if any(s in text for s in synonyms(entity)):
        return True
    # the text may spell out the admin levels the question leaves out: "成都锦江区" is "成都市锦江区"
    spelled_out = "".join(re.escape(ch) + f"[{_ADMIN_SUFFIX}]?" for ch in entity[:-1]) + re.escape(entity[-1])
    return (len(entity) >= 4 and re.search(spelled_out, text) is not None) or banner_in_full(entity, text)


# a banner (旗) is asked by its everyday short name, the first characters of the words of its full name: 西乌旗 for
# 西乌珠穆沁旗, 察右中旗 for 察哈尔右翼中旗, 达茂旗 for 达尔罕茂明安联合旗; the page writes the full name. Each
# character of the short name in order, at most three others (no level, no mark) between two of them, in one name.
_NOT_IN_BANNER = r"省市县区旗盟州镇乡村的和与及、，。；：！？,;:!? \s“”《》（）()"


def banner_in_full(entity: str, text: str) -> bool:
    """Whether ``text`` writes the banner ``entity`` names short (西乌旗) in full (西乌珠穆沁旗): switch ``banner_short``."""
    if not 3 <= len(entity) <= 5 or entity[-1] != "旗" or ablated("banner_short"):
        return False
    gap = f"[^{_NOT_IN_BANNER}]{{0,3}}?"
    pattern = gap.join(re.escape(ch) for ch in entity)
    return any(m.end() - m.start() > len(entity) for m in re.finditer(pattern, text))


def place_level(name: str) -> str | None:
    """The administrative level of a place name: "省" for a province (青海, 辽宁省), else
    its admin suffix (祁连县 → 县), None when it has none."""
    if is_province(name):
        return "省"
    return name[-1] if len(name) >= 3 and name[-1] in _ADMIN_SUFFIX else None


def places_of_level(level: str, text: str) -> set[str]:
    """The places of ``level`` that ``text`` names (jieba's place tags; provinces by name)."""
    found = set()
    for word, flag in pos_cut(text):
        if flag != "ns" or word in GENERIC_PLACES:
            continue
        if level == "省":
            core = word[:-1] if word.endswith("省") else word
            if core in PROVINCE_NAMES:
                found.add(core)
        elif len(word) >= 3 and word.endswith(level):
            found.add(word)
    return found


_CN_SMALL = "一二三四五六七八九"


def _cn_small(n: int) -> str:
    """1..39 in Chinese numerals as dates write them: 26 → 二十六, 10 → 十."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else "十" if tens == 1 else _CN_SMALL[tens - 1] + "十") + (_CN_SMALL[ones - 1] if ones else "")


def _small_value(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    return next((n for n in range(1, 40) if _cn_small(n) == numeral), None)


def _month_day_forms(term: str) -> tuple[str, ...]:
    """A month or day said in digits or in Chinese numerals: "1月26日" is written "一月二十六日"."""
    match = re.fullmatch(r"(?:([\d一二三四五六七八九十]{1,3})月)?(?:([\d一二三四五六七八九十]{1,3})([日号]))?", term)
    if not match or not (match.group(1) or match.group(2)) or ablated("cn_dates"):
        return ()
    month = _small_value(match.group(1)) if match.group(1) else None
    day = _small_value(match.group(2)) if match.group(2) else None
    if (match.group(1) and month is None) or (match.group(2) and day is None):
        return ()
    forms = []
    for writing in (str, _cn_small):
        head = f"{writing(month)}月" if month else ""
        forms += [head + (f"{writing(day)}{mark}" if day else "") for mark in (("日", "号") if day else ("",))]
    return tuple(forms)


def time_variants(term: str) -> tuple[str, ...]:
    core = term.lstrip("第")
    for key, forms in _TIME_SYNONYMS.items():
        if core in forms or core == key:
            return forms
    written = _month_day_forms(term)
    if written:  # "3月1号" is written "3月1日", "1月26日" also "一月二十六日"
        return tuple(dict.fromkeys((term,) + written))
    # a day is said "3月1号" and written "3月1日"
    day = re.fullmatch(r"(.*\d)[号日]", term)
    if day:
        return (term, day.group(1) + "日", day.group(1) + "号")
    return (term,)


_PERIOD_WORD = (
    r"(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|全年|年[初底末]|(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?:份|底|初|末)?)"
)
_RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}
# "去年上半年", "今年前三季度": a period of a year said relative to the article's own year
_RELATIVE_PERIOD = re.compile(r"(?<![与较比])(今年|本年|去年|上年|明年|前年)(" + _PERIOD_WORD + r")(?!同期)")
# "上半年，全省…": a period said with no year at all is one of the article's year; not inside a
# longer time ("2024年上半年", "十二月", "第一季度") or a baseline ("同期")
_BARE_PERIOD = re.compile(r"(?<![\d〇零一二三四五六七八九十年第今去明本上度—\-~～至到])(" + _PERIOD_WORD + r")")
_YEAR_OF = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
# "截至去年底", "今年初", "去年末": a year's end or start said relative to the article's year, written with no second 年
_RELATIVE_YEAR_END = re.compile(r"(?<![与较比])(今年|本年|去年|上年|明年|前年)([底末初])")


_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _period_end(period: str, year: int) -> dt.date | None:
    """The last day of a part of ``year`` a bare period word names (上半年: 6月30日, 一季度: 3月31日, 5月: 5月31日), or
    None for the whole year and its ends (全年, 年底, 年初), which no part of the year before may be read as."""
    if period in ("上半年", "下半年", "前三季度"):
        return dt.date(year, {"上半年": 6, "下半年": 12, "前三季度": 9}[period], 30 if period != "下半年" else 31)
    quarter = re.fullmatch(r"第?([一二三四1-4])季度", period)
    if quarter:
        month = _QUARTERS[quarter.group(1)] * 3
        return dt.date(year, month, 31 if month in (3, 12) else 30)
    month = re.fullmatch(r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(份|底|初|末)?", period)
    if month:
        number = int(month.group(1)) if month.group(1).isdigit() else _CN_MONTHS[month.group(1)]
        if month.group(2) == "初":
            return dt.date(year, number, 1)
        return (dt.date(year + 1, 1, 1) if number == 12 else dt.date(year, number + 1, 1)) - dt.timedelta(days=1)
    return None


def _bare_period_year(period: str, base: int, issue: dt.date | None) -> int:
    """The year of a part of a year said with no year at all: the article's, unless that part is not over by the
    article's issue date (一季度 in a paper of 2026年1月8日 reporting 2025's results, "分季度看，一季度…"): a figure
    reported of a part of a year is of one already past, so it is the year before's."""
    if issue is None or ablated("issue_parts") or base != issue.year:
        return base
    end = _period_end(period, base)
    return base - 1 if end is not None and end > issue else base


def resolved_periods(text: str, year: str | None, issue: str | None = None, reported: str | None = None) -> str:
    """The periods ``text`` says relative to its article's ``year`` ("2025", or "2025年"), written out
    ("今年上半年", "上半年" → 2025年上半年; "去年下半年" → 2024年下半年), one per line: a question
    naming the absolute period ("2025年上半年…多少") asks about what the article dated 2025 says of
    今年上半年. Baselines ("比去年同期", "与去年上半年相比") are no period the figure is of. ``issue``: the
    article's printed date (ISO), by which a bare part of a year must be over (``_bare_period_year``); ``reported``: the
    year before the issue's that the article's lead reports ("2025年"), whose 全年 and 年末 its bare ones may be."""
    found = _YEAR_OF.match(year or "") or re.fullmatch(r"((?:19|20)\d\d)", year or "")
    if not found or ablated("relative_periods"):
        return ""
    base = int(found.group(1))
    issued = iso_day(issue)
    text = without_baselines(text)
    resolved = [f"{base + _RELATIVE_YEAR[m.group(1)]}年{m.group(2)}" for m in _RELATIVE_PERIOD.finditer(text)]
    resolved += [
        f"{_bare_period_year(m.group(1), base, issued)}年{m.group(1)}"
        for m in _BARE_PERIOD.finditer(_RELATIVE_PERIOD.sub(" ", text))
    ]
    if not ablated("relative_year_end"):
        resolved += [f"{base + _RELATIVE_YEAR[m.group(1)]}年{m.group(2)}" for m in _RELATIVE_YEAR_END.finditer(text)]
    if reported and not ablated("reported_year"):
        # an article printed early in a year reporting the year before ("发布2025年全市经济运行情况", ``reported``) says 全年
        # and 年末 of that year too: "年末全市规模以上工业企业达到1083户" is 2025年末's
        resolved += [f"{reported.removesuffix('年')}年{m.group(1).removeprefix('年')}" for m in _BARE_PERIOD.finditer(_RELATIVE_PERIOD.sub(" ", text))
                     if m.group(1) in _WHOLE_YEAR_WORDS]
    return "\n".join(dict.fromkeys(resolved))


_WHOLE_YEAR_WORDS = ("全年", "年末", "年底")


# a day said without its year ("12月28日", "截至1月10日"); not one of a longer date ("2025年12月28日",
# "去年12月28日") nor inside a longer numeral
_BARE_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_RECENT_DAYS = 31  # a daily paper's bare date within the month before its issue is of that recent past


def resolved_days(text: str, date: str | None) -> str:
    """The days ``text`` names without a year, written out with the year they fall in when they lie
    within the month before the article's issue ``date`` (ISO): a paper of 2026年1月17日 reporting
    "12月28日…全线贯通" means 2025年12月28日, "截至1月10日" is 2026年1月10日. Days further back, or
    after the issue, are left unread (a report may look back at last year's spring or ahead)."""
    if not date or ablated("issue_days"):
        return ""
    issue = iso_day(date)
    if issue is None:
        return ""
    resolved = []
    for m in _BARE_DAY.finditer(text):
        month, day = int(m.group(1)), int(m.group(2))
        for year in (issue.year, issue.year - 1):
            try:
                when = dt.date(year, month, day)
            except ValueError:
                continue
            if 0 <= (issue - when).days <= _RECENT_DAYS:
                resolved.append(f"{year}年{month}月{day}日")
                break
    return "\n".join(dict.fromkeys(resolved))


# a year said relative to the issue ("去年，赤水市新建…", "前年秋播"): not a baseline ("比去年", "较上年",
# "高于去年"), not a part of a year (去年上半年: resolved_periods), not 去年同期 (a baseline's period)
_BARE_RELATIVE_YEAR = re.compile(
    r"(?<![与较比同高低于超过过出到至和及、])(去年|上年|前年|明年)(?!同期|" + _PERIOD_WORD + r"|以来|来|相比|水平)"
)


def resolved_years(text: str, date: str | None) -> str:
    """The years ``text`` says relative to its article's issue ``date`` (ISO, from its masthead or dateline),
    written out: a paper of 2026年1月15日 saying "去年，赤水市新建社区老年食堂15个" means 2025年, "前年" 2024年.
    Only a printed issue date counts (a year the lead reports is no issue date: a report of 2025's results
    says 去年 of 2025 itself). 今年 is the issue's own year, which the context gives already."""
    if not date or not date[:4].isdigit() or ablated("issue_years"):
        return ""
    base = int(date[:4])
    found = [f"{base + _RELATIVE_YEAR[m.group(1)]}年" for m in _BARE_RELATIVE_YEAR.finditer(text)]
    return "\n".join(dict.fromkeys(found))


def time_in(term: str, text: str) -> bool:
    written = _month_day_forms(term)
    if written:  # not inside a longer numeral: "2日" is not in "12日", "二月" not in "十二月"
        return any(re.search(r"(?<![\d一二三四五六七八九十])" + re.escape(v), text) for v in written + (term,))
    if any(v in text for v in time_variants(term)):
        return True
    # "2022年" is also written "2022世界杯", "2022-12-23"
    year = re.fullmatch(r"(\d{4})年", term)
    return bool(year and re.search(r"(?<!\d)" + year.group(1) + r"(?!\d)", text))


def bigrams(text: str) -> list[str]:
    return [text[i:i + 2] for i in range(len(text) - 1)] if len(text) > 1 else [text]


def coverage(phrases: Iterable[str], text: str) -> float:
    """Share of the phrases' character bigrams found in ``text`` (1.0 when no phrases).

    Bigrams rather than whole words because news text varies the wording:
    "农村劳动力转移就业" against "农牧区劳动力转移就业" still shares 6 of 8 bigrams.
    """
    grams = [g for phrase in phrases for g in bigrams(phrase)]
    if not grams:
        return 1.0
    return sum(1 for g in grams if g in text) / len(grams)


# --- the analysis ------------------------------------------------------------------
def _which_kind(text: str) -> str | None:
    """The kind named by "哪个/哪家/哪所 + noun", if the noun says it."""
    which = _WHICH.search(text)
    if not which or text[which.start():].startswith("哪些"):
        return None
    noun = which.group(1)
    if any(noun.startswith(n) for n in _ORG_NOUNS):
        return ORG
    if any(noun.startswith(n) for n in _PLACE_NOUNS):
        return PLACE
    if noun.startswith("家"):
        return ORG
    return None


_NAMED_BEFORE = re.compile(r"([" + _CJK + r"]{1,4})(?:的名字|名字|的名称)?(?:叫什么名字|叫什么)")
_PERSON_TAILS = ("人", "者", "员", "长", "师", "生", "手", "哥", "姐", "记", "他", "她", "谁")


def _names_a_thing(text: str) -> bool:
    """"那个服务站叫什么名字" asks for a name, not a person: the only person cue is
    "叫什么名字" and what it names is no person (a role, "…人/者/员")."""
    # 位 counts people only: "那位老农叫什么名字" asks a person's name
    if re.search(r"谁|哪位|姓名|[那这每]位(?![于列置居])", text):
        return False
    named = _NAMED_BEFORE.search(text)
    if not named:
        return False
    before = named.group(1)
    return not (before.endswith(_PERSON_TAILS) or any(r in before for r in _PERSON_ROLES))


# Search-style questions without a wh-word ("RCEP生效时间", "EMNLP2022的举办地").
_DATE_TAIL = re.compile(r"(?:时间|日期|年份|时候)[？?。]?$")
_PLACE_TAIL_CUE = re.compile(r"(?:举办地|举办地点|地点|地址|所在地)[？?。]?$")
_QUANTITY_TAIL = re.compile(r"(?:增长率|增速|增幅|票房|营收|收入|产量|总量|数量|人数|金额|总额|销量|发送量|面积|长度|高度)[？?。]?$")


def _question_kind(text: str) -> tuple[str, str | None]:
    """The type of span asked for, and for person questions the role named."""
    if _WHETHER_CHANGED.search(text) and not ablated("whether_changed") and not (
        _MAGNITUDE_ASKED.search(text[_WHETHER_CHANGED.search(text).end():]) and not ablated("one_sided_change")
    ):
        # "比例变了没有" asks whether it changed: the sentence saying so answers (持平, 上升3.6个百分点)
        return SENTENCE, None
    if _FREQUENCY_ASKED.search(text) and not ablated("frequency"):
        # "多久举办一次" asks how often (每两年一届), no length of time: the sentence that says it answers
        return SENTENCE, None
    if _DURATION_ASKED.search(text):  # "要等多长时间": a number of minutes or days, no date
        return QUANTITY, None
    if _DATE_CUES.search(text) or _DATE_TAIL.search(text):
        return DATE, None
    if _PLACE_TAIL_CUE.search(text):
        return PLACE, None
    if _QUANTITY_TAIL.search(text) and not _WHICH.search(text) and "什么" not in text:
        return QUANTITY, None
    if _PERSON_CUES.search(text) and not _names_a_thing(text):
        role = next((r for r in _PERSON_ROLES if r in text), None)
        in_words = _role_in_words(text)
        return PERSON, role or (in_words[1] if in_words else None)
    name_cue = _NAME_CUES.search(text)
    if name_cue:
        # "书记叫什么" asks for a person; "领导干部下基层的那个行动叫什么" for the name of a
        # programme: the role must be what is named, right before the cue
        role = next((r for r in _PERSON_ROLES if r in text[max(0, name_cue.start() - 4):name_cue.start()]), None)
        # 位 counts people only: "那位老农叫什么" asks a person's name
        # a word for people right before the cue ("村支书叫什么名字": 词林 files 村支书 among people) asks a name too
        before = [w for w, f in pos_cut(text[:name_cue.start()]) if w.strip() and w not in ("的", "那个", "这个")]
        people = bool(before) and names_people(before[-1])
        return (PERSON, role) if role or people or re.search(r"[那这每]位(?![于列置居])", text[:name_cue.start()]) \
            else (NAME, None)
    # "在哪个会议上" asks for a meeting, not a place: the noun after 哪个 decides first
    which = _which_kind(text)
    if which:
        return which, None
    if _PLACE_CUES.search(text):
        return PLACE, None
    if _QUANTITY_CUES.search(text):
        return QUANTITY, None
    if _WHICH.search(text) and "哪些" not in text:
        return NAME, None
    return SENTENCE, None


_UNIT_AFTER_WH = re.compile(
    r"(?:多少|几)(万亿|亿|万|千|百)?"
    r"(个百分点|个工作日|平方公里|平方米|人次|场次|班次|公里|千米|公顷|岗位|万元|亿元|元|人|名|位|所|家|项|件|场|条|户|支|座|"
    r"期|吨|单|辆|趟|列|个|次|天|年|岁|倍|份|套|台|处|亩|米|批|班|种|立方米|公斤|千克|斤|株|棵|只|头|例|艘|架|栋|间|张|枚|块|部|首|册|篇|幅|匹|双|根|起|%|％)?"
)


# "同比增长了多少", "增幅是多少": a change is asked, which a level ("新增就业2047人") does not answer
_CHANGE_ASKED = re.compile(
    r"(?:增长|增加|下降|减少|提高|提升|降低|上涨|下滑|回落|增多)了?(?:百分之)?(?:多少|几)|增幅|降幅|涨幅|增速|增长率|同比|环比"
    # "比上一年多了多少", "跟去年比涨了多少": the difference to another period
    r"|比(?:上一?年|去年|前一年|上年|以前|之前|\d{4}年)[^，。？?]{0,3}?(?:多|少|涨|增|降|高|低)了?(?:多少|几)"
    r"|(?:多|少|涨)了(?:多少|几)"
)
# adverbs that ask for the outcome of a process, not its start or plan: "最后有多少人通过",
# "正式签了劳动合同"; the predicate after them is the very thing asked
_OUTCOME_ADVERB = re.compile(r"(?:最后|最终)(?![一二三四五六七八九十几两\d个位次天年月场期批轮名])|正式")
_OUTCOME_SKIP_FLAGS = ("m", "q", "r", "u", "x", "y", "c", "d", "t", "f")


_SUBSET_ASKED = re.compile(
    r"(?:中|里|当中|之中)[，,]?(?:有|是)?(?:多少|几)(?:个|名|位|人|家|项|件|条|辆|户)?(?:是|为|人)?([^，。？?！!]+)"
)


def _subset_words(text: str, kind: str) -> tuple[str, ...]:
    """The content words naming the part asked for in "A里/中有多少是B"."""
    found = _SUBSET_ASKED.search(text) if kind == QUANTITY else None
    if not found:
        return ()
    words = [
        w for w, flag in pos_cut(found.group(1))
        if (len(w) >= 2 or flag == "b") and flag[:1] in ("n", "v", "a", "b") and w not in _STOPWORDS and w not in WH_WORDS
    ]
    return tuple(dict.fromkeys(words))


def _outcome_words(text: str, type_noun: str | None, unit: str | None) -> tuple[str, ...]:
    """The content words an outcome adverb stresses, up to the end of its clause."""
    found = _OUTCOME_ADVERB.search(text)
    if not found:
        return ()
    tail = re.sub(r"的$", "", re.split(r"[，,。？?！!；;]", text[found.end():])[0])
    words = []
    for word, flag in pos_cut(tail):
        if flag.startswith(_OUTCOME_SKIP_FLAGS) or word in WH_WORDS or word in _STOPWORDS or re.match(r"几|多少|哪", word):
            continue
        if word in (type_noun, unit) or _OUTCOME_ADVERB.fullmatch(word) or word in _GENERIC_NOUNS:
            continue
        words.append(word)
    long_words = [w for w in words if len(w) >= 2]
    return tuple(dict.fromkeys(long_words))


# "这几年城里新找到工作的有多少人": a time span, not the asked unit
_TIME_SPAN_WORDS = re.compile(r"(?:这|近|前|过去)几(?:年|天|个月)|几年来")
# "多少个失业的人", "几个来报名的人": the counted head is 人
_PEOPLE_COUNTED = re.compile(r"[^，。？！?!,的]{1,8}的人(?![口员才民数次工力气群士家])")
# "低收入的人" describes people; it asks no sum of money
_PEOPLE_BY_INCOME = re.compile(r"[低高]收入")


# things measured in money, asked right before the wh-word: "光电子信息产业产值多少" is not answered by
# "320余家" next to it, "挂牌起拍价是多少" not by a plot's area
_MONEY_MEASURED = re.compile(
    r"(?:产值|营收|营业额|销售额|利润|税收|经费|费用|成本|造价|价格|售价|[拍始底总单租]价|租金|投资额|总投资|预算|赔款|罚款|奖金)"
    r"(?:是|为|有|达到?|一共|共|总共|大概|大约|约)*(?:多少|几)"
    r"|(?:多少|几)(?:万|亿)?(?:赔款|罚款|奖金|租金|经费|费用|投资|预算|营收|利润|税款)"
)
# "多长时间", "多久": a duration, not a length
# a measure a figure's unit says by itself
SAID_BY_UNIT = {"面积": ("亩", "公顷", "平方米", "平方公里"), "重量": ("吨", "公斤", "千克"), "长度": ("公里", "千米", "米"),
                 "程度": ("%",), "年纪": ("岁",), "年龄": ("岁",), "岁数": ("岁",)}
_AGE_ASKED = re.compile(r"年纪|年龄|岁数|多少岁|几岁")
_FREQUENCY_ASKED = re.compile(r"(?:多长时间|多久|隔多少[天年月]|隔几[天年月])[^，。？?]{0,6}一(?:次|届|回|轮|期)|每隔多久|频次|频率")
_WHETHER_CHANGED = re.compile(
    r"变(?:了|化了)?没有|有没有(?:变|变化)|变没变|(?:有|发生)(?:了)?变化(?:吗|没有)|变了吗|变化了吗|是升是降|是涨是跌"
    r"|(?:升|涨|增|提高)了?还是(?:降|跌|减|下降)了?|(?:多|高)了还是(?:少|低)了|(?:少|低)了还是(?:多|高)了"
)
# "多了还是少了，幅度多少": whether it changed, and by how much: the figure of the change answers
_MAGNITUDE_ASKED = re.compile(r"幅度|多少|几|多大")
_DURATION_ASKED = re.compile(r"多长时间|多少时间|多久|几个小时|多少小时|多少分钟|多长时候")


# money asked by what is done with it, in everyday words: spent ("花了多少钱", "投了多少钱", "掏了多少")
# or taken in ("挣了多少钱", "收了多少营业款"); the text names that kind of money with its own words
SPENT_WORDS = ("投资", "投入", "花费", "耗资", "支出", "资金", "费用", "经费", "造价", "成本", "预算", "出资")
EARNED_WORDS = ("收入", "营收", "营业额", "销售额", "收益", "创收", "营业款", "进账", "成交额", "交易额", "工资", "薪酬", "报酬", "利润", "盈利")
# other kinds of money a figure may measure: "带动消费约4.2亿元" is no spending on the thing asked
OTHER_MONEY_WORDS = ("产值", "消费", "补贴", "补助", "奖励", "奖补", "税收", "贷款", "融资", "增加值", "生产总值",
                     "存款", "价格", "售价", "租金")
_SPENT_ASKED = re.compile(r"(?:花|投|掏|砸|拿出|出)(?:了|掉|费了?|入了?)?(?=(?:多少|几)[万亿千百]*(?:块)?(?:钱|预算|资金))|花钱|花销")
_EARNED_ASKED = re.compile(r"(?:挣|赚|收|进)(?:了|到|回)?(?=(?:多少|几)[万亿千百]*(?:块)?(?:钱|营业款|款))|挣钱|赚钱")
_SPENT_BY_PEOPLE = re.compile(r"人均|每人|每位|每名|每户|平均每|游客|市民|居民|消费者|顾客|观众")
_MONEY_NOUN_AFTER = re.compile(r"(?:(?<=多少)|(?<=几))(?:[万亿千百]*(?:块)?钱|营业款)")


def _money_asked(text: str) -> tuple[str, ...]:
    """The words the text names the asked kind of money with, when the question asks it by a verb."""
    if _SPENT_ASKED.search(text):
        # what people spend per head or as consumers ("选手平均每人花了多少钱") is their 消费 ("人均消费2650元")
        return SPENT_WORDS + ("消费",) if _SPENT_BY_PEOPLE.search(text) and not ablated("money_role") else SPENT_WORDS
    if _EARNED_ASKED.search(text):
        return EARNED_WORDS
    return ()


def _unit_of(text: str, kind: str) -> str | None:
    if kind != QUANTITY:
        return None
    text = _PEOPLE_BY_INCOME.sub("", _TIME_SPAN_WORDS.sub("", text))
    if re.search(r"比例|占比|比重|百分之(?:几|多少)|百分比|增幅|降幅|增长率|率", text) or (
        re.search(r"(?<=[满合达])[意格标]程度", text) and not ablated("rated_word")  # "满意程度": a rate
    ):
        return "%"
    if "多少钱" in text or re.search(r"(?:多少|几)[万千百]*块钱|金额|资金|多少万元|多少元|收入|(?:贷|营业|货|善|捐|拨)款|补贴|工资", text) or (
        # what is measured in money ("产值多少", "起拍价是多少"); a change of it may be a rate
        _MONEY_MEASURED.search(text) and not _CHANGE_ASKED.search(text)
    ):
        match = _UNIT_AFTER_WH.search(text)
        if match and match.group(2) == "块":  # "多少块钱": 块 is 元 in everyday words
            match = None
        return (match.group(1) or "") + match.group(2) if match and match.group(2) else "元"
    if _AGE_ASKED.search(text) and not ablated("age_asked"):
        return "岁"  # "平均多大年纪": an age, not a count of people ("84人")
    if _DURATION_ASKED.search(text):
        return "天"  # any unit of time fits (see rag.answer.spans._UNIT_GROUPS)
    if re.search(r"多长|多远", text):
        return "公里"
    # "种当归的地一共有多大", "面积有多大": land is measured in 亩 (or 公顷, 平方米)
    if re.search(r"(?:地|田|面积|场地|耕地|林|草原|园区|厂房|展区)[^，。？?！!]{0,6}多大", text):
        return "亩"
    match = _UNIT_AFTER_WH.search(text)
    if match and match.group(2) and opens_longer_word(text, match.start(2), match.group(2)):
        match = None  # "多少天然气": 天 opens 天然气, the thing counted, and is no unit
    if match and match.group(2):
        # "多少个失业的人": 个 only counts; the head noun after it says what (people)
        if match.group(2) == "个" and _PEOPLE_COUNTED.match(text, match.end()):
            return "人"
        if match.group(2) == "起" and ablated("incident_unit"):
            return None
        return (match.group(1) or "") + match.group(2)
    # "多少幢", "几袋", "多少千瓦时": a measure word the list above lacks, as the tagger's dictionary knows it
    if not ablated("measure_words"):
        for match in re.finditer(r"多少|几", text):
            rest = text[match.end():]
            multiplier = _MULTIPLIER.match(rest)
            # "多少千瓦时" is a unit of its own before it is 千 of 瓦时
            for prefix in ("", multiplier.group(0) if multiplier else None):
                word = measure_word(rest[len(prefix):]) if prefix is not None else None
                if word:
                    return prefix + word
    # "参赛人次是多少", "参赛人数有多少": the asked noun is itself a count in a unit (人次; 人数 counts 人)
    named = _UNIT_NOUN_ASKED.search(text)
    if named and not ablated("unit_noun"):
        return named.group(1) if named.group(1) == "人次" else named.group(1)[0]
    # "新增就业多少" with the unit left to the text
    return None


_UNIT_NOUN_ASKED = re.compile(r"(人次|人数|户数|家数|件数)(?:是|有|为|达到?|共|一共|总共|大约|大概)*(?:多少|几)(?![万千百亿]|[\u4e00-\u9fff])")
_MULTIPLIER = re.compile(r"万亿|亿|万|千|百")


def opens_longer_word(text: str, at: int, unit: str) -> bool:
    """Whether the one-character unit read at ``at`` opens a word of three characters or more that the
    tagger cuts whole ("多少天然气": 天然气 is the thing asked, not 天). Two-character cuts stay units:
    "几支队参赛" counts teams with 支 though jieba cuts 支队, "多少所在…" counts schools."""
    if len(unit) != 1 or ablated("unit_word_start"):
        return False
    first = next(iter(pos_cut(text[at:])), ("", ""))[0]
    return len(first) > 2


def measure_word(text: str) -> str | None:
    """The measure word (量词) ``text`` opens with, as the tagger's dictionary tags one (幢, 袋, 箱,
    千瓦时): the longest of up to three Chinese characters, and not the start of a longer word
    (集 of 集装箱, 名 of 名额); None when it opens with none. (A word the dictionary lacks that ends in
    one, 标箱, was tried: on the dev halves it answered a near miss and a figure of another port.)"""
    tokenizer = pos_tokenizer()
    tags = getattr(tokenizer, "word_tag_tab", {})
    known = tokenizer.tokenizer.FREQ
    for n in (3, 2, 1):
        word = text[:n]
        if len(word) < n or not re.fullmatch(f"[{_CJK}]+", word):
            continue
        if any(known.get(text[:m]) for m in range(n + 1, min(len(text), 3) + 1)):
            return None  # the start of a longer word ("集装箱", "名额"), no measure word
        if tags.get(word) == "q":
            return word
    return None


def _merge_entities(tokens: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    """Specific names as (text, first token, last token + 1), adjacent pieces merged
    ("互助县"+"哈拉"+"直沟"+"乡" → "互助县哈拉直沟乡")."""
    def is_piece(word: str, flag: str) -> bool:
        if word in GENERIC_PLACES or re.search(r"[之的了着起在和与]", word):
            return False
        if flag in ("nr", "nrfg") and pos_tokenizer().tokenizer.FREQ.get(word, 0) >= 100:
            return False  # a common word the dictionary mis-tags as a name (许可证, 师傅)
        if flag == "ns" and _generic_place_and_noun(word):
            return False  # "城镇人口": a kind of place and a common noun, no name
        if flag in ("ns", "nr", "nrt", "nt", "nrfg"):
            return len(word) >= 2
        return len(word) >= 3 and word[-1] in _ADMIN_SUFFIX and flag.startswith("n")

    # a word jieba read as a person's name is read again from its dictionary and the question's structure
    # (see name_reading): ordinary words run together are no name; "苏州人" names the place 苏州
    misread = {k for k in range(len(tokens)) if misread_name(tokens, k)}
    tokens = [(demonym_place(w, f), "ns") if demonym_place(w, f) else (w, f) for w, f in tokens]
    spans: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        if i in misread:
            i += 1
            continue
        word, flag = tokens[i]
        # jieba cuts an unknown county's first character off as a one-character place ("青|岚县"):
        # it begins the name that follows
        glued = (
            len(word) == 1 and flag == "ns" and i + 1 < len(tokens) and tokens[i + 1][1] == "ns"
            and is_piece(*tokens[i + 1]) and not ablated("glued_place")
        )
        if is_piece(word, flag) or glued:
            j = i + 1
            while j < len(tokens):
                w, f = tokens[j]
                if j in misread:
                    break
                # an office said short after its place ("喀什地区卫健委") belongs to the place's name
                if is_piece(w, f) and (not (f.startswith("nr") and flag.startswith("ns")) or office_short(w, f)):
                    j += 1
                elif len(w) == 1 and w in _ADMIN_SUFFIX and f in ("n", "ns", "q") \
                        and tokens[j - 1][0][-1] not in _ADMIN_SUFFIX:
                    j += 1  # "哈拉直沟" + "乡" (not "岷川县" + "村": a county is no village's name)
                else:
                    break
            # nor does one end a longer name ("鄂尔多斯新建一座加氢站": jieba tags 新建 ns): it is the
            # sentence's verb after the name, which stays a name without it
            while j - 1 > i and tokens[j - 1][1] == "ns" and tokens[j - 1][0][-1] not in _ADMIN_SUFFIX \
                    and known_common_word(tokens[j - 1][0]) \
                    and not ablated("common_word_tail"):
                j -= 1
            guessed = flag == "ns" and word not in pos_tokenizer().tokenizer.FREQ and word[-1] not in _ADMIN_SUFFIX
            # alone, a word 词林 files as an everyday word is no name ("重新上岗": jieba tags 上岗 ns)
            common = word[-1] not in _ADMIN_SUFFIX and known_common_word(word)
            if not (j == i + 1 and (guessed or common)):  # alone, a word jieba does not know is no place ("新拿驾照")
                spans.append(("".join(t[0] for t in tokens[i:j]), i, j))
            i = j
        else:
            i += 1
    return spans


_BASELINE_YEAR = r"(?:上一?年|前一年|往年|以前|之前|上个?月|上季度)"
_BASELINE_SAME = r"(?:同一?(?:时段|时期|时间段|阶段)|同期)"
# a connector, then the baseline (a period; or a space where 去年 was taken out), then 比: not 同比 itself
_BASELINE_PHRASE = re.compile(
    r"(?:跟|和|与|同|较)(?:\s+|\s*" + _BASELINE_YEAR + r"|\s*" + _BASELINE_SAME + r")"
    r"(?:\s*" + _BASELINE_YEAR + r")?(?:\s*" + _BASELINE_SAME + r")?\s*(?:相比|比起来|比较|比)[，,]?"
)
_WHICH_SEVERAL = re.compile(r"哪几[个家座所位项条种类名支座]?")


_RATE_NOUNS = r"比例|程度|比重|占比"
_RATED = re.compile(r"([" + _CJK + r"]{2})的?(?:" + _RATE_NOUNS + r")")


_QUARTER_IN_WORDS = re.compile(r"(?:头|第)([一二三四])个季度")


def analyze_question(question: str) -> QuestionAnalysis:
    """Read a Chinese question: what it asks for and about what."""
    # everyday words for a few fixed statistics (经济总量) read as the article's terms (地区生产总值)
    text = in_article_terms((question or "").strip())
    # "哪几个城市" asks which ones, no count: places or organisations of the kind named ("哪个城市"
    # types its answer, the sentence shows them all), other things as "哪些" does
    read = text if ablated("which_several") else _WHICH_SEVERAL.sub(
        lambda m: "哪个" if text[m.end():].startswith(_PLACE_NOUNS + _ORG_NOUNS) else "哪些", text
    )
    # "头一个季度", "第一个季度": the quarter the text calls 一季度
    read = _QUARTER_IN_WORDS.sub(r"\1季度", read)
    kind, role = _question_kind(read)
    unit = _unit_of(read, kind)

    # "与2024年相比增加了多少" compares with 2024; it does not ask about 2024
    dated = without_baselines(read)
    hard_times = [m.group(0) for m in _HARD_TIME.finditer(dated)]
    soft_times = [m.group(0) for m in _SOFT_TIME.finditer(dated)]
    body = dated
    for term in hard_times + soft_times:
        body = body.replace(term, " ")
    # "跟去年同一时段比": the baseline a change is measured against names nothing the answer measures
    if not ablated("baseline_phrase"):
        body = _BASELINE_PHRASE.sub(" ", body)
    # "一共用了多少个场馆": jieba cuts 一|共用, a noun the text never says; 一共 only frames the question
    body = re.sub(r"一共|总共", " ", body) if not ablated("total_word") else body
    # "同仁市头一个" is "第一个" said colloquially; jieba would cut it 市头|一个
    body = re.sub(r"头一(?=[个家回次批位名])", "第一", body)
    # "有多大", "多高", "多长": 多 and the adjective ask the amount, as 多少 does; the adjective measures nothing
    if kind == QUANTITY:
        body = re.sub(r"多长时间|多少时间|多长时候|多(?:大|高|长|远|重|宽|深|久)(?!的)", "多少", body)

    # "多了还是少了，变化幅度多大": the change's figure says its direction and size (下降3.2%); 幅度 and
    # 变化 name no word the text says
    one_change = kind == QUANTITY and bool(_WHETHER_CHANGED.search(read)) and not ablated("one_sided_change")
    if one_change:
        body = re.sub(r"(?:变化)?幅度|变化", " ", _WHETHER_CHANGED.sub(" ", body))
    # "花了多少钱": the verb and 钱 say the money's kind, which the text names in its own words (投资),
    # and the unit 元 says it is money: neither is a word the text must say
    money_words = _money_asked(read) if unit and unit.endswith("元") and not ablated("money_role") else ()
    if money_words:
        body = _MONEY_NOUN_AFTER.sub("", _SPENT_ASKED.sub(" ", _EARNED_ASKED.sub(" ", body)))
    # "谁跑了第一": the everyday words of a role the text says by its title (冠军) are no words it says
    in_words = _role_in_words(read) if kind == PERSON else None
    if in_words and role == in_words[1]:
        body = body.replace(in_words[0], " ")
    figures = figures_in(body)
    tokens = pos_cut(body)
    entity_spans = _merge_entities(tokens)
    entities = [e for e, _, _ in entity_spans]
    in_entity = {k for _, i, j in entity_spans for k in range(i, j)}

    # A person question about a named person ("陈振林是谁") asks who they are:
    # the answer is a sentence, not another name.
    # (a name ending in a place's level, "花牛村", is a place however jieba tagged its pieces)
    if kind == PERSON and role is None and "哪位" not in text and entity_spans and any(
        tokens[k][1].startswith("nr") for e, i, j in entity_spans for k in range(i, j)
        if ablated("name_reading") or e[-1] not in _ADMIN_SUFFIX
    ):
        kind = SENTENCE

    wh = set(WH_WORDS)
    unit_words = {unit} if unit else set()
    wh_index = next((k for k, (w, _) in enumerate(tokens) if w in wh or re.match(r"几|多少", w)), len(tokens))
    runs: list[list[tuple[int, str, str]]] = []
    run: list[tuple[int, str, str]] = []
    for k, (word, flag) in enumerate(tokens):
        content = (
            k not in in_entity
            and word.strip()
            and not re.fullmatch(r"[\W_]+", word)
            and word not in wh
            and not re.match(r"几|多少", word)
            and word not in _STOPWORDS
            and word not in unit_words
            and not (role and word == role)
            and flag not in ("x", "uj", "ul", "y", "p", "c", "r")
            and not (flag in ("m", "q") and len(word) == 1)
        )
        if content:
            run.append((k, word, flag))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    measure = ["".join(w for _, w, _ in r) for r in runs]
    key_terms = [w for r in runs for _, w, _ in r]
    # the words next to the wh-word say most precisely what is asked
    before = [r for r in runs if r[-1][0] < wh_index]
    after = [r for r in runs if r[0][0] > wh_index]
    # the nouns of the phrase right before the wh-word: the measured thing ("保有量比2024年增加了多少")
    measured_nouns = [
        w for k, w, f in (before[-1] if before else [])
        if f in ("n", "nz", "eng", "nt", "ns") and len(w) >= 2 and w not in _GENERIC_NOUNS
    ]
    focus: list[str] = []
    if before:
        focus.append("".join(w for _, w, _ in before[-1][-2:]))
    if after and after[0][0][0] <= wh_index + 2:
        focus.append("".join(w for _, w, _ in after[0][:2]))
    # the noun right after the wh-word names the answer's kind ("哪个会议", "几个省份"):
    # the text names the thing itself, not its kind, so it need not appear there
    # a classifier between them ("哪支球队", "几个组别") is skipped: the noun is the kind
    head = [(k, w, f) for r in after[:1] for k, w, f in r[:2]]
    # ("哪个县试点": 县, tagged zg, is the noun itself)
    admin = lambda w: len(w) == 1 and w in _ADMIN_SUFFIX and not ablated("admin_type_noun")  # noqa: E731
    if len(head) > 1 and (head[0][2] in ("m", "q") or (len(head[0][1]) == 1 and not head[0][2].startswith("n")
                                                        and not admin(head[0][1]))):
        head = head[1:]
    type_noun = next((w for k, w, f in head[:1] if k <= wh_index + 2 and (f.startswith("n") or admin(w))), None)
    # "多少天能办完": jieba guessed 天能 across the unit and a modal verb; no kind of thing is named
    if type_noun and guessed_across_words(type_noun) and not ablated("guessed_type_noun"):
        type_noun = None
    # what the passages must talk about: the nouns before the wh-word, and the counted
    # thing ("多少张床位"); words after it are mostly predicates ("多少支球队参赛")
    nouns = [
        w for r in runs for k, w, f in r
        if (f in ("n", "nz", "eng", "nt", "ns")) and len(w) >= 2 and w not in _GENERIC_NOUNS
        and (k < wh_index or (w == type_noun and kind == QUANTITY))
        and not cut_across(tokens, k)
    ]
    # a noun jieba only guessed from characters its dictionary reads one by one ("漏掉的水比以前": 水比;
    # "地能按时浇上水": 地能) is a mis-cut across words, not a thing the passages must name
    nouns = [w for w in nouns if not guessed_across_words(w)]
    # a scope ("全市外贸", "全省") is the article's own area, said 我市 or not at all: no thing measured
    if not ablated("scope_no_noun"):
        nouns = [w for w in nouns if not (w in GENERIC_PLACES and w[0] in "全我本")]
    # "小哥们" is cut 小/哥们: a word "X们" is the plural of a noun of the question ending in X
    nouns = [w for w in nouns if not (w.endswith("们") and any(n != w and n.endswith(w[:-1]) for n in nouns))]
    # the head word right before the wh-word ("经费是多少") is what is asked, whatever its tag
    if before:
        _, head, head_flag = before[-1][-1]
        if head_flag in ("vn", "an") and len(head) >= 2 and head not in _GENERIC_NOUNS:
            nouns.append(head)

    # "满意的比例", "满意程度": a rate named by what is rated; the text says it 满意度/满意率 ("满意度达96.3%"),
    # so the rated word, not the generic 比例/程度, is what the figure's clause must say
    if unit == "%" and not ablated("rated_word"):
        found = _RATED.search(body)
        cut = pos_cut(found.group(1)) if found else []
        # a verb or adjective (满意, 合格, 达标): "多大比例", "车占比" name no rated thing
        rated = cut[-1][0] if len(cut) == 1 and cut[0][1][:1] in ("v", "a") and cut[0][0] not in WH_WORDS else None
        if rated:
            focus = [rated] + [f for f in focus if not re.search(_RATE_NOUNS, f)]
    else:
        rated = None
    # the outcome an adverb stresses ("最后通过了多少人") is the asked thing too
    outcome = _outcome_words(text, type_noun, unit)
    if unit and not ablated("measure_by_unit"):
        # "葡萄园面积有多大": a figure in 亩 says the area itself, so 面积 is no word the text must say
        said = tuple(w for w, units in SAID_BY_UNIT.items() if unit in units)
        nouns = [n[:-2] if n.endswith(said) else n for n in nouns if n not in said]
        measured_nouns = [n[:-2] if n.endswith(said) else n for n in measured_nouns if n not in said]
        measure = [m for m in (re.sub("|".join(said), "", m) for m in measure) if m] if said else measure
    return QuestionAnalysis(
        text=text,
        kind=kind,
        entities=tuple(dict.fromkeys(entities)),
        time_terms=tuple(dict.fromkeys(hard_times)),
        soft_time_terms=tuple(dict.fromkeys(soft_times)),
        measure=tuple(measure),
        key_terms=tuple(dict.fromkeys(entities + hard_times + key_terms)),
        unit=unit,
        role=role,
        # the money's kind (投资, 收入) is what the figure's own clause must say
        focus=tuple(dict.fromkeys(list(money_words) + focus + list(outcome))),
        nouns=tuple(dict.fromkeys(nouns)),
        measured_nouns=tuple(dict.fromkeys(measured_nouns)),
        type_noun=type_noun,
        figures=tuple(dict.fromkeys(figures)),
        asks_change=kind == QUANTITY and (bool(_CHANGE_ASKED.search(text)) or one_change),
        outcome=outcome,
        subset=_subset_words(text, kind),
        money_words=money_words,
        rated=rated,
    )
