"""Columns of briefs (rag.briefs), a place jieba tags as a person, and a year-review's 年末 (session 21, helper ctx25)."""
from rag.answer.near_miss.unnamed import _people
from rag.answer.question import resolved_periods
from rag.briefs import brief_setting, is_brief, is_brief_column
from rag.ingest import parse_source

PAGE = """绵阳日报　2026年1月22日　星期四　第3版　经济·科技

让群众在家门口看好病
——三台县推进紧密型县域医共体建设见闻

本报讯（记者 张三）走进三台县人民医院，远程会诊中心里医生正在为乡镇卫生院的患者会诊。去年全县新增医疗床位620张。

三台县今年计划通过定向培养、县招乡用等方式，为基层补充医务人员150名以上，绵阳市卫生健康委员会给予支持。

经济简讯

全市新增市场经营主体6.93万户　记者从市市场监管局获悉，去年全市新增市场经营主体6.93万户，同比增长4.8%。

全市人均预期寿命达79.3岁　据市卫生健康委员会统计，去年全市居民人均预期寿命达到79.3岁，比上年提高0.2岁。
"""

BULLETS = """梧州日报　2026年2月10日　星期二　第5版　农业·农村

桑叶青青织就致富路

本报讯（记者 李四）走进藤县和平镇的标准化养蚕大棚，一排排蚕架整齐排列。去年全县蚕茧产量1.72万吨，梧州市蚕桑产业稳步发展。

简　讯

●近日，全县2026年春耕备耕工作推进会召开。今年全县计划种植早稻18.6万亩，春耕物资供应充足。（韦志明）

●本报岑溪讯　去年全市三黄鸡出栏量3860万羽，产值突破38亿元。（梁晓燕）
"""


def _paragraph(page, words):
    return next(p for p in parse_source("page.txt", page)[1] if words in p.text)


def test_a_brief_column_is_no_section_of_the_article_above():
    brief = _paragraph(PAGE, "6.93万户")
    assert brief.title == "经济简讯"
    assert brief.setting == "绵阳市"  # the paper's place, not 三台县 of the article above the column
    assert _paragraph(PAGE, "79.3岁").setting == "绵阳市"
    assert "三台县" in _paragraph(PAGE, "床位620张").setting


def test_each_marked_brief_is_its_own_paragraph_and_set_by_its_dateline():
    cen_xi = _paragraph(BULLETS, "三黄鸡")
    assert "韦志明" not in cen_xi.text  # not glued to the brief before it
    assert cen_xi.setting.split()[0] == "岑溪"
    assert "藤县" not in (_paragraph(BULLETS, "春耕").setting or "")


def test_brief_readers():
    assert is_brief("●本报岑溪讯") and not is_brief("本报讯")
    assert is_brief_column("简　讯") and is_brief_column("民生简讯") and not is_brief_column("简讯员培训班开班")
    assert brief_setting("■链接：三台县医共体", "三台县", "绵阳市") == "三台县"  # a sidebar keeps its article's setting


def test_a_city_tagged_as_a_person_is_no_person():
    assert _people("岑溪市2025年三黄鸡产值是多少？") == []
    assert _people("陈晓峰的店铺线上订单占比是多少") == ["陈晓峰"]


def test_a_year_review_says_its_year_end_of_the_year_reported():
    text = "年末全市规模以上工业企业达到1083户，比上年末净增96户。"
    assert "2025年末" in resolved_periods(text, "2026年", "2026-03-24", "2025年").split("\n")
    assert "2025年末" not in resolved_periods(text, "2026年", "2026-03-24").split("\n")
