"""The question types, one module each, and the one table that registers them.

A type module (choice.py holds 单选 and 多选, which share everything but the radio/checkbox and the
grading of Moodle fractions) defines the type's pydantic model, its HTML body and hint, its answer key,
its Moodle XML and GIFT exports and its label, and builds a `QuestionType` of them. Everything else
(the `Question` union in macros/models.py, validation, rendering, the LMS exports) reads this table.
"""

from __future__ import annotations

from . import choice, match, order, reply, truefalse
from .base import QuestionType

# In this order in the JSON Schema and in "use one of" messages.
QUESTION_TYPES: dict[str, QuestionType] = {
    spec.name: spec for spec in (choice.SINGLE, choice.MULTIPLE, truefalse.TYPE, order.TYPE, reply.TYPE, match.TYPE)
}


class UnknownQuestionType(LookupError):
    """A question whose type no module registers: a programming error, since validation refuses unknown types."""


def question_type(name: str) -> QuestionType:
    """The registered type called `name`; a clear error for a type nobody registered."""
    try:
        return QUESTION_TYPES[name]
    except KeyError:
        raise UnknownQuestionType(
            f"question type '{name}' is not registered — add its module to QUESTION_TYPES in "
            f"macros/question_types/__init__.py (registered: {', '.join(QUESTION_TYPES)})") from None
