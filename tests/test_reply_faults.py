"""情景应答题 faults sentence by sentence (issue #19): the grader finds the fault a trainer finds in single things
an agent says (tests/data/reply_fault_sentences.yml, written blind in many voices) and leaves alone the clean
ones that use the same words; the browser's grader gives the same verdict on every one."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from macros.question_types.reply_answers import FAULT_FAMILIES, FaultSentences, load_fault_sentences
from macros.question_types.reply_grading import grade

from .helpers import ROOT
from .test_reply_grading import browser_verdicts, python_verdicts, taboo_list

CORPUS = ROOT / "tests" / "data" / "reply_fault_sentences.yml"
# Share of each family the grader must find, and of the clean sentences it must leave alone. Not all: where the
# course's own rules and a writer's label differ, the course wins (see the corpus's header).
FOUND, LEFT_ALONE = 0.95, 0.97


@pytest.fixture(scope="module")
def corpus() -> FaultSentences:
    return load_fault_sentences(CORPUS)


def test_the_corpus_covers_every_family_in_many_wordings(corpus):
    assert set(corpus.faults) == set(FAULT_FAMILIES)
    assert all(len(sentences) >= 45 for sentences in corpus.faults.values())
    assert len(corpus.clean) >= sum(len(sentences) for sentences in corpus.faults.values())


def test_an_unknown_family_is_an_error():
    with pytest.raises(ValidationError, match="unknown fault families"):
        FaultSentences.model_validate({"faults": {"sarcasm": ["您可真行"]}, "clean": ["好的"]})


@pytest.mark.parametrize("family", FAULT_FAMILIES)
def test_the_grader_finds_each_family(library, corpus, family):
    taboo = taboo_list(library)
    missed = [s for s in corpus.faults[family] if not grade(s, [], taboo)["faults"]]
    assert len(missed) <= (1 - FOUND) * len(corpus.faults[family]), missed


def test_the_grader_leaves_clean_sentences_alone(library, corpus):
    taboo = taboo_list(library)
    flagged = [(s, grade(s, [], taboo)["faults"]) for s in corpus.clean]
    flagged = [(s, faults) for s, faults in flagged if faults]
    assert len(flagged) <= (1 - LEFT_ALONE) * len(corpus.clean), flagged


@pytest.mark.browser
def test_the_browser_finds_the_same_faults(browser, library, corpus):
    cases = [(None, family, s) for family, sentences in corpus.faults.items() for s in sentences]
    cases += [(None, "clean", s) for s in corpus.clean]
    assert browser_verdicts(browser, library, cases) == python_verdicts(library, cases)
