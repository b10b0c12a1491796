"""What a shared `rag serve` lets in: sign-in through gradio's own auth, plus the guards gradio lacks.

gradio (6.x) checks a session cookie on the page, ``/config``, ``/gradio_api/*`` (API calls, queue,
files, uploads) once ``launch(auth=…)`` is given, but its sessions never expire, a wrong password
can be retried as fast as the network allows, and any web page a signed-in reporter visits can
POST to the server (its CORS middleware only decides which responses a page may *read*). This
module adds, around gradio rather than instead of it:

- ``SessionTokens``: gradio's token table with an expiry, and revocation when a user is removed
  or given a new password;
- ``SignInLimiter``: per-client (IPv6: per /64) exponential delay after failed sign-ins, one
  attempt checked at a time (bounded);
- ``RequestGuard``: an ASGI middleware that refuses cross-origin writes, the upload routes (the
  UI takes no files), oversized request bodies, the custom-component route (its path went
  straight to the log) and, without sign-in, Host names DNS rebinding could take over;
- ``serve_lifespan``: installs the token table and gives the server a private upload folder that
  is deleted when it stops;
- ``withhold_request_values_from_gradio_tracebacks``: gradio's error tracebacks quote request
  values (questions, drafts); `rag serve` logs them without the message unless --log-questions.

``protection_options(policy)`` turns all of it into ``Blocks.launch`` keyword arguments.
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
import math
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.responses import JSONResponse

from rag.users import UserBook

log = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# gradio's routes that write request bodies to disk; the UI has no file input, so none is open.
UPLOAD_PATHS = frozenset({"/gradio_api/upload", "/gradio_api/process_recording"})
# gradio serves third-party components' scripts here and print()s every request's path first, before
# any sign-in check; the page uses only built-in components, so the route is closed to everyone.
CUSTOM_COMPONENT_PREFIX = "/gradio_api/custom_component/"
# gradio answers this stream (one open connection per page) without checking sign-in; with sign-in, only
# signed-in pages may hold one.
HEARTBEAT_PREFIX = "/gradio_api/heartbeat/"
LOGIN_PATH = "/login"
MAX_BODY_BYTES = 256 * 1024  # a 500-character question or a 5,000-character draft is a few KB of JSON
UPLOAD_DIR_PREFIX = "rag-serve-uploads-"
UPLOAD_CAP = "1mb"  # gradio's own cap, should an upload route ever be opened again
AUTH_MESSAGE = ("请用管理员为你建立的用户名和密码登录（管理员用 rag users add 添加用户）。"
                "连续输错后需要等待几秒才能再试，等待时间每次加倍。")


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the server on this machine (127.0.0.0/8, ::1, "localhost")."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServePolicy:
    """How the server treats requests; the defaults are the safe ones."""

    users_file: Path | None = None  # None: no sign-in (only allowed on a loopback address)
    session_seconds: float = 12 * 3600  # a working day, then sign in again
    first_delay_seconds: float = 1.0  # wait after the first failed sign-in; doubles with each further one
    max_delay_seconds: float = 300.0
    allowed_origins: tuple[str, ...] = ()  # other origins (scheme://host[:port]) allowed to POST
    max_body_bytes: int = MAX_BODY_BYTES
    log_questions: bool = False


class SessionTokens(dict):
    """gradio's ``App.tokens`` (session token -> user name) with an expiry and revocation.

    gradio decides who is signed in with ``get`` and ``in``: a token older than ``ttl_seconds``, or
    whose user's credential (``credential_of``: the password hash) is gone or no longer the one it
    was issued for, reads as absent there and is dropped. Its /logout walks ``keys()`` and reads and
    deletes with ``[]`` and ``del``; those stay plain dict lookups, and a token dropped meanwhile by
    another request reads as None and deletes as nothing, so signing out never fails.
    """

    def __init__(self, ttl_seconds: float, credential_of: Callable[[str], Any] = lambda name: name,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.ttl_seconds = ttl_seconds
        self.credential_of = credential_of
        self.clock = clock
        self._issued: dict[Any, tuple[float, Any]] = {}  # token -> (when, the user's credential then)
        self._lock = threading.Lock()

    def __setitem__(self, token: Any, user: str) -> None:
        credential = self.credential_of(user)
        with self._lock:
            self._drop_expired()
            self._issued[token] = (self.clock(), credential)
            super().__setitem__(token, user)

    def _valid(self, token: Any) -> bool:
        issued = self._issued.get(token)
        user = super().get(token)
        if issued is None or user is None or self.clock() - issued[0] > self.ttl_seconds \
                or issued[1] is None or self.credential_of(user) != issued[1]:
            self.pop(token, None)
            return False
        return True

    def get(self, token: Any, default: Any = None) -> Any:
        if not super().__contains__(token) or not self._valid(token):
            return default
        return super().__getitem__(token)

    def __contains__(self, token: object) -> bool:
        return super().__contains__(token) and self._valid(token)

    def __missing__(self, token: Any) -> None:
        return None

    def pop(self, token: Any, *default: Any) -> Any:
        self._issued.pop(token, None)
        return super().pop(token, *default)

    def __delitem__(self, token: Any) -> None:
        self.pop(token, None)  # already dropped by another request: nothing left to do

    def _drop_expired(self) -> None:
        now = self.clock()
        for token in [t for t, (issued, _) in list(self._issued.items()) if now - issued > self.ttl_seconds]:
            self.pop(token, None)


def client_key(address: str) -> str:
    """Who a sign-in wait applies to: the IPv4 address, or the /64 network of an IPv6 address (one
    machine may use any address of its /64, so per address it would get a fresh wait each time)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class SignInLimiter:
    """Per-client exponential delay after failed sign-ins: 1 s, 2 s, 4 s … up to ``max_delay``.

    A client inside its delay, or with a sign-in still being checked, is refused before its password
    is even checked (``begin``), so sending many guesses at once gets one checked, not all of them.
    Success clears the client; a client with no failure for ``forget_after`` seconds is forgotten; at
    most ``max_clients`` are remembered (the oldest go first), so memory stays bounded.
    """

    def __init__(self, first_delay: float = 1.0, max_delay: float = 300.0, forget_after: float = 3600.0,
                 max_clients: int = 10_000, clock: Callable[[], float] = time.monotonic):
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.forget_after = max(forget_after, max_delay)
        self.max_clients = max_clients
        self.clock = clock
        self._failures: OrderedDict[str, tuple[int, float]] = OrderedDict()  # client -> (count, last failure)
        self._checking: set[str] = set()  # clients with a sign-in being checked now
        self._lock = threading.Lock()

    def wait_seconds(self, client: str) -> float:
        """How long ``client`` must still wait before its next attempt (0: it may try now)."""
        with self._lock:
            return self._wait(client)

    def _wait(self, client: str) -> float:
        entry = self._failures.get(client)
        if entry is None:
            return 0.0
        count, last = entry
        elapsed = self.clock() - last
        if elapsed > self.forget_after:
            del self._failures[client]
            return 0.0
        return max(0.0, self._delay(count) - elapsed)

    def begin(self, client: str) -> float:
        """0 when ``client`` may try now (its attempt is then being checked until ``finish``),
        else how many seconds it must wait."""
        with self._lock:
            if client in self._checking:
                return max(self.first_delay, 1.0)
            wait = self._wait(client)
            if wait == 0:
                self._checking.add(client)
            return wait

    def finish(self, client: str, succeeded: bool) -> None:
        with self._lock:
            self._checking.discard(client)
        if succeeded:
            self.succeeded(client)
        else:
            self.failed(client)

    def _delay(self, count: int) -> float:
        return min(self.max_delay, self.first_delay * 2 ** min(count - 1, 64))

    def failed(self, client: str) -> None:
        with self._lock:
            count, _ = self._failures.pop(client, (0, 0.0))
            self._failures[client] = (count + 1, self.clock())
            while len(self._failures) > self.max_clients:
                self._failures.popitem(last=False)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


def _refusal(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


class RequestGuard:
    """ASGI middleware in front of gradio's routes (see the module docstring)."""

    def __init__(self, app, policy: ServePolicy, limiter: SignInLimiter):
        self.app = app
        self.policy = policy
        self.limiter = limiter
        self.allowed_origins = frozenset(origin.rstrip("/").lower() for origin in policy.allowed_origins)

    def _cross_origin(self, headers: Headers) -> bool:
        """Whether a browser sent this request from another site (requests without Origin are not
        from a page's script or form: API clients such as gradio_client, curl)."""
        origin = headers.get("origin")
        if origin is None:
            return headers.get("sec-fetch-site", "") == "cross-site"
        if origin.rstrip("/").lower() in self.allowed_origins:
            return False
        parts = urlsplit(origin)
        host = headers.get("host", "")
        return not parts.netloc or parts.netloc.lower() != host.lower()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        method = scope.get("method", "GET")
        path = scope["path"].rstrip("/") or "/"
        refusal = None if self.policy.users_file is not None or self._host_cannot_be_rebound(headers) else \
            _refusal(403, "拒绝访问：请用 http://127.0.0.1 或 http://localhost 打开本服务"
                          "（用别的名字访问时，请用 --allow-origin 写明该地址）。")
        if refusal is None and path.startswith(CUSTOM_COMPONENT_PREFIX):
            refusal = _refusal(404, "没有这个页面。")
        if refusal is None and path.startswith(HEARTBEAT_PREFIX) and self.policy.users_file is not None \
                and not _signed_in(scope, headers):
            refusal = _refusal(401, "请先登录。")
        if refusal is None and (scope["type"] == "websocket" or method not in SAFE_METHODS):
            refusal = self._refuse_write(scope, headers, path)
        if refusal is not None:
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            else:
                await refusal(scope, receive, send)
            return
        if path == LOGIN_PATH and method == "POST" and self.policy.users_file is not None:
            await self._sign_in(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _host_cannot_be_rebound(self, headers: Headers) -> bool:
        """Whether the Host header names this server in a way no other site can take over: an IP
        address, "localhost", or an allowed origin's host. Without sign-in this is what stops DNS
        rebinding: a page on evil.example re-pointed at 127.0.0.1 sends Host (and Origin)
        evil.example, which the same-origin check alone would take for the server's own page."""
        host = headers.get("host")
        if host is None:  # HTTP/1.0 clients; browsers always send Host
            return True
        host = host.strip().lower()
        if any(urlsplit(origin).netloc == host for origin in self.allowed_origins):
            return True
        try:
            name = urlsplit(f"//{host}").hostname or ""
            return name == "localhost" or ipaddress.ip_address(name) is not None
        except ValueError:  # a name, or not a host at all
            return False

    def _refuse_write(self, scope, headers: Headers, path: str) -> JSONResponse | None:
        if self._cross_origin(headers):
            log.warning("refused a cross-origin %s %s from origin %s", scope.get("method", "websocket"), path, headers.get("origin"))
            return _refusal(403, "拒绝跨站请求：只有本服务自己的页面可以提交。")
        if path in UPLOAD_PATHS:
            return _refusal(403, "本服务不接受上传文件。")
        if scope["type"] == "websocket":
            return None
        length = headers.get("content-length")
        if length is None:
            if "chunked" in headers.get("transfer-encoding", "").lower():
                return _refusal(411, "请求须注明长度（Content-Length）。")
            return None
        if not length.isdigit() or int(length) > self.policy.max_body_bytes:
            return _refusal(413, f"请求太大（上限 {self.policy.max_body_bytes // 1024} KB）。")
        return None

    async def _sign_in(self, scope, receive, send) -> None:
        client = client_key((scope.get("client") or ("unknown", 0))[0])
        wait = self.limiter.begin(client)
        if wait > 0:
            seconds = math.ceil(wait)
            await _refusal(429, f"登录失败次数过多，请 {seconds} 秒后再试。", {"Retry-After": str(seconds)})(scope, receive, send)
            return
        status: list[int] = []

        async def watch(message) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            succeeded = bool(status) and status[0] == 200
            self.limiter.finish(client, succeeded)
        if not succeeded:
            log.warning("failed sign-in from %s (next attempt allowed in %.0f s)", client, self.limiter.wait_seconds(client))


def _signed_in(scope, headers: Headers) -> bool:
    """Whether the request carries a live gradio sign-in cookie (the check gradio's own routes make)."""
    app = scope.get("app")  # the gradio App: Starlette puts itself here before its middleware runs
    tokens, cookie_id = getattr(app, "tokens", None), getattr(app, "cookie_id", None)
    if tokens is None or cookie_id is None:
        return False
    cookies = cookie_parser(headers.get("cookie", ""))
    return any(tokens.get(cookies.get(name)) is not None
               for name in (f"access-token-{cookie_id}", f"access-token-unsecure-{cookie_id}"))


def password_checker(book: UserBook) -> Callable[[str, str], Any]:
    """gradio's ``auth=`` callable: async, so scrypt runs in a worker thread, not on the event loop."""

    async def check_password(username: str, password: str) -> bool:
        return await asyncio.to_thread(book.check, username, password)

    return check_password


def serve_lifespan(policy: ServePolicy, book: UserBook | None):
    """A FastAPI lifespan for gradio's ``App``: installs expiring sessions and a private upload folder."""

    @asynccontextmanager
    async def lifespan(app):
        if book is not None:
            app.tokens = SessionTokens(policy.session_seconds, credential_of=book.password_hash_of)
        upload_dir = Path(tempfile.mkdtemp(prefix=UPLOAD_DIR_PREFIX))  # 0700, this server's only
        app.uploaded_file_dir = str(upload_dir)
        try:
            yield
        finally:
            shutil.rmtree(upload_dir, ignore_errors=True)

    return lifespan


def exposure_problem(host: str, policy: ServePolicy) -> str | None:
    """The Chinese reason ``host`` must not be served under ``policy``, or None when it may."""
    if policy.users_file is not None or is_loopback(host):
        return None
    return (f"拒绝在 {host} 上无登录地开放服务：局域网里的任何人都能看到提问和稿件。\n"
            f"请先添加用户，再带上用户文件启动：\n"
            f"  rag users add 用户名 --users users.json\n"
            f"  rag serve --host {host} --users users.json\n"
            f"（也可以设环境变量 RAG_USERS=users.json。确实要无登录开放时，加 --no-auth-i-know。）")


def protection_options(policy: ServePolicy) -> dict[str, Any]:
    """The ``Blocks.launch`` settings that apply ``policy``: gradio's auth plus the guards above."""
    from starlette.middleware import Middleware

    book = UserBook(policy.users_file) if policy.users_file is not None else None
    limiter = SignInLimiter(policy.first_delay_seconds, policy.max_delay_seconds)
    options: dict[str, Any] = dict(
        max_file_size=UPLOAD_CAP,
        app_kwargs={
            "middleware": [Middleware(RequestGuard, policy=policy, limiter=limiter)],
            "lifespan": serve_lifespan(policy, book),
            "openapi_url": None,  # FastAPI's own route list, open to anyone; gradio's API page needs sign-in
        },
    )
    if book is not None:
        options.update(auth=password_checker(book), auth_message=AUTH_MESSAGE)
    return options


def _log_without_message(error: BaseException | None, limit: int | None = None) -> None:
    if not isinstance(error, BaseException):
        return
    import traceback

    frames = "".join(traceback.format_tb(error.__traceback__, limit)).rstrip()
    logging.getLogger("gradio").error(
        "gradio could not process a request: %s (message withheld: it may quote a question or draft; "
        "start rag serve with --log-questions to see it)\n%s", type(error).__name__, frames)


class _TracebackWithoutValues:
    """Stands in for the ``traceback`` module inside gradio's modules.

    gradio prints a traceback for a request it cannot process, and its messages quote the request's
    values (e.g. 'Received inputs: ["<the question>", …]' for an API call with too few arguments),
    which would put questions and drafts in the server log. This logs the frames and the exception
    type without the message; every other name is the real module's.
    """

    def __getattr__(self, name: str) -> Any:
        import traceback

        return getattr(traceback, name)

    @staticmethod
    def print_exc(limit: int | None = None, file: Any = None, chain: bool = True) -> None:
        import sys

        _log_without_message(sys.exc_info()[1], limit)

    @staticmethod
    def print_exception(exc: Any, value: Any = None, tb: Any = None, limit: int | None = None,
                        file: Any = None, chain: bool = True) -> None:
        _log_without_message(value if isinstance(value, BaseException) else exc, limit)


def withhold_request_values_from_gradio_tracebacks() -> int:
    """Make every loaded gradio module print tracebacks without their messages; returns how many."""
    import sys
    import traceback

    patched = 0
    for name, module in list(sys.modules.items()):
        if (name == "gradio" or name.startswith("gradio.")) and getattr(module, "traceback", None) is traceback:
            module.traceback = _TracebackWithoutValues()
            patched += 1
    return patched
