"""The answer stage, split by job: what a question asks (``question``), the spans
of each type inside a sentence (``spans``), scoring sentences (``scoring``),
the evidence checks behind a refusal (``evidence``), the user-facing Answer
(``compose``), and the stage itself (``pipeline.extract_answer``)."""
from .pipeline import extract_answer

__all__ = ["extract_answer"]
