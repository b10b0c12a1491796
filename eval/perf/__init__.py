"""Helpers of eval/bench_perf.py: scaled corpora, measurement workers, peers, reports."""
