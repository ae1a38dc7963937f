"""应答 (情景应答题): the learner writes what they would say to the customer; the browser checks the reply
against key points and the taboo phrases. In an LMS it becomes an essay the trainer grades, guided by
the key points and the model answer."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Literal
from xml.sax.saxutils import escape as xml_escape

from pydantic import Field

from ..normalize import fold, pairs_for
from . import lms
from .base import FindTaboo, QuestionBase, QuestionType, Strict, TabooList, Text
from .html import attr, input_name


class KeyPoint(Strict):
    """Something a good reply must contain, with the phrasings that count as containing it."""

    label: Text = Field(description="What the point is, shown in the feedback: 道歉, 共情, 具体时限 …")
    any: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=1, description="Acceptable phrasings; one of them appearing in the reply meets the point.")


class ReplyQuestion(QuestionBase):
    """情景应答题: the learner writes what they would say; graded against key points and taboo phrases."""

    type: Literal["reply"]
    keypoints: list[KeyPoint] = Field(min_length=1, max_length=6)
    model_answer: Text = Field(description="A reply that meets every key point, shown after grading.")


def _body(quiz, question: ReplyQuestion, inline) -> list[str]:
    field = input_name(quiz.id, question.id)
    return [
        '<p class="mdx-quiz__hint">（像对真实客户那样写两三句；提交后对照要点和参考回答）</p>',
        f'<label class="mdx-visually-hidden" for="{field}">你的回答</label>',
        f'<textarea class="mdx-quiz__reply" id="{field}" rows="3" placeholder="写下你要对客户说的话"></textarea>',
    ]


def _answer_attributes(question: ReplyQuestion) -> str:
    points = [{"label": p.label, "any": sorted({fold(a) for a in p.any} - {""})}
              for p in question.keypoints]
    return f' data-keypoints="{attr(json.dumps(points, ensure_ascii=False, separators=(",", ":")))}"'


def _key(question: ReplyQuestion, inline) -> str:
    points = "；".join(inline(p.label) for p in question.keypoints)
    return f"要点：{points}<br>参考回答：{inline(question.model_answer)}"


def _quiz_attributes(questions: Sequence[ReplyQuestion], taboo: TabooList) -> str:
    """What the browser needs to grade written replies: folded taboo patterns and the character map."""
    patterns = [[tid, text, sorted({fold(p) for p in found} - {""})] for tid, text, found in taboo]
    pairs = pairs_for([*(a for q in questions for p in q.keypoints for a in p.any),
                       *(p for _, _, found in patterns for p in found)])
    return (f' data-taboo="{attr(json.dumps(patterns, ensure_ascii=False, separators=(",", ":")))}"'
            f' data-t2s="{attr(pairs)}"')


def _check(question: ReplyQuestion, find_taboo: FindTaboo) -> list[tuple[str, str]]:
    """A model answer must pass its own grading: every key point met, no taboo phrase."""
    problems = []
    answer = fold(question.model_answer)
    missed = [point.label for point in question.keypoints
              if not any(fold(phrase) and fold(phrase) in answer for phrase in point.any)]
    if missed:
        problems.append((f"the model answer does not meet key point(s): {'、'.join(missed)}",
                         "add one of their phrasings to model_answer or widen 'any'"))
    hit = find_taboo(question.model_answer)
    if hit:
        problems.append((f"the model answer contains the taboo phrase '{hit.text}'", "rephrase the model answer"))
    return problems


def _grader_info(question: ReplyQuestion) -> str:
    points = "".join(f"<li>{lms.html(p.label)}（如：{xml_escape('、'.join(p.any[:6]))}）</li>" for p in question.keypoints)
    return f"<p>要点：</p><ul>{points}</ul><p>参考回答：{lms.html(question.model_answer)}</p>"


def _moodle(quiz, question: ReplyQuestion) -> list[str]:
    body = [("    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n"
             "    <responsefieldlines>5</responsefieldlines>\n    <attachments>0</attachments>\n"),
            lms.text_element("graderinfo", _grader_info(question)),
            lms.text_element("responsetemplate", "")]
    return [lms.moodle_question("essay", f"{quiz.id}/{question.id}", lms.stem_html(question),
                                question.explanation, body)]


def _gift(quiz, question: ReplyQuestion) -> str:
    title = f"{quiz.id}/{question.id}"
    return (f"// {lms.gift_escape(title)} 参考回答：{lms.gift_escape(question.model_answer)}\n"
            f"{lms.gift_title(title)}{lms.gift_stem(lms.stem_html(question))} {{{lms.gift_feedback(question.explanation)}}}\n\n")


TYPE = QuestionType(name="reply", label="应答", model=ReplyQuestion, body=_body, answer_attributes=_answer_attributes,
                    key=_key, moodle=_moodle, gift=_gift, quiz_attributes=_quiz_attributes, check=_check)
