"""rag.sources: the settings of a page's articles read again once the doc's title heads its untitled one.
That takes one pass over the articles and one over the paragraphs, not a pass over the paragraphs per
article: a page of several hundred short articles (a JSONL dump, a digest page) stays linear."""
from __future__ import annotations

from dataclasses import replace

from rag.schema import Article, Paragraph
from rag.setting import article_settings
from rag.sources import KIND_PAGE, SourceDoc, _reset_settings, parse_doc

TITLE = "青岚县今春完成植树造林2.3万亩"


def _page(articles: int) -> str:
    """A page whose first article has no headline (the doc's title heads it), then many short ones."""
    parts = ["全县今春完成植树造林2.3万亩，成活率达95%以上。\n\n下一步，全县将加强管护。\n\n"]
    for i in range(articles):
        parts.append(f"第{i + 1}批民生项目开工建设\n\n本报讯 {i % 12 + 1}月{i % 28 + 1}日，记者从县发展改革局获悉，"
                     f"第{i + 1}批民生项目共{i + 3}个，总投资{i + 1}.5亿元。\n\n项目建成后将惠及群众{i + 2}万人。\n\n")
    return "".join(parts)


def _reference(articles, paragraphs, renewed):
    """The reading as it was written first: every article searched for every paragraph."""
    leads = [next((p.text for p in paragraphs if a.start <= p.start < a.end), None) for a in articles]
    settings = article_settings([(a.title, lead) for a, lead in zip(articles, leads)])
    out = []
    for p in paragraphs:
        index = next((i for i, a in enumerate(articles) if a.start <= p.start < a.end), None)
        out.append(replace(p, setting=settings[index]) if index is not None and renewed[index] else p)
    return out


reads = {"n": 0}


class _Counted:
    """Counts every read of an article's or paragraph's start or end."""

    def __getattribute__(self, name):
        if name in ("start", "end"):
            reads["n"] += 1
        return super().__getattribute__(name)


class CountedArticle(_Counted, Article):
    pass


class CountedParagraph(_Counted, Paragraph):
    pass


def test_a_page_of_hundreds_of_short_articles_is_read_once_per_article():
    doc = SourceDoc("page.txt", "page.txt", "upload", "h", KIND_PAGE, TITLE)
    articles, paragraphs = parse_doc(doc, _page(300))
    assert len(articles) == 301 and len(paragraphs) == 602
    # the untitled first article now has the doc's title, and its setting is read with it
    assert articles[0].title == TITLE and paragraphs[0].setting == "青岚县" == paragraphs[1].setting

    counted_articles = [CountedArticle(**vars(a)) for a in articles]
    counted_paragraphs = [CountedParagraph(**vars(p)) for p in paragraphs]
    renewed = [i % 2 == 0 for i in range(len(articles))]
    reads["n"] = 0
    settled = _reset_settings(counted_articles, counted_paragraphs, renewed)
    # a few reads of each article and paragraph; the search per article read 300 x 600 twice over
    assert reads["n"] <= 4 * (len(articles) + len(paragraphs))
    assert [p.setting for p in settled] == [p.setting for p in _reference(articles, paragraphs, renewed)]


def test_overlapping_articles_give_a_paragraph_to_the_first_that_holds_it():
    articles = [Article("x.txt", TITLE, 0, 100), Article("x.txt", None, 50, 200), Article("x.txt", "九江：新能源汽车下乡", 60, 90),
                Article("x.txt", "甘肃省岷川县稳就业促增收", 300, 400)]
    texts = [(0, "全县今春完成植树造林。"), (55, "本报九江讯 活动在濂溪区开幕。"), (70, "全县将加强管护。"),
             (150, "记者从甘肃省岷川县统计局获悉。"), (250, "另讯。"), (310, "全县新增就业3200人。")]
    paragraphs = [Paragraph("x.txt", None, n, start, start + len(text), text, text, None, None)
                  for n, (start, text) in enumerate(texts, start=1)]
    for renewed in ([True] * 4, [False, True, True, False]):
        expected = _reference(articles, paragraphs, renewed)
        assert _reset_settings(articles, paragraphs, renewed) == expected
    assert [p.setting for p in _reset_settings(articles, paragraphs, [True] * 4)][4] is None  # held by no article
