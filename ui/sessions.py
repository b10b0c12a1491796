"""What `rag serve` keeps in memory per process and per session, and what it evicts first.

- ``PageFirstSessions``: gradio keeps every session (each page load, each raw API call) until
  ``state_session_capacity`` pushes the least recently used out. A flood of one-shot API calls
  would then push out the conversations of people using the page. This holder evicts sessions that
  never loaded the page first, and a page's session only when all kept sessions are pages.
- ``limit_malloc_arenas``: glibc gives threads up to 8 malloc arenas per core, each keeping the
  memory it once held; gradio runs answers on many short-lived worker threads, so memory grows
  with the number of arenas those threads touched. Two arenas are enough for two cores.
- ``load_mapped_data_files``: reads the data files the process mapped (the encoder's weights, the
  index arrays) into memory once, so a ready server already holds what its first hundreds of
  questions would otherwise page in one token at a time.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import mmap
import os
from typing import Any

from gradio.state_holder import StateHolder

log = logging.getLogger(__name__)

MALLOC_ARENAS = 2  # one per core of the machine the server is sized for
M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)
MADV_POPULATE_READ = 22  # Linux 5.14+: fault a mapping's pages in without writing them
MIN_DATA_FILE_BYTES = 1 << 20  # smaller mapped files are not worth a system call
MAX_LOADED_BYTES = 1 << 30  # never read more than this much of mapped files into memory


class PageFirstSessions(StateHolder):
    """gradio's session store, evicting one-shot API sessions before sessions of the page."""

    _pages: set[str]

    @classmethod
    def install(cls, blocks: Any) -> None:
        """Turns the running server's session store (``blocks.state_holder``) into this class."""
        holder = getattr(blocks, "state_holder", None)
        if isinstance(holder, StateHolder) and not isinstance(holder, cls):
            with holder.lock:
                holder._pages = set()
                holder.__class__ = cls

    @staticmethod
    def mark_page(blocks: Any, session_hash: str | None) -> None:
        """Remembers that ``session_hash`` loaded the page (called from the page's load event)."""
        holder = getattr(blocks, "state_holder", None)
        if isinstance(holder, PageFirstSessions) and session_hash:
            with holder.lock:
                if session_hash in holder.session_data:
                    holder._pages.add(session_hash)

    def update(self, session_id: str) -> None:
        with self.lock:
            if session_id in self.session_data:
                self.session_data.move_to_end(session_id)
            while len(self.session_data) > max(self.capacity, 1):
                self._evict_one(keep=session_id)

    def _evict_one(self, keep: str) -> None:
        # Oldest first: the least recently used session that never loaded the page, else the oldest page;
        # never ``keep``, the session being used right now (gradio reads it again after this).
        others = [sid for sid in self.session_data if sid != keep]
        if not others:
            return
        victim = next((sid for sid in others if sid not in self._pages), others[0])
        del self.session_data[victim]
        self.time_last_used.pop(victim, None)
        self._pages.discard(victim)


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:
        return None


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Caps glibc's malloc arenas for threads started from now on; False where that is not glibc."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(M_ARENA_MAX, arenas))


def _mapped_data_files() -> list[tuple[int, int]]:
    """(start, length) of this process's read-only mappings of regular data files (no libraries)."""
    regions: list[tuple[int, int]] = []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            rows = [line.split(maxsplit=5) for line in maps]
    except OSError:
        return regions
    rows = [parts for parts in rows if len(parts) == 6 and parts[5].startswith("/")]
    programs = {parts[5] for parts in rows if "x" in parts[1] or ".so" in os.path.basename(parts[5])}
    for parts in rows:
        path = parts[5].rstrip("\n")
        if "w" in parts[1] or parts[5] in programs or path.startswith(("/usr/", "/dev/")):
            continue
        start, end = (int(value, 16) for value in parts[0].split("-"))
        if end - start >= MIN_DATA_FILE_BYTES:
            regions.append((start, end - start))
    return regions


def load_mapped_data_files(limit: int = MAX_LOADED_BYTES) -> int:
    """Faults in the process's mapped data files (at most ``limit`` bytes); returns the bytes loaded."""
    libc = _libc()
    madvise = getattr(libc, "madvise", None)
    if madvise is None:
        return 0
    madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    loaded = 0
    for start, length in _mapped_data_files():
        length = min(length, limit - loaded)
        length -= length % mmap.PAGESIZE
        if length <= 0:
            break
        if madvise(start, length, MADV_POPULATE_READ) == 0:
            loaded += length
        else:  # an older kernel, or the file shrank: the pages load on first use as before
            log.debug("madvise(MADV_POPULATE_READ) failed: errno %d", ctypes.get_errno())
    return loaded
