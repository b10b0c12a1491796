"""Which BM25 text should the Milvus keyword leg index: our jieba tokens, or Milvus's own jieba analyzer?

    PYTHONPATH=. .venv/bin/python eval/perf/milvus_analyzer.py [INDEX_DIR]

Builds two milvus-lite collections over the seed index's chunks (INDEX_DIR,
default index/): (a) our tokens (rag.tokenize with the corpus dictionary) as
hashed terms under the ``standard`` analyzer, as rag.stores.milvus does;
(b) the raw chunk text under Milvus's ``jieba`` analyzer given the same corpus
words as its dictionary. Each gold/held-out question with evidence (follow-ups
left out: they need the conversation) is searched by the keyword leg alone;
hit@1/hit@5 count a chunk whose paragraph contains the evidence. The bm25s
store is measured beside them.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    from rag.evaluate import contains_squashed, load_questions
    from rag.index import USER_WORDS_FILE, load_index
    from rag.stores.bm25 import KeywordStore
    from rag.stores.milvus import hashed_tokens

    index = load_index(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "index")
    chunks = index.table.all_chunks()
    words = [w for w in (index.directory / USER_WORDS_FILE).read_text(encoding="utf-8").split("\n") if w]
    tokens = {c.id: index.tokenizer.tokenize(c.index_text) for c in chunks}
    bm25s = KeywordStore.build(list(tokens.values()), list(tokens))
    client = MilvusClient(str(Path(tempfile.mkdtemp()) / "analyzers.db"))
    analyzers = {"hashed": {"tokenizer": "standard"}, "jieba": {"tokenizer": {"type": "jieba", "dict": ["_default_", *words], "mode": "search"}}}
    for name, analyzer in analyzers.items():
        schema = MilvusClient.create_schema(auto_id=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("text", DataType.VARCHAR, max_length=65535, enable_analyzer=True, analyzer_params=analyzer)
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["text"], output_field_names=["sparse"]))
        params = MilvusClient.prepare_index_params()
        params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params={"bm25_k1": 1.5, "bm25_b": 0.75})
        client.create_collection(name, schema=schema, index_params=params)
        client.insert(name, [{"id": c.id, "text": hashed_tokens(tokens[c.id]) if name == "hashed" else c.index_text} for c in chunks])
    by_id = {c.id: c for c in chunks}
    results: dict[str, dict] = {}
    for questions in ("gold", "heldout"):
        asked = [q for q in load_questions(ROOT / "eval" / f"{questions}.jsonl") if q.evidence and not q.history]
        for system in ("bm25s", "milvus_hashed", "milvus_jieba"):
            hit1 = hit5 = 0
            for q in asked:
                if system == "bm25s":
                    ids = [i for i, _ in bm25s.search(index.tokenizer.tokenize(q.question), 5)]
                else:
                    name = system.split("_")[1]
                    query = hashed_tokens(index.tokenizer.tokenize(q.question)) if name == "hashed" else q.question
                    found = client.search(name, data=[query], anns_field="sparse", limit=5, search_params={"metric_type": "BM25"})[0]
                    ids = [int(h["id"]) for h in found]
                relevant = [contains_squashed(index.table.paragraph(by_id[i].source, by_id[i].paragraph).text, q.evidence) for i in ids]
                hit1 += bool(relevant[:1] and relevant[0])
                hit5 += any(relevant)
            results[f"{questions}/{system}"] = {"n": len(asked), "hit@1": round(hit1 / len(asked), 3), "hit@5": round(hit5 / len(asked), 3)}
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
