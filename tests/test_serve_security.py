"""What a launched server lets in, against the real gradio server on 127.0.0.1 (launched in-process
the way `rag serve` launches it): the upload route (issue #13 F6), cross-origin writes, oversized
bodies, the private upload folder, session expiry and revocation, and every route's sign-in check.
"""
from __future__ import annotations

import json
import logging
import re
import secrets
import time
from pathlib import Path

import httpx
import pytest

from conftest import launch_on_a_free_port
from rag.users import add_user, remove_user
from ui.app import ChatHandlers, build_app
from ui.security import UPLOAD_DIR_PREFIX, ServePolicy, SignInLimiter

QUESTION = "城中区一季度新增就业多少"
EVIL = "http://evil.example"
UPLOAD_BYTES = 2 * 1024 * 1024  # F6 used 50 MB; 2 MB is past any cap and keeps the test quick


def ask_body(question: str = QUESTION) -> dict:
    return {"data": [question, 5, "hybrid", [], "", "", ""]}


def streamed_text(response: httpx.Response) -> str:
    """The data of a gradio /call/... event stream as readable text."""
    return "".join(json.dumps(json.loads(line[5:]), ensure_ascii=False)
                   for line in response.text.splitlines() if line.startswith("data:"))


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


@pytest.fixture(scope="module")
def default_server(seed_assistant):
    """The app as plain `rag serve` runs it: loopback, no users, default policy."""
    app = build_app(seed_assistant)
    url = launch_on_a_free_port(app)
    yield app, url.rstrip("/")
    app.close()


# --- F6: no upload surface ---------------------------------------------------------------


def test_upload_route_takes_no_file_of_any_size_from_any_origin(default_server):
    """Issue #13 F6: /gradio_api/upload accepted any file, any size, from any origin, into /tmp/gradio."""
    app, url = default_server
    upload_dir = Path(app.server_app.uploaded_file_dir)
    shared_tmp = Path("/tmp/gradio")
    before = files_under(upload_dir) | files_under(shared_tmp)
    payload = secrets.token_bytes(UPLOAD_BYTES)
    for headers in ({}, {"Origin": EVIL}, {"Origin": url}):
        response = httpx.post(f"{url}/gradio_api/upload", files={"files": ("big.bin", payload)}, headers=headers, timeout=30)
        assert response.status_code in (403, 413), (headers, response.status_code, response.text[:200])
        small = httpx.post(f"{url}/gradio_api/upload", files={"files": ("a.txt", b"hello")}, headers=headers, timeout=10)
        assert small.status_code == 403, "uploads are off, not merely capped"
    after = files_under(upload_dir) | files_under(shared_tmp)
    assert not any(p.stat().st_size in (UPLOAD_BYTES, 5) for p in after - before), "nothing reached the disk"


def test_the_upload_folder_is_private_to_the_server_and_removed_when_it_stops(seed_assistant):
    app = build_app(seed_assistant)
    launch_on_a_free_port(app)
    folder = Path(app.server_app.uploaded_file_dir)
    assert folder.name.startswith(UPLOAD_DIR_PREFIX) and folder.is_dir()
    assert folder.stat().st_mode & 0o077 == 0, "only the server's user can read it"
    app.close()
    for _ in range(50):  # the lifespan ends as the server shuts down
        if not folder.exists():
            break
        time.sleep(0.1)
    assert not folder.exists()


# --- cross-origin writes and request size ----------------------------------------------------


def test_a_cross_origin_post_to_the_api_is_refused_and_a_same_origin_one_served(default_server):
    _, url = default_server
    refused = httpx.post(f"{url}/gradio_api/call/ask", json=ask_body(), headers={"Origin": EVIL}, timeout=10)
    assert refused.status_code == 403 and "跨站" in refused.json()["detail"]
    refused = httpx.post(f"{url}/gradio_api/queue/join", headers={"Sec-Fetch-Site": "cross-site"},
                         json={**ask_body(), "fn_index": 0, "session_hash": "x" * 10}, timeout=10)
    assert refused.status_code == 403, "a browser's cross-site request without Origin is refused too"

    for headers in ({"Origin": url}, {}):  # the page itself; an API client such as gradio_client
        started = httpx.post(f"{url}/gradio_api/call/ask", json=ask_body(), headers=headers, timeout=10)
        assert started.status_code == 200, started.text
        result = httpx.get(f"{url}/gradio_api/call/ask/{started.json()['event_id']}", timeout=60)
        assert "2047人" in streamed_text(result)


def test_an_allowed_origin_may_post(seed_assistant):
    desk = "https://qa.desk.example"
    app = build_app(seed_assistant)
    url = launch_on_a_free_port(app, policy=ServePolicy(allowed_origins=(desk + "/",))).rstrip("/")
    try:
        assert httpx.post(f"{url}/gradio_api/call/ask", json=ask_body(), headers={"Origin": desk}, timeout=10).status_code == 200
        assert httpx.post(f"{url}/gradio_api/call/ask", json=ask_body(), headers={"Origin": EVIL}, timeout=10).status_code == 403
    finally:
        app.close()


def test_an_oversized_request_body_is_refused_before_it_is_read(default_server):
    _, url = default_server
    huge = ask_body("问" * 2_000_000)  # ~6 MB of JSON
    response = httpx.post(f"{url}/gradio_api/call/ask", json=huge, timeout=30)
    assert response.status_code == 413 and "请求太大" in response.json()["detail"]


# --- sign-in: sessions, revocation, every route ----------------------------------------------


@pytest.fixture(scope="module")
def users_file(tmp_path_factory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("users") / "users.json"
    password = secrets.token_urlsafe(12)
    add_user(path, "记者甲", password)
    add_user(path, "记者乙", password)
    return path, password


@pytest.fixture(scope="module")
def signed_in_server(seed_assistant, users_file):
    path, _ = users_file
    app = build_app(seed_assistant)
    url = launch_on_a_free_port(app, policy=ServePolicy(users_file=path, session_seconds=2.0))
    yield app, url.rstrip("/")
    app.close()


def sign_in(url: str, name: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=10)
    assert client.post("/login", data={"username": name, "password": password}).status_code == 200
    return client


def test_a_session_expires(signed_in_server, users_file):
    _, url = signed_in_server
    client = sign_in(url, "记者甲", users_file[1])
    assert client.get("/config").status_code == 200
    time.sleep(2.3)
    assert client.get("/config").status_code == 401
    assert client.post("/gradio_api/call/ask", json=ask_body()).status_code == 401


def test_removing_a_user_ends_their_sessions_at_once_and_a_new_user_needs_no_restart(signed_in_server, users_file):
    _, url = signed_in_server
    path, password = users_file
    client = sign_in(url, "记者乙", password)
    assert client.get("/config").status_code == 200
    assert remove_user(path, "记者乙")
    assert client.get("/config").status_code == 401
    # From another loopback address: this failure puts that client, not 127.0.0.1, in its wait.
    elsewhere = httpx.Client(base_url=url, timeout=10, transport=httpx.HTTPTransport(local_address="127.0.0.4"))
    assert elsewhere.post("/login", data={"username": "记者乙", "password": password}).status_code == 400
    add_user(path, "记者丙", password)  # the running server re-reads the file
    assert sign_in(url, "记者丙", password).get("/config").status_code == 200


# Routes gradio leaves open even with auth=, each checked by hand against gradio 6's source:
# the sign-in page and its static assets, who-am-I, and the queue controls that need an event id
# or session hash that only the signed-in page that created it knows (random 128-bit values).
OPEN_ROUTES = {
    "/", "/login", "/logout", "/favicon.ico", "/theme.css", "/robots.txt", "/manifest.json",
    "/gradio_api/theme.css", "/gradio_api/user", "/gradio_api/token", "/gradio_api/app_id",
    "/gradio_api/startup-events",  # runs the app's startup events once (ours has none); returns a bool
    "/gradio_api/login_check",
    "/gradio_api/cancel", "/gradio_api/reset", "/gradio_api/stream/{event_id}", "/gradio_api/stream/{event_id}/close",
    "/gradio_api/heartbeat/{session_hash}",
    "/gradio_api/vibe-edit", "/gradio_api/undo-vibe-edit", "/gradio_api/vibe-code",  # refuse unless gradio runs with --vibe
    "/gradio_api/runs", "/gradio_api/run-history/connect",  # off: run_history=False
}


def every_route(app) -> list[tuple[str, str]]:
    """(method, path) of every route the gradio server has, including those of its API router."""
    found = []

    def walk(routes):
        for route in routes:
            if hasattr(route, "path"):
                for method in sorted(getattr(route, "methods", None) or ()):
                    if method != "HEAD":
                        found.append((method, route.path.rstrip("/") or "/"))
            else:
                walk(getattr(getattr(route, "original_router", None), "routes", ()))

    walk(app.server_app.routes)
    return sorted(set(found))


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path.replace("{path_or_url:path}", "/etc/passwd"))


def test_every_route_needs_sign_in_except_the_reviewed_open_ones(signed_in_server):
    app, url = signed_in_server
    routes = every_route(app)
    assert ("POST", "/gradio_api/queue/join") in routes and ("GET", "/config") in routes, "the walk sees gradio's router"
    unexpected = []
    for method, path in routes:
        if path in OPEN_ROUTES or path.startswith(("/assets/", "/static/", "/svelte/", "/gradio_api/custom_component/")) \
                or "{" in path and path.startswith(("/pwa_icon", "/gradio_api/stream/", "/monitoring/")):
            continue
        response = httpx.request(method, url + concrete(path), json={} if method == "POST" else None, timeout=10)
        if response.status_code not in (401, 403, 404, 405):
            unexpected.append((method, path, response.status_code))
    assert unexpected == [], "routes answering a visitor who has not signed in"
    assert httpx.get(f"{url}/openapi.json", timeout=10).status_code == 404, "FastAPI's route list is off"


# --- the log and the limiter's memory ------------------------------------------------------------


def test_question_text_reaches_the_log_only_with_log_questions(seed_assistant, caplog):
    caplog.set_level(logging.INFO, logger="ui.app")
    for log_questions in (False, True):
        list(ChatHandlers(seed_assistant, log_questions=log_questions).respond(QUESTION, 5, "hybrid", []))
    answered = [record.getMessage() for record in caplog.records if record.getMessage().startswith("answered")]
    assert len(answered) == 2
    assert QUESTION not in answered[0] and f"<{len(QUESTION)} characters>" in answered[0]
    assert QUESTION in answered[1]


def test_the_sign_in_limiter_remembers_a_bounded_number_of_clients():
    limiter = SignInLimiter(first_delay=1.0, max_delay=8.0, max_clients=3)
    for n in range(10):
        limiter.failed(f"10.0.0.{n}")
    assert len(limiter._failures) == 3 and limiter.wait_seconds("10.0.0.0") == 0 and limiter.wait_seconds("10.0.0.9") > 0
    for _ in range(20):
        limiter.failed("10.0.0.9")
    assert limiter.wait_seconds("10.0.0.9") <= 8.0, "the delay is bounded"
