"""Moved to ``rag.answer.question``; kept so existing imports keep working."""
from .answer.question import *  # noqa: F401,F403
from .answer.question import QuestionAnalysis, analyze_question, pos_cut, pos_tokenizer  # noqa: F401
