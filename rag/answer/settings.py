"""Which ingredients of the answer stage are on: all of them, unless switched off for an ablation.

``RAG_ANSWER_ABLATE=semantic,context`` (comma-separated names) turns ingredients off for a
measurement run, so each one's contribution can be measured through the same `rag eval` users
run. One variable, one list of valid names (``ABLATABLE``), read by one parser; an unknown name
is logged and ignored (a typo would otherwise measure nothing). The names are of three kinds:

- the fields of ``AnswerSettings``: ingredients ``extract_answer`` and the assistant are handed
  (a caller or a test may switch one off for a single call: ``AnswerSettings(near_miss=False)``);
  ``settings_from_environment()`` reads them from the variable;
- ``SWITCHES``: readings deep inside the stage, asked where they are made with ``ablated(name)``;
- ``nm:<check>``, one per ``NEAR_MISS_CHECKS``: one check of a figure's own measure
  (rag.answer.near_miss), asked with ``ablated("nm:<check>")``.
"""
from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass, fields, replace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnswerSettings:
    semantic: bool = True  # sentence vectors: score and accept sentences that say the asked thing in other words
    near_miss: bool = True  # refuse a figure whose own clause measures something else, saying what the text gives
    context: bool = True  # the article's headline/dateline place inherited by its paragraphs (全省 → 青海省)
    comparison: bool = True  # "A和B哪个多", "A比B多多少": both sides retrieved and compared


# Readings switched off with ``ablated(name)`` where they are made.
SWITCHES = {
    "letter_code": "a figure whose sentence names another code in Latin letters before the asked code's head (PM2.5平均浓度"
                   " for PM10平均浓度 asked, RCEP原产地证书 for ECFA) is that kind's: near_miss.letter_code",
    "retrieval_terms": "the keyword leg's query also carries the article's terms for a reader's everyday words (新上牌 →"
                       " 注册登记, 平均每人 → 人均, 住一晚 → 过夜; rag.query_terms); a draft's claim is looked up as written",
    "place_level_lead": "lead_name: a name ending at a level of place other than the short side's (射洪市 against 船山区) ends"
                        " the lead too, and a word the tagger reads as a verb before a level alone (射洪|市) is a place's"
                        " name, not a verb (rag.answer.comparison.lead_name)",
    "unit_of_other_measure": "a comparison side whose figure's unit says by itself a measure other than the one compared"
                             " (37.5万吨, a weight, read for 播种面积 from a roundup's item leaving out its measure) is"
                             " refused (rag.answer.comparison.values)",
    "refused_own_item": "a comparison side refused for another member's figure of a roundup (its near miss quotes the list's"
                        " first item, the only one saying the measure: 察布查尔锡伯自治县粮食产量72.4万吨 for 伊宁县) takes the"
                        " figure at the same place of its own item (伊宁县68.5万吨) (rag.answer.comparison.list_item_sides)",
    "other_member_figure": "a comparison side answered from a sentence whose words before the figure name the other"
                           " side's member and not its own (长葛市…亩均投资2500元 for 襄城) is refused for that side",
    "sum_not_count": "a comparison of a sum named by 额 (签约额, 金额, 销售额) refuses a side whose figure is a count of things"
                     " (46个 of projects signed), as it refuses a side in another unit",
    "sum_after_count": "a comparison side answered with a count of things when a sum named by 额 is compared takes the sum"
                       " its sentence names by 额 right after the count, in the same run of clauses (项目46个，协议投资额"
                       "386.5亿元)",
    "points_not_rate": "a comparison's side in 个百分点 (a gap between two rates) does not compare with a rate or share in %",
    "average_level": "平均 before a level that is itself no sum (浓度, 气温, 年龄) says that level, no rate per day or head"
                     " (nm:rate)",
    "scope_after_frame": "wider_scope reads the scope word opening a sentence after its reporting frame (记者从…获悉，"
                          "今年全县…)",
    "paired_parts": "a comparison of two bare parts of one whole (出口 and 进口 of 黄石, 出口额 and 进口额 of 铜陵) reads both"
                    " from the first retrieved sentence stating them one after the other, each word opening a clause with"
                    " its figure right after it (其中，出口238.4亿元，增长15.8%；进口174.2亿元), of the place and period asked"
                    " (rag.answer.comparison.paired_parts)",
    "dated_parts": "two parts of one whole asked with a period (and place) said before the first part only (中卫前11个月"
                   "出口比进口多多少, 哈密去年出口和进口): the part words after them are read as paired_parts' bare parts"
                   " (rag.answer.comparison.dated_parts)",
    "whole_qualifier": "two part words where one carries the whole's qualifier and the other is bare (外贸出口 against 进口)"
                       " are read bare by paired_parts when the breakdown's paragraph says the qualifier before or in"
                       " it (全市外贸进出口总额…其中，出口…；进口…) (rag.answer.comparison.dated_parts)",
    "part_rates": "a growth rate asked of two parts of one whole (出口和进口哪个增长得更快) is read from the rate the breakdown"
                  " states right after each part's amount (出口28.9亿元，同比增长6.5%；进口67.8亿元，同比增长24.3%)"
                  " (rag.answer.comparison.dated_parts)",
    "rural_scope": "wider_scope: 全市乡村旅游 is the city's rural tourism, a scope word as 全市 (not 全市乡镇, its towns)",
    "scope_of_lead_piece": "wider_scope reads a sentence piece after ；with the pieces before it (今年全县…；平均亩产442公斤:"
                            " 全县's)",
    "continued_piece": "a comparison side's sentence following a ；is read with the pieces before it for the shared"
                        " measure (…城镇新增就业1.42万人；奎屯市新增0.86万人。), as one ending with ；is",
    "range_anchor": "a range of months in a side (1至10月, 前10个月) is its period: its numbers are no figure of the side"
                    " and 至/前…个 no part of the shared measure",
    "range_period": "a side borrows the other's whole period phrase (今年1—11月), not the last of its words (11月)",
    "unit_word_start": "a one-character unit after 多少/几 that opens a longer word (多少天然气: 天) is no unit",
    "counted_at_figure": "a figure in another count word (活动196项 for 几场活动) answers when the question's counted"
                         " noun stands right at it",
    "verb_copy": "a verb-object word said again as its verb (装车装了) is the question's verb, no noun the text must say",
    "org_short_names": "an organisation asked short (洛阳市文旅局) is said by its full name (市文化广电和旅游局)",
    "value_added": "nm:share_change reads 增加值 (value added) as a measure's name, no change: a share of 工业增加值 is no"
                   " change, and 增加值占比 asks no change (rag.answer.near_miss.share)",
    "synonyms": "同义词词林 synonyms of question words (礼拜 = 星期)",
    "measure_words": "a measure word the unit list lacks, as the tagger's dictionary tags one (多少幢 is answered by 67幢)",
    "word_classes": "词林 classes: a word jieba tags as a place but 词林 files as an everyday word (上岗) names no place;"
                    " a missing noun said by a word of its class is wording",
    "abbreviations": "a short word is said by the longer one it abbreviates (社工 = 社会工作, 电车 in 电动汽车)",
    "paired_short_names": "two short names glued into one word (清华北大) are said by the two longer names listed one"
                          " right after the other (清华大学、北京大学) (rag.answer.scoring.abbreviated)",
    "same_characters": "a question word said with its own characters in another compound (收麦 as 麦收, 起拍价 as 起始价)",
    "relative_period": "a figure dated by another relative period (今年 for 去年), or naming the asked one only as its"
                       " baseline (较去年同期增长), does not answer for that period",
    "narrower_scope": "a figure of 该镇/全村 does not answer for the county, city or province asked",
    "threshold_glued": "nm:threshold reads a bound after its figure glued to the noun it sorts with no 的 (死亡3人以上道路"
                       "交通事故) as that noun's threshold (rag.answer.near_miss.threshold)",
    "part_comma": "其中 set off by its own comma (其中，新能源汽车零部件实现产值…) opens a part's clause as 其中 does"
                  " (near_miss.parts)",
    "modifier_misread_name": "an asked modifier jieba tags a person's name that the question's reading takes for no name"
                             " (玉米 of 玉米播种面积) is an everyday noun for nm:other_modifier",
    "modifier_total_head": "nm:other_modifier reads a total's head (总产值) as said by the head alone (产值)",
    "modifier_subtype": "nm:other_modifier: an asked modifier said only as the tail of the clause's longer one (工业 in"
                        " 农产品加工业产值) is a kind of it, not the asked whole",
    "modifier_things": "nm:other_modifier: two words 词林 files only among natural kinds and produce (plants, animals,"
                       " foods) and in no synonym group together (玉米 / 小麦, 大蒜 / 蔬菜) are two things, not the asked"
                       " one in other words, though one small class holds both (near_miss.modifier.other_things); a"
                       " word jieba tags a number or a name that 词林 files only among them (八角, 夏粮) is such a thing",
    "modifier_clause_total": "nm:other_modifier reads the clause's total (蔬菜总产量) as saying the asked head (产量)",
    "period_of_list": "other_period reads a sentence naming no year or relative period with the clauses of its full"
                      " sentence before it (前三季度罗田县…；英山县…: 英山县's figure is of 前三季度 too)",
    "holiday_span": "other_period: a figure counted since a start (入冬以来) or over a season (冬季) does not answer for a"
                    " holiday asked (元旦假期) unless its sentence names the holiday",
    "modifier_gloss": "nm:other_modifier walks back over a gloss in brackets after the clause's modifier (可吸入颗粒物（PM10）"
                      "平均浓度: 可吸入颗粒物 qualifies the head, the bracket names it again)",
    "modifier_letters": "nm:other_modifier reads a code in letters (PM10, PM2.5) as a word naming a kind, as a noun",
    "modifier_every_kind": "nm:other_modifier reads a scope word naming every kind of the head (各项存款, 各类案件) as"
                           " the sum of the kinds, against a kind asked (住户存款): a part of the figure, not the figure",
    "modifier_count_head": "nm:other_modifier reads a noun followed by a count word (上线|人数, 企业|数量) as the head a"
                           " modifier qualifies, not as a modifier of the count word",
    "modifier_scope_misread": "nm:other_modifier: a two-character word opening with a scope character whose second names"
                              " no level, place, period or set, filed by 词林 among things (本科, which jieba tags a"
                              " pronoun), is a kind, not a scope word",
    "modifier_compound": "nm:other_modifier reads a common noun jieba keeps whole as its modifier and head (行政|案件,"
                         " 刑事|案件) and the noun counted after the wh-word (多少件行政案件) as measured: \"审结劳动争议"
                         "案件1680件\" does not answer 行政案件",
    "relative_year_asked": "a year asked by its number (2024年) is not answered by a sentence dated by a relative year"
                           " only (今年) that the article's date makes another year (2025): near_miss.period",
    "modifier_kind_verb": "nm:other_modifier walks over a verb glued between a distinguishing word and the head (高级|认证|"
                          "企业 against 一般|认证|企业)",
    "part_vn": "a verbal noun names the part of a 其中-clause (其中游泳项目: 游泳)",
    "general_role": "a general role word (负责人, 领导: the first 词林 group of its small class) is named by a title"
                    " of that class (理事长)",
    "clause_other_words": "a figure whose own clause says an asked word in other words (赔了 for 赔款: 词林 small class;"
                          " 麦收 for 收麦) measures the asked thing",
    "other_part": "when a figure is a part the question does not ask (其中游泳项目) and the question names a part the"
                  " sentence does not (田径), the sentence's other figures (the whole) do not answer either",
    "name_reading": "a word jieba tags a person's name is read from its dictionary and the question: a classifier after 多少, words run across their boundary, a verb or number few names start with (迎客, 多拉) are no name; 卫健委 is its place's office, 苏州人 the place",
    "counted_head": "a figure in another count word counts the asked thing when the word before it ends in the thing's head character (报修单 / 报修工单4.72万件, 案子 / 结案312件)",
    "people_nouns": "a word 词林 files among people right before 叫什么名字 (村支书, 站长) makes the question ask a person's name",
    "pronoun_follows": "a sentence with no figure of the asked kind is read with the next one when that one's subject is a pronoun (她, 他): it goes on about the same one",
    "word_kind_only": "a word of the asked phrase standing at a figure of another kind than the asked one (扎染作坊63家"
                      " beside 从业人员2100余人 for 多少人) is no near miss for a figure in the asked unit",
    "unit_noun": "a question asking a noun that is a count in a unit (参赛人次是多少, 人数有多少) asks that unit (人次, 人)",
    "guessed_nouns": "a question noun jieba only guessed across words its dictionary reads one by one (水比, 地能) is no noun",
    "cut_across": "a question noun whose first character closes the word before it (a word of three characters or a"
                  " noun's locative) and whose rest is a modal verb (一次|性能|领 is 一次性|能领, 范围|内能|报销) is jieba's cut"
                  " across the asker's words, no noun the passages must say",
    "other_figures": "when a sentence's best figure is a near miss, its next figure that fits and passes every check answers",
    "action_elsewhere": "a sentence accepted for its meaning is refused for another action too when the asked one (达成)"
                        " stands at a figure of another retrieved sentence",
    "series": "a sentence naming another member of the asked one's series (一期 for 二期, 春季 for 秋季, Ⅰ—Ⅲ类 for Ⅳ类)"
              " and not it, or a paragraph never naming an asked 二期/Ⅳ类/乙级, does not answer (any question kind)",
    "name_before_verb": "the question's subject read as a name up to its first verb (獐岛渔港 of 獐岛渔港改造已经完成投资多少)",
    "no_amount": "figures that count nothing: an ordinal (第1位) unless an order is asked, 一辆辆, an age unless asked",
    "place_whole_word": "a place word after a surname, with a post before it or a verb of saying after it (理事长刘|长海说), is a"
                        " person's given name: no place answering 哪里 (rag.places.person_named, as the check stage reads it)",
    "indefinite_one": "一 in words with a count word and its noun (一处农村幸福院, 一家合作社) is the indefinite article of a"
                      " story about one of them, no count: news writes counts in digits; 唯一的一起, 仅一家 stay counts",
    "day_span": "a span from one day to another (11月1日至2026年2月8日) dates a part of the whole year asked",
    "neighbour_place": "a sentence naming another place of the asked one's level (望京街道 for 双井街道, 吴江区 for 姑苏区)"
                       " and never the asked one gives the neighbour's figure, not the asked place's",
    "named_kind": "a sentence whose clause opens with another name of the asked one's kind (金塘港区 for 六横港区,"
                  " 叠石桥市场 for 志浩市场) and never says the asked name gives the sibling's figure: near_miss.named",
    "destination": "a destination named after a verb of export or transport (出口日本, 出口到美国, 开往俄罗斯的) restricts the"
                   " figure as a trade partner does: a figure whose clause never names it (全县出口柿饼2150吨，…销往日本、韩国)"
                   " is every market's total: near_miss.partner",
    "partner": "a trade figure asked for one partner (对美国出口) is not answered by a sentence never naming it (全市出口额):"
               " near_miss.partner",
    "rank_scope": "a rank asked within one scope (全国) is not answered by a sentence ranking within another (全省) and"
                  " never saying the asked one: near_miss.rank",
    "previous_edition": "the previous edition or season asked (上一届, 上一产季) is not answered by a sentence naming it only"
                        " as a baseline (比上一产季增长) or not at all: near_miss.edition",
    "ordinal_series": "an ordinal of a recurring event or batch (第二届, 第一批) is a series member: a sentence naming"
                      " another (第三届) and not it does not answer",
    "one_item_rate": "a question asking of one item (\"一个人要交多少钱\", \"多长时间能出一颗电芯\") asks a rate: a figure"
                     " per person or per item (每人每年400元, 每1.2秒一颗) is no near miss for it (nm:rate)",
    "average_duration": "an average time (平均候诊时间…15分钟) answers how long it takes (多久, 多长时间): no rate (nm:rate)",
    "rate_units": "a figure per unit of measure (每公斤400元, 每平方米22元) is a rate, no answer to a question asking"
                  " no rate (nm:rate)",
    "paragraph_wording": "a question noun its paragraph says in a short or turned form (电动车 for 电动自行车) is said"
                         " for every sentence of that paragraph, as a word said exactly in the article is",
    "deputy": "a title asked (厅长) that the sentence says only as its deputy's (副厅长) is not answered there",
    "other_holder": "an organisation asked (鸠兹…公司, or 江城 read as 芜湖江城微电子科技有限公司) is not answered by a sentence"
                    " naming another of its kind and not it; a town asked (桦南县驼腰子镇) not by one of a wider place",
    "short_names": "a name the question says short, its first word and its kind (扎龙保护区), is named by the full name"
                   " that inserts a rank between them (扎龙国家级自然保护区)",
    "two_way_throughput": "a question noun naming two-way traffic by a pair of opposite motions (进出港, 出入境, 装卸) is"
                          " said by a sentence counting the place's 吞吐量 (旅客吞吐量286.4万人次)",
    "measure_unit_said": "a measure named by its unit (吨位, 户数) is said by a figure in that unit (20万吨级, 3200户)",
    "noun_as_verb": "a question word tagged a noun but used as a verb, with 了/过/着 (新装了, 一共用了), is wording the"
                    " passages need not say",
    "own_year": "a year's part asked with its year (2025年上半年) is the article's own 上半年 when the article is dated"
                " that year",
    "wider_scope": "a figure its sentence gives for a wider scope (全市) and naming no asked place does not answer for the"
                   " district or town asked (上虞区): rag.answer.asked_place",
    "other_period": "a figure dated by another holiday, season or span of months (冰雪季, “十一”假期) and not the asked"
                    " one (春节假期, 前11个月) does not answer: rag.answer.asked_place",
    "place_unsaid": "a figure whose paragraph, with its headline and setting, never names the narrowest place asked"
                    " is another place's: rag.answer.asked_place",
    "outcome": "\"最后有多少人通过\": the outcome an adverb stresses must be said in the answer's sentence",
    "figure_measure": "a figure's own measure: every nm:<check> at once",
    "article_places": "an article about several places of a level gives none of them to a paragraph naming none",
    "photo_credit": "a photo credit line (通讯员张玉善摄) answers who took the photograph",
    "related_head": "a question noun ending with the head of the measure word at the figure (估值 / 品牌价值, 金额 /"
                    " 交易额), that word's modifier said elsewhere in the question, is that measure in other words:"
                    " an objection of wording (rag.answer.related_head)",
    "everyday_terms": "everyday words for a few fixed statistics (经济总量, 平均能活到多少岁, 看病不出县的比例) are retrieved"
                      " and read as the article's terms (地区生产总值, 人均预期寿命, 县域内就诊率) (rag.answer.everyday_terms)",
    "share_word": "a share asked as 份额 after 占 (占了多大份额) is the 比重 a figure in % says (rag.answer.everyday_terms)",
    "case_units": "起 and 件 both count cases: \"收了多少起案子\" is answered by \"受理案件5.86万件\" (rag.answer.spans._unit_fit)",
    "head_title": "the head of an organization asked in everyday words (一把手, 当家人) is the title its kind of organization"
                  " gives its head: 局 → 局长, 厅 → 厅长, 委/管委会 → 主任, 学校 → 校长, 集团/公司 → 董事长, 合作社 → 理事长"
                  " (rag.answer.everyday_terms)",
    "banner_short": "a banner asked by its everyday short name (西乌旗, 察右中旗) is said where the text writes its full"
                    " name (西乌珠穆沁旗, 察哈尔右翼中旗: each character in order, at most three others between two, in one"
                    " name) (rag.answer.question.banner_in_full)",
    "newsroom_terms": "everyday words for newsroom measures, each asked so in two page sets or more, are retrieved and"
                      " read as the article's terms: 城里新找到工作 → 城镇新增就业, 丢了工作又重新上岗 → 失业人员再就业,"
                      " 牌子估值 → 品牌价值 (rag.answer.everyday_terms)",
    "made_out": "a product asked with a resultative verb of making before an amount (炼出了多少甲醇, 采出了多少吨页岩油,"
                " 造出了多少氢气) is retrieved and read as asked with the article's 生产 (rag.answer.made_out)",
    "counted_noun_by_tagger": "the thing a question counts, when it goes on with its own verb after it (几个学生考上了…), is"
                              " read as the tagger's nouns right after the count word (rag.answer.counted_noun), so a figure in"
                              " another count word standing at that noun counts it (14名学生)",
    "counted_people": "a counted people noun asked after an action (出院了多少病人) is said by a figure in a unit of people"
                      " right after that action in its clause (出院9.8万人次, 出生人口1.69万人): an objection of wording"
                      " (rag.answer.counted_people)",
    "cn_dates": "a month or day asked in digits is found in Chinese numerals (一月二十六日)",
    "admin_level": "\"哪个县\" is not answered by a name of another administrative level (城北区)",
    "article_setting": "a paragraph is read with the places its article's headline, dateline and lead (and the one"
                       " province its page) name (Paragraph.setting: 全省 under 江西省公安厅's page is 江西省)",
    "setting_wide": "a county or city its article's headline, dateline or lead name (Paragraph.setting) is that"
                    " article's 全县/该县, 全市/我市, as a province is its page's 全省",
    "events_counted": "a count in 人次/架次/班次 (一共有多少人次) asks how many times something happened, never what there is:"
                      " no stock is asked (near_miss.stock)",
    "setting_level": "a place asked without its suffix (温宿) has the level its article's setting writes (温宿县); a municipality (重庆) is its own articles' 全市",
    "setting_reference": "a sentence's 全区/该县 names its article's setting place of that level (和平区): said for the question's words, refused for another place",
    "setting_inherit": "a place named only in another paragraph of the article is inherited only when the article's"
                       " setting names it (分市看，上饶市… does not make 全省's figure 上饶's)",
    "name_from_lead": "a name that is no place (a resort, a garden) named only in another paragraph of the article is"
                      " inherited only from its lead (the paragraph opening with its dateline), not from any paragraph",
    "glued_place": "a one-character place jieba cuts off a name begins it (青|岚县 is 青岚县)",
    "elliptical": "an elliptical clause of a parallel list (赣州市…完成交通投资52.8亿元；上饶市完成31.4亿元) measures"
                  " what the clause before it names, for the near-miss checks",
    "person_title": "\"市长是谁\" is not answered by a name under other titles only (副市长刘海燕)",
    "side_clause": "a comparison side's figure is the one of the clause naming the side, not one of a sentence about"
                   " something else (上饶市完成31.4亿元, not 全省…286.3亿元)",
    "role_organisation": "a general role (负责人) of an organisation asked is held only by a title of that organisation"
                         " (县农业农村局负责人: not 协会理事长)",
    "other_word_head": "a word said with the question word's first and last character is no way of saying it when its"
                       " part after the first is another word (总投入 for 总收入, 总户数 for 总人数)",
    "event_head": "a venue's verb is the asked event's when one holds the other or both begin alike (召开/开, 举行/举办),"
                  " not when they share another character (开幕 is not 闭幕)",
    "frequency": "\"多久举办一次\" asks how often, no length of time: the sentence saying it answers (每两年一届)",
    "measure_by_unit": "a measure the asked unit says by itself (面积 of a figure in 亩) is no word the text must say",
    "counted_sibling": "a figure's counted noun sharing only a character with the asked one counts another thing (金牌"
                       " for 银牌); off: any shared character counts the same",
    "name_asked": "\"…叫什么名字\" asks a name: only a name answers it, and a thing no organisation is (吉祥物) is named by a quoted name, not an organisation's",
    "byline": "a name in a report's byline (本报讯（记者林一帆）) is the writer, no actor of the news, unless the writer is asked",
    "respectively": "\"A、B……分别42个和35个\": the figures after 分别 go, in order, to the items listed before it",
    "whole_names": "a name referred back to (该物业分公司) is no answer, nor a company's name cut short of its branch",
    "end_date": "\"搞到哪一天\" asks the end of a period: the date after 到/至/截至",
    "short_forms": "a short form (以下简称《通知》) is no name unless the short form is asked; 全名 asks the longest",
    "venue_clause": "a venue read from 在/于…召开 is where its whole clause's event is held",
    "parallel_clauses": "a comparison side continuing a ；-list (上饶市完成31.4亿元；) states the measure the list's first"
                        " clause names, for the check that both sides measure one thing",
    "verb_at_figure": "a one-character verb of the question (招) next to a figure (招聘120人) says what it measures",
    "first_item_tail": "the first item of a 分别 list runs on back into its clause's start: only its tail names it (…全日制博士、硕士)",
    "compound_surname": "after a title, a compound surname and its given name (董事长欧阳靖远) is one person's name",
    "shared_predicate": "a comparison's bare subject borrows the predicate the other side puts after its own parallel subject (A和B新增授权发明专利)",
    "money_role": "\"花了多少钱\"/\"挣了多少钱\": the figure the text names as that kind of money (投资, 收入), not another sum",
    "durations": "a time written in parts (2小时08分41秒, 1分24秒) is one figure; two such times differ in 时/分/秒",
    "list_items": "in a list of name+figure items (蓝塘镇段7.2公里、凤安镇段6.5公里) a figure belongs to the name right before it",
    "parallel_item": "a comparison side ending as the other does (水墩镇段 against 秋香江堤防蓝塘镇段) borrows the words before the other's item",
    "role_in_words": "a role asked in everyday words (谁创办的, 谁跑了第一, 大学老师) is the title the text says (创始人, 冠军, 教授)",
    "age_asked": "\"多大年纪\", \"年龄多少\": an age, answered in 岁, which says the 年纪 itself",
    "rated_word": "\"满意的比例\", \"满意程度\": a rate named by the rated word, said 满意度 at its figure",
    "one_sided_change": "\"比去年多了还是少了，幅度多少\" asks one change (下降3.2%), not two sides to compare",
    "rate_gap": "a figure after 增速/率 比… (增速比全区高4.1个百分点) is a gap between rates, not the rate asked",
    "rate_noun_by_change": "an asked rate of change (增幅, 增速) is no lacked noun in a sentence saying its change before a"
                           " percentage (观众量同比增长14.2% for 观众人数的同比增幅)",
    "rate_said_by_change": "a rate of change asked (增速, 增幅) is said by the change next to the figure (同比增长12.3%)",
    "scope_no_noun": "a scope word of the question (全市, 全省, 我省) is no noun the answer's sentence must say",
    "whether_changed": "\"变了没有\" asks whether a figure changed: the sentence saying so answers (与去年同期持平)",
    "which_several": "\"哪几个城市\" asks which ones, as 哪些城市 does, no count",
    "admin_type_noun": "a one-character admin level after the wh-word (哪个县试点: 县) is the answer's kind",
    "admin_place": "\"哪个县/哪几个城市\" is answered by a place of an admin level or a known place name, not any name",
    "listed_names": "\"哪几个城市\" asks them all: names listed one after another (哈尔滨、齐齐哈尔、牡丹江) are one span",
    "baseline_phrase": "\"跟去年同一时段比\" names the baseline of a change, nothing the answer must say",
    "total_word": "一共/总共 only frame a question (jieba would cut 一共用了 as 一|共用)",
    "guessed_type_noun": "a noun after the wh-word jieba guessed across words (多少天能办完: 天能) names no kind of answer",
    "asked_level_name": "\"哪个乡\": a clause opening with a name and the asked level (日月乡积极推动…) names a place, whatever jieba reads",
    "year_of_part": "a year's part asked (2025年一季度) is of that year: a figure's sentence dated by another year only"
                    " (2024年，…172.4亿元) is a near miss",
    "issue_days": "a day said without its year (截至1月10日, 12月28日) within the month before its article's issue date"
                  " is of that date's year or the one before (2026年1月10日, 2025年12月28日)",
    "issue_years": "a year said relative to its article's printed issue date (去年 in a paper of 2026年1月15日) is that"
                   " year (2025年), unless it is a baseline (比去年, 去年同期)",
    "relative_periods": "a period said relative to the article's year (今年上半年, 上半年) is that year's (2025年上半年)",
    "same_stem_level": "a place of the article's setting is not the one asked when only their stems agree and their levels"
                       " differ (大理州 set, 大理市 asked)",
    "issue_parts": "a part of a year said with no year (一季度, 上半年, 5月) that is not over by its article's issue date"
                   " is of the year before (一季度 in a paper of 2026年1月8日: 2025年一季度)",
    "relative_year_end": "a year's end or start said relative to the article's year (截至去年底, 今年初) is that year's"
                         " (2025年底 in a paper of 2026)",
    "asked_kind_only": "a figure of the asked kind (1260户 for 多少户) is no near miss for an asked word standing at a"
                       " figure of another kind in its sentence (两个城中村改造项目, 面积4.2万平方米)",
    "closest_figure": "the best-scoring sentence, rejected only for its wording, answers when its figure or date is the"
                      " closest in meaning to the question of all the retrieved ones (征收签约1260户 for 签了征收协议)",
    "part_named_first": "\"入境游客中，来自东南亚的有多少\": the part of a group named before the wh-word must be said in the"
                        " figure's clause (the group's 3.8万人次 does not answer it)",
    "both_sides": "one side of a flow asked (出口额, 入境游客) is not answered by a clause naming only both together"
                  " (进出口额, 出入境人员): near_miss.opposite",
    "years_span": "one year asked (今年, 2025年) is not answered by a figure its sentence counts over several years"
                  " (三年来共招聘47名, 近五年累计): near_miss.whole_period.span_of_years",
    "reference_names": "a place or venue name opening with a reference character the tagger reads whole (那林镇,"
                       " 本溪市) is a name, not a reference (该镇, 全市, 各乡镇)",
    "township_level": "镇, 乡 and 街道 are one level: 坛厂街道 is a neighbour of 高大坪镇 (neighbour_place)",
    "county_level": "县, 旗, 区 and 市 are one level: 涪城区 and 大理市 are neighbours of 盐亭县 and 祥云县 (neighbour_place)",
    "institution_kind": "a name ending in 院 or 庭 (沁水县人民医院, 溪口人民法庭) is of the asked kind for named_kind: a"
                        " sentence opening with another (嘉峰镇卫生院, 江垭人民法庭) gives that one's figure",
    "other_stage": "\"哪天开工\" is not answered by a date of the other end of the same action (于9月30日完工; 开幕 for"
                   " 闭幕): a start asked, an end given, or the reverse",
    "part_modifier": "the part named first keeps the word marking it off (过夜游客 among 游客); 国家级 is no short form of"
                     " 国家和省级",
    "own_scope": "全国/全省 asked: a figure its sentence gives for 我市/全县 (a lower own place) is that place's",
    "anchor_kind": "a comparison side naming only a period or place replaces the other side's whole period (今年1至9月,"
                   " 现在) or place word of its level (宝鸡高新区), not only one the analysis read",
    "from_to": "comparison sides both answered from one 由X到Y sentence: each takes its own end (由2023年的35%: 2023年's)",
    "change_verb": "\"A比B提高/增加/减少了多少\": the change verb is the comparison's direction",
    "asked_count": "nm:asked_unit: a count word after the wh-word (多少笔, 几座) asks a count, not a sum or a measure",
    "asked_amount": "nm:asked_unit: an amount named by 额 (进口额是多少) asks a sum of money, not a time or a count",
    "short_places": "wider_scope: a county of two characters (房县) and a town the question opens on (莲上镇|有) are"
                    " asked places too",
    "asked_places": "a county, district or town the question names at the head of a longer name (渝中区人社局) or in"
                    " pieces jieba cut (桃源|乡) must be said by a passage or its article's setting, as a name must",
    "dated_year": "今年 asked: a sentence dated by a year only (2024年…), in a paragraph dating other figures by 今年,"
                  " is of another year and does not answer",
    "shown_sides": "a comparison's answer names its first side without the period the question puts before it only"
                   " (上半年奎文区 is shown 奎文区)",
    "hedge": "a comparison's hedge words (大约是…几倍, 比现在至少多) say how exact the answer may be, no part of a side",
    "kind_tail": "a comparison side ending in a kind (物业服务类, 国家级) borrows the noun the other side puts after its"
                 " own kind word (市场管理类诉求: 物业服务类诉求)",
    "sides_kind": "\"A区和B区哪个区…多\", \"A和B哪家医院…\": the noun after 哪个 that both sides end in names their kind, no"
                  " part of the measure (哪个区城镇新增就业: 城镇新增就业)",
    "difference_then_which": "\"A和B的X差了多少？哪个多？\": the difference asked first, then the winner: the difference"
                             " (its answer names the winner)",
    "containing_place": "\"宽甸的灌水镇和长甸镇\": a place before 的 opening a side that then names a place of the other"
                        " side's level holds both sides, it is not side A's own name",
    "which_kind": "\"一季度和上半年比，哪个时段平均每天坐车的人多\": the noun after 哪个 names the sides' kind though they do"
                  " not end in it (时段), and a period kind both end in (哪个季度) is no part of the measure either",
    "period_then_place": "\"今年射洪市发放的创业担保贷款比船山区多多少\": a place (or body: 市中医医院) side against one opening"
                         " with a period then a place takes the other's words with its own place, the period first"
                         " (今年船山区发放的创业担保贷款)",
    "trailing_period": "\"许昌东站和许昌站去年哪个发送旅客更多\": a period ending the second side, the first naming none,"
                       " dates both sides, no part of the second's name (rag.answer.comparison.split_sides)",
    "named_listing": "both comparison sides read from one sentence listing each name right before its figure (其中柯城区121个、"
                     "江山市92个), whatever the sides' words, when the sentence says the measure",
    "breakdown_measure": "a sentence opening with 其中 breaks down the figure of the sentence before: the measure the sides"
                         " share may be said there (…货运量达到1936.4万吨。其中，铁路口岸完成1488.7万吨)",
    "unnamed_sides": "two comparison sides answered from sentences naming neither of them: a retrieved sentence stating both"
                     " by name is read first (三汊港镇15个、左里镇14个, not the county's 52% and 68%)",
    "full_form_one_name": "a side's full form in a list (十堰经开区 of 十堰经济技术开发区) holds no figure or break: \"有15个；左里镇\""
                          " does not open with 左里镇",
    "since_no_qualifier": "a question's 以来/以前/期间 before its measure (2025年以来交易额) dates the figure, it is no qualifier"
                          " the figure's clause must say",
    "follow_compound_unit": "\"…哪个多？多多少户次？\": a side asked in 户 is asked again in the follow-up's compound unit 户次",
    "times_unit": "a comparison refuses a count of times (118.6万人次, 车次) against a count of things or people (5条, 12万人):"
                  " trips are no lines, visits no visitors",
    "glued_between_places": "a connector opening a known word between two names of one level (寨蒿镇和平永镇: 和平) still"
                            " joins two sides",
    "unlike_units_move": "two comparison sides answered in unlike kinds of unit (56.2万亩, 6.83万吨): the side that loses"
                         " least by it takes its best figure in the other's kind",
    "follow_unit": "\"哪个多？多几所？\": a side refused is asked again in the follow-up's unit (…多少所)",
    "unplaced_side": "a comparison side refused with the place it borrowed from the other side is asked again without"
                     " that place, keeping the borrowed measure (轨道交通的客运量, not 厦门轨道交通的客运量)",
    "target_parity": "a comparison side's best figure that is a target (力争…突破9万头) gives way to a near-best figure of"
                     " the present when neither the question nor the other side's figure is a target",
    "present_side": "a comparison side naming only the present (比现在多多少) does not borrow the other side's target word"
                    " (明年的奶牛存栏目标: 现在的奶牛存栏)",
    "shared_measure": "\"A和B的X\": a short bare side (高血压) against one ending in 的+measure (2型糖尿病患者的规范管理率)"
                      " asks that measure too",
    "second_pass": "comparison sides are chosen alike a second time when the first pass moved one (a side drawn to the"
                   " other's first, wrong figure goes back once that side has moved)",
    "same_sentence": "a comparison side may take a figure of the other side's sentence when that figure's clause names"
                     " it (…158枚…，厦门市代表团以金牌142枚位居第二)",
    "remainder": "\"还有多少处没整改完\": the whole (共排查1870处) less the part done (已整改1842处)",
    "lead_name": "\"如皋市和海安市去年城镇新增就业\": a short side naming a place or body is matched against the name"
                 " opening the other side (海安市, up to its 的, its period or a word ending as the short side does),"
                 " which the analysis may not read as a name",
    "lead_name_after_period": "\"去年雷州市营造红树林比遂溪县多多少亩\": a relative period opening the first side dates"
                              " both sides when the name after it is parallel to the other side (no earlier period)",
    "period_dates_both": "\"去年柳叶湖旅游度假区和桃源县\", \"去年…酒驾比醉驾多出多少起\": a calendar period opening the"
                         " first side dates both when the other side names no period of its own",
    "name_verbal_noun": "\"柳叶湖|旅游|度假区\", \"沾益|区\": a name holding a verbal noun or cut before its level is a"
                        " place's name still (no predicate split off it)",
    "unnamed_item": "a comparison side answered from a sentence not naming it (全市…412.6万头) takes its own item of"
                    " the roundup the other side's figure stands in",
    "baseline_figure": "a comparison side refused for its period (2024年) is read from the baseline the other side's"
                       " sentence states it by (开行46列，比2024年的31列多15列; 比上年的5896起 for the year before):"
                       " comparison.baseline_side",
    "rate_amount_sides": "a comparison side asked its growth rate (…的同比增速, 增长了百分之几) is asked its amount too"
                         " when refused, the rate read right after it (growth_after_figure)",
    "growth_after_figure": "\"…的增长速度，A和B谁更快\": each side's growth rate stated right after its amount"
                           " (产值78.6亿元，同比增长12.1%), not the amount",
    "both_kind": "\"A和B两个人民法庭去年受理案件谁多\": the count and kind after side B (两个X, 两家X) are shared by both"
                 " sides with the measure after them, no part of side B",
    "scope_outside": "a comparison side opening with the scope set against 省内/市内 (省外, 市外, 境外) is scoped"
                     " by it: it borrows no 省内 from the other side (\"省内游客比省外多多少\")",
    "parallel_head": "\"城镇居民人均可支配收入比农村居民高多少\": a comparison side ending as the other's opening head"
                     " does (…居民, …声环境) is that head's parallel, measured by what follows the head; the other lends it"
                     " no place and borrows none from it",
    "this_period": "\"这个雪季万龙和云顶两家雪场\": the period a demonstrative opening side A points at (这个雪季,"
                   " 这个暑假, 这一季) dates both sides, when side B names no period; it is no part of A's name",
    "side_short_names": "\"万龙和云顶两家雪场接待的滑雪者\": two short names (no 的, verb, period or figure) followed by the"
                   " measure both share lend each other nothing, though the tagger reads one as a measure",
    "name_beside_place": "for side_short_names: one word set beside a place's name (遵义, tagged a verb, and 贵阳) is a"
                         " name too",
    "dated_verb": "\"A和B哪个更早开通高铁\": the verb after 早/晚/先 may hold another direction's character (高 of 高铁)",
    "own_ending": "a side's own 中 or 里 after a numeral (大理一中, 附中) is kept, not dropped as \"among\" (A和B中)",
    "own_items": "a comparison side answered with another member's figure of a roundup (分县区看，A…；B…) takes its"
                 " own item's figure, measured by the list's lead",
    "period_sides": "\"X2025年上半年和下半年成交额\": two periods of one subject, the first taking the measure, the"
                    " second the subject and year",
    "from_to_change": "\"…增加了几个\", \"比原来多了多少张\" refused: the later less the earlier figure of a 由X…增加到Y"
                      " sentence saying what the question names",
    "stated_sides": "a comparison the side answers cannot answer takes both figures from one sentence stating them"
                    " side by side (A、B分别X和Y; 江安县完成12.4公里，南溪区完成9.7公里) that says the shared measure",
    "stated_over_apart": "two comparison sides answered each from a sentence of its own give way to one retrieved"
                         " sentence stating both side by side (多伦县接待游客412.5万人次…；正蓝旗接待游客338.9万人次),"
                         " read by stated_sides",
    "autonomous_sides": "stated_sides reads a comparison side named by its core and level (芷江县, 北川县) in a sentence"
                        " writing it as the autonomous place it is (芷江侗族自治县为92.7%, 北川羌族自治县; the core, any"
                        " minorities' names, 自治, the same level: rag.places.autonomous_form)",
    "paraphrased_sides": "stated_sides takes a sentence stating both sides whose words do not say the shared measure when"
                         " it says it in other words by the paraphrase path's signs: the measure's words it lacks are"
                         " said nowhere else in the retrieved passages, and it is the retrieved sentence closest in"
                         " meaning to the question (来的游客 by 接待游客, 装卸的货 by a list of 货物吞吐量)",
    "period_cores": "two comparison sides that are two periods of one subject (三季度 and 一季度 新上云的企业) are read in a"
                    " sentence listing them by their periods alone (一季度，全市新增上云企业286家；…三季度新增524家), for"
                    " stated_sides",
    "list_measure": "two comparison sides opening items of one list breaking a figure down by members (分县看，北流市"
                    "发生96起，死亡34人；…博白县…) are measured by the article's headline too: the list names no measure"
                    " the headline already names (…道路交通事故死亡人数下降11.4%), for stated_sides",
    "list_item_side": "a comparison side refused, the other answered from an item of a list breaking a figure down by"
                      " members (齐河县粮食总产28.6亿斤；陵城区21.7亿斤): the refused side's figure is the one at the same"
                      " place, in the same unit, of its own item of that list (rag.answer.comparison.list_item_sides)",
    "worded_side": "a comparison side refused only by a near miss of how its clause words the measure (死亡41人 for"
                   " 死亡人数 said before both sides; 举办…比赛28场 for 承办的比赛) answers when the figure's sentence"
                   " states it of the side itself (rag.answer.comparison.side_figures.worded_side_waiver)",
    "side_cores": "stated_sides also reads the sides by the words telling them apart (供水管网/排水管网 of \"铜仁去年改造的"
                  "供水管网和排水管网\"), each right before its figure in one listing (…供水管网216公里、排水管网189公里)",
    "common_word_tail": "a word 词林 files as an everyday word (新建, tagged ns by jieba) does not end a longer name"
                        " (鄂尔多斯|新建一座加氢站: the name is 鄂尔多斯)",
    "whole_period": "a figure dated by a part of the year (day) is a near miss for 全年/去年 (全天) asked: near_miss.whole_period",
    "span_for_month": "one month asked as such (10月当月, 11月份, 1月全月) is not answered by a figure its sentence dates by a"
                      " span (1—10月, 前三季度, 今年以来, 1月1日至18日) naming that month nowhere alone: near_miss.one_month",
    "alone_marked": "nm:alone also reads 光/光是 as a word of its own (光门票收入) as asking one thing alone, and an exclusion"
                    " the question writes (不算改建, 不含间接就业) as refusing a figure whose clause says the excluded thing"
                    " (新建、改建农村公路486公里): near_miss.alone",
    "dictionary_units": "a question asking no unit is answered by a figure in a measure word the unit list lacks, as the"
                        " tagger's dictionary tags one (1.26亿千瓦时 for 用电量是多少)",
    "incident_unit": "起 counts incidents, cases and accidents (1862起 for 多少起酒驾): a unit of the list",
    "subject_unnamed": "a person or a non-place name the question asks about (陈晓峰, 志浩市场) that the figure's paragraph and"
                       " article title never say: the figure is someone else's (near_miss.unnamed)",
    "reported_year": "an article printed in a year whose lead reports the year before (its setting's year) says 全年, 年末"
                     " and 年底 of that year too (年末…1083户 answers 2025年末 on a page of 2026): question.resolved_periods",
    "place_not_person": "a three-character word ending in 市/县/区/旗 that jieba tags as a person (岑溪市) is a place, no"
                        " person subject_unnamed asks the paragraph to name",
    "sibling_subject": "a paragraph giving the asked subject a clause of its own (解放碑步行街…接待游客) does not answer with"
                       " a figure whose clause opens with another name (观音桥商圈实现销售额): near_miss.sibling_subject",
    "rank_unstated": "a question asking a place in a ranking (排第几, 排名第几) is not answered by a sentence stating"
                     " none (第3位, 首位, 前三位, 全省最快 state one): near_miss.rank.rank_unstated",
    "whole_for_part": "a figure whose clause is a wider scope's (全省…实现门票收入) does not answer for a named thing inside it"
                      " (黄果树瀑布景区, 某镇零工驿站) or a lower place the sentence never names: near_miss.whole_for_part",
    "zone_part": "near_miss.whole_for_part reads a development zone named by its city (咸宁高新区, 德阳经开区) as a part of"
                 " the city, named in a sentence only by its zone word (高新区): 全市's figure does not answer for it",
    "scope_min": "a scope word before a word opening with 民 (全市民宿, 全县民营企业) is the figure's scope, not 全+市民"
                 " (every citizen): asked_place.wider_scope and near_miss.whole_for_part",
    "money_named_before": "a question naming its money before the wh-word (营业收入是多少) is not answered by a sum the"
                          " text names as another kind (实现产值9.7亿元), unless both are taken in or both spent"
                          " (rag.answer.near_miss.money_kind)",
    "total_for_done": "a project's total investment asked (总投资) is not answered by a clause saying investment done"
                      " (完成投资), nor investment done by a total (rag.answer.near_miss.plan)",
    "placed_fallback": "when the best-scoring sentence is refused for its place or scope (全省, 三市合计), a lower-scoring"
                       " sentence answers only when it names an asked place itself (rag.answer.pipeline)",
    "previous_year_baseline": "去年 asked: a sentence naming 上年 only as its baseline (全年开行48列，比上年多开行11列) in a"
                              " paragraph dating its figures by 去年 (or by the year before its page's) and never by 今年"
                              " reports 去年's figure, not the baseline's: near_miss.period._foreign_relative_period",
    "past_year_by_date": "去年 asked: a figure dated only by spans ending after its page's month (12月, 全年, 前11个月 on a"
                         " page of January to March; no year named, no 今年) is the past year's, though its sentence"
                         " names 上年 as a baseline; a headline's masthead date (本溪日报 2026年1月19日) names no year of"
                         " the figures (rag.answer.near_miss.past_by_date)",
    "new_kind_word": "nm:stock_for_flow: 新 opening a word naming a kind or a place (新能源汽车保有量, 新型储能, 新疆) says"
                     " nothing new: the stock (保有量达4397万辆) does not answer a flow asked (新上牌, 新增)",
    "paraphrased_measure": "a near-miss objection resting on where the question's own words stand (asked_here,"
                           " noun_elsewhere, action, subject…) is overruled for the sentence closest in meaning, from a"
                           " paragraph retrieval is sure of, whose figure is of the asked type (rag.answer.paraphrased)",
    "role_holder": "a person asked by a title (院长, 董事长, 负责人) is answered by a sentence refused only for its wording"
                   " that names someone right after that title alone or after a kind word (院长陆永强说, 公司董事长农春梅),"
                   " the organisation said before it, from a paragraph retrieval is sure of (rag.answer.role_holder)",
    "holder_clause": "other_of_kind: for a sentence naming someone right after the asked title (校长朱永平说，…与县城学校…),"
                     " another organisation is read only in the title's clause before the title, not in what the person"
                     " speaks of (rag.answer.near_miss.holder_org)",
    "level_org": "other_of_kind: an organisation named by a bare level (市公交集团, 市中心医院) is the asked one whose name opens"
                 " with a place of that level said in the paragraph's context (南阳市公交集团) (rag.answer.near_miss.holder_org)",
}

# The checks of a figure's own measure (rag.answer.near_miss.near_miss_check), each switched off
# alone by ``nm:<check>``.
NEAR_MISS_CHECKS = (
    "place_subject", "percent", "part", "member", "only_part", "counted", "subset", "earlier", "unit_refused", "people_unit", "unit_word", "named_figure", "rate", "per_unit", "action",
    "qualifier", "subject", "noun_elsewhere", "asked_word_here", "distinguishing",
    "whole", "share_change", "asked_unit", "opposite", "plan", "joint", "flow_for_stock", "stock_for_flow",
    "other_modifier", "volume_value", "money_kind", "asked_head", "alone", "direction", "threshold", "kind_name",
)

ABLATABLE = frozenset(
    [f.name for f in fields(AnswerSettings)] + list(SWITCHES) + [f"nm:{check}" for check in NEAR_MISS_CHECKS]
)


@functools.lru_cache(maxsize=32)
def _switched_off(value: str) -> frozenset[str]:
    """The valid names in a RAG_ANSWER_ABLATE value; each unknown one is logged (once per value)."""
    names = {name.strip() for name in value.split(",") if name.strip()}
    unknown = sorted(names - ABLATABLE)
    if unknown:
        log.warning(
            "RAG_ANSWER_ABLATE: unknown name(s) %s ignored; valid: %s", ", ".join(unknown), ", ".join(sorted(ABLATABLE))
        )
    return frozenset(names & ABLATABLE)


def switched_off() -> frozenset[str]:
    """The names RAG_ANSWER_ABLATE switches off for this run (unknown names dropped, with a log line)."""
    return _switched_off(os.environ.get("RAG_ANSWER_ABLATE", ""))


def settings_from_environment() -> AnswerSettings:
    off = switched_off()
    return replace(AnswerSettings(), **{f.name: False for f in fields(AnswerSettings) if f.name in off})


def ablated(name: str) -> bool:
    """Whether ``name`` (one of ``SWITCHES`` or ``nm:<check>``) is switched off for this run."""
    return name in switched_off()
