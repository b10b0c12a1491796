"""The partner or market asked: "1至9月景德镇对美国出口陶瓷多少钱" is not answered by "全市陶瓷产品出口额达到18.74亿元"
(exports to every market), "南通家纺对欧盟出口额" not by "南通家纺产品出口额达到386.5亿元…出口到全球180多个国家和地区".

The question restricts a trade or exchange figure to a partner (对美国出口, 向东盟出口, 从日本进口, 与俄罗斯的贸易额);
the figure's sentence never names that partner, in full or by its first character beside the trade word (对美出口): the
figure is the total over all partners, or another partner's.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis
from ..settings import ablated

_TRADE = r"(?:出口|进口|进出口|贸易|外贸|投资|销售|出货|发货)"
# 对美国出口, 向欧盟出口, 从日本进口, 与东盟的贸易额, 对“一带一路”沿线国家进出口
_PARTNER = re.compile(rf"(?:对|向|从|与|自)([\u4e00-\u9fff“”]{{2,10}}?)(?:的)?{_TRADE}")
_NOT_PARTNER = re.compile(r"^(?:外|内|国外|境外|海外|全球|世界|其|该|这|此|企业|产品|全市|全省|全国|本地|当地)")


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
    return None
