"""A real `rag serve` in a child process on 127.0.0.1, for tests of what the server lets in.

The child is the CLI itself (``python -m rag.cli serve …``), so option parsing, the users file,
gradio's auth, the request guard and the logging setup are all the ones users run.
Its stdout and stderr go to one log file the tests read.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

import httpx

from ui.security import UPLOAD_DIR_PREFIX

PROJECT_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 120.0  # import gradio + open the index + warm up, on a loaded 2-core machine


def rag_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", *args]


def rag_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(PROJECT_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("RAG_USERS", None)
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServeProcess:
    """``rag serve ARGS --port P`` until ``stop()``; ``url`` once it answers."""

    def __init__(self, serve_args: Sequence[str], log_path: Path, verbose: bool = True, env: dict[str, str] | None = None):
        self.log_path = log_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = open(log_path, "wb")
        folders_before = set(Path(tempfile.gettempdir()).glob(f"{UPLOAD_DIR_PREFIX}*"))
        command = rag_command(*(["-v"] if verbose else []), "serve", *serve_args,
                              "--host", "127.0.0.1", "--port", str(self.port))
        self.process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT,
                                        env=env or rag_env(), cwd=PROJECT_ROOT)
        self._wait_until_up()
        # The private upload folder this server made (other servers of this test run start one at a time).
        self.upload_folders = set(Path(tempfile.gettempdir()).glob(f"{UPLOAD_DIR_PREFIX}*")) - folders_before

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"rag serve exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(self.url + "/", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"rag serve did not answer within {START_TIMEOUT_S:.0f} s:\n{self.log()}")

    def log(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, how: signal.Signals = signal.SIGINT) -> int:
        """Stop the server with ``how``; returns its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(how)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._log.close()
        return self.process.returncode
