"""The stacks a user would assemble instead, on our chunks, tokens and vectors.

* txtai: ``Embeddings`` with hybrid search (its BM25 plus a FAISS flat index),
  vectors supplied through its external-vectors hook (``method="external"``,
  ``transform=``). txtai's tokenizer splits on spaces, so it indexes the
  chunk's jieba tokens joined by spaces (``tokenizer: {whitespace: true}``).
* LangChain: langchain-community ``BM25Retriever`` (rank_bm25) with jieba
  preprocessing, a langchain-community ``FAISS`` vector store, and
  ``EnsembleRetriever`` (reciprocal rank fusion, as ours).

Both get exactly our chunks, our tokenizer (jieba with the corpus's user
words) and the encoder's vectors; each query is encoded once by the same
encoder inside the timed call, as ours is.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

POOL = 50  # candidates per leg, as rag.retrieve.CANDIDATE_POOL


class TxtaiHybrid:
    name = "txtai"

    def __init__(self, texts: Sequence[str], sources: Sequence[str], vectors: np.ndarray, tokenize: Callable[[str], list[str]], encode_query: Callable[[str], np.ndarray]):
        from txtai import Embeddings

        self._tokenize = tokenize
        self._encode_query = encode_query
        self._sources = list(sources)
        joined = [" ".join(tokenize(t)) for t in texts]
        self._passage_vectors = {j: vectors[i] for i, j in enumerate(joined)}
        self._pending: dict[str, str] = {}

        def transform(data):
            out = []
            for item in data:
                vector = self._passage_vectors.get(item) if not self._pending else None
                if vector is None:
                    vector = self._encode_query(self._pending.get(item, item))
                out.append(vector)
            return np.asarray(out, dtype=np.float32)

        self.embeddings = Embeddings(
            method="external",
            transform=transform,
            backend="faiss",
            faiss={"components": "IDMap,Flat"},  # exact, like ours below 200k vectors
            hybrid=True,
            scoring={"method": "bm25", "terms": True, "normalize": True, "tokenizer": {"whitespace": True}},
            content=False,
        )
        self.embeddings.index([(i, j, None) for i, j in enumerate(joined)])
        self._passage_vectors.clear()

    def search(self, query: str, k: int) -> list[str]:
        joined = " ".join(self._tokenize(query))
        self._pending = {joined: query}
        try:
            results = self.embeddings.search(joined, k)
        finally:
            self._pending = {}
        return [self._sources[int(i)] for i, _score in results]


class LangchainEnsemble:
    name = "langchain"

    def __init__(self, texts: Sequence[str], sources: Sequence[str], vectors: np.ndarray, tokenize: Callable[[str], list[str]], encode_query: Callable[[str], np.ndarray]):
        from langchain_classic.retrievers import EnsembleRetriever
        from langchain_community.retrievers import BM25Retriever
        from langchain_community.vectorstores import FAISS
        from langchain_core.documents import Document
        from langchain_core.embeddings import Embeddings

        class EncoderEmbeddings(Embeddings):
            def embed_documents(self, batch: list[str]) -> list[list[float]]:
                raise RuntimeError("passages come with their vectors")

            def embed_query(self, text: str) -> list[float]:
                return encode_query(text).tolist()

        metadatas = [{"source": s, "row": i} for i, s in enumerate(sources)]
        documents = [Document(page_content=t, metadata=m) for t, m in zip(texts, metadatas)]
        bm25 = BM25Retriever.from_documents(documents, preprocess_func=tokenize, k=POOL)
        store = FAISS.from_embeddings(list(zip(texts, vectors.tolist())), EncoderEmbeddings(), metadatas=metadatas)
        dense = store.as_retriever(search_kwargs={"k": POOL})
        self.retriever = EnsembleRetriever(retrievers=[bm25, dense], weights=[0.5, 0.5])

    def search(self, query: str, k: int) -> list[str]:
        return [d.metadata["source"] for d in self.retriever.invoke(query)[:k]]


PEERS = {"txtai": TxtaiHybrid, "langchain": LangchainEnsemble}
