"""The 投诉受理记录单's phrases (forms/record.yml): which lines of the phrase library sit beside which field.

A small validated mapping rather than a tag search: a field needs two or three lines that fit it exactly,
and an id that no longer exists must stop the build with the file and line, like every other data file.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .errors import DataError, Problem
from .models import Phrase
from .question_types.base import Id, Strict
from .validation import validate
from .yaml_source import read_yaml

RECORD_PHRASES_FILE = "forms/record.yml"

PhraseIds = list[Id]


class RecordPhrases(Strict):
    """forms/record.yml: phrase ids for each part of the record form, in the order they are shown."""

    opening: PhraseIds = Field(min_length=1, description="受理开场: greeting and taking the complaint.")
    contact: PhraseIds = Field(min_length=1, description="投诉人: confirming how to reach the customer.")
    subject: PhraseIds = Field(min_length=1, description="投诉对象: which branch, person or product.")
    facts: PhraseIds = Field(min_length=1, description="主要事实: letting the customer tell it, then recapping.")
    request: PhraseIds = Field(min_length=1, description="投诉请求: what the customer wants.")
    deadline: PhraseIds = Field(min_length=1, description="告知时限: promising when the customer hears back.")


# Field of the model → the heading its phrases get on the page.
FIELD_TITLES: dict[str, str] = {
    "opening": "受理开场",
    "contact": "核对联系方式",
    "subject": "问清投诉对象",
    "facts": "听清经过、复述确认",
    "request": "问清诉求",
    "deadline": "告知时限",
}


def load_record_phrases(root: Path, phrases: list[Phrase]) -> dict[str, list[Phrase]]:
    """Field → its phrases; raise DataError naming the file and line of a bad entry or an unknown id."""
    path = Path(root) / RECORD_PHRASES_FILE
    if not path.exists():
        raise DataError([Problem(RECORD_PHRASES_FILE, "the record form's phrase list is missing",
                                 f"create it with the lists {', '.join(FIELD_TITLES)}")])
    source, problems = read_yaml(path, RECORD_PHRASES_FILE)
    if source is None:
        raise DataError(problems)
    parsed, problems = validate(source, RecordPhrases)
    if parsed is None:
        raise DataError(problems)
    by_id = {phrase.id: phrase for phrase in phrases}
    chosen: dict[str, list[Phrase]] = {}
    for field in FIELD_TITLES:
        ids = getattr(parsed, field)
        for index, phrase_id in enumerate(ids):
            if phrase_id not in by_id:
                problems.append(Problem(RECORD_PHRASES_FILE, f"unknown phrase id '{phrase_id}'",
                                        "use the id of a phrase in phrases/*.yml", source.line_of((field, index)),
                                        f"field {field}"))
            elif ids.index(phrase_id) != index:
                problems.append(Problem(RECORD_PHRASES_FILE, f"phrase id '{phrase_id}' is listed twice",
                                        "list each phrase once per field", source.line_of((field, index)),
                                        f"field {field}"))
        chosen[field] = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    if problems:
        raise DataError(problems)
    return chosen
