"""The patterns that recognise a report's dateline and byline, for every reader of them.

A news report opens with its dateline, who reports it from where ("本报兰州讯", "新华社西宁1月5日电",
"人民网北京3月2日电"), and may carry a byline, who wrote it ("本报记者 张三", "通讯员 李四"). ``rag.ingest``
reads them to cut a page into articles (a dateline opens one, a byline stands on a line of its own), and
``rag.setting`` reads the dateline's place as where the article is about (a local paper's, not a wire's).
"""
from __future__ import annotations

import re

LOCAL_PAPER = "本报"  # "本报讯", "本报兰州讯": the paper's own report
WIRES = ("新华社", "中新社")  # news agencies: "新华社北京1月26日电"; their place is where they report from
NEWS_SITES = ("新华网", "人民网", "中新网", "央视网", "中国日报网", "中国新闻网")
BYLINE_PUBLISHERS = ("本报", "新华社", "人民日报", "新华网")  # "本报记者", "新华社记者"
_ROLE = r"(?:特约|见习|实习)?(?:记者|通讯员|评论员|撰稿人)"


def _either(words) -> str:
    return "(?:" + "|".join(words) + ")"


# "本报讯", "据本报兰州讯", "本报兰州1月26日讯", "本报北京12月3日电" (not "本报记者", "本报通讯员", "本报热线电话"),
# "新华社北京1月26日电", "人民网北京3月2日消息"
_MONTH_DAY = r"\d{1,2}月\d{1,2}日"
DATELINE = re.compile(
    rf"^据?(?:{LOCAL_PAPER}(?!记者|特约|评论员)[\u4e00-\u9fff]{{0,6}}?(?:(?:{_MONTH_DAY})?讯(?!员)|{_MONTH_DAY}电)"
    rf"|{_either(WIRES)}[\u4e00-\u9fff0-9]{{0,16}}?电"
    rf"|{_either(NEWS_SITES)}[\u4e00-\u9fff0-9]{{0,16}}?(?:电|讯|消息))"
)
# a line of its own naming who wrote the report: "本报记者 张三 李四", "通讯员 王五", "特约评论员"
BYLINE = re.compile(rf"^{_either(BYLINE_PUBLISHERS)}?{_ROLE}(?:[\s\u4e00-\u9fff·]{{0,40}})$")
# the place of a dateline: "本报兰州讯" → 兰州, "新华社西宁1月5日电" → 西宁
# a place of five to seven characters ends in its level: "本报东乌珠穆沁旗10月20日讯" → 东乌珠穆沁旗
_DATELINE_PLACE = re.compile(
    rf"^{_either((LOCAL_PAPER, *WIRES))}([\u4e00-\u9fff]{{2,4}}?|[\u4e00-\u9fff]{{4,6}}[旗县市区州盟])(?:\d|讯|电)"
)
_NO_PLACE = ("记者", "特约", "讯", "综合", "专讯", "电")  # "本报记者…讯", "本报综合讯": no place named


def dateline_place(lead: str) -> list[str]:
    """The place a lead's dateline reports from, as a one-item list ([] when it names none)."""
    match = _DATELINE_PLACE.match(lead)
    if not match or match.group(1) in _NO_PLACE or match.group(1).startswith(_NO_PLACE):
        return []
    return [match.group(1)]


def is_wire(lead: str) -> bool:
    """Whether a lead opens with a news agency's dateline: its place is where the agency reports from."""
    return lead.startswith(WIRES)


# the day of a dateline that names no year: "本报宁德1月22日讯", "新华社北京3月2日电"
_DATELINE_DAY = re.compile(rf"^据?(?:{LOCAL_PAPER}|{_either(WIRES)}|{_either(NEWS_SITES)})[\u4e00-\u9fff]{{0,8}}?(\d{{1,2}})月(\d{{1,2}})日(?:讯|电|消息)")


# the day opening the lead right after a dateline and its byline: "本报讯（记者 孙立群 通讯员 韩建伟）1月8日，记者从…"
_LEAD_DAY = re.compile(
    rf"^据?(?:{LOCAL_PAPER}(?!记者|特约|评论员)[\u4e00-\u9fff]{{0,6}}?讯|{_either(WIRES)}[\u4e00-\u9fff]{{0,8}}?电"
    rf"|{_either(NEWS_SITES)}[\u4e00-\u9fff]{{0,8}}?(?:电|讯|消息))"
    rf"(?:[（(][^（）()]{{0,40}}[）)])?\s*(\d{{1,2}})月(\d{{1,2}})日[，,]"
)


def dateline_day(lead: str) -> tuple[int, int] | None:
    """(month, day) of a lead's dateline that gives a day without its year ("本报宁德1月22日讯"), or of the day
    its first sentence opens with right after the dateline and byline ("本报讯（记者 张三）1月8日，"), or None."""
    match = _DATELINE_DAY.match(lead) or _LEAD_DAY.match(lead)
    return (int(match.group(1)), int(match.group(2))) if match else None


# the levels a short place name drops that a reader's question keeps: 区 and 旗 (南谯区, 乌审旗); a name written
# without 县/市 is already its 县's or 市's (rag.answer.question.entity_variants), one without 区 is none of them
_DROPPED_LEVELS = "区旗"
# a level character that begins another word right after the name (南谯区域, 赤水市民, 汇川市场): no level
_NOT_A_LEVEL = "域民场"


def dateline_level(place: str, page_text: str) -> str:
    """A dateline's place written without its level ("本报南谯讯": 南谯) with the level its page writes it by
    (南谯区), when the page writes that name with exactly one level and that level is one a short name drops
    (区, 旗); else the place as it is. Questions ask for 南谯区, and the article's 全区 is of 南谯区."""
    if len(place) < 2 or place[-1] in "省市县区州旗盟":
        return place
    levels = {m.group(1) for m in re.finditer(re.escape(place) + rf"([市县区州旗盟])(?![{_NOT_A_LEVEL}])", page_text)}
    if len(levels) != 1 or next(iter(levels)) not in _DROPPED_LEVELS:
        return place
    return place + levels.pop()
