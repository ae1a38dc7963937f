"""Validated shapes of the course data: quizzes and phrase libraries.

Field descriptions double as the JSON Schema that editors show while authors type.
Everything is strict: unknown fields are errors, and `"80"` is not a number.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, description="Lowercase letters, digits and hyphens, e.g. golden-rules.")]
Text = Annotated[str, Field(min_length=1, description="Text; inline Markdown (bold, code, links) allowed, raw HTML is shown as text.")]

STAGES: tuple[str, ...] = (
    "开场", "倾听", "共情", "致歉", "安抚", "核实", "解释", "方案", "承诺", "跟进", "结束", "缓冲", "升级",
)
CHANNELS: tuple[str, ...] = ("电话", "柜台", "在线")
QUESTION_TYPES: tuple[str, ...] = ("single", "multiple", "truefalse", "order", "reply")

Stage = Literal["开场", "倾听", "共情", "致歉", "安抚", "核实", "解释", "方案", "承诺", "跟进", "结束", "缓冲", "升级"]
Channel = Literal["电话", "柜台", "在线"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _strip_all(values: list[str]) -> list[str]:
    return [value.strip() for value in values]


# --------------------------------------------------------------------------- quizzes


class DialogueLine(Strict):
    """One line of a scenario dialogue shown above a question stem."""

    who: Annotated[str, Field(min_length=1, description="Speaker, e.g. 客户 or 员工.")]
    say: Text


class Option(Strict):
    """A choice of a single or multiple question."""

    text: Text
    correct: bool = Field(False, description="True for a right answer.")


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


def _check_options(options: list[Option]) -> None:
    texts = _strip_all([option.text for option in options])
    duplicates = sorted({text for text in texts if texts.count(text) > 1})
    if duplicates:
        raise ValueError(f"duplicate option text '{duplicates[0]}' — give every option a different text")


class SingleQuestion(QuestionBase):
    """Exactly one option is correct."""

    type: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleQuestion:
        _check_options(self.options)
        count = sum(option.correct for option in self.options)
        if count != 1:
            raise ValueError(
                f"a single-choice question needs exactly one correct option, found {count}"
                " — mark exactly one option with 'correct: true' (or use type: multiple)"
            )
        return self


class MultipleQuestion(QuestionBase):
    """One or more options are correct; all of them must be chosen."""

    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleQuestion:
        _check_options(self.options)
        if not any(option.correct for option in self.options):
            raise ValueError("a multiple-choice question needs at least one correct option"
                             " — mark the right options with 'correct: true'")
        return self


class TrueFalseQuestion(QuestionBase):
    """A statement the learner judges true or false."""

    type: Literal["truefalse"]
    answer: bool = Field(description="true if the statement in the stem is right.")


class OrderQuestion(QuestionBase):
    """Items the learner puts in order; written here in the correct order."""

    type: Literal["order"]
    items: list[Text] = Field(min_length=2, max_length=10, description="The correct order; shown shuffled.")

    @field_validator("items")
    @classmethod
    def _distinct(cls, items: list[str]) -> list[str]:
        stripped = _strip_all(items)
        duplicates = sorted({item for item in stripped if stripped.count(item) > 1})
        if duplicates:
            raise ValueError(f"duplicate item '{duplicates[0]}' — every item must be different")
        return items


class KeyPoint(Strict):
    """Something a good reply must contain, with the phrasings that count as containing it."""

    label: Text = Field(description="What the point is, shown in the feedback: 道歉, 共情, 具体时限 …")
    any: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=1, description="Acceptable phrasings; one of them appearing in the reply meets the point.")


class ReplyQuestion(QuestionBase):
    """情景应答题: the learner writes what they would say; graded against key points and taboo phrases."""

    type: Literal["reply"]
    keypoints: list[KeyPoint] = Field(min_length=1, max_length=6)
    model_answer: Text = Field(description="A reply that meets every key point, shown after grading.")


Question = Annotated[
    Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion, OrderQuestion, ReplyQuestion],
    Field(discriminator="type"),
]


class Quiz(Strict):
    """A self-graded quiz: quizzes/<id>.yml."""

    id: Id = Field(description="Unique across all quizzes; used in {{ quiz(\"id\") }}.")
    title: Text
    pass_score: int = Field(80, ge=0, le=100, description="Pass mark in percent.")
    shuffle: bool = Field(True, description="Shuffle options on screen.")
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


# --------------------------------------------------------------------------- role-play cards

TEMPERAMENTS: tuple[str, ...] = ("多血质", "胆汁质", "粘液质", "抑郁质")
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
