"""Validated shapes of the course data: quizzes and phrase libraries.

Field descriptions double as the JSON Schema that editors show while authors type.
Everything is strict: unknown fields are errors, and `"80"` is not a number.
"""

from __future__ import annotations

import functools
import operator
from typing import Annotated, Literal, get_args

from pydantic import Field

from .question_types import QUESTION_TYPES
from .question_types.base import ID_PATTERN, Id, Strict, Text

# The question models live with their type (macros/question_types/); ID_PATTERN is named here for the loader.
__all__ = [
    "CHANNELS", "ID_PATTERN", "STAGES", "Channel", "Lexicon", "Phrase", "PhraseFile", "Question", "Quiz", "RolePlay",
    "Situation", "Stage", "Synonyms", "Taboo", "Vocabulary",
]

Stage = Literal["开场", "倾听", "共情", "致歉", "安抚", "核实", "解释", "方案", "承诺", "跟进", "结束", "缓冲", "升级"]
STAGES: tuple[str, ...] = get_args(Stage)
Channel = Literal["电话", "柜台", "在线"]
CHANNELS: tuple[str, ...] = get_args(Channel)


# --------------------------------------------------------------------------- quizzes

# One member per registered question type, told apart by `type:`.
Question = Annotated[functools.reduce(operator.or_, (spec.model for spec in QUESTION_TYPES.values())),
                     Field(discriminator="type")]


class Quiz(Strict):
    """A self-graded quiz: quizzes/<id>.yml."""

    id: Id = Field(description="Unique across all quizzes; used in {{ quiz(\"id\") }}.")
    title: Text
    pass_score: int = Field(80, ge=0, le=100, description="Pass mark in percent.")
    shuffle: bool = Field(True, description="Shuffle options on screen.")
    in_exam: bool = Field(True, description="Whether the 结业考试 draws questions from this quiz "
                                            "(false for a course-wide test such as 综合测评).")
    questions: list[Question] = Field(min_length=1)


# --------------------------------------------------------------------------- phrases


class Phrase(Strict):
    """A recommended line an employee can say or write to a customer."""

    id: Id = Field(description="Unique across all phrase files.")
    text: Text = Field(description="The line; placeholders like {称呼} {时限} are filled in by the agent.")
    stage: Stage = Field(description="Where in the conversation the line belongs.")
    scenarios: list[str] = Field(default_factory=list, description="Names from phrases/vocabulary.yml.")
    customer_types: list[str] = Field(default_factory=list, description="Names from phrases/vocabulary.yml.")
    channels: list[Channel] = Field(default_factory=list, description="电话, 柜台, 在线 (written chat).")
    tags: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list, description="Search keywords.")
    note: str | None = Field(None, description="Usage tip for the agent.")


class Taboo(Strict):
    """A phrase never to say, why, and what to say instead."""

    id: Id
    text: Text = Field(description="The taboo phrase as staff say it.")
    match: list[Annotated[str, Field(min_length=2)]] = Field(
        default_factory=list, description="Extra fragments that also count as this taboo phrase."
    )
    why: Text = Field(description="Why it hurts the customer or the company.")
    instead: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=1, description="Phrase ids or plain sentences to say instead."
    )


class PhraseFile(Strict):
    """A phrase library file: phrases/<name>.yml."""

    phrases: list[Phrase] = Field(default_factory=list)
    taboo: list[Taboo] = Field(default_factory=list)


class Vocabulary(Strict):
    """phrases/vocabulary.yml: the names phrases may use for scenarios and customer types."""

    scenarios: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    customer_types: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)


class Synonyms(Strict):
    """phrases/synonyms.yml: what agents type → words the library uses, for the phrase finder."""

    synonyms: dict[Annotated[str, Field(min_length=1)], list[Annotated[str, Field(min_length=1)]]] = Field(
        description="发火: [生气, 愤怒] — typing the key also finds phrases with any of the listed words."
    )


Word = Annotated[str, Field(min_length=1)]


class Situation(Strict):
    """One situation of phrases/lexicon.yml: how it shows in what is typed, and where it leads in the library."""

    name: Word = Field(description="What the situation is called (情绪激动, 媒体曝光); shown to trainers only.")
    says: list[Word] = Field(min_length=1, description="What customers do or say and how agents describe it "
                                                       "(吼, 嚷嚷, 电视台): typing one, or a sentence holding one, "
                                                       "finds this situation.")
    finds: list[Word] = Field(default_factory=list, description="Library words looked for instead (激动, 生气).")
    scenarios: list[Word] = Field(default_factory=list, description="Scenarios from vocabulary.yml it belongs to.")
    customer_types: list[Word] = Field(default_factory=list, description="Customer types from vocabulary.yml.")
    stages: list[Stage] = Field(default_factory=list, description="Stages whose phrases come first for it.")
    sentences: list[Word] = Field(default_factory=list, description="Typical customer sentences; the finder "
                                                                    "searches them too.")


class Lexicon(Strict):
    """phrases/lexicon.yml: the situation lexicon of the phrase finder (trainer-editable)."""

    situations: list[Situation] = Field(min_length=1)


class Thesaurus(Strict):
    """phrases/thesaurus.yml, generated by tools/finder_thesaurus.py: word → library words of its synonym group."""

    source: Word = Field(description="Where the groups come from.")
    words: dict[Word, list[Word]] = Field(description="谩骂: [辱骂] — typing the key also finds these words, "
                                                      "ranked below every other kind of match.")


# --------------------------------------------------------------------------- role-play cards

Temperament = Literal["多血质", "胆汁质", "粘液质", "抑郁质"]


class CustomerBrief(Strict):
    """The customer side of a role-play card: only the player of the customer sees it."""

    persona: Text = Field(description="Who the customer is, in one or two sentences.")
    psychology: list[str] = Field(min_length=1, description="Customer types from phrases/vocabulary.yml.")
    temperament: Temperament
    emotion: int = Field(ge=1, le=5, description="How upset at the start: 1 calm … 5 furious.")
    wants: Text = Field(description="What the customer says they want.")
    hides: Text = Field(description="What the customer does not say at first (the real motive).")
    lines: list[Text] = Field(min_length=2, description="Lines the customer player can use, in order.")
    softens_when: Text = Field(description="What the employee must do for the customer to calm down.")


class EmployeeBrief(Strict):
    """The employee side of a role-play card."""

    role: Text = Field(description="Who the employee is and where, e.g. 网点柜员, 热线坐席.")
    goal: Text
    knows: list[Text] = Field(min_length=1, description="Facts the employee has (policies, records).")


class RolePlay(Strict):
    """A classroom role-play card: roleplays/<id>.yml."""

    id: Id
    title: Text
    channel: Channel
    minutes: int = Field(10, ge=3, le=60, description="Time for the role-play itself.")
    situation: Text = Field(description="What everybody knows before starting.")
    ref: str | None = Field(None, pattern=r"^[^#\s]+\.md(#[^\s#]+)?$", description="Section the card practises.")
    customer: CustomerBrief
    employee: EmployeeBrief
    observer: list[Text] = Field(min_length=4, description="Checklist drawn from the handling steps.")
    debrief: list[Text] = Field(min_length=2, description="Questions for the discussion afterwards.")
