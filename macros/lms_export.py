"""Question bank → Moodle XML and GIFT, so trainers can import quizzes into their own LMS.

Plain Python like the renderers. Each question type writes its own questions (macros/question_types/);
this module lays out the files: one category per quiz under 客诉通, the questions in quiz order.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from .models import Quiz
from .question_types import question_type
from .question_types.lms import gift_escape

__all__ = ["CATEGORY_ROOT", "gift", "gift_escape", "moodle_xml"]

CATEGORY_ROOT = "客诉通"


def _category_name(title: str) -> str:
    """A quiz title as one level of a Moodle category path: "/" separates levels, "//" is a literal "/"."""
    return " ".join(title.split()).replace("/", "//")


def moodle_xml(quizzes: list[Quiz]) -> str:
    """One Moodle XML file; each quiz becomes a category under 客诉通."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    for quiz in quizzes:
        category = f"$course$/top/{CATEGORY_ROOT}/{_category_name(quiz.title)}"
        out.append(f'  <question type="category"><category><text>{xml_escape(category)}</text></category></question>\n')
        for question in quiz.questions:
            out += question_type(question.type).moodle(quiz, question)
    out.append("</quiz>\n")
    return "".join(out)


def gift(quizzes: list[Quiz]) -> str:
    """One GIFT file; questions GIFT cannot hold are named in a comment where they would be."""
    out = ["// 客诉通题库（GIFT 格式，UTF-8）。GIFT 装不下的题（排序题等）只在 Moodle XML 文件中，各题位置有注释说明。\n\n"]
    for quiz in quizzes:
        out.append(f"$CATEGORY: $course$/top/{CATEGORY_ROOT}/{gift_escape(_category_name(quiz.title))}\n\n")
        out += [question_type(question.type).gift(quiz, question) for question in quiz.questions]
    return "".join(out)
