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
    if [[ ! -x /usr/bin/chromium ]] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
    fi
else
    .venv/bin/python -m pip install --quiet -e .
fi
echo "setup done: .venv is ready" >&2
