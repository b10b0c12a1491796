"""Admission control for answering: a few answers at once, a short line, and "busy" for the rest.

Gradio's own queue (``Blocks.queue(max_size=…)``) rejects a full queue with an
English toast that the page hard-codes. The gate sits inside the handler, so a
user who cannot be served soon gets the Chinese message in the chat instead,
and the CPU (2 cores) never runs more answers at once than it has room for.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator


class AnswerGate:
    """At most ``slots`` answers run at once; at most ``waiting`` more wait, each up to ``wait_seconds``."""

    def __init__(self, slots: int = 2, waiting: int = 8, wait_seconds: float = 20.0):
        if slots < 1 or waiting < 0 or wait_seconds < 0:
            raise ValueError("slots must be >= 1, waiting and wait_seconds >= 0")
        self.slots = slots
        self.waiting = waiting
        self.wait_seconds = wait_seconds
        self._running = threading.Semaphore(slots)
        self._lock = threading.Lock()
        self._admitted = 0  # running plus waiting

    @property
    def capacity(self) -> int:
        """How many handler calls can be inside the gate (running or waiting) at once."""
        return self.slots + self.waiting

    def _enter(self) -> bool:
        with self._lock:
            if self._admitted >= self.capacity:
                return False
            self._admitted += 1
        if self._running.acquire(timeout=self.wait_seconds):
            return True
        with self._lock:
            self._admitted -= 1
        return False

    def _leave(self) -> None:
        # A Semaphore, not a Lock: a streaming handler may be resumed on another worker thread.
        self._running.release()
        with self._lock:
            self._admitted -= 1

    @contextmanager
    def admit(self) -> Iterator[bool]:
        """Yields True when the caller may run now, False when it should be told the assistant is busy."""
        admitted = self._enter()
        try:
            yield admitted
        finally:
            if admitted:
                self._leave()
