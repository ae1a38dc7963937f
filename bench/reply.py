"""情景应答题 grader against the labelled answers (tests/data/reply_answers.yml): how often it gives the
verdict a trainer gave, per question and per category, and every answer it gets wrong.

    .venv/bin/python bench/reply.py [--quiet] [--answers PATH]

--answers grades another batch laid out like the labelled set (an outside set, say), in which no
question or category is required.

Runs the Python grader, which tests/test_reply_grading.py holds to the browser's verdicts.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.library import load_library
from macros.question_types.reply import ReplyQuestion
from macros.question_types.reply_answers import GOOD, load_batch
from macros.question_types.reply_grading import grade

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "tests" / "data" / "reply_answers.yml"


def judge_all(root: Path = ROOT, answers: Path | None = None) -> list[tuple[str, str, str, dict]]:
    """(question key, category, answer, verdict) for every answer of the labelled set, or of `answers`."""
    library = load_library(root)
    taboo = [(entry.id, entry.text, [entry.text, *entry.match]) for entry in library.taboo]
    questions = {f"{quiz.id}/{q.id}": q for quiz in library.quizzes.values() for q in quiz.questions
                 if isinstance(q, ReplyQuestion)}
    judged = load_batch(answers or root / "tests" / "data" / "reply_answers.yml")
    keys = {key for key, _, _ in judged}
    missing = sorted(set(questions) - keys) if answers is None else []
    unknown = sorted(keys - set(questions))
    if missing or unknown:
        raise SystemExit(f"answers out of step with the bank: no answers for {missing}, unknown {unknown}")
    return [(key, category, answer, grade(answer, questions[key].keypoints, taboo, questions[key].avoid))
            for key, category, answer in judged]


def agrees(category: str, verdict: dict) -> bool:
    return verdict["correct"] == (category == GOOD)


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="figures only, not the answers graded wrongly")
    parser.add_argument("--answers", type=Path, help="a batch to grade instead of tests/data/reply_answers.yml")
    args = parser.parse_args()
    results = judge_all(answers=args.answers)
    by_question, by_category = Counter(), Counter()
    right_question, right_category = Counter(), Counter()
    for key, category, answer, verdict in results:
        ok = agrees(category, verdict)
        by_question[key] += 1
        right_question[key] += ok
        by_category[category] += 1
        right_category[category] += ok
        if not ok and not args.quiet:
            why = [p["reason"] + ":" + p["label"] for p in verdict["points"] if not p["met"]]
            why += [f["kind"] + ":" + f["words"] for f in verdict["faults"]]
            print(f"  ✘ {key} [{category}] {answer}\n      grader: {'pass' if verdict['correct'] else 'fail'} {why}")
    print("\nper question")
    for key in by_question:
        print(f"  {key:52} {percent(right_question[key], by_question[key])}")
    print("\nper category")
    for category in by_category:
        print(f"  {category:16} {percent(right_category[category], by_category[category])}")
    bad = [c for c in by_category if c != GOOD]
    print(f"\ngood accepted    {percent(right_category[GOOD], by_category[GOOD])}")
    print(f"bad rejected     {percent(sum(right_category[c] for c in bad), sum(by_category[c] for c in bad))}")
    print(f"overall          {percent(sum(right_category.values()), sum(by_category.values()))}")


if __name__ == "__main__":
    main()
