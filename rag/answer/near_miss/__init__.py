"""Near misses: the figure in the best sentence measures something else than the one asked.

"小程序上注册了多少名求职者" is not answered by "累计带动就业4300余人次" when the same
sentence says "已注册企业176家": the asked word stands at another figure. "海东…压缩了
多少" is not answered by "西宁“接诉即办”时限压缩30%": the figure's own clause names
another place. "能提供多少个岗位" is not answered by "300家以上用人单位": the counted
thing differs, and so does the unit. "2024年…几种" is not answered by a sentence
that dates its figure 2025年. "城东区城镇新增就业多少" is not answered by "新增救助保障
对象4380人" when the passages say "城镇新增就业" at other places' figures: the
articles have a word for the asked measure, and this figure does not carry it.
In each case the answer says what the article does give instead ("文中只有…").

The checks, by job: ``place`` (another place or scope), ``period`` (another year or period), ``words``
(where the asked words stand), ``parts`` (a part against the whole), ``measure`` (the figure's own
measure), ``kind`` (another of the same kind: edition, holder, stage), and ``check`` (runs them in order);
and, of a restricting part of the question the figure's sentence does not cover: ``named`` (another port area,
market or district of the asked one's kind), ``partner`` (对美国出口, 出口日本), ``edition`` (上一届, 上一产季), ``share`` (a change
for a share asked), ``rank`` (全省 for a rank within 全国; a sentence stating no rank for 排第几) and ``alone`` (a figure
joining things for one asked 单独); and, of the kind of measure: ``asked_unit`` (a unit of
another kind than the question writes: 多少万千瓦 against 企业38家), ``opposite`` (支出 for 收入 asked) and ``plan``
(力争…突破1750亿元 for what was done); and, of whose figure it is: ``unnamed`` (a person or a non-place name the question
asks about that the figure's paragraph and title never say: 陈晓峰) and ``sibling_subject`` (a paragraph giving the asked
subject a clause of its own, the figure's clause opening with another name: 观音桥商圈 beside 解放碑步行街); and ``joint``
(one of several names the figure sums: 太原、大同、晋中三市新增学位合计, 洛阳龙门站、洛阳站累计, 罗家寨等气田).
"""
from .check import near_miss, near_miss_check
from .kind import other_of_kind, other_stage
from .measure import _unit_refused
from .parts import _says_etc
from .place import _foreign_place
from .words import outcome_unsaid

__all__ = ["near_miss", "near_miss_check", "other_of_kind", "other_stage", "outcome_unsaid"]
