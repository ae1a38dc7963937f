"""The course's promised coverage, so that edits cannot quietly shrink it."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.models import STAGES

from .helpers import ROOT

MODULES = ["understanding", "psychology", "listening", "handling-steps", "principles", "taboos", "emotions",
           "management", "regulation", "bank-situations", "cases"]
SCENARIO_MIN = 6


def test_question_bank_size_and_variety(library):
    questions = [q for quiz in library.quizzes.values() for q in quiz.questions]
    assert len(questions) >= 150
    assert {q.type for q in questions} >= {"single", "multiple", "truefalse", "order"}
    assert all(q.ref for q in questions), "every question links to the section that teaches it"
    assert sum(q.type == "reply" for q in questions) >= 20, "at least 20 情景应答题"


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_its_quiz(library, module):
    quiz = library.quizzes[module]
    assert len(quiz.questions) >= 12
    if module != "understanding":
        assert any(q.context for q in quiz.questions), "modules 2–9 need scenario questions"


@pytest.mark.parametrize("module", MODULES + ["final"])
def test_module_page_structure(module):
    text = (ROOT / "docs/modules" / f"{module}.md").read_text(encoding="utf-8")
    assert '!!! abstract "学习目标"' in text
    assert re.search(r"^## .*\{ #summary \}", text, re.MULTILINE) or module == "final"
    assert f'{{{{ quiz("{module}") }}}}' in text
    assert "{{ phrases(" in text or "{{ taboo_table()" in text


def test_phrase_library_coverage(library):
    assert len(library.phrases) >= 300
    stages = Counter(p.stage for p in library.phrases)
    assert set(stages) == set(STAGES)
    scenarios = Counter(s for p in library.phrases for s in p.scenarios)
    assert all(scenarios[name] >= SCENARIO_MIN for name in library.vocabulary.scenarios), scenarios
    types = Counter(t for p in library.phrases for t in p.customer_types)
    assert all(types[name] >= 4 for name in library.vocabulary.customer_types), types
    assert {c for p in library.phrases for c in p.channels} == {"电话", "柜台", "在线"}
    assert len(library.taboo) >= 40


def test_phrase_ids_follow_their_file():
    for path in (ROOT / "phrases").glob("*.yml"):
        if path.stem in ("vocabulary", "taboo"):
            continue
        ids = re.findall(r"^\s*- id: (\S+)", path.read_text(encoding="utf-8"), re.MULTILINE)
        assert all(i.startswith(path.stem + "-") for i in ids), path.name
