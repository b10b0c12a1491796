"""Session 39, helper claims39: two readings of claims38 left out for a lost test row, narrowed to what their premises
need, each turning wrong 一致 of the dev halves into 不一致: a station the article names beside another of its city
(``station``: fresh23 ykb052 安阳站/安阳东站, fresh27 ypc046 抚州东站/抚州站), and a figure after its sibling confirmed in
another article sentence while the sentence confirming the sibling tells it right after it otherwise (``supported_elsewhere``:
fresh27 ypa045 "9.47万辆，同比增长43.8%" for "…同比增长7.6%", fresh27 yped04.1 "同比增加9天" for "同比增加6天")."""
from conftest import page_assistant_over, verdicts_and_found
from rag.check.stations import another_station, claim_stations

page_assistant = page_assistant_over("claims39")


# --- station ---------------------------------------------------------------------------------------------------------
def test_a_station_is_named_as_written():
    assert claim_stations("安阳站去年发送旅客618.5万人次", ("安阳",)) == (("安阳", ""),)  # fresh23 dev
    assert claim_stations("抚州东站今年1至11月发送旅客86.4万人次", ("抚州",)) == (("抚州", "东"),)  # fresh27 dev
    assert claim_stations("全市电商服务站点达到138个", ("全市",)) == ()  # 站点 names no station
    article = "去年，安阳东站共发送旅客618.5万人次；安阳站发送旅客243.1万人次。"
    assert another_station(("安阳", ""), "去年，安阳东站共发送旅客", article)  # the figure's clause names another station
    assert not another_station(("安阳", ""), article[:article.index("243.1")], article)  # ... or the claim's own
    assert another_station(("抚州", "东"), "抚州东站发送旅客362.5万人次；抚州站发送旅客", "抚州东站发送旅客362.5万人次；抚州站…")
    # narrowed: the article must name the claim's station as written ("安阳高铁站" may be its only 安阳东站) ...
    assert not another_station(("安阳", ""), "去年，安阳东站共发送旅客", "去年，安阳东站共发送旅客618.5万人次。")
    # ... and the figure's own clause must name the other one (a station named in an earlier clause says nothing of it),
    # and that one alone: a clause naming several tells their total (fresh21 dev: "六安站、六安北站、金寨站等全市铁路车站…")
    assert not another_station(("安阳", ""), "安阳东站改造完工，全市铁路发送旅客", article)
    listed = "全年六安站、六安北站、金寨站等全市铁路车站旅客发送量"
    assert not another_station(("六安", ""), listed, listed + "1028万人次")
    assert not another_station(("六安", "北"), listed, listed + "1028万人次")


def test_a_station_is_not_another_station_of_its_city(page_assistant, monkeypatch):
    text = "德州东站今年1至11月发送旅客86.4万人次。"  # the article's 86.4万人次 are 德州站's (fresh27 ypc046's wording)
    assert verdicts_and_found(page_assistant, text)[0] == ("contradicted", "362.5万人次")
    assert verdicts_and_found(page_assistant, "德州东站今年1至11月发送旅客362.5万人次。")[0] == ("supported", "362.5万人次")
    assert verdicts_and_found(page_assistant, "德州站今年1至11月发送旅客86.4万人次。")[0] == ("supported", "86.4万人次")
    # an article naming one station of a place only (汉中东站) does not tell the claim's 汉中站 from it: as without the reading
    one = verdicts_and_found(page_assistant, "开通一年来，汉中站累计发送旅客52.6万人次。")
    monkeypatch.setenv("RAG_CHECK_ABLATE", "station")
    assert verdicts_and_found(page_assistant, text)[0] == ("supported", "86.4万人次")
    assert verdicts_and_found(page_assistant, "开通一年来，汉中站累计发送旅客52.6万人次。") == one


# --- supported_elsewhere ---------------------------------------------------------------------------------------------
def test_a_later_figure_told_otherwise_right_after_its_sibling(page_assistant, monkeypatch):
    text = "去年德州新注册登记汽车9.47万辆，同比增长43.8%。"  # 43.8% is the 新能源汽车's, in the next sentence
    assert verdicts_and_found(page_assistant, text) == [("supported", "9.47万辆"), ("contradicted", "7.6%")]
    assert verdicts_and_found(page_assistant, "去年德州新注册登记汽车9.47万辆，同比增长7.6%。") == [
        ("supported", "9.47万辆"), ("supported", "7.6%")]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "supported_elsewhere")
    assert verdicts_and_found(page_assistant, text)[1][0] == "supported"


def test_a_part_told_beside_the_sibling_leaves_the_whole_told_elsewhere(page_assistant):
    # (the sibling's sentence gives 公办 学位, a word of the measure the draft does not say: a part, not the draft's figure)
    text = "今年全市新建、改扩建中小学和幼儿园42所，秋季学期新增学位2.35万个。"
    assert [verdict for verdict, _ in verdicts_and_found(page_assistant, text)] == ["supported", "supported"]
