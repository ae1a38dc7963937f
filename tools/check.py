"""Command line: validate all course data without building the site.

    python -m tools.check [project-root]
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.errors import DataError
from macros.library import load_library
from macros.record_form import RECORD_PHRASES_FILE, load_record_phrases


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    try:
        library = load_library(root)
        if (root / RECORD_PHRASES_FILE).exists():
            load_record_phrases(root, library.phrases)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    questions = sum(len(quiz.questions) for quiz in library.quizzes.values())
    print(f"ok: {len(library.quizzes)} quizzes, {questions} questions, "
          f"{len(library.phrases)} phrases, {len(library.taboo)} taboo phrases, {len(library.roleplays)} role-play cards")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
