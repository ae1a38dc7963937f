"""What Python and the browser must agree on, defined here once.

The build uses these values directly; pages receive `browser_contract()` as one JSON block
(`<script id="__mdx_contract" type="application/json">`, written by overrides/main.html from
`config.extra.contract`), the way Material hands its own configuration to its scripts. text-fold.js
reads it for every script of the site (`window.mdxContract()`); tests/test_contract.py checks that the
browser's implementation gives the build's answers on the real data.
"""

from __future__ import annotations

from dataclasses import dataclass

from .normalize import browser_rules

# Questions of the whole bank (错题本, exam) are named "<quiz>--<question>": ids never hold "--"
# (models.ID_PATTERN allows single hyphens only), so the split is unambiguous.
ID_SEPARATOR = "--"
# Quiz ids the site gives its bank quizzes (the whole bank as one quiz): a quiz file may not take them.
EXAM_QUIZ_ID = "exam"
REVIEW_QUIZ_ID = "review"
BANK_QUIZ_IDS = (EXAM_QUIZ_ID, REVIEW_QUIZ_ID)
# Paper codes (?paper=K7Q2) and completion codes: no 0/O, 1/I/L, which are misread on paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
PAPER_CODE_LENGTH = 4


@dataclass(frozen=True)
class ExamRules:
    """The final exam's paper: how many questions from each module quiz, the time, the pass mark."""

    per_module: int = 2
    minutes: int = 30
    pass_score: int = 80

    def paper_size(self, question_counts: list[int]) -> int:
        """Questions on one paper, from the number of questions of each module quiz drawn from."""
        return sum(min(self.per_module, count) for count in question_counts)


EXAM = ExamRules()


def bank_question_id(quiz_id: str, question_id: str) -> str:
    return f"{quiz_id}{ID_SEPARATOR}{question_id}"


def browser_contract() -> dict:
    """Everything the scripts need to act like the build, as plain JSON data (the exam's size, time and pass
    mark reach the exam's own element as data attributes, where they apply)."""
    return {
        "text": browser_rules(),
        "idSeparator": ID_SEPARATOR,
        "examQuizId": EXAM_QUIZ_ID,
        "reviewQuizId": REVIEW_QUIZ_ID,
        "codeAlphabet": CODE_ALPHABET,
        "paperCodeLength": PAPER_CODE_LENGTH,
    }

