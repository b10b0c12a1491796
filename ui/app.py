"""The web UI staff use every day: a chat over the news corpus with cited, highlighted sources.

    from ui.app import serve
    serve(Assistant.open())            # http://127.0.0.1:7860, blocks

Everything the page shows comes from ``rag.assistant.Assistant`` (the same
facade the CLI and the evaluation call) and is turned into HTML by
``ui.render``, which escapes all article and user text.
"""
from __future__ import annotations

import errno
import importlib.abc
import importlib.machinery
import logging
import os
import re
import shutil
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator, Sequence

# Before gradio is imported: no usage telemetry and no version check against the internet.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
# gradio's queue keeps the last 10,000 events for its monitoring page (off here, launch_options) and after every
# event rebuilds a pandas table of all of them for a summary: memory that grew through the whole soak and CPU
# per answer that grew with it. One event kept, the summary never recomputed.
os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "1")
os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", str(2**62))


def _no_stub_rewrite(*args: Any, **kwargs: Any) -> None:
    return None


class _SkipGradioStubRewrite(importlib.abc.MetaPathFinder):
    """While gradio is imported, makes its ``.pyi`` type-stub generator a no-op.

    gradio 6 calls ``gradio.component_meta.create_or_modify_pyi`` for every component class it
    defines: it reads and ``ast``-parses the class's source file, renders a jinja template and
    compares (and may rewrite) the ``.pyi`` next to it in site-packages. That was 1.4–1.7 s of a
    2.8–3.2 s ``import gradio`` here (`rag serve` start-up, eval/PERF.md), and serves type
    checkers only: the classes are built the same without it. This finder is on ``sys.meta_path``
    only around the import below and only touches ``gradio.component_meta``; the replacement then
    stays for the process. When gradio no longer has that function, nothing is replaced.
    """

    TARGET = "gradio.component_meta"

    def find_spec(self, fullname: str, path=None, target=None):
        if fullname != self.TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        loader = getattr(spec, "loader", None)
        exec_module = getattr(loader, "exec_module", None)
        if exec_module is None:
            return None  # the normal machinery imports it unchanged

        def exec_then_skip_stubs(module: ModuleType) -> None:
            exec_module(module)
            if callable(getattr(module, "create_or_modify_pyi", None)):
                module.create_or_modify_pyi = _no_stub_rewrite

        loader.exec_module = exec_then_skip_stubs  # a fresh loader object, made for this spec only
        return spec


_stub_finder = _SkipGradioStubRewrite()
sys.meta_path.insert(0, _stub_finder)
try:
    import gradio as gr
finally:
    sys.meta_path.remove(_stub_finder)

from rag.assistant import DEFAULT_CORPUS, Assistant  # noqa: E402
from rag.validation import (  # noqa: E402
    MAX_QUESTION_CHARS,
    InvalidQuestion,
    check_text,
    validate_filters,
    validate_options,
    validate_question,
)
from rag.schema import RETRIEVAL_MODES, Answer  # noqa: E402

from .check_tab import CHECK_CSS, build_check_tab  # noqa: E402
from .gate import AnswerGate  # noqa: E402
from .sessions import PageFirstSessions, limit_malloc_arenas, load_mapped_data_files  # noqa: E402
from .security import UPLOAD_DIR_PREFIX, ServePolicy, protection_options, withhold_request_values_from_gradio_tracebacks  # noqa: E402
from .render import (  # noqa: E402
    CSS,
    MODE_LABELS,
    PAGE_JS,
    render_answer,
    render_corpus_panel,
    render_error,
    render_pending,
    render_question,
    render_streaming,
    render_waiting,
)

log = logging.getLogger(__name__)

BUSY_MESSAGE = "繁忙，请稍后再试。"  # followed by how long the wait would have been
FAILED_MESSAGE = "出错了，没能回答这个问题。请稍后再试，或换个问法。"
DEFAULT_K = 5
MAX_K_IN_UI = 20
HISTORY_QUESTIONS = 5  # earlier questions passed to the follow-up rewriter
MAX_TURNS_KEPT = 30  # a session's chat is cut to its last turns so a long day does not grow memory without end
SESSION_TTL_SECONDS = 4 * 3600  # a conversation untouched this long is forgotten (gradio drops its state)
# gradio keeps a session (~50 KB of page config, plus its turns) until this cap pushes the least recently used out;
# expiry clears only its State, so the cap is what bounds memory (each raw API call is a session of its own).
# Sessions that loaded the page are kept over one-shot API sessions (ui.sessions), so a flood of API calls cannot
# push real conversations out; 100 is ~3x the 32 users the server is sized for.
MAX_SESSIONS = 100  # conversations kept in memory at once
ANSWER_WORKERS = 192  # handler calls at once: those answering plus those waiting in the gate's line
QUEUE_MAX_SIZE = 256  # events waiting for a worker; beyond this gradio answers HTTP 503 at once
THREADS_FOR_OTHER_EVENTS = 40  # gradio's default thread pool, kept for page loads and clears
LINE_REFRESH_SECONDS = 1.0  # how often a waiting user's place in line is updated
MAX_ECHO_CHARS = 2 * MAX_QUESTION_CHARS  # a refused question is handed back to the box at most this long
WARM_UP_QUESTION = "今年新增就业多少人"  # any question: it only loads the tokenizer and the model

# Questions written for the bundled seed articles; shown only when the seeds are the corpus
# (tests/test_ui.py checks that each of them gets an answer, not a refusal).
SEED_EXAMPLE_QUESTIONS = (
    "城中区一季度新增就业多少",
    "祁连县柔性引进了多少名专家？",
    "全省共有社会工作专业人才多少人？",
    "“中和·蜂巢”职工驿站日均服务量是多少？",
)

# System fonts only (CJK first): the page must not fetch fonts from a CDN.
FONT_STACK = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "system-ui", "sans-serif")
MONO_FONT_STACK = ("ui-monospace", "Consolas", "monospace")


@dataclass(frozen=True)
class Turn:
    """One question and the reply shown for it."""

    question: str  # as the user typed it
    reply_html: str
    asked: str | None  # the question as understood (a follow-up's rewritten form); None when it was not run


def chat_messages(turns: Sequence[Turn]) -> list[dict[str, str]]:
    """The Chatbot value (OpenAI-style messages) for a conversation."""
    messages: list[dict[str, str]] = []
    for turn in turns:
        messages.append({"role": "user", "content": render_question(turn.question)})
        messages.append({"role": "assistant", "content": turn.reply_html})
    return messages


def example_questions(assistant: Assistant) -> list[str]:
    """Example questions for the page: the seed examples when the corpus is the bundled seeds, else none."""
    try:
        is_seeds = Path(assistant.corpus).resolve() == DEFAULT_CORPUS.resolve()
    except OSError:
        is_seeds = False
    return list(SEED_EXAMPLE_QUESTIONS) if is_seeds else []


class ChatHandlers:
    """The functions the page's events call; plain Python, so tests call them directly."""

    def __init__(self, assistant: Assistant, gate: AnswerGate | None = None, log_questions: bool = False):
        self.assistant = assistant
        self.gate = gate or AnswerGate()
        self.log_questions = log_questions  # off: logs get lengths and timings, never the text (unpublished drafts)

    def loggable(self, text: str) -> str:
        """``text`` as it may appear in the server log."""
        return repr(text) if self.log_questions else f"<{len(text)} characters>"

    def respond(
        self, question: Any, k: Any, mode: Any, turns: Sequence[Turn] | None,
        since: Any = None, until: Any = None, sources: Any = None,
    ) -> Iterator[tuple[list[dict[str, str]], list[Turn], str]]:
        """Answer ``question`` in the conversation ``turns``.

        Yields (chat messages, new turns, text left in the question box): first the question
        with a "searching" note, then the generated text as it arrives (when an LLM endpoint is
        configured), then the finished answer. Bad input and failures end as a Chinese
        message in the chat, never an exception.
        """
        turns = list(turns or [])
        try:
            text = validate_question(question)
            validate_options(k, mode)
            # The source box takes names separated by commas or spaces (as `rag list` shows them, or a label like 新华社).
            sources = check_text(sources, "来源", 4000) if sources is not None else ""
            names = [part for part in re.split(r"[,，、\s]+", sources) if part]
            filters = validate_filters(since, until, names)
        except InvalidQuestion as problem:
            # Only a bounded, printable part of a refused input is kept in the session or sent back.
            shown = _printable(question)
            turns = _keep_last(turns + [Turn(shown[:MAX_QUESTION_CHARS], render_error(str(problem)), None)])
            # The text stays in the box, so a too-long question can be shortened instead of retyped.
            yield chat_messages(turns), turns, shown[:MAX_ECHO_CHARS]
            return

        yield chat_messages(turns + [Turn(text, render_pending(), None)]), turns, ""
        ticket = self.gate.join()
        try:
            shown_ahead = None
            while ticket is not None and not ticket.wait(LINE_REFRESH_SECONDS):
                if ticket.waited() > 2 * self.gate.max_wait_seconds:  # the line moved far slower than expected
                    break
                ahead = ticket.ahead()
                if ahead != shown_ahead:  # an update only when the place changed: each one is a message to the page
                    shown_ahead = ahead
                    yield chat_messages(turns + [Turn(text, render_waiting(ahead, ticket.expected_wait()), None)]), turns, ""
            if ticket is None or not ticket.running:
                seconds = ticket.waited() if ticket is not None else self.gate.max_wait_seconds
                busy = f"{BUSY_MESSAGE}（现在提问的人较多，要等 {seconds:.0f} 秒以上。）"
                turns = _keep_last(turns + [Turn(text, render_error(busy), None)])
                yield chat_messages(turns), turns, ""
                return
            # A rewritten follow-up may be longer than a typed question; history turns are held to the same limit.
            history = [turn.asked[:MAX_QUESTION_CHARS] for turn in turns if turn.asked][-HISTORY_QUESTIONS:]
            answer: Answer | None = None
            generated = ""
            try:
                for item in self.assistant.ask_stream(text, history, k=k, mode=mode, filters=filters):
                    if isinstance(item, Answer):
                        answer = item
                    else:
                        generated += item
                        yield chat_messages(turns + [Turn(text, render_streaming(generated), None)]), turns, ""
            except InvalidQuestion as problem:
                reply = Turn(text, render_error(str(problem)), None)
            except Exception:  # a failure must reach the user as a message, and the log with its traceback
                log.exception("answering %s failed", self.loggable(text))
                reply = Turn(text, render_error(FAILED_MESSAGE), None)
            else:
                if answer is None:
                    log.error("ask_stream ended without an Answer for %s", self.loggable(text))
                    reply = Turn(text, render_error(FAILED_MESSAGE), None)
                else:
                    reply = Turn(text, render_answer(answer, MODE_LABELS.get(mode)), answer.rewritten_question or text)
                    log.info("answered %s with %d citations; timings %s ms", self.loggable(text), len(answer.citations),
                             {stage: round(ms) for stage, ms in answer.timings_ms.items()})
        finally:
            if ticket is not None:
                ticket.leave()
        turns = _keep_last(turns + [reply])
        yield chat_messages(turns), turns, ""

    @staticmethod
    def clear() -> tuple[list[dict[str, str]], list[Turn], str]:
        return [], [], ""


def _keep_last(turns: list[Turn]) -> list[Turn]:
    return turns[-MAX_TURNS_KEPT:]


def _printable(value: Any) -> str:
    """A refused input as it may be shown: text only, at most MAX_ECHO_CHARS, invalid code points replaced."""
    if not isinstance(value, str):
        return ""
    return value.strip()[:MAX_ECHO_CHARS].encode("utf-8", errors="replace").decode("utf-8")


def _bad_values_as_none(component: type) -> type:
    """``component`` whose input check hands a value it rejects (k="五" or 0, mode=["x"] from an API call)
    to the handler as None, so the user gets the handler's Chinese message instead of gradio's English
    error and a logged traceback. A gradio template of ``component``: the page draws it the same."""

    class Lenient(component):
        is_template = True

        def preprocess(self, payload: Any) -> Any:
            try:
                return super().preprocess(payload)
            except (TypeError, ValueError, gr.Error):
                return None

    Lenient.__name__ = Lenient.__qualname__ = f"Lenient{component.__name__}"
    return Lenient


LenientSlider = _bad_values_as_none(gr.Slider)
LenientRadio = _bad_values_as_none(gr.Radio)


def build_app(assistant: Assistant, gate: AnswerGate | None = None, log_questions: bool = False) -> gr.Blocks:
    """The page, with its queue configured; start it with ``launch`` (or ``serve``)."""
    handlers = ChatHandlers(assistant, gate, log_questions)
    gate = handlers.gate
    examples = example_questions(assistant)

    with gr.Blocks(title="新闻问答助手", analytics_enabled=False) as app:
        gr.HTML('<h2 class="qa-title">新闻问答助手</h2>'
                '<p class="qa-subtitle">根据已收录的新闻稿回答问题，每个回答都注明出处；点开“来源”可看原文段落，答案处以黄色标出。</p>')
        with gr.Tabs():
            with gr.Tab("问答", id="chat-tab", elem_id="chat-tab"):
                turns = gr.State([], time_to_live=SESSION_TTL_SECONDS)
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="对话",
                            elem_id="chat",
                            height=620,
                            # Messages are HTML built by ui.render with every text escaped; markdown is off so
                            # article text such as "[点我](javascript:…)" is never turned into a link, LaTeX is
                            # off so "$$" in an article stays text, and gradio still sanitizes what it inserts.
                            render_markdown=False,
                            sanitize_html=True,
                            latex_delimiters=[],
                            allow_tags=False,
                            buttons=[],
                            feedback_options=None,
                            placeholder="请在下方输入问题。回答中的 [1] [2] 指向下面“来源”里的原文段落。",
                        )
                        with gr.Row():
                            question = gr.Textbox(
                                show_label=False,
                                placeholder="输入问题，按回车或点“发送”",
                                max_length=MAX_QUESTION_CHARS,
                                elem_id="question",
                                scale=5,
                                container=False,
                            )
                            send = gr.Button("发送", variant="primary", elem_id="send", scale=1, min_width=80)
                        clear = gr.Button("清空对话", elem_id="clear", size="sm")
                    with gr.Column(scale=1, min_width=260):
                        example_buttons: list[gr.Button] = []
                        if examples:
                            with gr.Accordion("示例问题", open=True):
                                for example in examples:
                                    example_buttons.append(gr.Button(example, size="sm", elem_classes=["qa-example"]))
                        with gr.Accordion("检索设置", open=False):
                            k = LenientSlider(1, MAX_K_IN_UI, value=DEFAULT_K, step=1, precision=0, label="返回段落数（k）", elem_id="k")
                            mode = LenientRadio(
                                choices=[(f"{MODE_LABELS[m]}（{m}）", m) for m in RETRIEVAL_MODES],
                                value=RETRIEVAL_MODES[0],
                                label="检索方式",
                                elem_id="mode",
                            )
                        with gr.Accordion("筛选", open=False):
                            since = gr.Textbox(label="起始日期", placeholder="YYYY-MM-DD，例如 2026-01-01", elem_id="since", max_lines=1)
                            until = gr.Textbox(label="截止日期", placeholder="YYYY-MM-DD", elem_id="until", max_lines=1)
                            source_filter = gr.Textbox(label="来源", placeholder="文件名或来源（如 新华社），多个用逗号分隔", elem_id="sources", max_lines=1)
                            gr.HTML('<p class="qa-subtitle">设了日期时，没有日期的文章不参与检索。</p>')
                        with gr.Accordion("语料库", open=True):
                            corpus_panel = gr.HTML(render_corpus_panel(assistant.stats()), elem_id="corpus")

            build_check_tab(assistant, gate, workers=ANSWER_WORKERS)

        answering = dict(
            fn=handlers.respond,
            outputs=[chatbot, turns, question],
            concurrency_id="answer",
            # Every question gets a worker at once and waits in the gate's line, where it is shown its
            # place in Chinese; gradio's own queue (English, no position) is only reached past this.
            concurrency_limit=ANSWER_WORKERS,
            show_progress="minimal",
        )
        filter_inputs = [since, until, source_filter]
        question.submit(inputs=[question, k, mode, turns, *filter_inputs], api_name="ask", **answering)
        send.click(inputs=[question, k, mode, turns, *filter_inputs], api_visibility="private", **answering)
        for button in example_buttons:
            # The button's own label is the question.
            button.click(inputs=[button, k, mode, turns, *filter_inputs], api_visibility="private", **answering)
        clear.click(handlers.clear, outputs=[chatbot, turns, question], api_visibility="private")
        # The chat's own trash icon empties the messages; the remembered turns must go with them.
        chatbot.clear(handlers.clear, outputs=[chatbot, turns, question], api_visibility="private")

        def on_page_load(request: gr.Request) -> str:
            # Only the page runs this event, so its session is a conversation to keep (ui.sessions).
            PageFirstSessions.mark_page(app, request.session_hash)
            # Each page load shows the index as it is now (rag add/remove may have published a new build).
            return render_corpus_panel(assistant.stats())

        app.load(on_page_load, outputs=corpus_panel, api_visibility="private")

    app.queue(max_size=QUEUE_MAX_SIZE, default_concurrency_limit=gate.slots)
    return app


def theme() -> gr.themes.Base:
    return gr.themes.Default(font=list(FONT_STACK), font_mono=list(MONO_FONT_STACK))


def launch_options(host: str = "127.0.0.1", port: int = 7860) -> dict[str, Any]:
    """The ``Blocks.launch`` settings: local only, nothing shared, nothing fetched from outside."""
    return dict(
        server_name=host,
        server_port=port,
        share=False,
        inbrowser=False,
        show_error=False,  # errors are turned into Chinese chat messages by the handler
        allowed_paths=None,  # serve gradio's own assets only
        footer_links=[],
        run_history=False,
        enable_monitoring=False,
        mcp_server=False,
        ssr_mode=False,
        pwa=False,
        strict_cors=True,
        max_threads=ANSWER_WORKERS + THREADS_FOR_OTHER_EVENTS,  # a question waiting in line holds a thread
        state_session_capacity=MAX_SESSIONS,
        theme=theme(),
        css=CSS + CHECK_CSS,
        js=PAGE_JS,
        quiet=True,  # gradio's own lines would advise `share=True`, which this app never uses; launch() says the URL
    )


def launch(app: gr.Blocks, host: str = "127.0.0.1", port: int = 7860, block: bool = True, quiet: bool = False,
           policy: ServePolicy | None = None) -> str:
    """Start ``app`` under ``policy`` (sign-in, request guards; see ui.security); returns its local URL
    (only once the server stops when ``block``).

    Raises OSError with a Chinese message when the address cannot be used (e.g. the port is taken).
    """
    if os.environ.pop("GRADIO_ALLOWED_PATHS", None):
        log.warning("ignoring GRADIO_ALLOWED_PATHS: the UI serves no files outside its own assets")
    try:
        _, local_url, _ = app.launch(prevent_thread_lock=True, **launch_options(host, port),
                                     **protection_options(policy or ServePolicy()))
    except OSError as exc:
        if exc.errno in (None, errno.EADDRINUSE):  # gradio reports a taken port without an errno
            raise OSError(f"无法在 {host}:{port} 启动网页界面（端口可能已被占用），请用 --port 换一个端口。") from exc
        raise OSError(f"无法在 {host}:{port} 启动网页界面：{exc.strerror or exc}") from exc
    PageFirstSessions.install(app)
    if not quiet:
        print(f"网页界面已启动：{local_url}（按 Ctrl+C 停止）", flush=True)
    if block:
        app.block_thread()
        _finish_shutdown(app)
    return local_url


SHUTDOWN_WAIT_SECONDS = 30  # gradio waits only 5 s for its server thread; a busy machine can need more


def _finish_shutdown(app: gr.Blocks) -> None:
    """After an interrupt: let the server thread end (its lifespan removes the private upload folder), and
    remove that folder here should the thread still not have ended in time."""
    thread = getattr(app.server, "thread", None)
    if thread is not None:
        thread.join(timeout=SHUTDOWN_WAIT_SECONDS)
    folder = getattr(getattr(app, "server_app", None), "uploaded_file_dir", None)
    if folder and Path(folder).name.startswith(UPLOAD_DIR_PREFIX):
        shutil.rmtree(folder, ignore_errors=True)


def warm_up(assistant: Assistant) -> None:
    """Make the server ready before it listens, so neither the first users nor its memory pay for loading.

    One throwaway question goes through the page's own handler (tokenizers, encoder, synonyms, answer
    stage, chat rendering), gradio's per-event wrapper runs once (it imports matplotlib on the first
    event, ~30 MiB), and the data files the index and encoder mapped are read into memory (the encoder
    otherwise pages in its weights token by token over the first hundreds of questions).
    """
    try:
        for _ in ChatHandlers(assistant, AnswerGate()).respond(WARM_UP_QUESTION, DEFAULT_K, RETRIEVAL_MODES[0], []):
            pass
    except Exception:  # the page is still useful; the real question will report its own error
        log.warning("warm-up question failed", exc_info=True)
    with gr.utils.MatplotlibBackendMananger():  # gradio's spelling
        pass
    load_mapped_data_files()


def serve(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860, policy: ServePolicy | None = None) -> None:
    """Run the web UI for ``assistant`` until interrupted (``rag serve``); blocks."""
    policy = policy or ServePolicy()
    limit_malloc_arenas()  # before gradio starts its worker threads
    if not policy.log_questions:
        withhold_request_values_from_gradio_tracebacks()
    app = build_app(assistant, log_questions=policy.log_questions)
    warm_up(assistant)
    # A service manager stops servers with SIGTERM: end as on Ctrl-C, so gradio closes the server and
    # its lifespan removes the private upload folder (by default SIGTERM would end the process at once).
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    launch(app, host, port, block=True, policy=policy)
