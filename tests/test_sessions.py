"""`rag serve` keeps the conversations of people using the page when one-shot API calls flood it
(ui.sessions.PageFirstSessions), against a real gradio server driven the way the page drives it."""
from __future__ import annotations

import json

import httpx
import pytest

from conftest import launch_on_a_free_port
from ui.app import build_app
from ui.sessions import PageFirstSessions

SMALL_CAPACITY = 4  # the test shrinks the cap so a flood of a few calls overflows it


def page_event(url: str, app, session_hash: str, trigger: str) -> None:
    """Runs the page's event ``trigger`` ("load") in ``session_hash`` as the browser does: queue/join, then the stream."""
    fn_index = next(index for index, fn in app.fns.items() if any(t[1] == trigger for t in fn.targets))
    with httpx.Client(base_url=url, timeout=60) as client:
        joined = client.post("/gradio_api/queue/join", json={
            "data": [], "event_data": None, "fn_index": fn_index, "trigger_id": None, "session_hash": session_hash})
        assert joined.status_code == 200, joined.text[:300]
        stream = client.get("/gradio_api/queue/data", params={"session_hash": session_hash}).text
    assert "process_completed" in stream and '"success":true' in stream.replace(" ", ""), stream[-300:]


def one_shot_call(url: str) -> None:
    with httpx.Client(base_url=url, timeout=60) as client:
        posted = client.post("/gradio_api/call/ask", json={"data": ["？？？", 5, "hybrid", "", "", ""]})
        assert posted.status_code == 200, posted.text[:300]
        assert "complete" in client.get(f"/gradio_api/call/ask/{posted.json()['event_id']}").text


@pytest.fixture(scope="module")
def served(seed_assistant):
    app = build_app(seed_assistant)
    url = launch_on_a_free_port(app).rstrip("/")
    yield app, url
    app.close()


def test_a_flood_of_api_sessions_does_not_push_out_a_page_session(served):
    app, url = served
    holder = app.state_holder
    assert isinstance(holder, PageFirstSessions), "rag serve installs the page-first session store"
    holder.capacity = SMALL_CAPACITY
    page_event(url, app, "reporter-page-1", "load")
    assert "reporter-page-1" in holder.session_data
    for _ in range(3 * SMALL_CAPACITY):
        one_shot_call(url)
    assert len(holder.session_data) <= SMALL_CAPACITY, "the cap still bounds memory"
    assert "reporter-page-1" in holder.session_data, "the page's conversation survived the flood"


def test_pages_are_evicted_oldest_first_once_only_pages_are_left(served):
    app, url = served
    holder = app.state_holder
    holder.capacity = SMALL_CAPACITY
    pages = [f"page-{n}" for n in range(SMALL_CAPACITY + 2)]
    for session in pages:
        page_event(url, app, session, "load")
    kept = list(holder.session_data)
    assert kept == pages[-SMALL_CAPACITY:], json.dumps(kept)
    assert holder._pages <= set(kept), "evicted pages are forgotten too"


def test_gradio_keeps_no_history_of_past_events(served):
    """gradio's queue kept the last 10,000 events (for a monitoring page that is off) and rebuilt a pandas
    table of them after every event: memory and CPU per answer that grew through the whole soak."""
    app, url = served
    for _ in range(5):
        one_shot_call(url)
    assert len(app._queue.event_analytics) <= 1
    assert app._queue.event_count_at_last_cache == 0, "the per-event summary is never recomputed"
