"""Comparison questions (A和B哪个多, A比B多多少, A是B的几倍, 还有多少没整改完), split by job; data flows one way:

reading the question
    ``asked`` (``Comparison``: what is asked) ← ``anchors`` (what one side names) ← ``split_sides`` (the two sides
    around a connector) ← ``lead_name`` (a side's name the tagger misses) ← ``complete_sides`` (what a side borrows
    from the other) ← ``side_questions`` (each side as an ordinary question) ← ``question_forms``
    (``parse_comparison``: the forms a comparison takes);
finding each side's value (each side answered by the caller as an ordinary question)
    ``values`` (a figure or date read, units compared, a difference written) ← ``side_clauses`` (where a figure
    stands in its sentence) ← ``from_to_ends`` (由X到Y: each side its end) ← ``side_figures`` (``parallel_sides``,
    ``side_acceptance``);
deciding and wording the answer
    ``sentence_reading`` (what one retrieved sentence states: its figures, units, period, the sides it names) ←
    ``stated_sides`` (both sides from one sentence stating them side by side), ``paired_parts`` (two parts of one
    whole from the sentence breaking it down), ``list_item_sides`` (a refused side from its own item of a list) and
    ``baseline_side`` (a refused year from the baseline the other side's sentence states it by: "比2024年的31列"),
    read when the side answers cannot answer ←
    ``answer`` (``answer_comparison``) and ``remainder`` (``remainder_answer``: the whole less the part done).
"""
from .answer import answer_comparison, shown_sides
from .baseline_side import is_baseline
from .asked import DIFFERENCE, RATIO, WHICH, YES_NO, Comparison
from .question_forms import parse_comparison
from .remainder import remainder_answer
from .side_clauses import side_marks
from .side_figures import parallel_sides, side_acceptance, worded_side_waiver

__all__ = ["Comparison", "DIFFERENCE", "RATIO", "WHICH", "YES_NO", "answer_comparison", "is_baseline", "parallel_sides", "parse_comparison",
           "remainder_answer", "side_acceptance", "side_marks", "shown_sides", "worded_side_waiver"]
