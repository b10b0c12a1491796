"""What replicas cost the writer and each replica: store one build's files in Milvus and read them back.

    python eval/perf/milvus_files.py http://127.0.0.1:19530 /path/to/index/builds/<build>

Writes the build's files (all but dense/ and keyword/, which a store with BM25 keeps in the search
collection) with ``write_build_files`` into a probe generation, reads them back with
``read_build_files``, checks they are byte-identical, drops the probe and prints one JSON line:
bytes, pieces, seconds to write and to read, load average before and after (docs/milvus.md, *Sizing*).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from rag.stores.milvus import client_for, files_collection, read_build_files, write_build_files

PROBE = "news_qa_probe_files"


def main(uri: str, build: Path) -> int:
    files = {p.relative_to(build).as_posix(): p for p in sorted(build.rglob("*"))
             if p.is_file() and p.relative_to(build).parts[0] not in ("dense", "keyword")}
    load_before = os.getloadavg()
    started = time.perf_counter()
    pieces = write_build_files(uri, PROBE, files)
    written = time.perf_counter()
    back = read_build_files(uri, PROBE)
    read = time.perf_counter()
    identical = back.keys() == files.keys() and all(back[k] == p.read_bytes() for k, p in files.items())
    client_for(uri).drop_collection(files_collection(PROBE))
    print(json.dumps({"files": sorted(files), "bytes": sum(p.stat().st_size for p in files.values()), "pieces": pieces,
                      "write_s": round(written - started, 1), "read_s": round(read - written, 1), "identical": identical,
                      "load_before": load_before, "load_after": os.getloadavg()}))
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
