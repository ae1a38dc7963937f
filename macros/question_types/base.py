"""What every question type shares: the strict model base, the common question fields, and the
`QuestionType` record that a type module fills in and `macros/question_types/__init__.py` registers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from ..models import Quiz

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, description="Lowercase letters, digits and hyphens, e.g. golden-rules.")]
Text = Annotated[str, Field(min_length=1, description="Text; inline Markdown (bold, code, links) allowed, raw HTML is shown as text.")]

Inline = Callable[[str], str]
# (id, text, patterns) of each taboo phrase: a written reply containing one fails.
TabooList = Sequence[tuple[str, str, Sequence[str]]]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def strip_all(values: list[str]) -> list[str]:
    return [value.strip() for value in values]


def first_duplicate(values: list[str]) -> str | None:
    """The first (in sorted order) of the values that occur more than once after stripping."""
    stripped = strip_all(values)
    duplicates = sorted({value for value in stripped if stripped.count(value) > 1})
    return duplicates[0] if duplicates else None


class DialogueLine(Strict):
    """One line of a scenario dialogue shown above a question stem."""

    who: Annotated[str, Field(min_length=1, description="Speaker, e.g. 客户 or 员工.")]
    say: Text


class QuestionBase(Strict):
    id: Id
    stem: Text
    context: list[DialogueLine] | None = Field(None, description="Optional dialogue shown above the stem.")
    explanation: Text = Field(description="Why the answer is right; shown after grading.")
    ref: str | None = Field(
        None,
        pattern=r"^[^#\s]+\.md(#[^\s#]+)?$",
        description="Section to reread, relative to docs/: modules/handling-steps.md#golden-rules.",
    )


# A validation error of pydantic (its dict form) and the path of the offending value inside the
# question's mapping, e.g. ("rows", 2, 1); a type answers with (problem, fix) or None to leave it
# to the generic messages of macros/validation.py.
Explain = Callable[[dict[str, Any], tuple[Any, ...]], "tuple[str, str] | None"]


def explain_nothing(error: dict[str, Any], path: tuple[Any, ...]) -> tuple[str, str] | None:
    return None


def no_quiz_attributes(questions: Sequence[Any], taboo: TabooList) -> str:
    return ""


# The taboo phrase (an object with .text) found in a text, or None: Library.find_taboo.
FindTaboo = Callable[[str], Any]


def no_library_checks(question: Any, find_taboo: FindTaboo) -> list[tuple[str, str]]:
    return []


@dataclass(frozen=True)
class QuestionType:
    """Everything about one question type; adding a type means writing one module that builds one of these."""

    name: str  # the value of `type:` in the YAML
    label: str  # the small badge before the stem: 单选, 多选 …
    model: type[QuestionBase]
    # The inside of the question's <fieldset> after the <legend>: the hint, then the inputs.
    body: Callable[[Quiz, Any, Inline], list[str]]
    # Attributes on the question's <li> that quiz.js grades with, each with its leading space ("" for none).
    answer_attributes: Callable[[Any], str]
    # The human-readable key inside the collapsed answer block (HTML).
    key: Callable[[Any, Inline], str]
    # Moodle XML <question> elements (a source question may need more than one) and the GIFT text.
    moodle: Callable[[Quiz, Any], list[str]]
    gift: Callable[[Quiz, Any], str]
    # The Moodle question-type plugin an import of this type needs ("" for Moodle's core types): a Moodle
    # without it stops the whole import at the first such question, so the exports also come without them.
    moodle_plugin: str = ""
    # Attributes on the quiz's <section> needed when the quiz holds questions of this type.
    quiz_attributes: Callable[[Sequence[Any], TabooList], str] = no_quiz_attributes
    explain: Explain = explain_nothing
    # (problem, fix) for rules that need the rest of the course data, checked when everything is loaded.
    check: Callable[[Any, FindTaboo], list[tuple[str, str]]] = no_library_checks
