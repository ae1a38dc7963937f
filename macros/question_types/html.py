"""Small HTML helpers the question types share."""

from __future__ import annotations

import random
from html import escape


def attr(value: object) -> str:
    """A value escaped for use inside a double-quoted attribute."""
    return escape(str(value), quote=True)


def input_name(quiz_id: str, question_id: str) -> str:
    """The name (or id) shared by a question's inputs, unique on the page."""
    return attr(f"mdx-{quiz_id}-{question_id}")


def scrambled(items: list[str], seed: str) -> list[int]:
    """A fixed, never-correct order of item indexes, so the page without JS does not give the answer away."""
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order
