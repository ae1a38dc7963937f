"""Command line: train the 情景应答题 sentence model (macros/question_types/reply_model.py) and write
macros/question_types/reply_model.json.

    python -m tools.train_reply_model [project-root]

Trained on what trainers labelled, in the repo:
- tests/data/reply_fault_sentences.yml: single things an agent says, by fault family, and clean ones (clean
  near misses and learners' phrasings of key points);
- tests/data/reply_answers.yml: every sentence of a good answer is clean; in a bad answer, the sentences in
  which the rules (without the model) find a refusal, blame, over-promise, favour or rude word are faults of
  that kind.
Two logistic regressions over the sentences' character grams, by stochastic gradient descent from a fixed seed
(the same data gives the same file): one says fault or clean, the other which fault (one score per kind, the
highest wins). Weights are kept as integers (× SCALE) and the smallest left out, to keep the browser's download
small. The file records a digest of its training data: tests/test_reply_model.py fails when the data changed
and the model was not trained again.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
from pathlib import Path

from macros.question_types.reply_answers import GOOD, load_answers, load_fault_sentences
from macros.question_types.reply_grading import RULES, _compile_browser_rules, grade_folded, sentence_texts
from macros.question_types.reply_model import MODEL_FILE, grams

FAULT_SENTENCES = Path("tests/data/reply_fault_sentences.yml")
ANSWERS = Path("tests/data/reply_answers.yml")
SIZES = (1, 2, 3)
EPOCHS = 15
LEARNING_RATE = 0.2
DECAY = 1e-4
SEED = 1
SCALE = 1000
# A sentence is read as faulty when its score (per √grams) is above this: chosen on answers left out of the
# training in turn, where it misread about one good answer in 140 (README, issue #19).
THRESHOLD = 1.5
# Before scaling: weights nearer zero than these change almost nothing and are left out (the kind needs fewer:
# the detector has already decided).
SMALLEST_WEIGHT = 0.3
SMALLEST_KIND_WEIGHT = 0.6
# The fault corpora's families, and the grader's fault kinds (reply_grading.FAULT_KINDS) they and the rules'
# findings are read as.
KIND_OF_FAMILY = {"over-promise": "over-promise", "blame": "blamed", "refusal": "refused", "rude": "rude",
                  "favour": "favour"}
KIND_OF_FINDING = {"refused": "refused", "taken-back": "refused", "blamed": "blamed", "over-promise": "over-promise",
                   "favour": "favour", "waived": "favour", "rude": "rude"}
KINDS = ("refused", "blamed", "over-promise", "favour", "rude")


def digest(root: Path) -> str:
    """What the model is trained from, in one hash: the two data files and this trainer's settings."""
    sha = hashlib.sha256()
    for path in (FAULT_SENTENCES, ANSWERS):
        sha.update((root / path).read_bytes())
    sha.update(repr((SIZES, EPOCHS, LEARNING_RATE, DECAY, SEED, SCALE, THRESHOLD, SMALLEST_WEIGHT, SMALLEST_KIND_WEIGHT, KINDS)).encode())
    return sha.hexdigest()[:16]


def labelled_sentences(root: Path) -> list[tuple[str, str | None]]:
    """(folded sentence, fault kind or None for clean) for everything the model learns from."""
    rules = _compile_browser_rules(RULES)  # the rules alone: the model must not learn from itself
    rows: list[tuple[str, str | None]] = []

    def whole(text: str) -> str:
        return "".join(folded for folded, _ in sentence_texts(text, rules))

    corpus = load_fault_sentences(root / FAULT_SENTENCES)
    for family, sentences in corpus.faults.items():
        rows.extend((whole(sentence), KIND_OF_FAMILY[family]) for sentence in sentences)
    rows.extend((whole(sentence), None) for sentence in corpus.clean)
    for judged in load_answers(root / ANSWERS).values():
        for category, answer in judged.judged():
            sentences = sentence_texts(answer, rules)
            if category == GOOD:
                rows.extend((folded, None) for folded, _ in sentences)
                continue
            findings = grade_folded(answer, [], [], rules)["faults"]
            for folded, words in sentences:
                kind = next((KIND_OF_FINDING[f["kind"]] for f in findings
                             if f["kind"] in KIND_OF_FINDING and f["words"] and f["words"] in words), None)
                if kind:
                    rows.append((folded, kind))
    return [(folded, kind) for folded, kind in rows if folded]


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _passes(rows: list[tuple[list[str], object]]):
    """(grams, label, 1/√count) of every row, EPOCHS times, each pass in a new order from the fixed seed."""
    order = list(range(len(rows)))
    shuffle = random.Random(SEED).shuffle
    for _ in range(EPOCHS):
        shuffle(order)
        for at in order:
            found, label = rows[at]
            yield found, label, 1 / math.sqrt(len(found))


def train_detector(rows: list[tuple[list[str], bool]]) -> tuple[float, dict[str, float]]:
    """Bias and weight of each gram: fault (True) against clean, each sentence's grams weighed by 1/√count."""
    weights: dict[str, float] = {}
    bias = 0.0
    for found, faulty, share in _passes(rows):
        error = _sigmoid(bias + share * sum(weights.get(gram, 0.0) for gram in found)) - faulty
        bias -= LEARNING_RATE * error
        for gram in found:
            weights[gram] = weights.get(gram, 0.0) * (1 - LEARNING_RATE * DECAY) - LEARNING_RATE * error * share
    return bias, weights


def train_kinds(rows: list[tuple[list[str], int]]) -> tuple[list[float], dict[str, list[float]]]:
    """Bias and weights per kind: which fault a faulty sentence is (softmax over KINDS)."""
    weights: dict[str, list[float]] = {}
    biases = [0.0] * len(KINDS)
    for found, kind, share in _passes(rows):
        scores = [biases[k] + share * sum(weights[gram][k] for gram in found if gram in weights)
                  for k in range(len(KINDS))]
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        for k in range(len(KINDS)):
            error = exps[k] / total - (k == kind)
            biases[k] -= LEARNING_RATE * error
            for gram in found:
                row = weights.setdefault(gram, [0.0] * len(KINDS))
                row[k] = row[k] * (1 - LEARNING_RATE * DECAY) - LEARNING_RATE * error * share
    return biases, weights


def train(root: Path) -> dict:
    rows = [(grams(folded, SIZES), kind) for folded, kind in labelled_sentences(root)]
    bias, weights = train_detector([(found, kind is not None) for found, kind in rows])
    kind_biases, kind_weights = train_kinds([(found, KINDS.index(kind)) for found, kind in rows if kind])
    kept = {gram: round(weight * SCALE) for gram, weight in sorted(weights.items()) if abs(weight) >= SMALLEST_WEIGHT}
    kept_kinds = {gram: [round(weight * SCALE) for weight in row] for gram, row in sorted(kind_weights.items())
                  if max(abs(weight) for weight in row) >= SMALLEST_KIND_WEIGHT}
    return {"trainedOn": digest(root), "sentences": len(rows), "sizes": list(SIZES),
            "threshold": THRESHOLD * SCALE, "bias": round(bias * SCALE), "weights": kept,
            "families": list(KINDS), "familyBias": [round(b * SCALE) for b in kind_biases], "familyWeights": kept_kinds}


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    model = train(root)
    (root / "macros" / "question_types" / MODEL_FILE.name).write_text(
        json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"trained on {model['sentences']} sentences: {len(model['weights'])} grams for fault or clean, "
          f"{len(model['familyWeights'])} for which fault")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
