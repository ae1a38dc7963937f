"""单选 and 多选: options with one or several marked correct. One module for both, since they share the
option model, the body (radio buttons or checkboxes), the key and the exports."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from . import lms
from .base import QuestionBase, QuestionType, Strict, Text, first_duplicate
from .html import attr, input_name


class Option(Strict):
    """A choice of a single or multiple question."""

    text: Text
    correct: bool = Field(False, description="True for a right answer.")


def _check_options(options: list[Option]) -> None:
    duplicate = first_duplicate([option.text for option in options])
    if duplicate is not None:
        raise ValueError(f"duplicate option text '{duplicate}' — give every option a different text")


class SingleQuestion(QuestionBase):
    """Exactly one option is correct."""

    type: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleQuestion:
        _check_options(self.options)
        count = sum(option.correct for option in self.options)
        if count != 1:
            raise ValueError(
                f"a single-choice question needs exactly one correct option, found {count}"
                " — mark exactly one option with 'correct: true' (or use type: multiple)"
            )
        return self


class MultipleQuestion(QuestionBase):
    """One or more options are correct; all of them must be chosen."""

    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleQuestion:
        _check_options(self.options)
        if not any(option.correct for option in self.options):
            raise ValueError("a multiple-choice question needs at least one correct option"
                             " — mark the right options with 'correct: true'")
        return self


ChoiceQuestion = SingleQuestion | MultipleQuestion


def _right(question: ChoiceQuestion) -> list[int]:
    return [i for i, option in enumerate(question.options) if option.correct]


def _body(quiz, question: ChoiceQuestion, inline) -> list[str]:
    single = question.type == "single"
    kind = "radio" if single else "checkbox"
    name = input_name(quiz.id, question.id)
    out = [] if single else ['<p class="mdx-quiz__hint">（选出所有正确的选项）</p>']
    out.append('<div class="mdx-quiz__options">')
    for index, option in enumerate(question.options):
        out.append(
            f'<label class="mdx-quiz__option"><input type="{kind}" name="{name}" value="{index}">'
            f'<span class="mdx-quiz__option-text">{inline(option.text)}</span></label>'
        )
    out.append("</div>")
    return out


def _answer_attributes(question: ChoiceQuestion) -> str:
    return f' data-answer="{attr(",".join(map(str, _right(question))))}"'


def _key(question: ChoiceQuestion, inline) -> str:
    return "正确答案：" + "；".join(inline(question.options[i].text) for i in _right(question))


# The site grades a multiple-answer question all or nothing. Moodle's core type adds up the chosen options'
# fractions (between 0 and 100 %): every wrong option at -100 % makes any wrong choice worth 0 as here,
# but a choice that misses a right option still earns that option's share (the trainer page says so).
WRONG_OPTION = "-100"


def _fraction(question: ChoiceQuestion, option: Option) -> str:
    if option.correct:
        return lms.SHARES[len(_right(question))]
    return "0" if question.type == "single" else WRONG_OPTION


def _moodle(quiz, question: ChoiceQuestion) -> list[str]:
    single = question.type == "single"
    body = [f"    <single>{'true' if single else 'false'}</single>\n",
            f"    <shuffleanswers>{1 if quiz.shuffle else 0}</shuffleanswers>\n",
            "    <answernumbering>ABCD</answernumbering>\n"]
    for option in question.options:
        body.append(f'    <answer fraction="{_fraction(question, option)}" format="html"><text>'
                    f"{lms.cdata(lms.html(option.text))}</text><feedback><text></text></feedback></answer>\n")
    return [lms.moodle_question("multichoice", f"{quiz.id}/{question.id}", lms.stem_html(question),
                                lms.html(question.explanation), body)]


def _gift(quiz, question: ChoiceQuestion) -> str:
    lines = []
    for option in question.options:
        text = lms.gift_escape(lms.html(option.text))
        if question.type == "single":
            lines.append(("=" if option.correct else "~") + text)
        else:
            lines.append(f"~%{_fraction(question, option)}%{text}")
    body = "\n".join("  " + line for line in lines)
    return (f"{lms.gift_title(f'{quiz.id}/{question.id}')}{lms.gift_stem(lms.stem_html(question))} {{\n{body}\n"
            f"  {lms.gift_feedback(lms.html(question.explanation))}\n}}\n\n")


def _explain(error: dict[str, Any], path: tuple[Any, ...]) -> tuple[str, str] | None:
    if error["type"] == "too_short" and path == ("options",):
        return f"only {len(error.get('input') or [])} option(s)", "give at least two options"
    return None


SINGLE = QuestionType(name="single", label="单选", model=SingleQuestion, body=_body,
                      answer_attributes=_answer_attributes, key=_key, moodle=_moodle, gift=_gift, explain=_explain)
MULTIPLE = QuestionType(name="multiple", label="多选", model=MultipleQuestion, body=_body,
                        answer_attributes=_answer_attributes, key=_key, moodle=_moodle, gift=_gift, explain=_explain)
