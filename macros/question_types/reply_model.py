"""A second reading of each sentence of a 情景应答题 reply: a linear model over its characters (one, two and
three at a time), trained on the labelled sentences and answers (tools/train_reply_model.py), that finds a
refusal, blame, over-promise, favour or rude remark worded in a way no rule lists, and names which of them it
is most like.

The rules (reply_grading.py) read first; the model reads only the sentences they left alone, and only its
confident verdicts count (`threshold`), so that a good answer's many sentences are seldom misread. Weights are
integers, so quiz/types/reply.js adds them up to the same sums and reaches the same verdicts from the same
JSON (reply_model.json, which travels in the reply rules' script). Plain Python: no MkDocs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("reply_model.json")


@cache
def load_model() -> dict:
    """The trained model as the browser gets it."""
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def grams(folded: str, sizes: Sequence[int]) -> list[str]:
    """Every run of `sizes` characters of the folded text, with its start and end marked, each once."""
    marked = f"^{folded}$"
    return sorted({marked[at:at + size] for size in sizes for at in range(len(marked) - size + 1)})


def suspected_kind(folded: str, model: dict) -> str | None:
    """The fault kind the model reads in one folded sentence, or None when it is not confident of any."""
    found = grams(folded, model["sizes"])
    weights = model["weights"]
    total = model["bias"] + sum(weights.get(gram, 0) for gram in found)
    if total <= model["threshold"] * math.sqrt(len(found)):
        return None
    scores = list(model["familyBias"])
    for gram in found:
        for at, weight in enumerate(model["familyWeights"].get(gram, ())):
            scores[at] += weight
    return model["families"][scores.index(max(scores))]
