"""Question bank → Moodle XML and GIFT, so trainers can import quizzes into their own LMS.

Plain Python like the renderers. Each question type writes its own questions (macros/question_types/);
this module lays out the files: one category per quiz under 客诉通, the questions in quiz order.

Every quiz (and the whole bank, `all`) comes as four files: Moodle XML and GIFT with every question, and
both again without the questions of types that need a Moodle plugin (the ordering type, core only since
Moodle 4.4): Moodle stops a whole import at the first question of a type it lacks.

A question has the same category path and the same name and ID number (`<quiz>/<question>`) in every
file. Moodle's importer never skips a question it already has: importing a question twice into a category
adds a copy, which loses its ID number (question/format.php: "We cannot have duplicate idnumbers in a
category. Just remove it."). The trainer page says to import either `all` or per-quiz files; a copy
imported by mistake is the one without an ID number, in the same category as the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from .models import Quiz
from .question_types import question_type
from .question_types.lms import gift_escape

__all__ = ["CATEGORY_ROOT", "EXPORTS", "ExportFile", "export_path", "gift", "gift_escape", "moodle_xml", "needs_plugin"]

CATEGORY_ROOT = "客诉通"
FOLDER = "downloads/lms"


@dataclass(frozen=True)
class ExportFile:
    """One kind of export file: its format, whether it keeps plugin-only questions, its name's ending."""

    format: str  # "moodle" or "gift"
    core_only: bool
    suffix: str
    label: str


EXPORTS = (
    ExportFile("moodle", False, "-moodle.xml", "Moodle XML"),
    ExportFile("moodle", True, "-moodle-core.xml", "Moodle XML（不含排序题）"),
    ExportFile("gift", False, "-gift.txt", "GIFT"),
    ExportFile("gift", True, "-gift-core.txt", "GIFT（不含排序题）"),
)


def export_path(quiz_id: str, kind: ExportFile) -> str:
    """Where one export of a quiz (or of 'all') lives in the built site."""
    return f"{FOLDER}/{quiz_id}{kind.suffix}"


def export(quizzes: list[Quiz], kind: ExportFile) -> str:
    return (moodle_xml if kind.format == "moodle" else gift)(quizzes, core_only=kind.core_only)


def needs_plugin(question) -> str:
    """The Moodle plugin a question's type needs, or "" for Moodle's core types."""
    return question_type(question.type).moodle_plugin


def category_path(quiz: Quiz) -> str:
    """The quiz's category as the import creates it: the same in every file that holds the quiz."""
    return f"$course$/top/{CATEGORY_ROOT}/{_category_name(quiz.title)}"


def _category_name(title: str) -> str:
    """A quiz title as one level of a Moodle category path: "/" separates levels, "//" is a literal "/"."""
    return " ".join(title.split()).replace("/", "//")


def moodle_xml(quizzes: list[Quiz], core_only: bool = False) -> str:
    """One Moodle XML file; each quiz becomes a category under 客诉通."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    for quiz in quizzes:
        out.append(f'  <question type="category"><category><text>{xml_escape(category_path(quiz))}</text></category>'
                   "</question>\n")
        for question in quiz.questions:
            if core_only and needs_plugin(question):
                out.append(f"  <!-- {xml_escape(quiz.id)}/{xml_escape(question.id)}: 需要 {needs_plugin(question)}"
                           "（Moodle 4.4 起自带），在不含“-core”的文件里 -->\n")
                continue
            out += question_type(question.type).moodle(quiz, question)
    out.append("</quiz>\n")
    return "".join(out)


def gift(quizzes: list[Quiz], core_only: bool = False) -> str:
    """One GIFT file; a question left out is named in a comment where it would be."""
    out = ["// 客诉通题库（GIFT 格式，UTF-8）。每题上方的 [id:…] 是它在 Moodle 里的 ID 号。"
           + ("不含排序题（需要 Moodle 4.4 或排序题插件）。" if core_only else "排序题需要 Moodle 4.4 或排序题插件。")
           + "\n\n"]
    for quiz in quizzes:
        out.append(f"$CATEGORY: {gift_escape(category_path(quiz))}\n\n")
        for question in quiz.questions:
            if core_only and needs_plugin(question):
                out.append(f"// {gift_escape(f'{quiz.id}/{question.id}')}: 需要 {needs_plugin(question)}"
                           "（Moodle 4.4 起自带），在不含“-core”的文件里。\n\n")
                continue
            out.append(question_type(question.type).gift(quiz, question))
    return "".join(out)
