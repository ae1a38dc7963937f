"""The labelled answer set of the 情景应答题 (tests/data/reply_answers.yml): answers a trainer has judged,
read strictly so that a typo in a category or a question id is an error, not a silent gap."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import yaml
from pydantic import Field, RootModel, field_validator

from .base import Strict

GOOD = "good"
BAD_CATEGORIES = ("rude", "stonewalling", "blaming", "over-promising", "keyword-stuffed", "negated")
Answer = Annotated[str, Field(min_length=2)]


class JudgedAnswers(Strict):
    """One question's answers, by the verdict a trainer gives: `good` passes, every other list fails."""

    good: list[Answer] = Field(min_length=4)
    rude: list[Answer] = Field(min_length=1)
    stonewalling: list[Answer] = Field(min_length=1)
    blaming: list[Answer] = Field(min_length=1)
    over_promising: list[Answer] = Field(min_length=1, alias="over-promising")
    keyword_stuffed: list[Answer] = Field(min_length=1, alias="keyword-stuffed")
    negated: list[Answer] = Field(min_length=1)

    def judged(self) -> list[tuple[str, str]]:
        """(category, answer) for every answer, good ones first."""
        lists = {GOOD: self.good, "rude": self.rude, "stonewalling": self.stonewalling, "blaming": self.blaming,
                 "over-promising": self.over_promising, "keyword-stuffed": self.keyword_stuffed,
                 "negated": self.negated}
        return [(category, answer) for category, answers in lists.items() for answer in answers]


class AnswerSet(RootModel[dict[str, JudgedAnswers]]):
    """Keyed by '<quiz id>/<question id>'."""


def load_answers(path: Path) -> dict[str, JudgedAnswers]:
    return AnswerSet.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).root


class JudgedBatch(Strict):
    """A batch of judged answers from outside the repo: the same categories, none of them required."""

    good: list[Answer] = Field(default_factory=list)
    rude: list[Answer] = Field(default_factory=list)
    stonewalling: list[Answer] = Field(default_factory=list)
    blaming: list[Answer] = Field(default_factory=list)
    over_promising: list[Answer] = Field(default_factory=list, alias="over-promising")
    keyword_stuffed: list[Answer] = Field(default_factory=list, alias="keyword-stuffed")
    negated: list[Answer] = Field(default_factory=list)


class AnswerBatch(RootModel[dict[str, JudgedBatch]]):
    """Keyed by '<quiz id>/<question id>', like the labelled set."""


def load_batch(path: Path) -> list[tuple[str, str, str]]:
    """(question key, category, answer) of every answer in a batch laid out like the labelled set."""
    batch = AnswerBatch.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).root
    return [(key, category, answer) for key, judged in batch.items()
            for category, answers in judged.model_dump(by_alias=True).items() for answer in answers]


FAULT_FAMILIES = ("over-promise", "blame", "refusal", "rude", "favour")
Sentence = Annotated[str, Field(min_length=2, max_length=120)]


class FaultSentences(Strict):
    """Single things an agent says, by the fault a trainer finds in them; `clean` ones have none.

    A reply's faults are judged sentence by sentence, so every family can be written in many more wordings
    than whole answers allow: what the grader must recognise wherever a learner puts it."""

    faults: dict[str, list[Sentence]]
    clean: list[Sentence] = Field(min_length=1)

    @field_validator("faults")
    @classmethod
    def _known_families(cls, faults: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = sorted(set(faults) - set(FAULT_FAMILIES))
        if unknown:
            raise ValueError(f"unknown fault families {unknown}: use {list(FAULT_FAMILIES)}")
        return faults


def load_fault_sentences(path: Path) -> FaultSentences:
    return FaultSentences.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
