"""Time `rag add` / `rag remove` of one article against a full rebuild, on the seeds plus ~10k benchmark passages.

    .venv/bin/python scripts/time_updates.py [--passages 10000] [--work /tmp/time-updates]

The benchmark passages (cmrc2018_dev, then rgb_zh, from /work/shared/bench)
are written to a JSONL file outside the repository and added with `rag add`,
so the index holds seeds + ~10k chunks. Vectors come from the shared vector
cache where it has them (the full rebuild is then timed without its encoding
cost, which is reported apart: chunk characters / measured encoder speed).
"""
from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from rag.chunking import chunk_paragraphs
from rag.encoders import make_encoder
from rag.index import CHUNK_MAX_CHARS, build_index, load_index
from rag.ingest import load_jsonl_corpus
from rag.stores.bm25 import KeywordStore
from rag.library import add_paths, remove_sources

BENCH = Path("/work/shared/bench")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def bench_passages(target: int, out: Path) -> int:
    """Write benchmark docs as `rag add` JSONL until about ``target`` chunks; returns the chunk count."""
    total = 0
    with out.open("w", encoding="utf-8") as handle:
        for name in ("cmrc2018_dev", "rgb_zh"):
            articles, paragraphs = load_jsonl_corpus(BENCH / name / "corpus.jsonl")
            by_doc: dict[str, list] = {}
            for p in paragraphs:
                by_doc.setdefault(p.source, []).append(p)
            for article in articles:
                if total >= target:
                    return total
                total += len(chunk_paragraphs(by_doc[article.source], max_chars=CHUNK_MAX_CHARS))
                text = "\n\n".join(p.text for p in by_doc[article.source])
                handle.write(json.dumps({"title": article.title, "text": text, "source": name}, ensure_ascii=False) + "\n")
    return total


def article(n: int) -> str:
    return (f"---\ntitle: 计时用测试稿件第{n}号\ndate: 2026-03-0{n}\n---\n# 计时用测试稿件第{n}号\n\n"
            f"本报讯 大通县第{n}期职业技能培训班今天结业，{40 + n}名学员取得电工证书，其中{12 + n}人已经签约上岗。\n\n"
            f"培训班由县人社局和{n}家企业联合举办，课程包括安全用电、线路检修和光伏运维，学员平均年龄{30 + n}岁。\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/time-updates"))
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    encoder = make_encoder()
    index_dir = args.work / "index"

    bench_file = args.work / "bench.jsonl"
    chunks = bench_passages(args.passages, bench_file)
    t = time.perf_counter()
    build_index(SEEDS, index_dir, encoder)
    print(f"seed index: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    bulk = add_paths(index_dir, encoder, [bench_file]).result
    print(f"add {chunks} benchmark chunks as one file: {time.perf_counter() - t:.2f} s "
          f"(encoded {bulk.encoded}, stages {bulk.stage_seconds})")
    index = load_index(index_dir)
    print(f"index now: {index.table.counts()}")

    # BM25 rebuild alone, from the stored tokens
    import sqlite3

    db = sqlite3.connect(index.directory / "chunks.sqlite")
    t = time.perf_counter()
    rows = db.execute("SELECT id, tokens FROM chunks ORDER BY id").fetchall()
    ids, tokens = [r[0] for r in rows], [json.loads(r[1]) for r in rows]
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    KeywordStore.build(tokens, ids)
    print(f"BM25 rebuild of {len(ids)} chunks from stored tokens: read {t_read:.2f} s + build {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    for chunk in index.table.all_chunks():
        index.tokenizer.tokenize(chunk.index_text)
    print(f"(re-tokenizing them instead would take {time.perf_counter() - t:.2f} s)")

    for n in (1, 2, 3):
        path = args.work / f"article-{n}.md"
        path.write_text(article(n), encoding="utf-8")
        t = time.perf_counter()
        result = add_paths(index_dir, encoder, [path]).result
        print(f"add one article #{n}: {time.perf_counter() - t:.2f} s wall (update {result.seconds:.2f} s; "
              f"{result.new_chunks} new chunks, {result.encoded} encoded; stages {result.stage_seconds})")
    t = time.perf_counter()
    result = remove_sources(index_dir, encoder, ["article-2.md"]).result
    print(f"remove one article: {time.perf_counter() - t:.2f} s wall (update {result.seconds:.2f} s; stages {result.stage_seconds})")

    t = time.perf_counter()
    manifest = build_index(SEEDS, index_dir, encoder)
    print(f"full rebuild (vectors from cache): {time.perf_counter() - t:.2f} s; stages {manifest['stage_seconds']}; "
          f"{manifest['counts']}")
    characters = manifest["counts"]["characters"]
    sample = [c.index_text for c in load_index(index_dir).table.all_chunks()[:64]]
    t = time.perf_counter()
    encoder.encode_passages(sample)
    rate = sum(map(len, sample)) / (time.perf_counter() - t)
    print(f"encoder speed {rate:.0f} chars/s -> encoding all {characters} chunk characters uncached ≈ {characters / rate:.0f} s")


if __name__ == "__main__":
    main()
