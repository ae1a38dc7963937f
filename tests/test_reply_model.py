"""The 情景应答题 sentence model (macros/question_types/reply_model.py): trained on the data in the repo and
from it alone, reading what no rule lists, deferring to the rules where they have weighed a sentence; the
browser's twin is held to the same verdicts by tests/test_reply_grading.py and tests/test_reply_faults.py."""

from __future__ import annotations

import json

from macros.question_types.reply_grading import grade
from macros.question_types.reply_model import MODEL_FILE, grams, load_model, suspected_kind
from tools.train_reply_model import digest, train

from .helpers import ROOT

RETRAIN = "train it again: .venv/bin/python -m tools.train_reply_model"


def taboo_list(library):
    return [(entry.id, entry.text, [entry.text, *entry.match]) for entry in library.taboo]


def test_the_model_was_trained_on_the_data_as_it_is_now():
    assert load_model()["trainedOn"] == digest(ROOT), f"the labelled data changed since {MODEL_FILE.name}: {RETRAIN}"


def test_training_on_the_repo_gives_the_committed_model_exactly():
    committed = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert train(ROOT) == committed, f"{MODEL_FILE.name} is not what the trainer makes from the repo: {RETRAIN}"


def test_grams_mark_the_ends_and_count_each_run_once():
    assert grams("退退", (1, 2)) == sorted({"^", "退", "$", "^退", "退退", "退$"})


def test_a_sentence_is_suspected_only_past_the_threshold_and_named_by_the_highest_kind():
    model = {"sizes": [1], "threshold": 1000.0, "bias": -500, "weights": {"退": 2500},
             "families": ["refused", "over-promise"], "familyBias": [0, 0], "familyWeights": {"退": [-1, 3]}}
    # grams of 退: ^, 退, $ -> total -500 + 2500 = 2000 against 1000 * sqrt(3) = 1732
    assert suspected_kind("退", model) == "over-promise"
    # 退款: four grams -> 2000 against 2000 is not past it
    assert suspected_kind("退款", model) is None


def test_a_fault_no_rule_lists_is_failed_as_the_kind_it_reads_like(library):
    verdict = grade("您这都第三回来问了，烦不烦呀。", [], taboo_list(library))
    assert verdict["faults"] == [{"kind": "rude", "words": "您这都第三回来问了，烦不烦呀", "by": "model"}]


def test_the_model_defers_to_the_rules_where_they_cleared_a_sentence(library):
    # 您自己再打过来 is a refusal phrasing, which the agent's own call back restores: the rules clear it
    verdict = grade("对不起，是我的错，这事我来负责。您自己再打过来也行，不过我下午三点前一定先给您回电。", [],
                    taboo_list(library))
    assert verdict["faults"] == []


def test_the_rules_finding_is_not_said_twice(library):
    verdict = grade("那我也没辙，您看着弄吧。", [], taboo_list(library))
    assert not [fault for fault in verdict["faults"] if fault.get("by") == "model"]
