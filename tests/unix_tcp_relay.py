"""Relay byte streams between TCP on 127.0.0.1 and a Unix socket, in a background thread; for the tests only.

A Unix socket in the filesystem is reachable across network namespaces, so a server started in its own
namespace (`unshare --net`, nothing it binds is reachable from outside) can be exposed to the test on
127.0.0.1 only:

    inside the namespace:  with relay(unix_to_tcp(sock_path, 19530)): ...       # Unix socket -> 127.0.0.1:19530
    outside:               with relay(tcp_to_unix(port, sock_path)): ...        # 127.0.0.1:port -> Unix socket

Bounded: the listener and every open connection close when the `with` block ends (or the process exits:
the thread is a daemon). Standard library only, so it runs in both virtualenvs.
"""
from __future__ import annotations

import asyncio
import threading
from contextlib import contextmanager
from typing import Awaitable, Callable, Iterator

Opener = Callable[[], Awaitable[tuple[asyncio.StreamReader, asyncio.StreamWriter]]]
Listener = Callable[[Callable], Awaitable[asyncio.AbstractServer]]


def unix_to_tcp(socket_path: str, port: int) -> tuple[Listener, Opener]:
    """Accept on the Unix socket `socket_path`, connect each client to 127.0.0.1:`port`."""
    return (lambda handle: asyncio.start_unix_server(handle, path=socket_path),
            lambda: asyncio.open_connection("127.0.0.1", port))


def tcp_to_unix(port: int, socket_path: str) -> tuple[Listener, Opener]:
    """Accept on 127.0.0.1:`port`, connect each client to the Unix socket `socket_path`."""
    return (lambda handle: asyncio.start_server(handle, "127.0.0.1", port),
            lambda: asyncio.open_unix_connection(socket_path))


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Copy until end of stream, then pass the half-close on; a broken connection ends the copy."""
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()
    except (ConnectionError, OSError):
        writer.close()


@contextmanager
def relay(ends: tuple[Listener, Opener], ready_seconds: float = 10) -> Iterator[None]:
    """Run the relay `ends` in a daemon thread while the block runs; it listens before the block starts."""
    listen, open_upstream = ends
    loop = asyncio.new_event_loop()
    connections: set[asyncio.StreamWriter] = set()

    async def handle(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        connections.add(client_writer)
        try:
            upstream_reader, upstream_writer = await open_upstream()
        except OSError:
            client_writer.close()
            connections.discard(client_writer)
            return
        connections.add(upstream_writer)
        await asyncio.gather(_pipe(client_reader, upstream_writer), _pipe(upstream_reader, client_writer))
        for writer in (client_writer, upstream_writer):
            writer.close()
            connections.discard(writer)

    listening = threading.Event()
    failure: list[BaseException] = []
    server: list[asyncio.AbstractServer] = []

    async def start() -> None:
        try:
            server.append(await listen(handle))
        except OSError as error:
            failure.append(error)
        listening.set()

    thread = threading.Thread(target=loop.run_forever, name="unix-tcp-relay", daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(start(), loop)
    if not listening.wait(ready_seconds) or failure:
        loop.call_soon_threadsafe(loop.stop)
        raise RuntimeError(f"relay did not start listening: {failure or 'timeout'}")
    try:
        yield
    finally:
        async def shutdown() -> None:
            server[0].close()
            for writer in list(connections):
                writer.close()
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            if tasks:  # closed streams end every copy; what still waits is cancelled
                _, pending = await asyncio.wait(tasks, timeout=5)
                for task in pending:
                    task.cancel()
            await asyncio.sleep(0)  # let the transports finish closing

        try:
            asyncio.run_coroutine_threadsafe(shutdown(), loop).result(10)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
            if not thread.is_alive():
                loop.close()
