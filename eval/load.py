"""Load report for `rag serve`: concurrent gradio clients, a flood, and a soak with bad inputs mixed in.

    python eval/load.py                                   # 1/4/16/32/64 clients x 10, flood of 150, 60 s soak
    python eval/load.py --soak-seconds 600 --out eval/results/load
    python eval/load.py --clients 32 --flood 0 --soak-seconds 0 --slots 1,2,3   # size the gate

Everything stays on 127.0.0.1 and every loop is bounded in count and time. The server is a real
`rag serve` subprocess (with ``--slots``, the same app and warm-up started with another gate size,
to measure how many answers should run at once). Each reply is classified as an answer (or a
refusal: both are answers), a Chinese busy message ("繁忙"), or an error (anything else: an
exception, gradio's English queue toast, "出错了"). RSS is the server's, from /proc.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS_FILE = PROJECT_ROOT / "eval" / "gold.jsonl"
BUSY_MARK = "繁忙"
FAILED_MARK = "出错了"
REQUEST_TIMEOUT_S = 120.0  # no single request may take longer than this
PHASE_TIMEOUT_S = 900.0  # nor one phase


def questions() -> list[str]:
    """The seed gold set's questions that stand alone (follow-ups need their history)."""
    rows = [json.loads(line) for line in QUESTIONS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row["question"] for row in rows if row.get("kind") != "followup"]


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (all its threads), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --------------------------------------------------------------------------- the server


def _child_serve(index: str, corpus: str, port: int, slots: int) -> None:
    """`rag serve`, with a gate of ``slots`` (only for --slots)."""
    from rag.assistant import Assistant
    from ui.app import build_app, launch, warm_up
    from ui.gate import AnswerGate

    assistant = Assistant.open(Path(corpus), Path(index))
    app = build_app(assistant, AnswerGate(slots=slots))
    warm_up(assistant)
    launch(app, "127.0.0.1", port, block=True, quiet=True)


class Server:
    """A `rag serve` process on a free loopback port."""

    def __init__(self, index: Path, corpus: Path, slots: int | None, log: Path, code: Path = PROJECT_ROOT):
        import httpx

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "PYTHONPATH": str(code), "RAG_LLM_BASE_URL": ""}
        if slots is None:
            command = [sys.executable, "-m", "rag.cli", "serve", "--index", str(index), "--corpus", str(corpus), "--port", str(self.port)]
        else:
            command = [sys.executable, str(Path(__file__).resolve()), "--child", str(index), str(corpus), str(self.port), str(slots)]
        self._log = open(log, "ab")
        self.process = subprocess.Popen(command, stdout=self._log, stderr=self._log, env=env, cwd=code)
        deadline = time.monotonic() + 300
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited; see {log}")
            try:
                if httpx.get(self.url, timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the server did not come up in 300 s")
            time.sleep(0.5)

    def rss(self) -> float:
        return rss_mib(self.process.pid)

    def cpu(self) -> float:
        return cpu_seconds(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(30)
        self._log.close()


# --------------------------------------------------------------------------- requests


@dataclass
class Outcome:
    kind: str  # "answer" | "busy" | "error"
    seconds: float
    detail: str = ""


def classify(messages: object) -> Outcome:
    try:
        content = messages[-1]["content"]  # type: ignore[index]
        text = content if isinstance(content, str) else "".join(p.get("text", "") for p in content if isinstance(p, dict))
    except (TypeError, KeyError, IndexError):
        return Outcome("error", 0.0, f"unexpected output {str(messages)[:100]}")
    if BUSY_MARK in text:
        return Outcome("busy", 0.0)
    if FAILED_MARK in text:
        return Outcome("error", 0.0, text[:200])
    return Outcome("answer", 0.0)


def ask(client, question: str) -> Outcome:
    return ask_client(client, [question, 5, "hybrid", "", "", ""])


def ask_client(client, data: list) -> Outcome:
    """One /ask call in the client's session; the time until its final reply."""
    started = time.monotonic()
    try:
        messages, _box = client.submit(*data, api_name="/ask").result(timeout=REQUEST_TIMEOUT_S)
        outcome = classify(messages)
    except Exception as exc:  # gradio's queue-full toast arrives as an exception here
        outcome = Outcome("error", 0.0, f"{type(exc).__name__}: {str(exc)[:200]}")
    outcome.seconds = time.monotonic() - started
    return outcome


def call_raw(url: str, data: list) -> Outcome:
    """The /call API with a hand-encoded JSON body: for inputs no client library sends (lone surrogates, wrong types)."""
    import httpx

    started = time.monotonic()
    try:
        body = json.dumps({"data": data}).encode("ascii")
        posted = httpx.post(url + "gradio_api/call/ask", content=body, headers={"Content-Type": "application/json"}, timeout=30)
        if posted.status_code != 200:  # the request guard (413: too large) or gradio refusing the payload's shape
            clean = posted.status_code in (400, 413, 422)
            return Outcome("answer" if clean else "error", time.monotonic() - started, f"HTTP {posted.status_code} {posted.text[:100]}")
        stream = httpx.get(url + f"gradio_api/call/ask/{posted.json()['event_id']}", timeout=REQUEST_TIMEOUT_S).text
        last = [e for e in stream.split("event: ") if e.startswith(("complete", "error"))][-1]
        if last.startswith("error"):
            outcome = Outcome("error", 0.0, last[:200])
        else:
            outcome = classify(json.loads(last.split("data:", 1)[1])[0])
    except Exception as exc:
        outcome = Outcome("error", 0.0, f"{type(exc).__name__}: {str(exc)[:200]}")
    outcome.seconds = time.monotonic() - started
    return outcome


def make_client(url: str):
    from gradio_client import Client

    # A generous read timeout: on a loaded machine httpx's default (5 s) fails requests the server still answers.
    return Client(url, verbose=False, download_files=False, httpx_kwargs={"timeout": REQUEST_TIMEOUT_S})


# --------------------------------------------------------------------------- phases


@dataclass
class PhaseResult:
    name: str
    clients: int
    requests: int
    answered: int
    busy: int
    errors: int
    p50_s: float | None
    p95_s: float | None
    max_s: float | None
    rss_before_mib: float
    rss_max_mib: float
    rss_after_mib: float
    seconds: float
    load_before: list[float]
    load_after: list[float]
    normal_after: bool | None = None
    server_cpu_s: float | None = None  # the server's CPU time over the phase (load-independent work)
    error_samples: list[str] = field(default_factory=list)


class RssSampler(threading.Thread):
    def __init__(self, server: Server, every: float = 0.5):
        super().__init__(daemon=True)
        self.server, self.every, self.peak, self.samples = server, every, 0.0, []
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            value = self.server.rss()
            self.peak = max(self.peak, value)
            self.samples.append((time.monotonic(), value))
            self._halt.wait(self.every)

    def stop(self) -> float:
        self._halt.set()
        self.join(5)
        return self.peak


def _summary(name: str, clients: int, outcomes: list[Outcome], server: Server, rss_before: float, peak: float, seconds: float, load_before,
             cpu_before: float) -> PhaseResult:
    answered = [o.seconds for o in outcomes if o.kind == "answer"]
    pct = (lambda q: round(float(np.percentile(answered, q)), 3)) if answered else (lambda q: None)
    return PhaseResult(
        name=name, clients=clients, requests=len(outcomes),
        answered=len(answered), busy=sum(o.kind == "busy" for o in outcomes), errors=sum(o.kind == "error" for o in outcomes),
        p50_s=pct(50), p95_s=pct(95), max_s=round(max(answered), 3) if answered else None,
        rss_before_mib=rss_before, rss_max_mib=max(peak, server.rss()), rss_after_mib=server.rss(), seconds=round(seconds, 1),
        load_before=load_before, load_after=[round(x, 2) for x in os.getloadavg()],
        server_cpu_s=round(server.cpu() - cpu_before, 2),
        error_samples=sorted({o.detail for o in outcomes if o.kind == "error"})[:5],
    )


def run_clients(server: Server, clients: int, per_client: int, pool: list[str], name: str) -> PhaseResult:
    """``clients`` users, each with its own session, asking ``per_client`` questions one after another."""
    sessions = [make_client(server.url) for _ in range(clients)]
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)
    deadline = time.monotonic() + PHASE_TIMEOUT_S

    def user(number: int, client) -> None:
        rng = random.Random(number)
        start.wait(60)
        for _ in range(per_client):
            if time.monotonic() > deadline:
                return
            outcome = ask(client, rng.choice(pool))
            with lock:
                outcomes.append(outcome)

    load_before = [round(x, 2) for x in os.getloadavg()]
    rss_before = server.rss()
    cpu_before = server.cpu()
    sampler = RssSampler(server)
    sampler.start()
    began = time.monotonic()
    threads = [threading.Thread(target=user, args=(i, c), daemon=True) for i, c in enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1.0, deadline - time.monotonic()))
    peak = sampler.stop()
    result = _summary(name, clients, outcomes, server, rss_before, peak, time.monotonic() - began, load_before, cpu_before)
    for client in sessions:
        client.close()
    return result


def run_flood(server: Server, requests: int, pool: list[str]) -> PhaseResult:
    """``requests`` questions sent at the same moment, one session each; then one ordinary question."""
    result = run_clients(server, requests, 1, pool, f"flood of {requests}")
    time.sleep(1.0)
    probe = make_client(server.url)
    result.normal_after = ask(probe, pool[0]).kind == "answer"
    probe.close()
    return result


# Inputs a careless or hostile client sends; each must end as a Chinese message (counted as an answer here).
def bad_inputs(rng: random.Random) -> list:
    size = rng.choice([600, 100_000, 1_000_000, 4_000_000])
    return [
        ["问" * size, 5, "hybrid", "", "", ""],
        ["？？？", 5, "hybrid", "", "", ""],
        ["{'a': 1}", 5, "hybrid", "", "", ""],
        ["城中区\ud800一季度新增就业多少", 5, "hybrid", "", "", ""],
        ["城中区一季度新增就业多少", 5, "hybrid", "", "", "新华社\udc80"],
        ["城中区一季度新增就业多少", 5, "hybrid", "2026-13-45", "x" * 100_000, ""],
        ["城中区一季度新增就业多少", 5, "hybrid", "", "", "、".join(["来源"] * 5000)],
        [{"not": "text"}, 5, "hybrid", "", "", ""],
        ["城中区一季度新增就业多少", "五", ["hybrid"], None, 3, {"a": 1}],
        ["城中区一季度新增就业多少", 0, "fuzzy", "", "", ""],
    ]


def run_soak(server: Server, seconds: float, clients: int, pool: list[str]) -> dict:
    """``clients`` users asking for ``seconds``: good questions in their own sessions (a new one every 20
    questions, so sessions pile up as on a real day) and every third request a bad input sent as raw JSON
    (each such call is a session of its own). A refusal with a Chinese message counts as answered."""
    deadline = time.monotonic() + seconds
    counts = {"answer": 0, "busy": 0, "error": 0, "bad_inputs": 0}
    errors: set[str] = set()
    lock = threading.Lock()
    rss_start = server.rss()
    cpu_start = server.cpu()
    load_before = [round(x, 2) for x in os.getloadavg()]
    sampler = RssSampler(server, every=5.0)
    sampler.start()

    def user(number: int) -> None:
        rng = random.Random(1000 + number)
        client, asked = make_client(server.url), 0
        while time.monotonic() < deadline:
            if asked and asked % 20 == 0:
                client.close()
                client = make_client(server.url)
            asked += 1
            bad = asked % 3 == 0
            if bad:
                outcome = call_raw(server.url, rng.choice(bad_inputs(rng)))
            else:
                outcome = ask(client, rng.choice(pool))
            with lock:
                counts[outcome.kind] += 1
                counts["bad_inputs"] += bad
                if outcome.kind == "error":
                    errors.add(outcome.detail)
        client.close()

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + REQUEST_TIMEOUT_S + 30)
    sampler.stop()
    time.sleep(2.0)
    rss_end = server.rss()
    return {
        "seconds": seconds, "clients": clients, **counts,
        "rss_start_mib": rss_start, "rss_end_mib": rss_end, "rss_max_mib": sampler.peak,
        "rss_growth_pct": round(100 * (rss_end - rss_start) / rss_start, 1),
        "server_cpu_s": round(server.cpu() - cpu_start, 2),
        "rss_samples_mib": [v for _, v in sampler.samples][:: max(1, len(sampler.samples) // 20)],
        "load_before": load_before, "load_after": [round(x, 2) for x in os.getloadavg()],
        "error_samples": sorted(errors)[:5],
    }


# --------------------------------------------------------------------------- report


def markdown(results: list[PhaseResult], soak: dict | None) -> str:
    lines = [
        "| clients × questions | requests | answered | busy (繁忙) | errors | p50 s | p95 s | max s | server CPU s per answer | RSS before → max → after MiB | load (1/5/15 min) before → after |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in results:
        busy_pct = f"{r.busy} ({100 * r.busy / r.requests:.1f} %)" if r.requests else "0"
        cpu_per_answer = f"{r.server_cpu_s / r.answered:.3f}" if r.answered and r.server_cpu_s is not None else ""
        normal = "" if r.normal_after is None else (" · next question answered" if r.normal_after else " · next question FAILED")
        lines.append(
            f"| {r.name}{normal} | {r.requests} | {r.answered} | {busy_pct} | {r.errors} | {r.p50_s} | {r.p95_s} | {r.max_s} | {cpu_per_answer} "
            f"| {r.rss_before_mib:.0f} → {r.rss_max_mib:.0f} → {r.rss_after_mib:.0f} | {'/'.join(map(str, r.load_before))} → {'/'.join(map(str, r.load_after))} |"
        )
    if soak:
        lines += [
            "",
            "| soak | requests | of them bad inputs | answered or refused | busy | errors | RSS start → end MiB (max) | growth | load before → after |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |",
            f"| {soak['seconds']:.0f} s, {soak['clients']} clients | {soak['answer'] + soak['busy'] + soak['error']} | {soak['bad_inputs']} | {soak['answer']} | {soak['busy']} "
            f"| {soak['error']} | {soak['rss_start_mib']:.0f} → {soak['rss_end_mib']:.0f} ({soak['rss_max_mib']:.0f}) | {soak['rss_growth_pct']} % "
            f"| {'/'.join(map(str, soak['load_before']))} → {'/'.join(map(str, soak['load_after']))} |",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, default=None, help="index to serve (default: a fresh seed index in a temporary folder)")
    parser.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "seeds")
    parser.add_argument("--clients", default="1,4,16,32,64", help="comma-separated client counts")
    parser.add_argument("--questions", type=int, default=10, help="questions per client")
    parser.add_argument("--flood", type=int, default=150, help="requests sent at once (0: none)")
    parser.add_argument("--soak-seconds", type=float, default=60.0, help="soak duration (0: none; the report used 600)")
    parser.add_argument("--soak-clients", type=int, default=8)
    parser.add_argument("--slots", default=None, help="comma-separated gate sizes to compare (default: rag serve as shipped)")
    parser.add_argument("--code", type=Path, default=PROJECT_ROOT, help="the checkout whose `rag serve` runs (e.g. main, for a before/after)")
    parser.add_argument("--out", type=Path, default=None, help="write report.json and report.md here")
    args = parser.parse_args(argv)
    clients = [int(c) for c in args.clients.split(",") if c.strip()]
    if args.soak_seconds > 3600 or args.flood > 1000 or max(clients, default=0) > 256:
        parser.error("bounded by design: soak <= 3600 s, flood <= 1000, clients <= 256")

    import tempfile

    work = Path(tempfile.mkdtemp(prefix="rag-load-"))
    index = args.index
    if index is None:
        index = work / "index"
        subprocess.run([sys.executable, "-m", "rag.cli", "index", "--corpus", str(args.corpus), "--index", str(index)],
                       check=True, cwd=PROJECT_ROOT, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}, timeout=1800)
    pool = questions()
    report: dict = {"cpu_count": os.cpu_count(), "runs": []}
    for slots in ([None] if args.slots is None else [int(s) for s in args.slots.split(",")]):
        server = Server(index, args.corpus, slots, work / "server.log", args.code.resolve())
        try:
            run = {"slots": slots or "rag serve default", "phases": [], "soak": None}
            for count in clients:
                result = run_clients(server, count, args.questions, pool, f"{count} × {args.questions}")
                run["phases"].append(result)
                print(markdown([result], None).splitlines()[-1], result.error_samples, flush=True)
            if args.flood:
                result = run_flood(server, args.flood, pool)
                run["phases"].append(result)
                print(markdown([result], None).splitlines()[-1], result.error_samples, flush=True)
            if args.soak_seconds:
                run["soak"] = run_soak(server, args.soak_seconds, args.soak_clients, pool)
            print(f"\n## gate slots: {run['slots']}\n\n" + markdown(run["phases"], run["soak"]), flush=True)
            report["runs"].append({**run, "phases": [asdict(p) for p in run["phases"]]})
        finally:
            server.stop()
    log_text = (work / "server.log").read_text(encoding="utf-8", errors="replace")
    report["server_tracebacks"] = log_text.count("Traceback")
    print(f"server log: {work / 'server.log'} ({report['server_tracebacks']} tracebacks)")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        (args.out / "report.md").write_text(
            "\n".join(f"## gate slots: {run['slots']}\n\n" + markdown([PhaseResult(**p) for p in run["phases"]], run["soak"]) for run in report["runs"]),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        sys.path.insert(0, str(PROJECT_ROOT))
        _child_serve(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.path.insert(0, str(PROJECT_ROOT))
        sys.exit(main())
