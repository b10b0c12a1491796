"""Switching single ingredients of the fact checker off, to measure what each one pays (``RAG_CHECK_ABLATE``).

    RAG_CHECK_ABLATE=semantic,abbreviation rag eval --claims eval/claims.jsonl --split dev

Ingredients: ``semantic`` (sentence vectors, rag.check.semantic), ``abbreviation`` (在京 for 北京),
``province_wide`` (全省 for a named province), ``names`` (the names around a figure must be the article's:
no 一致 otherwise, and one other name makes it 不一致), ``frame`` (a name claim is 一致 only when the rest
of its clause is the article's too), ``direction`` (the stated value read backwards on looser overlap, and
claims of a direction without a number, rag.check.direction), ``place_chain`` (a small place under another
county or city, rag.check.place_chain), ``change`` (a stated change is neither confirmed nor contradicted by a
level or share), ``record`` (a date's event may be named by its paragraph's title, a record's field must be the
claim's event), ``place_between`` (a place claim compared at the article's place between the same words),
``unit_slip`` (the same number in another unit of the same quantity, its words restated, is 不一致 on 单位),
``counted`` (the word right after the claim's figure, what it counts, standing right after another figure of the
article sentence and not after this one: no 一致 from this one),
``closest`` (a loose match confirms nothing where a close match of the same subject gives another value),
``span`` (a span of time in words, 今年以来 against 近年来, is another period), ``day_part`` (上午 against 下午),
``event`` (a verb right after the article's figure the claim does not say, beside a word of the claim the article does
not say: another event, no 一致),
``synonym`` (a word of a name claim's clause said by an exact 词林 synonym, 揭幕 for 开幕, is said: no 名称 contradiction),
``head_noun`` (a contradiction needs the noun right before the claim's figure in the article figure's sentence),
``level`` (a level is not confirmed by a change of the same count: "有7个城市" by "增加7个城市"),
``closeness`` (of the figures that may contradict a claim, ``found`` is the one whose own clause matches the claim's
measure most closely, read both ways), ``closer`` (no 一致 from a figure where another of the same subject, unit and
direction, whose clause matches the claim's measure clearly more closely, gives another value),
``respective`` (the figures after 分别 each measure one item of the enumeration before it, or of the figures before
them: "起数、死亡人数同比分别下降9.1%和12.6%"),
``codes`` (a grade or model in letters and digits, "5A级", "5G", is a name the article must say),
``place_after_place`` (a word with a place's suffix written right after a place is a place, "河北省保定市"),
``scope`` (a claim told of a whole, 全省 or a province, is not told by a figure whose own clause names a smaller place),
``part_of_year`` (a claim told of a year is not told by a figure of a quarter or half of it),
``event_date`` (a date after 于 in a clause with figures is a claim of its own: "…基地于去年6月投入运营"),
``lean_query`` (a clause leaning on the measure before it, "…，比上年减少12%", is searched with that measure),
``said_before`` (the claim's places and names must be said before the article's figure or in its sentence, not only later),
``referent`` (what a pointer stands for, "这家医院" for the 青岚县人民医院 named before, is a name the article must say),
``level_rank`` (places of one level by rank, not only by the same suffix: 镇 and 乡, 区 and a county-level 市; a figure whose
own clause names the one is not the other's),
``action`` (a verb of the claim's words about its figure, what was done, "新购置", "已到位", must be said in the article figure's
sentence, as written or by an exact 词林 synonym: no 一致 otherwise),
``referent_head`` (a pointer whose noun is not named before stands for the name ending in its head character in the sentence
before: "龙湖南音社…。该社团…"; a name claim's pointer must be named by the article sentence that confirms it, as a figure's must),
``scope_name`` (a right figure whose counted thing the claim qualifies by a place or scope (全国, 省级) the article gives another one of,
"9项全国青少年纪录" / "9项省青少年纪录": 不一致 on 地点),
``named_before`` (an article figure counts what its clause names right before it, whatever its words after it say it did:
"奖牌总数396枚位列…首位" measures 奖牌总数),
``scope_rank`` (a county or city the claim names is a whole: a figure whose own clause names a smaller place the claim does not,
"其中，金牛镇全镇新建…3200亩", is the part's, not "鹤川县新建…3200亩"),
``dateline`` (the date of a dateline, "本报三明9月28日讯", is the report's, no event's: no date claim is read against it),
``name_end`` (a name ending its clause in the claim, with no words after it to align on, has a counterpart in the article only on word bounds),
``opposite_event`` (a date of the event that ends or begins the claim's, 闭幕 for 开幕, 竣工 for 开工, neither confirms nor
contradicts the claim's date),
``co_sentence`` (a claim's other figure of its clause of a kind the article figure's clause has none of may stand anywhere in its sentence),
``plan_sentence`` (an article figure whose clause says nothing done is a target when its sentence states one before it:
"今年全市计划改造老旧小区320个，惠及居民7.8万户"),
``part_after`` (a clause after the figure that picks out a part, "…，其中台湾地区…", says no place or name of the figure's),
``name_head`` (a name of four characters or more is told otherwise only by a name ending as it does, a thing of its kind:
"…协会" by "…协会", not "人民法院" by "宏达建材有限公司的申请"),
``measure_short`` (a measure noun of the article is restated by the claim without its last character: "总产" for "总产量"),
``frame_lead`` (a word of a name claim's clause missing from the article sentence but said in its title or lead, "文化节", is
no sign of another name there: no 名称 contradiction from it),
``frame_clause`` (a name claim is read in the clause of the article sentence that tells its event: "开幕式于…在县文化广场举行，
闭幕式于…在县体育馆举行" confirms no 闭幕式 "在县文化广场举行", and gives 县体育馆 for it),
``transposed`` (the article's number with its digits in another order, same unit, its words restated, is 不一致 on 数值),
``misquote_first`` (of the figures that may contradict a claim, the very number misquoted, its digits in another order or in another
unit, its words restated, is what the article says (``found``) before a closer match of another value),
``place_subject`` (a place claim's place opening its clause is told by an article sentence naming no place when the article's first
place is the claim's, rag.check.article_subject),
``subject_clause`` (a clause before an article figure's own that points back, "该校…", "其中，", or tells where its subject stands,
"…位于…", is the figure's subject, not its measure: "该校位于县城东部新区，占地68亩" measures 占地, "其中，民营企业798家" 民营企业),
``pointer_subject`` (an article sentence opening with a pointer, "该校…", "这所…", is read with the sentence before it, which names
whose figures they are),
``qualified`` (a word of the claim's measure that the article figure's label lacks and another figure of its sentence counts,
"公办幼儿园" of "其中公办幼儿园43所，在园幼儿9600余人", makes the claim a part the article does not give: no 不一致 from it),
``roman_codes`` (a grade in Roman numerals, "Ⅳ类", "Ⅱ级", is a name the article must say, as "5A级" is),
``figure_of`` (an article figure before 的 measures what is named right before it, the thing after 的 being whose it is:
"这所总投资8600万元的九年一贯制学校"),
``bare_noun`` (an article sentence saying a pointer's noun alone at the start of a clause, "…，医院门急诊量…", tells of the thing the
article is about, not of another one of its kind),
``cumulative`` (a claim of a total to date, 累计 without a period, is not contradicted by a figure its own sentence gives a period
and no 累计: "上半年…开工改造…186个" for "已累计改造…1000个以上"),
``common_area`` (a word with a place's suffix in a clause before an article figure's own that jieba reads as one common noun,
"城市建成区", "保护区", is a kind of area, not a smaller place the figure is told of),
``from_to`` (a direction verb right after an article figure, "由520张增加到800张", is the way to the next figure, no other event,
when the claim states the same direction), ``agreement`` (rag.check.agreement: a 一致 is reread against the article words bound
to the found figure or name, what it counts, whose and when it is, target or result; each part ``agree_…`` by itself),
``later_end`` (a claim's end of a change told from a year, "由2020年的72%提高到86%", is of a later year the article may name),
``compared_more`` ("比上年多打了11.4公斤": 比/较 … 多/少 + verb + 了 is a change), ``closer_kind`` (a change is not outweighed by a
closer level), ``sibling_hits`` (rag.check.told_together: the paragraphs that decided one claim of a sentence are read for its
other claims too), ``only_of_kind`` (rag.check.only_of_kind: the only figure of its unit's kind in an article sentence that says
all the claim's words is the claim's, its clause's words told otherwise), ``change_start`` (the start of a change told of its own year, "截至2025年底，…由2020年的68.3%提高到76.5%", is that year's figure),
``end_year`` (an article's end of a change from a year, "由2024年的512家增加到546家", is told by a claim naming a later year for it,
"增加到2025年的546家"), ``completed_target`` (a share of a target met, "完成年度目标6.2万人的110.0%", makes no figure after it a target),
``qualifier_le`` (a qualifier before 了 right before the figure, "观看量超过了45万人次", qualifies it),
``compared_base`` (a clause opening with 比/较 compares the sentence's last figure of its own unit, not the share just before it:
"…新增就业6.82万人，完成年度目标6.2万人的110.0%，比2024年的6.57万人增加2500人"), ``compared_by`` (how much more than a base, by the verb before the figure: "比上年末新增了14家" and "超出计划515人" are rises,
and the verb, "比上个供暖季多了", "超出计划", is no word of the measure), ``change_size`` (the size of a change told by its start and end: "由71.3%提高到78.6%" is 7.3个百分点),
``month_span`` ("1至6月" is 上半年, "1—9月" 前三季度, "1至3月" 一季度),
``bind_report_year`` (an article's part of the year without its year, "一季度", is of its report's year by ``Paragraph.date``, or of the
year a "今年"/"去年" before it names: "2024年一季度…" is not told by it in a report of 2025),
``bind_whole_year`` (a claim of a holiday or a part of the year, "五一假期…", "一季度…", is not told by a figure its sentence gives a
year and no part of it: "2024年天水机场完成旅客吞吐量38.6万人次"),
``article_places`` (a place jieba cuts apart in the claim, "于都" as 于 + 都, is read as a place where the article names it in a
list it counts, "瑞金于都两地"),
``speaker`` (a name claim of words the claim gives to one speaker, "局长李华东说，…“一日游”…", is 不一致 on 名称 where the article
sentence saying them gives them to another, "局长杨晓峰说"),
``whole_of_level`` (a draft's 全县 / 该市 is the last 县 / 市 it named, else its lead's bare place: not the town named just
before, nor 全国), ``own_year`` (a clause saying 今年 / 去年 / 全年 takes no part of a year said in an earlier sentence),
``rank`` (rag.check.figures: a rank after a verb of ranking, "居全省第2位", "排名第一", "居全市首位", is a figure of unit 位次),
``rank_fallback`` (rag.check: a sentence whose rank no article tells is checked as it was read before ranks were figures; and
rag.check.whole_claim: an article rank, "…同比增长21.5%，增幅居全市第一", takes no measure word from a claim that states no rank),
``agree_rank`` (rag.check.agreement: a rank is 一致 only where the article ranks the claim's measure, among its whole, of its subject),
``quoted_speaker`` (rag.check.quoted_speaker: a claim giving words to one speaker, "院长熊国栋说，…", is 不一致 on 名称 where the
article quotes those words and names another at the quote, "“……。”罗坪镇卫生院院长刘志明说。"), ``name_across_figure``
(rag.check.subject.names_in: "年比" jieba cuts from "2025年比上年" is no name), ``name_across_comparison`` (rag.check.comparison_cut:
"比比" of "占比比上年提高", the end of 占比 and the comparative 比, is no name), ``other_deadline`` (rag.check.verify: the claim's very
number whose article sentence sets it another deadline, 到2028年 for 到2026年, is 不一致 on 时间; a figure of another period
stays 未找到),
``told_together`` (rag.check.told_together: a figure of a draft sentence left 未找到 or 不一致 is 一致 where the article sentence
that confirmed another figure of it states its very value, in a clause naming its measure: "全院通过诉前调解成功化解纠纷8452件，
同比增长18.7%"),
``bind_start`` (rag.check.binding.bind_start_period: the start of a change is its own period's, "由上年的10.8%下降到8.9%" tells a
claim of 去年 by 8.9%, "由2023年底的31.2%提高到43.6%" one of 截至9月底 by 43.6%), ``complement`` (rag.check.binding.bind_complement:
a figure told of 非X is not X's, "非居民供热价格…36元", nor X's of 非X, "国有博物馆13家"), ``month_span_date`` (rag.check.claims: the
"10月" of "1至10月" is a period, no date claim),
``told_flipped`` (rag.check.told_together: a change after its sibling, "…产量9.8万吨，
同比增长2.3%", left 未找到, is 不一致 on 方向 where the article sentence confirming the sibling gives the first figure of its unit after
it the very value the other way, "…产量9.8万吨，受…影响，同比下降2.3%"),
``station`` (rag.check.stations: a station the claim names, "安阳站", is not the other station of its place that an article figure's
own clause names last, "去年，安阳东站共发送旅客618.5万人次", where the article names the claim's station too: no 一致 from it),
``supported_elsewhere`` (rag.check.told_together: a figure after its sibling in a draft sentence, "…9.47万辆，同比增长43.8%", 一致
in another article sentence, is 不一致 where the sentence confirming the sibling tells the first figure of its unit after it, the
claim's way, another value, "…9.47万辆，同比增长7.6%"),
``total_qualifier`` (rag.check.total_qualifier: a measure said with 总 before its noun is the measure said without it, "粮食产量" by
"粮食总产量", "总产量" restated by "粮食产量"),
``currency_slip`` (rag.check.currency_slip: the same number in another currency, "2.6亿美元" for "2.6亿元", its words restated, is
不一致 on 单位, as a unit slip),
``month_scope`` (rag.check.month_scope: one month, "11月当月", and the months up to it, "1至11月", 前11个月, 全年 for 12, or
another month alone, are periods the one does not tell the other by: no 一致 from an article figure whose sentence says the other),
``gate`` (a learned check of each figure and date verdict, rag.check.gate: a 一致
the model doubts becomes 未找到, a 未找到 it reads as a contradiction becomes 不一致 with the rival figure).
"""
from __future__ import annotations

import os

INGREDIENTS = ("semantic", "abbreviation", "province_wide", "names", "frame", "direction", "place_chain", "change", "record",
               "place_between", "unit_slip", "transposed", "misquote_first", "place_subject", "place_subject_any", "level", "counted", "closest", "span", "day_part", "event", "synonym", "head_noun",
               "closeness", "closer", "respective", "codes", "place_after_place", "scope", "part_of_year", "event_date", "lean_query", "said_before", "referent", "level_rank", "action", "referent_head", "scope_name", "named_before", "dateline", "name_end", "opposite_event", "co_sentence", "plan_sentence", "part_after", "frame_clause", "frame_lead", "name_head", "measure_short", "scope_rank", "subject_clause",
               "pointer_subject", "qualified", "roman_codes", "figure_of",
               "bare_noun", "cumulative", "common_area", "from_to",
               "name_slot", "first_ranked", "direction_slot",  # rag.check.names, direction.opposite_at_figure: another person, organisation or first item in the claim's slot
               "whole_claim",  # rag.check.whole_claim: every part of a claim found 一致 must be the article's
               "gate",  # rag.check.gate: a learned check of each figure verdict (a doubtful 一致 → 未找到, a 未找到 → 不一致)
               "kicker",  # rag.check.article_context: the headline lines before an article's title and its setting are its context
               "named_whole",  # rag.check.claims.places_in: "吉林全省" is 吉林 as a whole, not 全省 of another province
               "measure_stem",  # rag.check.scoring._said_share: the claim's "进口额" said by the article's "进口"
               "short_place",  # rag.check.scoring.short_place_in: 五峰县 named "五峰" beside 全县, or 五峰土家族自治县
               # rag.check.agreement: the claim's own words bound to the found figure or name, before 一致 (all, then each part)
               "agreement", "agree_counted", "agree_object", "agree_scope", "agree_place", "agree_place_neighbour", "agree_year", "agree_target", "agree_plan", "agree_that",
               "agree_all_done", "agree_rank", "agree_list", "agree_item", "agree_heading", "agree_unit",
               "parallel_lead",  # rag.check.readings._leads_another: "石湖港区完成…；深沪港区完成…": a parallel clause's subject
               "precision",  # rag.check.compare.allowed_range: a qualified figure's tolerance from the place of its last digit
               "months_period", "lean_measure", "port_area",  # rag.check.claims: "前10个月" is a period; "扩大到了52平方米" leans on the measure before
               "binding", "bind_place", "bind_period", "bind_list",
               "bind_role", "bind_subject", "opening_place", "pointer_place", "whole_as_subject", "list_items", "bind_from_period", "bind_clause_period", "bind_whole",  # rag.check.binding: whose figure it is
               "bind_report_year", "bind_whole_year",  # rag.check.binding: a bare 一季度 is its report's year's; a year's figure tells no holiday
               "article_places",  # rag.check.scoring: a place jieba cuts (于 + 都) read from the article's counted list (瑞金于都两地)
               "speaker",  # rag.check.verify: words the claim gives to one speaker, the article to another, differ on 名称
               "name_across_figure",  # rag.check.subject.names_in: "年比" cut from "2025年比上年" is no name
               "name_across_comparison",  # rag.check.comparison_cut: "比比" of "占比比上年提高" is no name
               "other_deadline",  # rag.check.verify._told_of_another_deadline: the claim's very number, its sentence setting another deadline
               "quoted_speaker",  # rag.check.quoted_speaker: the speaker named at the article's quote of the claim's words ("。”院长刘志明说")
               "parallel_measure",  # rag.check.parallel_measure: "…；南岭港区完成52.7万标箱" takes the parallel clause's measure
               "change_ends", "level_of_change", "own_measure_lead",  # rag.check.candidates._from_to: "由2022年的41家增加到73家": the start and end of a change are levels of their own periods
               "later_end",  # rag.check.scoring._later_than: the claim's "由2020年的72%提高到86%" ends in a year after 2020, as "提高到2025年的86%"
               "compared_higher",  # rag.check.measure: "比去年同期每斤高0.4元" is a rise of 0.4元, "低" a fall
               "unknown_place",  # rag.check.claims._unknown_place: "麦积区", pieced together by jieba's HMM, is a place
               "stranded_first",  # rag.check.claims._stranded_first: "揭" + "东区" cut by jieba is the place 揭东区, not 东区
               "cumulative_total",  # rag.check.verify.contradicting: "累计完成投资超过280亿元" over years does not tell one year's
               "flip_as_support",  # rag.check.scoring: a figure read closely enough to confirm, its value told the other way, is a 方向 difference
               "share_of",  # rag.check.scoring._share_said: the claim's 比重 / 占比 said by the article's "占全市外贸总额的62.6%"
               "count_units",  # rag.check.figures: 列, 对, 趟, 辆次, 架次, 艘次 count trains, pairs, trips and passages
               "nearest_item",  # rag.check.readings.other_item: a claim naming several 分别 items tells the one named last before its figure
               "draft_place", "draft_place_contradicts",  # rag.check.verify: a place-less draft figure's 一致 must hold for the place its paragraph named
               "unread_number",  # rag.check.verify._numbers_unsaid: a name or place 一致 must have the claim's unread numbers in its sentence
               "classifier_units",  # rag.check.figures: 例, 宗, 口, 眼, 斤 count cases, lots, wells and catties
               "compared_more",  # rag.check.measure: "比上年多打了11.4公斤" is a rise of 11.4公斤
               "change_start", "end_year",  # rag.check.candidates._own_periods: "截至2025年底，…由2020年的68.3%" is 2020's; scoring._after_start: "2024+" told by the claim's 2025
               "completed_target",  # rag.check.agreement._target: "完成年度目标6.2万人的110.0%，比…增加2500人" sets no target for what follows
               "qualifier_le",  # rag.check.figures._distant_qualifier: "超过了45万人次" is more than 45万人次, as "超过45万人次"
               "compared_base",  # rag.check.candidates._compared_base: "…的110.0%，比2024年的6.57万人增加2500人" compares the sentence's 万人 figure
               "compared_by",  # rag.check.measure: "比上年末新增了14家", "超出计划515人" are rises; "比…多了 " / "超出计划 " say no measure
               "closer_kind",  # rag.check.readings.closer_gives_other: a change is not outweighed by a closer level
               "change_size",  # rag.check.candidates._change_sizes: "由71.3%提高到78.6%" is a rise of 7.3个百分点
               "month_span",  # rag.check.claims.periods_in: "1至6月" is 上半年, "1—9月" 前三季度, "1至3月" 一季度
               "sibling_hits",  # rag.check.told_together.with_sibling_hits
               "only_of_kind",  # rag.check.only_of_kind: a sentence's only figure of its kind is what the claim's words there measure
               "speech_verb",  # rag.check.verify: a verb of saying in a name claim ("马玉琢表示") is said by the article's "说"
               "whole_of_level",  # rag.check.claims.whole_of_level: a draft's 全县 / 该市 is the last 县 / 市 it named, not the place named last
               "own_year",  # rag.check.claims: a clause saying 今年 / 去年 / 全年 takes no period or part of a year said before it
               "rank", "rank_fallback",  # rag.check.figures: "居全省第2位" is a figure; rag.check: a sentence whose rank no article tells is read as before
               "part_lean",  # rag.check.claims._whole_of_part: "其中，三江新区贡献了1047.2亿元" measures what the whole before it does
               "figure_pointer",  # rag.check.claims: "这一数字比上年增长了19.6%" measures what the figure of the sentence before does
               # rag.check.own_subject: the claim's value is another subject's, the claim's subject has another value
               "own_subject", "own_subject_supported", "own_subject_elided", "own_subject_words",
               "own_subject_item",  # rag.check.own_subject._bare_item: "；洋县340天；城固县331天" measures what the list's lead does
               "own_subject_opening",  # rag.check.own_subject._clause_places: "，藤县农林牧渔业总产值…" opens its clause with a place
               "date_precision", "reporting_date",  # rag.check.verify.contradicting: a date told otherwise by one as precise, not by the date a reporter learnt it
               "qualifier_unsaid",  # rag.check.readings.qualifier_unsaid: "接待入境游客" is a kind of the article's "接待游客" it gives no figure of: no 不一致
               "whole_for_part",  # rag.check.verify.contradicting (scoring.whole_of_part): "黟县…120个" is not told otherwise by "全市建成…562个"
               "told_together",  # rag.check.told_together: a sentence's figure read in the article sentence that confirmed another of its figures
               "every_member",  # rag.check.claims.places_in: "各县区", "各乡镇" (jieba's ns) name every member of a kind, no place
               "own_subject_period_form",  # rag.check.own_subject._said: "今年1至9月" says the claim's "前三季度"
               "bare_item_measure",  # rag.check.parallel_measure.bare_item: "…；武穴市为86.2%" measures what the roundup's lead does
               "about_within",  # rag.check.compare.value_satisfies: "约58万人" (57..59万) makes "将近60万人" true
               "share_lean",  # rag.check.claims._names_measure: "…17.92万吨，占全市的三成以上" is the share of what the figure before measures
               "told_otherwise",  # rag.check.told_together: a figure left 未找到 whose measure the confirming article sentence gives another value
               "rank_either_side",  # rag.check.told_together: beside a confirmed rank, the statement's figure may stand on either side
               "rebind_next",  # rag.check.verify._next_bound_contradiction: a 不一致 whose figure the article binds to another subject falls to the next one bound to the claim's own
               "rebind_next_period",  # rag.check.verify._of_claim_period: ... only to a figure whose sentence tells of the claim's period too
               "compared_more_bare",  # rag.check.measure: "比去年同期多补0.35亿立方米" (no 了) is a rise of 0.35亿立方米, as "多补了"
               "place_whole_word",  # rag.check.claims.places_in (rag.places.glued_place / person_named): a place read as a whole word, "经|开区" is 经开区, "理事长刘|长海" names a person
               "numeral_words",  # rag.check.measure.numerals_blanked: a figure written in words ("两千四百多名", "九成") is no measure word
               "double_words",  # rag.check.figures: "翻了一番" is a rise of one 倍 (100%), "翻两番" of three
               "order_words",  # rag.check.figures._order_figures / compare.allowed_range: "数十家" 20..100, "上万人次" 1万..10万, "近万人", "万余人"
               "direction_place",  # rag.check.claims.places_in: a direction and a landform before a lone level ("北岸|区", "东郊|镇") is a place
               "bind_start",  # rag.check.binding.bind_start_period: "由上年的10.8%下降到8.9%": the start is 上年's, the claim's 去年 is told by the end
               "complement",  # rag.check.binding.bind_complement: "非居民供热价格…36元" is not the 居民's, "国有博物馆13家" not the 非国有's
               "month_span_date",  # rag.check.claims._ends_month_span: the "10月" of "1至10月" is a period, no date claim
               "as_of",  # rag.check.as_of: "截至3月底，…1.86万人" is not told by "截至6月底，…1.86万人" (不一致 on 时间)
               "told_flipped",  # rag.check.told_together._told_flipped: "…9.8万吨，同比增长2.3%" told "…9.8万吨，…同比下降2.3%" is 不一致 on 方向
               "station",  # rag.check.stations: "安阳站" is not the "安阳东站" a figure's own clause names, where the article names 安阳站 too
               "supported_elsewhere",  # rag.check.told_together: "…9.47万辆，同比增长43.8%" 一致 elsewhere, told "…9.47万辆，同比增长7.6%" beside its sibling, is 不一致
               "agree_rate",  # rag.check.agreement._rate (rag.check.rate_period): "每人每年860元" is 不一致 with "每人每月860元"
               "total_qualifier",  # rag.check.total_qualifier: "粮食产量" is said by "粮食总产量", "总产量" restated by "粮食产量"
               "currency_slip",  # rag.check.currency_slip: "2.6亿美元" for the article's "2.6亿元" is a unit misquoted (不一致 on 单位)
               "month_scope")  # rag.check.month_scope: "1至11月…80%" is not told by "11月当月，…80%", nor 全年 by 12月当月


def ingredient_on(name: str) -> bool:
    return name not in {part.strip() for part in os.environ.get("RAG_CHECK_ABLATE", "").split(",")}
