"""判断: a statement the learner judges true or false."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import lms
from .base import QuestionBase, QuestionType
from .html import input_name


class TrueFalseQuestion(QuestionBase):
    """A statement the learner judges true or false."""

    type: Literal["truefalse"]
    answer: bool = Field(description="true if the statement in the stem is right.")


def _body(quiz, question: TrueFalseQuestion, inline) -> list[str]:
    name = input_name(quiz.id, question.id)
    return [
        '<div class="mdx-quiz__options mdx-quiz__options--truefalse">',
        (f'<label class="mdx-quiz__option"><input type="radio" name="{name}" value="true">'
         '<span class="mdx-quiz__option-text">正确</span></label>'),
        (f'<label class="mdx-quiz__option"><input type="radio" name="{name}" value="false">'
         '<span class="mdx-quiz__option-text">错误</span></label>'),
        "</div>",
    ]


def _answer_attributes(question: TrueFalseQuestion) -> str:
    return f' data-answer="{"true" if question.answer else "false"}"'


def _key(question: TrueFalseQuestion, inline) -> str:
    return f"正确答案：{'正确' if question.answer else '错误'}"


def _moodle(quiz, question: TrueFalseQuestion) -> list[str]:
    body = []
    for value in ("true", "false"):
        fraction = "100" if (value == "true") == question.answer else "0"
        body.append(f'    <answer fraction="{fraction}" format="moodle_auto_format"><text>{value}</text>'
                    "<feedback><text></text></feedback></answer>\n")
    # Penalty 1, as Moodle's own form and GIFT import set for true/false (a second try is a sure guess);
    # XML without it would get Moodle's general default of 1/3.
    return [lms.moodle_question("truefalse", f"{quiz.id}/{question.id}", lms.stem_html(question),
                                lms.html(question.explanation), body, penalty="1")]


def _gift(quiz, question: TrueFalseQuestion) -> str:
    return (f"{lms.gift_title(f'{quiz.id}/{question.id}')}{lms.gift_stem(lms.stem_html(question))} "
            f"{{{'TRUE' if question.answer else 'FALSE'}{lms.gift_feedback(lms.html(question.explanation))}}}\n\n")


TYPE = QuestionType(name="truefalse", label="判断", model=TrueFalseQuestion, body=_body,
                    answer_attributes=_answer_attributes, key=_key, moodle=_moodle, gift=_gift)
