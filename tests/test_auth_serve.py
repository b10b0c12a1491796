"""Sign-in against a real `rag serve --users FILE` in its own process (issue #15): page and API
refused without credentials and served with them (gradio_client with auth=), wrong passwords
delayed per client, no question text in the server log, a Playwright sign-in in Debian chromium,
and the refusal to serve a non-loopback address without users.
"""
from __future__ import annotations

import json
import re
import secrets
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from rag.users import add_user
from serve_process import ServeProcess, rag_command, rag_env

QUESTION = "城中区一季度新增就业多少"
NAME = "记者甲"
OUTPUT = Path(__file__).resolve().parent.parent / "test-output" / "auth"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def password() -> str:
    return secrets.token_urlsafe(12)


@pytest.fixture(scope="module")
def desk(tmp_path_factory, seed_index_dir, seeds_dir, password):
    """`rag -v serve --users FILE` (verbose: the log gets everything it would ever write)."""
    folder = tmp_path_factory.mktemp("desk")
    users = folder / "users.json"
    add_user(users, NAME, password)
    server = ServeProcess(["--index", str(seed_index_dir), "--corpus", str(seeds_dir), "--users", str(users)],
                          folder / "serve.log", verbose=True)
    yield server
    server.stop()


def from_address(address: str, url: str) -> httpx.Client:
    """An HTTP client whose connections come from ``address`` (another loopback address: another client)."""
    return httpx.Client(base_url=url, timeout=15, transport=httpx.HTTPTransport(local_address=address))


def streamed_text(response: httpx.Response) -> str:
    return "".join(json.dumps(json.loads(line[5:]), ensure_ascii=False)
                   for line in response.text.splitlines() if line.startswith("data:"))


def test_the_server_says_where_it_listens_and_nothing_of_public_links(desk):
    """`rag serve` tells the user its address in Chinese; gradio's hint to set `share=True` (which this local-only
    app never does) is not printed. The line follows gradio's own start check, so it may come a moment after the page
    first answers."""
    deadline = time.monotonic() + 30
    while f"网页界面已启动：{desk.url}/" not in desk.log() and time.monotonic() < deadline:
        time.sleep(0.2)
    log = desk.log()
    assert f"网页界面已启动：{desk.url}/" in log, log
    assert "share=True" not in log and "public link" not in log, log


def test_page_and_api_refuse_a_visitor_without_sign_in(desk, seeds_dir):
    page = httpx.get(desk.url + "/", timeout=15)
    assert page.status_code == 200 and '"auth_required":true' in page.text.replace(" ", "")
    assert 'id="chat"' not in page.text and '"elem_id":"chat"' not in page.text.replace(" ", ""), "no app in the page"
    seed = next(seeds_dir.glob("*.txt")).resolve()
    reads = ["/config", "/gradio_api/info", "/gradio_api/openapi.json", "/gradio_api/queue/status",
             f"/gradio_api/file={seed}", "/gradio_api/call/ask/some-event"]
    for path in reads:
        response = httpx.get(desk.url + path, timeout=15)
        assert response.status_code in (401, 403), (path, response.status_code)
        assert "城中区" not in response.text
    body = {"data": [QUESTION, 5, "hybrid", [], "", "", ""]}
    for path, extra in [("/gradio_api/call/ask", {}), ("/gradio_api/run/ask", {}), ("/gradio_api/api/ask", {}),
                        ("/gradio_api/queue/join", {"fn_index": 0, "session_hash": "abcdefghij"})]:
        response = httpx.post(desk.url + path, json={**body, **extra}, timeout=15)
        assert response.status_code in (401, 403), (path, response.status_code)
        assert "2047" not in response.text

    from gradio_client import Client

    with pytest.raises(Exception, match="credentials|login|Unauthorized|401"):
        Client(desk.url, verbose=False)


def test_a_signed_in_api_client_gets_answers(desk, password):
    from gradio_client import Client

    client = Client(desk.url, auth=(NAME, password), verbose=False)
    messages, box = client.predict(QUESTION, 5, "hybrid", api_name="/ask")
    assert box == "" and "2047人" in json.dumps(messages[-1], ensure_ascii=False)
    with pytest.raises(Exception):
        Client(desk.url, auth=(NAME, password + "x"), verbose=False)
    time.sleep(1.1)  # that failure put 127.0.0.1 in its one-second wait; later tests sign in from it


def test_wrong_passwords_are_delayed_exponentially_for_that_client_only(desk, password):
    guesser, colleague = from_address("127.0.0.2", desk.url), from_address("127.0.0.3", desk.url)
    wrong, right = {"username": NAME, "password": "guess-1234"}, {"username": NAME, "password": password}

    assert guesser.post("/login", data=wrong).status_code == 400
    refused = guesser.post("/login", data=right)
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1", "even the right password waits"
    assert "秒后再试" in refused.json()["detail"]
    assert colleague.post("/login", data=right).status_code == 200, "another client is not held up"

    time.sleep(1.05)
    assert guesser.post("/login", data=wrong).status_code == 400
    assert guesser.post("/login", data=right).headers.get("Retry-After") == "2", "the wait doubles"
    time.sleep(2.05)
    signed_in = guesser.post("/login", data=right)
    assert signed_in.status_code == 200 and guesser.get("/config").status_code == 200
    assert guesser.post("/login", data=wrong).status_code == 400
    assert guesser.post("/login", data=right).headers.get("Retry-After") == "1", "success started the count again"


def test_questions_stay_out_of_the_server_log(desk, password):
    marker = f"核对稿{secrets.token_hex(4)}"
    client = httpx.Client(base_url=desk.url, timeout=60)
    assert client.post("/login", data={"username": NAME, "password": password}).status_code == 200
    # A normal question, and a malformed call (too few inputs) whose error gradio would print with the inputs.
    for data in ([f"{QUESTION}（{marker}）", 5, "hybrid", [], "", "", ""], [f"{marker} 草稿", 5, "hybrid"]):
        started = client.post("/gradio_api/call/ask", json={"data": data})
        assert started.status_code == 200
        client.get(f"/gradio_api/call/ask/{started.json()['event_id']}")
    time.sleep(0.5)
    log = desk.log()
    assert re.search(r"answered <\d+ characters> with \d+ citations", log), "the log keeps counts and timings"
    assert "ValueError" in log, "the malformed call is logged (without its values)"
    assert marker not in log and QUESTION not in log


def test_a_visitor_cannot_write_into_the_server_log(desk):
    """Review: gradio prints the path of every /gradio_api/custom_component/ request, before any
    sign-in, so a visitor could forge log lines (a newline in the path) and fill the disk with the
    log. The page uses only gradio's built-in components, so that route is closed."""
    forged = f"forged{secrets.token_hex(4)}"
    path = f"/gradio_api/custom_component/x%0AWARNING%20ui.security:%20{forged}/client/index.js/index.js"
    assert httpx.get(desk.url + path, timeout=15).status_code in (403, 404)
    time.sleep(0.3)
    assert forged not in desk.log()


@pytest.mark.browser
def test_sign_in_in_chromium_then_ask(desk, password):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900}, locale="zh-CN")
            page.goto(desk.url)
            username = page.locator("input[type=text]").first
            username.wait_for(timeout=30_000)
            assert page.locator("#chat").count() == 0, "nothing of the app before sign-in"
            assert "rag users add" in page.content(), "the sign-in page says how accounts are made"
            username.fill(NAME)
            page.locator("input[type=password]").fill("not-the-password")
            page.locator("button", has_text=re.compile("登录|Login")).first.click()
            page.get_by_text("凭据不正确").wait_for(timeout=15_000)  # gradio's own zh-CN "incorrect credentials"
            assert page.locator("#chat").count() == 0
            page.wait_for_timeout(1200)  # this client's one-second wait after a failed sign-in
            page.screenshot(path=str(OUTPUT / "sign-in-refused.png"))

            page.locator("input[type=text]").first.fill(NAME)
            page.locator("input[type=password]").fill(password)
            page.locator("button", has_text=re.compile("登录|Login")).first.click()
            page.locator("#question textarea").wait_for(timeout=30_000)
            page.locator("#question textarea").fill(QUESTION)
            page.locator("#send").click()
            page.locator("#chat .qa-answer").first.wait_for(timeout=60_000)
            assert "2047人" in page.locator("#chat .qa-answer").first.inner_text()
            page.screenshot(path=str(OUTPUT / "signed-in-answer.png"))
        finally:
            browser.close()


def test_sigterm_stops_the_server_cleanly_and_removes_its_upload_folder(desk):
    """Last of the tests on ``desk``: it stops it, as a service manager would."""
    assert len(desk.upload_folders) == 1
    folder = next(iter(desk.upload_folders))
    assert folder.is_dir()
    code = desk.stop(signal.SIGTERM)
    assert code == 0 and "Traceback" not in desk.log(), "gradio closes the server as on Ctrl-C"
    assert not folder.exists()


# --- refusing to start ---------------------------------------------------------------------


def run_serve(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Every case here must exit before binding: nothing is served off loopback in the tests.
    return subprocess.run(rag_command("serve", *args), capture_output=True, text=True, env=rag_env(**env), timeout=120)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_a_non_loopback_bind_without_users_exits_2_saying_how_to_add_users(host):
    result = run_serve("--host", host)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "rag users add" in result.stderr and "--users" in result.stderr and "拒绝" in result.stderr


def test_rag_users_is_read_and_an_empty_users_file_is_refused(tmp_path):
    empty = tmp_path / "users.json"
    add_user(empty, NAME, "password-123")
    from rag.users import remove_user

    remove_user(empty, NAME)
    result = run_serve("--host", "0.0.0.0", RAG_USERS=str(empty))
    assert result.returncode == 2 and "没有用户" in result.stderr and str(empty) in result.stderr


def test_a_users_file_others_can_write_is_refused(tmp_path):
    """Review: a users file made writable by others (chmod 666, a group-writable copy) was accepted,
    so anyone with an account on the machine could add themselves a sign-in."""
    users = tmp_path / "users.json"
    add_user(users, NAME, "password-123")
    users.chmod(0o666)
    # Loopback and a missing corpus: were the file accepted, the server would stop before binding (exit 1).
    result = run_serve("--host", "127.0.0.1", "--users", str(users), "--corpus", str(tmp_path / "missing"),
                       "--index", str(tmp_path / "index"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "chmod 600" in result.stderr and str(users) in result.stderr


def test_the_escape_hatch_is_loud(tmp_path):
    # A missing corpus stops the server after the check, before anything binds.
    result = run_serve("--host", "0.0.0.0", "--no-auth-i-know", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "index"))
    assert "警告：--no-auth-i-know" in result.stderr and "拒绝" not in result.stderr
    assert result.returncode == 1 and "找不到资料目录" in result.stderr
