"""`rag serve` memory stays bounded when clients keep opening new sessions.

Every raw API call (``POST /gradio_api/call/ask``) and every page load is a gradio session, and gradio keeps
each one (about 50 KB of per-session page config, plus its chat turns) until ``state_session_capacity``
pushes it out: expiry clears only a session's State values, never the session. The soak in
eval/RELIABILITY.md grew without a plateau because of that; ui.app.MAX_SESSIONS bounds it.
"""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.serve_process import ServeProcess, rag_env
from ui.app import MAX_SESSIONS

REFUSED_QUESTION = "？？？"  # refused at once as meaningless: the call costs a session, not an answer
FILL_CALLS = 400  # twice MAX_SESSIONS: each new session now pushes out the oldest, and freed memory is reused
CALLS_AFTER_THE_CAP = 400  # measured: +66 MiB per 1,000 kept sessions, so ~26 MiB if they are kept
ALLOWED_GROWTH_MIB = 12.0  # measured with the cap: +3 to +6 MiB


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _one_shot_call(url: str) -> str:
    """A raw API call in a session of its own (as curl or a script would make it); the final event's data."""
    with httpx.Client(timeout=60) as client:
        posted = client.post(f"{url}/gradio_api/call/ask", json={"data": [REFUSED_QUESTION, 5, "hybrid", "", "", ""]})
        posted.raise_for_status()
        stream = client.get(f"{url}/gradio_api/call/ask/{posted.json()['event_id']}").text
    last = [event for event in stream.split("event: ") if event.startswith(("complete", "error"))][-1]
    assert last.startswith("complete"), last[:300]
    return json.dumps(json.loads(last.split("data:", 1)[1]), ensure_ascii=False)


def _calls(url: str, count: int) -> list[str]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda _: _one_shot_call(url), range(count)))


@pytest.fixture(scope="module")
def served(seed_index_dir, seeds_dir, tmp_path_factory):
    server = ServeProcess(["--corpus", str(seeds_dir), "--index", str(seed_index_dir)],
                          tmp_path_factory.mktemp("serve-memory") / "serve.log", verbose=False,
                          env=rag_env(RAG_LLM_BASE_URL=""))
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.slow  # 800 API calls: ~1 minute on an idle 2-core machine
def test_memory_plateaus_once_the_session_cap_is_full(served):
    """Fill the session cap with one-shot API sessions, then make 400 more: RSS must stay on a plateau
    (with the old cap of 2,000 it grew ~66 KB a session, so 400 more were ~26 MB, without end)."""
    assert 2 * MAX_SESSIONS <= FILL_CALLS, "the test fills the cap before it measures"
    replies = _calls(served.url, FILL_CALLS)
    assert all("问题" in reply for reply in replies[:5]), replies[0][:300]  # a Chinese refusal, not an error
    full = _rss_mib(served.process.pid)
    replies = _calls(served.url, CALLS_AFTER_THE_CAP)
    grown = _rss_mib(served.process.pid) - full
    assert len(replies) == CALLS_AFTER_THE_CAP
    assert grown < ALLOWED_GROWTH_MIB, f"RSS grew {grown:.1f} MiB over {CALLS_AFTER_THE_CAP} new sessions after the cap was full"
    assert "Traceback" not in served.log()
