"""情景应答题 grader, sentence by sentence: does it find the fault a trainer finds in single things an agent
says, and leave the clean ones alone? Reads corpora laid out like tests/data/reply_fault_sentences.yml.

    .venv/bin/python bench/reply_faults.py [--quiet] [PATH ...]

Each sentence is graded with no key points, so only faults (refusals, blame, over-promises, favours, rude words,
taboo phrases …) decide: a fault sentence should get at least one, a clean sentence none.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.library import load_library
from macros.question_types.reply_answers import load_fault_sentences
from macros.question_types.reply_grading import grade

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "reply_fault_sentences.yml"


def faults_of(sentence: str, taboo) -> list[dict]:
    return grade(sentence, [], taboo)["faults"]


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="figures only, not the sentences judged wrongly")
    parser.add_argument("corpora", nargs="*", type=Path, default=[CORPUS])
    args = parser.parse_args()
    library = load_library(ROOT)
    taboo = [(entry.id, entry.text, [entry.text, *entry.match]) for entry in library.taboo]
    for path in args.corpora:
        corpus = load_fault_sentences(path)
        print(f"\n{path}")
        for family, sentences in corpus.faults.items():
            missed = [s for s in sentences if not faults_of(s, taboo)]
            print(f"  {family:14} found {percent(len(sentences) - len(missed), len(sentences))}")
            if not args.quiet:
                for sentence in missed:
                    print(f"      ✘ {sentence}")
        flagged = [(s, faults_of(s, taboo)) for s in corpus.clean]
        flagged = [(s, found) for s, found in flagged if found]
        print(f"  {'clean':14} left alone {percent(len(corpus.clean) - len(flagged), len(corpus.clean))}")
        if not args.quiet:
            for sentence, found in flagged:
                print(f"      ✘ {sentence}   ← {[f['kind'] + ':' + f['words'] for f in found]}")


if __name__ == "__main__":
    main()
