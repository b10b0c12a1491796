"""Fault drills for the index and the added-articles store (issue 13): does any fault lose an added article?

    PYTHONPATH=. python eval/fault_drills.py                    # 200 adds, every drill, table to stdout
    PYTHONPATH=. python eval/fault_drills.py --adds 20 --out eval/RELIABILITY.md   # quicker; writes the section

Drills, each bounded in count and time, all on copies under a temp folder (nothing leaves 127.0.0.1; nothing
touches the project's index):

- corruption: after ``--adds`` separate `rag add`s (one update each, through ``rag.library.add_paths``, what
  `rag add` runs), each file of the published build in turn is truncated to 0 %, 50 %, 99 % or has one bit
  flipped; then `rag list --added` runs, then `rag doctor`. Outcome: which command noticed, how many added
  articles `rag list` shows afterwards, whether the damaged build was kept in damaged/;
- kill -9 of `rag add` at every step of an update (``RAG_FAULT_AT``), and of `rag index --force` after a delay;
- concurrent writers: several `rag add` processes at once, plus one `rag remove`;
- full disk: `rag add` with the index on a small tmpfs (a private mount namespace; skipped where not permitted).

Writes the markdown table to stdout, or into the "## Fault drills" section of ``--out`` (other sections kept).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from rag.cli import main as rag_main  # noqa: E402
from rag.encoders import make_encoder  # noqa: E402
from rag.index import CURRENT_FILE, DAMAGED_BUILDS_DIR, FAULT_POINTS, build_index, verify_build  # noqa: E402
from rag.library import add_paths  # noqa: E402
from rag.source_store import SourceStore  # noqa: E402

SECTION = "## Fault drills"
DAMAGES = ("truncate0", "truncate50", "truncate99", "bitflip")
KILL_DELAYS = (0.5, 1.5, 3.0, 5.0)  # seconds into `rag index --force`
WRITERS = 4
TMPFS_EXTRA_KIB = (64, 512, 1024, 2048, 8192)  # free space left beside the copied index
COMMAND_TIMEOUT = 300


@dataclass(frozen=True)
class Row:
    drill: str
    case: str
    outcome: str
    added_after: str  # "listed / expected"
    ok: bool
    seconds: float


def article(n: int) -> str:
    """A short article whose figures are unique to ``n``, so its paragraph can be found again."""
    return f"本报讯 海晏县第{n}号工程今年完工，新建道路{n * 7 + 3}公里，投资{n * 13 + 100}万元。\n"


def run_cli(*args: str) -> tuple[int, str, str]:
    """`rag ARGS` in this process (as the CLI runs it), with its stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = rag_main(list(args))
    return code, out.getvalue(), err.getvalue()


def run_process(*args: str, env: dict | None = None, timeout: float = COMMAND_TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rag.cli", *args], env={**os.environ, "RAG_LLM_BASE_URL": "", **(env or {})},
                          capture_output=True, text=True, timeout=timeout, cwd=PROJECT)


def listed_added(corpus: Path, index_dir: Path) -> set[str] | None:
    code, out, _ = run_cli("list", "--added", "--json", "--corpus", str(corpus), "--index", str(index_dir))
    return {row["source"] for row in json.loads(out)} if code == 0 else None


def published(index_dir: Path) -> Path:
    return index_dir / "builds" / (index_dir / CURRENT_FILE).read_text().strip()


def damage(path: Path, how: str) -> None:
    """Truncate to 0 %, 50 % or 99 % of the size, or flip one bit in the middle."""
    data = bytearray(path.read_bytes())
    if how == "bitflip":
        data[len(data) // 2] ^= 0x10
        path.write_bytes(bytes(data))
    else:
        path.write_bytes(bytes(data[:{"truncate0": 0, "truncate50": len(data) // 2, "truncate99": len(data) * 99 // 100}[how]]))


def prepare(root: Path, adds: int, seeds: Path) -> tuple[Path, Path, set[str]]:
    """The bundled seeds indexed, then ``adds`` files added one update at a time."""
    corpus = root / "corpus"
    shutil.copytree(seeds, corpus)
    index_dir = root / "index"
    encoder = make_encoder()
    build_index(corpus, index_dir, encoder)
    inbox = root / "inbox"
    inbox.mkdir()
    names: set[str] = set()
    for n in range(adds):
        path = inbox / f"item{n:03d}.txt"
        path.write_text(article(n), encoding="utf-8")
        add_paths(index_dir, encoder, [path])
        names.add(path.name)
    return corpus, index_dir, names


def corruption_drills(root: Path, corpus: Path, original: Path, names: set[str], damages: tuple[str, ...]) -> list[Row]:
    rows: list[Row] = []
    build = published(original)
    files = sorted(p.relative_to(build).as_posix() for p in build.rglob("*") if p.is_file())
    for how in damages:
        for file in files:
            started = time.perf_counter()
            index_dir = root / "corrupt"
            shutil.copytree(original, index_dir)
            damaged_build = published(index_dir)
            damage(damaged_build / file, how)
            first = listed_added(corpus, index_dir)
            noticed_at_open = (index_dir / DAMAGED_BUILDS_DIR / damaged_build.name).is_dir()
            code, _, err = run_cli("doctor", "--corpus", str(corpus), "--index", str(index_dir))
            noticed_by_doctor = not noticed_at_open and (index_dir / DAMAGED_BUILDS_DIR / damaged_build.name).is_dir()
            after = listed_added(corpus, index_dir) or set()
            kept = (index_dir / DAMAGED_BUILDS_DIR / damaged_build.name / file).exists()
            try:
                verify_build(published(index_dir), full=True)
                healthy = True
            except Exception:
                healthy = False
            noticed = "open (rag list)" if noticed_at_open else "rag doctor" if noticed_by_doctor else "not noticed"
            first_count = "error, pointed to rag doctor" if first is None else f"{len(first & names)}"
            outcome = f"noticed by {noticed}; first `rag list` showed {first_count}; damaged build {'kept' if kept else 'NOT kept'}"
            ok = after == names and healthy and code == 0 and (kept or noticed == "not noticed")
            rows.append(Row("corruption", f"{file} {how}", outcome, f"{len(after & names)}/{len(names)}", ok,
                            round(time.perf_counter() - started, 1)))
            shutil.rmtree(index_dir)
    return rows


def kill_drills(root: Path, corpus: Path, original: Path, names: set[str]) -> list[Row]:
    rows: list[Row] = []
    extra = root / "late.txt"
    extra.write_text(article(100_000), encoding="utf-8")
    for point in FAULT_POINTS:
        started = time.perf_counter()
        index_dir = root / "killed"
        shutil.copytree(original, index_dir)
        process = run_process("add", str(extra), "--corpus", str(corpus), "--index", str(index_dir), env={"RAG_FAULT_AT": point})
        after = listed_added(corpus, index_dir) or set()
        in_store = "late.txt" in SourceStore(index_dir).entries()
        landed = "late.txt" in after
        ok = process.returncode == -9 and names <= after and landed == in_store
        rows.append(Row("kill -9 `rag add`", point, f"exit {process.returncode}; next open: the new file "
                        f"{'indexed' if landed else 'absent'}, store {'has' if in_store else 'lacks'} it",
                        f"{len(after & names)}/{len(names)}", ok, round(time.perf_counter() - started, 1)))
        shutil.rmtree(index_dir)
    for delay in KILL_DELAYS:
        started = time.perf_counter()
        index_dir = root / "killed"
        shutil.copytree(original, index_dir)
        command = [sys.executable, "-m", "rag.cli", "index", "--force", "--corpus", str(corpus), "--index", str(index_dir)]
        process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        killed = process.poll() is None
        if killed:
            process.kill()
        process.wait(timeout=COMMAND_TIMEOUT)
        after = listed_added(corpus, index_dir) or set()
        rows.append(Row("kill -9 `rag index --force`", f"after {delay} s", "killed" if killed else "had finished",
                        f"{len(after & names)}/{len(names)}", after == names, round(time.perf_counter() - started, 1)))
        shutil.rmtree(index_dir)
    return rows


def concurrent_writers(root: Path, corpus: Path, original: Path, names: set[str]) -> list[Row]:
    started = time.perf_counter()
    index_dir = root / "concurrent"
    shutil.copytree(original, index_dir)
    files = []
    for n in range(WRITERS):
        path = root / f"writer{n}.txt"
        path.write_text(article(200_000 + n), encoding="utf-8")
        files.append(path)
    removed = sorted(names)[0]
    env = {**os.environ, "RAG_LLM_BASE_URL": ""}
    commands = [[sys.executable, "-m", "rag.cli", "add", str(p), "--corpus", str(corpus), "--index", str(index_dir)] for p in files]
    commands.append([sys.executable, "-m", "rag.cli", "remove", removed, "--corpus", str(corpus), "--index", str(index_dir)])
    processes = [subprocess.Popen(c, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for c in commands]
    codes = [p.wait(timeout=COMMAND_TIMEOUT) for p in processes]
    after = listed_added(corpus, index_dir) or set()
    expected = (names - {removed}) | {p.name for p in files}
    shutil.rmtree(index_dir)
    return [Row("concurrent writers", f"{WRITERS} × `rag add` + 1 × `rag remove` at once", f"exit codes {codes}",
                f"{len(after & expected)}/{len(expected)}", after == expected and not any(codes),
                round(time.perf_counter() - started, 1))]


def full_disk_drills(root: Path, corpus: Path, original: Path, names: set[str]) -> list[Row]:
    """`rag add` with the index on a tmpfs a little larger than the index, in a private mount namespace."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        return [Row("full disk", "small tmpfs", "skipped: no permission for a private mount namespace here", "-", True, 0.0)]
    rows: list[Row] = []
    size_kib = sum(f.stat().st_blocks for f in original.rglob("*") if f.is_file()) // 2  # allocated, not byte, sizes
    extra = root / "big.txt"
    extra.write_text("".join(article(300_000 + n) for n in range(200)), encoding="utf-8")
    for extra_kib in TMPFS_EXTRA_KIB:
        started = time.perf_counter()
        disk = root / f"disk-{extra_kib}"
        disk.mkdir()
        python = sys.executable
        errors = root / f"disk-{extra_kib}.err"  # not on the full disk itself
        script = (
            f"mount -t tmpfs -o size={size_kib + extra_kib}k tmpfs {disk} || exit 1; "
            f"cp -a {original} {disk}/index || {{ echo NOFIT; exit 0; }}; "
            f"{python} -m rag.cli add {extra} --corpus {corpus} --index {disk}/index 2>{errors}; echo ADD=$?; "
            f"{python} -m rag.cli list --added --json --corpus {corpus} --index {disk}/index 2>/dev/null; "
            f"echo; echo ERR=; cat {errors}; echo; echo TEMP=; find {disk}/index -name '*.tmp' | wc -l"
        )
        process = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=PROJECT, env={**os.environ, "RAG_LLM_BASE_URL": ""},
                                 capture_output=True, text=True, timeout=COMMAND_TIMEOUT)
        text = process.stdout
        if "NOFIT" in text:
            rows.append(Row("full disk", f"index + {extra_kib} KiB", "skipped: the index copy itself did not fit", "-", True, 0.0))
            continue
        try:
            code = int(text.split("ADD=", 1)[1].split()[0])
            listing = json.loads(text.split("ADD=", 1)[1].split("\n", 1)[1].split("\nERR=", 1)[0] or "[]")
            err = text.split("ERR=", 1)[1].split("TEMP=", 1)[0]
            temps = int(text.split("TEMP=", 1)[1].split()[0])
        except (IndexError, ValueError):
            rows.append(Row("full disk", f"index + {extra_kib} KiB", f"drill failed: {process.stderr[-200:]!r}", "-", False, 0.0))
            continue
        after = {row["source"] for row in listing}
        said = "ok" if code == 0 else "磁盘空间不足" if "磁盘空间不足" in err else "traceback" if "Traceback" in err else err.strip()[-80:]
        ok = names <= after and "Traceback" not in err and temps == 0 and (code == 0) == ("big.txt" in after)
        rows.append(Row("full disk", f"index + {extra_kib} KiB", f"`rag add` exit {code} ({said}); temp files left: {temps}",
                        f"{len(after & names)}/{len(names)}", ok, round(time.perf_counter() - started, 1)))
    return rows


def table(rows: list[Row], adds: int, seconds: float) -> str:
    lines = [
        SECTION, "",
        f"`PYTHONPATH=. python eval/fault_drills.py --adds {adds}` ({time.strftime('%Y-%m-%d')}, bundled seeds + {adds} added "
        f"files, one update each; {seconds / 60:.1f} min; load average at the end {os.getloadavg()[0]:.1f}). "
        "\"added\" = added articles `rag list` shows afterwards / expected; ok = none lost, the index verifies, "
        "no traceback.", "",
        "| drill | case | outcome | added | ok | s |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += [f"| {r.drill} | {r.case} | {r.outcome} | {r.added_after} | {'yes' if r.ok else '**NO**'} | {r.seconds} |" for r in rows]
    failed = sum(not r.ok for r in rows)
    lines += ["", f"{len(rows) - failed} of {len(rows)} drills ok." + (f" **{failed} failed.**" if failed else ""), ""]
    return "\n".join(lines)


def write_section(path: Path, section: str) -> None:
    """Replace the "## Fault drills" section of ``path`` (up to the next "## " heading), keeping the rest."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Reliability\n\n"
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--adds", type=int, default=200, help="files added, one update each, before the drills (default 200)")
    parser.add_argument("--damages", default=",".join(DAMAGES), help=f"corruptions to try (default {','.join(DAMAGES)})")
    parser.add_argument("--skip", default="", help="drills to leave out: corruption,kill,concurrent,disk")
    parser.add_argument("--out", type=Path, help="write the table into this markdown file's \"## Fault drills\" section")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fault-drills-") as folder:
        root = Path(folder)
        os.environ.setdefault("RAG_CACHE_DIR", str(Path.home() / ".cache" / "news-qa"))  # the shared vector cache
        corpus, index_dir, names = prepare(root, args.adds, PROJECT / "seeds")
        print(f"prepared: seeds + {len(names)} adds in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        rows: list[Row] = []
        drills = [("corruption", lambda: corruption_drills(root, corpus, index_dir, names, tuple(args.damages.split(",")))),
                  ("kill", lambda: kill_drills(root, corpus, index_dir, names)),
                  ("concurrent", lambda: concurrent_writers(root, corpus, index_dir, names)),
                  ("disk", lambda: full_disk_drills(root, corpus, index_dir, names))]
        for name, drill in drills:
            if name not in skip:
                rows += drill()
                print(f"{name}: {sum(r.ok for r in rows)}/{len(rows)} ok so far", file=sys.stderr)
    section = table(rows, args.adds, time.perf_counter() - started)
    if args.out:
        write_section(args.out, section)
    print(section)
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
