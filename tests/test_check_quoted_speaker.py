"""rag.check.quoted_speaker: the speaker an article names at its quote of the claim's words, right after the closing mark
("“……。”罗坪镇卫生院院长刘志明说。", "…投产。”公司总经理叶建平告诉记者，…") or before the opening one ("局长杨晓峰说：“…”"),
where the sentence splitter has cut the attribution into a sentence of its own."""
from __future__ import annotations

from conftest import paragraph_maker, ranked
from rag.check.claims import find_claims
from rag.check.quoted_speaker import other_quoted_speaker
from rag.check.verify import verify

paragraph = paragraph_maker("柳溪县巡诊车开进山村")
ARTICLE = paragraph("车上的设备一应俱全。“这就是一个会跑的卫生院，天越冷越要多往农户家里跑。”柳溪镇卫生院院长周明远说。")
BEFORE = paragraph("座谈会上，公司总经理叶建平说：“二期项目今年5月投产，订单已经排到明年一季度。”", number=2)


def _speaker_claim(text: str):
    claims, _ = find_claims(text)
    return next(c for c in claims if c.kind in ("name", "place") and c.stated in ("陈国栋", "周明远", "吴俊杰", "叶建平"))


def test_words_quoted_with_another_speaker_after_the_quote_differ_on_the_name():
    claim = _speaker_claim("柳溪镇卫生院院长陈国栋说，巡诊车“就是一个会跑的卫生院”。")
    verdict = verify(claim, ranked(ARTICLE))
    assert verdict.verdict == "contradicted" and verdict.found == "周明远" and verdict.differs == "名称", verdict


def test_the_speaker_before_an_opening_quote_counts_too():
    verdict = other_quoted_speaker(_speaker_claim("衢铠新能源总经理吴俊杰介绍，二期项目今年5月投产。"), ranked(BEFORE))
    assert verdict is not None and verdict.found == "叶建平", verdict


def test_the_same_speaker_or_words_not_quoted_decide_nothing():
    assert other_quoted_speaker(_speaker_claim("柳溪镇卫生院院长周明远说，巡诊车“就是一个会跑的卫生院”。"), ranked(ARTICLE)) is None
    # words the article does not quote: nothing tells whose they are
    assert other_quoted_speaker(_speaker_claim("柳溪镇卫生院院长陈国栋说，今年将新购置三台救护车和两台巡诊车。"), ranked(ARTICLE)) is None


def test_a_name_jieba_cuts_across_a_date_is_no_name():
    from rag.check.subject import names_in

    # "2025年比上年" is cut 2025 / 年比 / 上年, 年比 tagged as an abbreviation: the claim names nothing the article must say
    assert "年比" not in names_in("湖口县护渔队协助查处的非法捕捞案件2025年比上年增长了28.8%")
    assert names_in("南通市2024年接待游客") == ("南通市",)


def test_a_target_s_deadline_misquoted_differs_on_time():
    article = paragraph("到2028年全县自主研发蔬菜品种累计达到300个，建成育繁推基地12个。", number=3)
    claims, _ = find_claims("柳溪县提出，到2026年全县自主研发蔬菜品种累计达到300个。")
    verdict = verify(next(c for c in claims if c.stated == "300个"), ranked(article))
    assert verdict.verdict == "contradicted" and verdict.differs == "时间" and verdict.found == "2028年", verdict


def test_the_very_number_of_another_period_is_not_found():
    # the issue: the right figure given to the wrong period is 不一致 only when the article gives that period its own figure
    article = paragraph("今年前三季度，全市肉牛出栏118.3万头，同比增长9.1%；肉羊出栏210.5万只。", number=3)
    claims, _ = find_claims("今年上半年，全市肉牛出栏118.3万头。")
    assert verify(next(c for c in claims if c.stated == "118.3万头"), ranked(article)).verdict == "not_found"
