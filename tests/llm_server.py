"""A real HTTP server on 127.0.0.1 that speaks POST /v1/chat/completions, with scripted replies.

It stands in for vLLM / Ollama / llama.cpp in the tests of ``rag.llm``: the
client under test opens real sockets, reads real SSE framing, and meets real
stalls, while each test decides what the "model" says and how it misbehaves.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Sequence, Union

CHAT_PATH = "/v1/chat/completions"


@dataclass(frozen=True)
class StreamedReply:
    """SSE chunks, one per piece, ``delay_s`` apart, closed by ``data: [DONE]``."""

    pieces: Sequence[str]
    delay_s: float = 0.0


@dataclass(frozen=True)
class JsonReply:
    """One chat.completion JSON body, as a server that ignores ``stream`` sends it."""

    content: str


@dataclass(frozen=True)
class RawReply:
    """Any status, content type and body: errors, garbage."""

    status: int
    body: bytes
    content_type: str = "application/json"


@dataclass(frozen=True)
class StalledStream:
    """Send SSE headers and ``pieces``, then go silent with the connection open."""

    pieces: Sequence[str] = ()


@dataclass(frozen=True)
class TrickleStream:
    """Send a piece every ``interval_s`` and never finish: no single read ever times out."""

    piece: str = "城"
    interval_s: float = 0.2
    give_up_s: float = 10.0  # so a client without a total deadline fails the test instead of hanging it


Reply = Union[StreamedReply, JsonReply, RawReply, StalledStream, TrickleStream]


@dataclass
class ReceivedRequest:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


def _chunk(model: str, delta: dict, finish_reason: str | None = None) -> bytes:
    event = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }
    return f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode()


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        owner = self.server.owner
        owner.requests.append(ReceivedRequest(self.path, dict(self.headers.items()), body))
        if self.path != CHAT_PATH:
            self._send(404, b'{"error": {"message": "not found"}}', "application/json")
            return
        try:
            self._reply(owner.reply, str(body.get("model", "")), owner.release)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (deadline): that is what some tests want

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _start_stream(self, model: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()  # HTTP/1.0: the body ends when the connection closes
        self.wfile.write(_chunk(model, {"role": "assistant", "content": ""}))
        self.wfile.flush()

    def _reply(self, reply: Reply, model: str, release: threading.Event) -> None:
        if isinstance(reply, JsonReply):
            body = {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": 0,
                "model": model,
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": reply.content}, "finish_reason": "stop"}
                ],
            }
            self._send(200, json.dumps(body, ensure_ascii=False).encode(), "application/json")
        elif isinstance(reply, RawReply):
            self._send(reply.status, reply.body, reply.content_type)
        elif isinstance(reply, StreamedReply):
            self._start_stream(model)
            for i, piece in enumerate(reply.pieces):
                if i and reply.delay_s:
                    time.sleep(reply.delay_s)
                self.wfile.write(_chunk(model, {"content": piece}))
                self.wfile.flush()
            self.wfile.write(_chunk(model, {}, "stop"))
            self.wfile.write(b"data: [DONE]\n\n")
        elif isinstance(reply, StalledStream):
            self._start_stream(model)
            for piece in reply.pieces:
                self.wfile.write(_chunk(model, {"content": piece}))
                self.wfile.flush()
            release.wait(timeout=10)
        elif isinstance(reply, TrickleStream):
            self._start_stream(model)
            give_up = time.monotonic() + reply.give_up_s
            while not release.wait(timeout=reply.interval_s) and time.monotonic() < give_up:
                self.wfile.write(_chunk(model, {"content": reply.piece}))
                self.wfile.flush()
        else:
            raise TypeError(f"unknown reply {reply!r}")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: "ChatCompletionsServer"


@dataclass
class ChatCompletionsServer:
    """``with ChatCompletionsServer(reply) as server:`` serves ``reply`` at ``server.base_url``."""

    reply: Reply
    requests: list[ReceivedRequest] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)  # set on exit: stalled handlers end

    def __enter__(self) -> "ChatCompletionsServer":
        self._server = _Server(("127.0.0.1", 0), _Handler)  # port 0: the OS picks a free port
        self._server.owner = self
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},  # shutdown() waits up to one poll interval
            name="llm-test-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"
