"""The web UI in a real browser: Debian chromium driven by playwright, against the app served in-process.

Never downloads a browser: it uses /usr/bin/chromium and is skipped where that is missing.
Screenshots and the measured latency go to test-output/ui/ (git-ignored).
"""
from __future__ import annotations

import json
import statistics
from pathlib import Path
from urllib.parse import urlparse

import pytest

from rag.assistant import Assistant
from conftest import launch_on_a_free_port
from ui.app import SEED_EXAMPLE_QUESTIONS, build_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT = Path(__file__).resolve().parent.parent / "test-output" / "ui"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
REPLIES = "#chat .qa-answer, #chat .qa-refusal, #chat .qa-error"
ANSWER_TIMEOUT_MS = 60_000


def in_chat_view(element, page, settle_ms: int = 500) -> bool:
    """Whether ``element`` comes into the visible part of the chat's scrolling box within a few
    seconds (scrolling is animated by timers) and is still there ``settle_ms`` later."""
    def visible() -> bool:
        return element.evaluate("""e => {
            const box = e.closest('#chat .bubble-wrap') || e.closest('#chat');
            const outer = box.getBoundingClientRect(), inner = e.getBoundingClientRect();
            return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
        }""")

    for _ in range(50):
        if visible():
            page.wait_for_timeout(settle_ms)
            return visible()
        page.wait_for_timeout(100)
    return False


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def served(assistant: Assistant):
    app = build_app(assistant)
    url = launch_on_a_free_port(app)
    return app, url


@pytest.fixture(scope="module")
def seed_url(seed_assistant):
    app, url = served(seed_assistant)
    yield url
    app.close()


class ChatPage:
    """A browser tab on the app that records every request and every dialog it sees."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._on_dialog)
        self.page.goto(url)
        self.page.locator("#question textarea").wait_for()

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def replies(self):
        return self.page.locator(REPLIES)

    def ask(self, question: str) -> tuple[object, float]:
        """Type and send ``question``; returns the new reply and the ms from the click to its appearing."""
        count = self.replies().count()
        self.page.locator("#question textarea").fill(question)
        # Timed inside the page: from the click on 发送 to the reply element being in the DOM.
        self.page.evaluate(
            """([count, selector]) => {
                window.__qa = {clicked: null, shown: null};
                document.querySelector('#send').addEventListener(
                    'click', () => { window.__qa.clicked = performance.now(); }, {capture: true, once: true});
                const observer = new MutationObserver(() => {
                    if (document.querySelectorAll(selector).length > count) {
                        window.__qa.shown = performance.now();
                        observer.disconnect();
                    }
                });
                observer.observe(document.body, {childList: true, subtree: true, characterData: true});
            }""",
            [count, REPLIES],
        )
        self.page.locator("#send").click()
        reply = self.replies().nth(count)
        reply.wait_for(timeout=ANSWER_TIMEOUT_MS)
        self.page.wait_for_function("() => window.__qa.shown !== null", timeout=ANSWER_TIMEOUT_MS)
        timing = self.page.evaluate("() => window.__qa.shown - window.__qa.clicked")
        return reply, float(timing)

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if urlparse(u).scheme not in ("data", "blob") and urlparse(u).hostname not in LOCAL_HOSTS]

    def close(self) -> None:
        self.page.close()


def test_answer_follow_up_and_refusal_in_the_browser(browser, seed_url):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    chat = ChatPage(browser, seed_url)
    try:
        reply, _ = chat.ask("城中区一季度新增就业多少")
        assert "qa-answer" in reply.get_attribute("class")
        assert "2047人" in reply.locator(".qa-text").inner_text()

        sources = reply.locator("details.qa-sources")
        paragraph_mark = sources.locator(".qa-citation .qa-para mark").first
        assert not paragraph_mark.is_visible(), "sources start collapsed"
        sources.locator("summary").first.click()
        paragraph_mark.wait_for(state="visible")
        # Opening the sources shows them from the top, with the highlight in view, and it stays
        # there (gradio scrolls a growing chat to its bottom, which would hide citation [1]).
        assert in_chat_view(paragraph_mark, chat.page), "the highlighted paragraph is scrolled out of the chat"
        assert "2047人" in paragraph_mark.inner_text()
        first_citation = sources.locator(".qa-citation").first
        assert "城镇新增就业" in first_citation.locator(".qa-para").inner_text()
        assert ".txt" in first_citation.locator(".qa-cite-where").inner_text()
        first_citation.locator("details.qa-scores > summary").click()
        assert first_citation.locator(".qa-scores table").is_visible()
        # The highlight is painted: a yellow-ish background, not the default transparent one.
        background = paragraph_mark.evaluate("m => getComputedStyle(m).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent")
        chat.page.screenshot(path=str(OUTPUT / "answer.png"))

        reply, _ = chat.ask("那祁连县呢？")
        assert "568人" in reply.locator(".qa-text").inner_text()
        rewritten = reply.locator(".qa-rewritten").inner_text()
        assert rewritten.startswith("理解为：") and "祁连县" in rewritten

        reply, _ = chat.ask("上海市2025年一季度新增就业多少人？")
        assert "qa-refusal" in reply.get_attribute("class")
        assert "未找到答案" in reply.inner_text() and "可能相关" in reply.locator("details.qa-sources > summary").inner_text()
        colour = reply.evaluate("r => getComputedStyle(r).borderLeftStyle")
        assert colour == "solid", "a refusal has its own visual style"
        assert in_chat_view(reply, chat.page), "after the sources were read, the new answer is followed again"
        chat.page.screenshot(path=str(OUTPUT / "follow-up-and-refusal.png"))

        chat.page.locator("#clear").click()
        chat.page.wait_for_function("() => document.querySelectorAll('#chat .qa-answer, #chat .qa-refusal').length === 0")

        assert chat.dialogs == []
        assert chat.outside_requests() == [], "the page fetched something from outside this machine"
        assert any(urlparse(u).hostname in LOCAL_HOSTS for u in chat.requests)
    finally:
        chat.close()


def test_time_to_first_answer_text(browser, seed_url):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    chat = ChatPage(browser, seed_url)
    try:
        chat.ask(SEED_EXAMPLE_QUESTIONS[0])  # warm-up: first query loads caches
        timings = {}
        for question in SEED_EXAMPLE_QUESTIONS:
            chat.page.locator("#clear").click()
            chat.page.wait_for_function("() => document.querySelectorAll('#chat .qa-answer').length === 0")
            reply, ms = chat.ask(question)
            assert "qa-answer" in reply.get_attribute("class"), question
            timings[question] = round(ms, 1)
        p50 = statistics.median(timings.values())
        (OUTPUT / "latency.json").write_text(json.dumps({"p50_ms": p50, "ms": timings}, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"time from 发送 to answer text: p50 {p50:.0f} ms over {len(timings)} questions: {timings}")
        assert p50 < 10_000
        assert chat.outside_requests() == []
    finally:
        chat.close()


def test_example_button_settings_and_corpus_panel(browser, seed_url, seed_assistant):
    chat = ChatPage(browser, seed_url)
    try:
        stats = seed_assistant.stats()
        corpus = chat.page.locator("#corpus").inner_text()
        assert "文章" in corpus and str(stats["paragraphs"]) in corpus and str(stats["encoder"]) in corpus

        # An example button asks its question straight away.
        example = SEED_EXAMPLE_QUESTIONS[1]
        chat.page.get_by_role("button", name=example).click()
        reply = chat.replies().first
        reply.wait_for(timeout=ANSWER_TIMEOUT_MS)
        assert "qa-answer" in reply.get_attribute("class")
        assert example in chat.page.locator("#chat .qa-question").first.inner_text()
        assert "混合检索" in reply.locator(".qa-meta").inner_text()

        # The retrieval mode chosen in the settings is the one used.
        chat.page.get_by_text("检索设置").click()
        chat.page.locator("#mode").get_by_text("关键词检索（keyword）").click()
        reply, _ = chat.ask(SEED_EXAMPLE_QUESTIONS[0])
        assert "关键词检索" in reply.locator(".qa-meta").inner_text()
        assert chat.outside_requests() == []
    finally:
        chat.close()


HOSTILE_PARAGRAPH = (
    "测试县人社局介绍，今年一季度测试县新增就业1234人。"
    "<script>alert(1)</script><img src=x onerror=alert(2)>[点我](javascript:alert(3))"
)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    (corpus / "hostile.txt").write_text(
        "测试县就业稳中有进\n\n本报讯（记者 王测试）" + HOSTILE_PARAGRAPH + "\n\n测试县还将继续做好就业服务工作。\n",
        encoding="utf-8",
    )
    assistant = Assistant.open(corpus, tmp_path_factory.mktemp("hostile-index"), llm=None)
    app, url = served(assistant)
    yield url
    app.close()


def test_markup_in_articles_and_questions_is_shown_as_text_and_never_runs(browser, hostile_url):
    chat = ChatPage(browser, hostile_url)
    try:
        reply, _ = chat.ask("测试县一季度新增就业多少")
        assert "1234人" in reply.locator(".qa-text").inner_text()
        reply.locator("details.qa-sources > summary").first.click()
        paragraph = reply.locator(".qa-citation .qa-para").first
        paragraph.wait_for(state="visible")
        shown = paragraph.inner_text()
        assert "<script>alert(1)</script>" in shown
        assert "<img src=x onerror=alert(2)>" in shown
        assert "[点我](javascript:alert(3))" in shown
        assert paragraph.locator("mark").inner_text() == "1234人", "the highlight still works next to the markup"

        # Markup typed by the user is shown as typed, too.
        chat.ask("<img src=y onerror=alert(5)>测试县一季度新增就业多少")
        question_bubble = chat.page.locator("#chat .qa-question").last.inner_text()
        assert "<img src=y onerror=alert(5)>" in question_bubble

        chat.page.wait_for_timeout(500)  # let any injected handler fire, if one had got through
        assert chat.dialogs == []
        chat_box = chat.page.locator("#chat")
        assert chat_box.locator("script").count() == 0
        assert chat_box.locator("img[src='x'], img[src='y']").count() == 0
        assert chat_box.locator("a[href^='javascript']").count() == 0
        OUTPUT.mkdir(parents=True, exist_ok=True)
        chat.page.screenshot(path=str(OUTPUT / "markup-as-text.png"))
        assert chat.outside_requests() == []
    finally:
        chat.close()


CHECK_DRAFT = "今年以来，城中区城镇新增就业2470人，农村劳动力转移就业3263人次。城中区二季度新增就业3000人。这一成绩来之不易。"


def test_check_tab_colours_each_claim_and_opens_its_source(browser, seed_url):
    """The 核实 tab: red for the wrong figure with the article's beside it, green for the right one, grey
    for the one the articles never state; the red claim's 来源 shows the paragraph with the evidence marked."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    chat = ChatPage(browser, seed_url)
    page = chat.page
    try:
        page.get_by_role("tab", name="核实").click()
        page.locator("#check-text textarea").fill(CHECK_DRAFT)
        page.locator("#check-send").click()
        result = page.locator("#check-result .ck-result")
        result.wait_for(timeout=ANSWER_TIMEOUT_MS)

        wrong = result.locator(".ck-draft .ck-contradicted")
        assert wrong.count() == 1 and "2470人" in wrong.inner_text()
        assert "资料：2047人" in result.locator(".ck-draft .ck-found").inner_text()
        assert "3263人次" in result.locator(".ck-draft .ck-supported").inner_text()
        assert "3000人" in result.locator(".ck-draft .ck-not_found").inner_text()
        assert "这一成绩来之不易" not in " ".join(result.locator(".ck-draft .ck-claim").all_inner_texts())

        item = result.locator(".ck-list .ck-item.ck-contradicted")
        assert "不一致" in item.locator(".ck-badge").inner_text()
        item.locator(".ck-sources > summary").click()
        mark = item.locator(".qa-para mark").first
        mark.wait_for()
        assert mark.inner_text() == "城镇新增就业2047人"
        assert mark.is_visible()
        page.screenshot(path=str(OUTPUT / "check-tab.png"), full_page=True)
        assert chat.outside_requests() == []
        assert chat.dialogs == []
    finally:
        chat.close()
