"""The partner or market asked: "1至9月景德镇对美国出口陶瓷多少钱" is not answered by "全市陶瓷产品出口额达到18.74亿元"
(exports to every market), "南通家纺对欧盟出口额" not by "南通家纺产品出口额达到386.5亿元…出口到全球180多个国家和地区".

The question restricts a trade or exchange figure to a partner (对美国出口, 向东盟出口, 从日本进口, 与俄罗斯的贸易额);
the figure's sentence never names that partner, in full or by its first character beside the trade word (对美出口): the
figure is the total over all partners, or another partner's.

A destination the question names after the verb of export or transport (出口日本, 出口到美国, 开往俄罗斯的班列, 销往新加坡的)
restricts the figure the same way: "全县出口柿饼2150吨，…产品销往日本、韩国…" is every market's total, the asked one
standing only in the list of markets after the figure's clause (switch ``destination``).
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, pos_cut
from ..settings import ablated

_TRADE = r"(?:出口|进口|进出口|贸易|外贸|投资|销售|出货|发货)"
# 对美国出口, 向欧盟出口, 从日本进口, 与东盟的贸易额, 对“一带一路”沿线国家进出口
_PARTNER = re.compile(rf"(?:对|向|从|与|自)([\u4e00-\u9fff“”]{{2,10}}?)(?:的)?{_TRADE}")
_NOT_PARTNER = re.compile(r"^(?:外|内|国外|境外|海外|全球|世界|其|该|这|此|企业|产品|全市|全省|全国|本地|当地)")


# a verb of export or transport, then (到, 至) the destination: 出口日本, 出口到哈萨克斯坦的, 开往俄罗斯的, 销往新加坡的
_DESTINATION_VERB = re.compile(r"(?:(?<!进)出口|销往|运往|开往|发往|卖到|销售到)(?:到|至)?")
# the tags a destination's name has (日本 ns, 哈萨克斯坦 nrt), or its ending (…国, …洲, 欧盟)
_PLACE_TAGS = ("ns", "nrt", "nsf")


def _destinations(text: str) -> list[str]:
    """The destinations ``text`` names right after a verb of export or transport (日本 of 出口日本多少吨)."""
    found = []
    for m in _DESTINATION_VERB.finditer(text):
        words = pos_cut(text[m.end():m.end() + 12])
        if not words:
            continue
        word, flag = words[0]
        if len(word) >= 2 and (flag in _PLACE_TAGS or word.endswith(("国", "洲", "盟"))) and not _NOT_PARTNER.match(word):
            found.append(word)
    return found


def partner_unsaid(text: str, analysis: QuestionAnalysis) -> str | None:
    """The partner the question restricts its trade figure to (美国) when ``text`` never names it; None otherwise."""
    if ablated("partner"):
        return None
    for m in _PARTNER.finditer(analysis.text):
        partner = m.group(1).strip("“”")
        if _NOT_PARTNER.match(partner):
            continue
        core = partner.removesuffix("国") if len(partner) >= 3 else partner
        if core in text or partner in text or re.search(rf"[对向从与自]{re.escape(partner[0])}{_TRADE}", text):
            continue
        return partner
    if not ablated("destination"):
        for destination in _destinations(analysis.text):
            if destination not in text and destination.removesuffix("国") not in text:
                return destination
    return None
