"""Admission control for answering: a fair line, a few answers at once, "busy" only when the wait would be long.

Gradio's own queue (``Blocks.queue(max_size=…)``) rejects a full queue with an
English toast that the page hard-codes. The line sits inside the handler
instead: every question joins it, first come first served, the user sees how
many questions are ahead ("前面还有 N 个问题"), and only a question whose
expected wait passes ``max_wait_seconds`` is told at once (in Chinese) that the
assistant is busy. The CPU (2 cores) never runs more than ``slots`` answers at
once. The expected wait comes from how long answers have been taking (a moving
average), so it follows the machine's real speed.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from contextlib import contextmanager
from typing import Iterator


class Ticket:
    """One question's place in the line; ``leave()`` it when done (or when giving up)."""

    def __init__(self, gate: "AnswerGate"):
        self._gate = gate
        self.joined = time.monotonic()
        self.started: float | None = None  # when it was let in to run
        self.left = False

    @property
    def running(self) -> bool:
        return self.started is not None and not self.left

    def ahead(self) -> int:
        """How many questions are before this one: those running plus those earlier in the line."""
        return self._gate._ahead_of(self)

    def expected_wait(self) -> float:
        """Seconds until this question is likely to start (0 once it runs)."""
        return 0.0 if self.started is not None else self._gate._wait_for(self.ahead())

    def waited(self) -> float:
        return (self.started or time.monotonic()) - self.joined

    def wait(self, timeout: float) -> bool:
        """Blocks up to ``timeout`` seconds; True once this question may run."""
        return self._gate._wait(self, timeout)

    def leave(self) -> None:
        """Out of the line or out of its slot; safe to call twice."""
        self._gate._leave(self)


class AnswerGate:
    """At most ``slots`` answers run at once; the others wait in line, in order of arrival.

    A question is refused (``join`` returns None) when its expected wait would be
    more than ``max_wait_seconds`` or ``max_line`` questions already wait.
    """

    def __init__(self, slots: int = 2, max_wait_seconds: float = 15.0, max_line: int = 256, first_estimate_seconds: float = 0.5):
        if slots < 1 or max_wait_seconds < 0 or max_line < 0 or first_estimate_seconds <= 0:
            raise ValueError("slots must be >= 1, max_wait_seconds and max_line >= 0, first_estimate_seconds > 0")
        self.slots = slots
        self.max_wait_seconds = max_wait_seconds
        self.max_line = max_line
        self._seconds_per_answer = first_estimate_seconds  # moving average of measured answers
        self._changed = threading.Condition()
        self._line: deque[Ticket] = deque()
        self._running = 0

    @property
    def seconds_per_answer(self) -> float:
        return self._seconds_per_answer

    def load(self) -> tuple[int, int]:
        """(running, waiting) right now."""
        with self._changed:
            return self._running, len(self._line)

    def _wait_for(self, ahead: int) -> float:
        # Questions ahead beyond the free slots are served `slots` at a time; a running one is half done on average.
        queued = ahead - self.slots + 1
        return max(0.0, queued / self.slots * self._seconds_per_answer)

    def join(self) -> Ticket | None:
        """A place at the end of the line, or None when the wait there would be too long (tell the user busy)."""
        ticket = Ticket(self)
        with self._changed:
            ahead = self._running + len(self._line)
            if len(self._line) >= self.max_line or self._wait_for(ahead) > self.max_wait_seconds:
                return None
            self._line.append(ticket)
            self._admit_front()
        return ticket

    def _admit_front(self) -> None:
        # caller holds the lock
        while self._line and self._running < self.slots:
            ticket = self._line.popleft()
            ticket.started = time.monotonic()
            self._running += 1
            self._changed.notify_all()

    def _ahead_of(self, ticket: Ticket) -> int:
        with self._changed:
            if ticket.started is not None or ticket.left:
                return 0
            try:
                return self._running + self._line.index(ticket)
            except ValueError:
                return 0

    def _wait(self, ticket: Ticket, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            while ticket.started is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or ticket.left:
                    return False
                self._changed.wait(remaining)
            return not ticket.left

    def _leave(self, ticket: Ticket) -> None:
        with self._changed:
            if ticket.left:
                return
            ticket.left = True
            if ticket.started is not None:
                self._running -= 1
                seconds = time.monotonic() - ticket.started
                self._seconds_per_answer += 0.2 * (seconds - self._seconds_per_answer)
            else:
                self._line.remove(ticket)
            self._admit_front()
            self._changed.notify_all()

    @contextmanager
    def admit(self, timeout: float | None = None) -> Iterator[bool]:
        """Blocking use: yields True once the caller may run (within ``timeout``, default
        ``max_wait_seconds``), False when it is refused or the wait runs out."""
        ticket = self.join()
        admitted = ticket is not None and ticket.wait(self.max_wait_seconds if timeout is None else timeout)
        try:
            yield admitted
        finally:
            if ticket is not None:
                ticket.leave()
