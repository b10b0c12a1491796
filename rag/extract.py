"""Moved to the ``rag.answer`` package (split by job); kept so existing imports keep working."""
from .answer import extract_answer

__all__ = ["extract_answer"]
