"""Run the real Milvus 2.3.5 standalone server (PyPI package `milvus`) until SIGTERM; for the tests only.

    .venv-milvus23/bin/python tests/milvus_server.py DATA_DIR PORT [UNIX_SOCKET]

Runs in its own virtualenv (made by scripts/setup.sh --test: milvus==2.3.5
needs pymilvus<2.4), so the product's own pymilvus talks to it over gRPC as to
any Milvus server. Prints "ready" once the server answers; stops it (and its
etcd and storage) on SIGTERM or SIGINT.

Milvus 2.3's gRPC ports bind all interfaces, so the tests start this inside its own
network namespace (`unshare --net`, loopback only) and pass UNIX_SOCKET: a relay then
accepts there and connects to 127.0.0.1:PORT, and the test reaches it through that
socket (tests/unix_tcp_relay.py).
"""
import signal
import sys
import time
from contextlib import nullcontext

from milvus import default_server

from unix_tcp_relay import relay, unix_to_tcp


def main() -> None:
    data_dir, port = sys.argv[1], int(sys.argv[2])
    unix_socket = sys.argv[3] if len(sys.argv) > 3 else None
    default_server.set_base_dir(data_dir)
    default_server.listen_address = "127.0.0.1"  # etcd and minio bind here; Milvus 2.3's gRPC ports bind all interfaces
    default_server.listen_port = port
    stopping = []

    def stop(*_):
        stopping.append(True)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    started = time.monotonic()
    default_server.start()
    try:
        with relay(unix_to_tcp(unix_socket, port)) if unix_socket else nullcontext():
            print(f"ready {time.monotonic() - started:.1f}s", flush=True)
            while not stopping:
                time.sleep(0.2)
    finally:
        default_server.stop()


if __name__ == "__main__":
    main()
