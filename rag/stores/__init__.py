"""Where the index keeps what it searches: FAISS (dense), bm25s (keyword), Milvus (both, as a service)."""
