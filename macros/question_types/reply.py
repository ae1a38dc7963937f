"""应答 (情景应答题): the learner writes what they would say to the customer; the browser checks the reply
against key points, refusals, blame, over-promises and the taboo phrases (rules and Python implementation in
reply_grading.py). In an LMS it becomes an essay the trainer grades, guided by the key points and the model
answer."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Literal
from xml.sax.saxutils import escape as xml_escape

from pydantic import Field, field_validator

from ..normalize import pairs_for
from . import lms
from .base import FindTaboo, QuestionBase, QuestionType, Strict, TabooList, Text
from .html import attr, input_name
from .reply_grading import (
    RULES,
    compile_keypoints,
    compile_phrasings,
    compile_taboo,
    grade,
    phrasing_problem,
    rule_texts,
)


class KeyPoint(Strict):
    """Something a good reply must contain, with the phrasings that count as containing it."""

    label: Text = Field(description="What the point is, shown in the feedback: 道歉, 共情, 具体时限 …")
    any: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=1, description=(
            "Acceptable phrasings; one of them in a clause of the reply, not negated, meets the point. "
            "'请示…主管' means both parts, in this order, close together: an action with its object or time."))

    @field_validator("any")
    @classmethod
    def _phrasings_compare(cls, phrasings: list[str]) -> list[str]:
        return _usable(phrasings)


def _usable(phrasings: list[str]) -> list[str]:
    problems = [problem for problem in map(phrasing_problem, phrasings) if problem]
    if problems:
        raise ValueError("; ".join(problems))
    return phrasings


class ReplyQuestion(QuestionBase):
    """情景应答题: the learner writes what they would say; graded against key points and taboo phrases."""

    type: Literal["reply"]
    keypoints: list[KeyPoint] = Field(min_length=1, max_length=6)
    model_answer: Text = Field(description="A reply that meets every key point, shown after grading.")
    avoid: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list, max_length=12,
        description="What this question's rubric forbids (许诺补偿, 劝阻投诉 …): a reply containing one fails.")

    @field_validator("avoid")
    @classmethod
    def _avoid_compares(cls, phrasings: list[str]) -> list[str]:
        return _usable(phrasings)


def _body(quiz, question: ReplyQuestion, inline) -> list[str]:
    field = input_name(quiz.id, question.id)
    return [
        '<p class="mdx-quiz__hint">（像对真实客户那样写两三句；提交后对照要点和参考回答）</p>',
        f'<label class="mdx-visually-hidden" for="{field}">你的回答</label>',
        f'<textarea class="mdx-quiz__reply" id="{field}" rows="3" placeholder="写下你要对客户说的话"></textarea>',
    ]


def _compact(value) -> str:
    return attr(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _answer_attributes(question: ReplyQuestion) -> str:
    points = [{"label": label, "any": phrasings} for label, phrasings in compile_keypoints(question.keypoints)]
    avoid = f' data-avoid="{_compact(compile_phrasings(question.avoid))}"' if question.avoid else ""
    return f' data-keypoints="{_compact(points)}"{avoid} data-model-answer="{attr(question.model_answer)}"'


def _key(question: ReplyQuestion, inline) -> str:
    points = "；".join(inline(p.label) for p in question.keypoints)
    return f"要点：{points}<br>参考回答：{inline(question.model_answer)}"


def _quiz_attributes(questions: Sequence[ReplyQuestion], taboo: TabooList) -> str:
    """What the browser needs to grade this quiz's written replies besides the rules (which quiz.js carries):
    folded taboo patterns and the Traditional → Simplified pairs of every word they compare."""
    patterns = compile_taboo(taboo)
    pairs = pairs_for([*(a for q in questions for p in q.keypoints for a in p.any),
                       *(p for _, _, found in patterns for p in found), *rule_texts(RULES),
                       *(a for q in questions for a in q.avoid)])
    return f' data-taboo="{_compact(patterns)}" data-t2s="{attr(pairs)}"'


def _check(question: ReplyQuestion, find_taboo: FindTaboo) -> list[tuple[str, str]]:
    """A model answer must pass its own grading, by the browser's rules: every key point met, no refusal,
    blame, over-promise or rude words, no taboo phrase."""
    problems = []
    verdict = grade(question.model_answer, question.keypoints, [], question.avoid)
    missed = [f"{p['label']}（{'negated: ' + p['words'] if p['reason'] == 'negated' else 'missing'}）"
              for p in verdict["points"] if not p["met"]]
    if missed:
        problems.append((f"the model answer does not meet key point(s): {'、'.join(missed)}",
                         "add one of their phrasings to model_answer or widen 'any'"))
    for fault in verdict["faults"]:
        problems.append((f"the model answer fails the reply rules ({fault['kind']}: '{fault['words']}')",
                         "rephrase the model answer"))
    hit = find_taboo(question.model_answer)
    if hit:
        problems.append((f"the model answer contains the taboo phrase '{hit.text}'", "rephrase the model answer"))
    return problems


# How the site judges a reply, for the learner's feedback and the grader's notes in an LMS, where the
# trainer grades the essay by hand (reply_grading.py is the rule itself).
GRADING_RULE = ("评分规则（与课程网站相同）：回答要覆盖全部要点；只要出现禁忌用语（见课程的“禁忌用语速查”），"
                "或推托拒绝、把责任推给客户、许诺做不到的事、语气伤人、只堆砌关键词，本题不得分。")


def _rule_html(question: ReplyQuestion) -> str:
    avoid = f"<p>本题还要避免：{xml_escape('、'.join(question.avoid))}</p>" if question.avoid else ""
    return f"<p>{GRADING_RULE}</p>{avoid}"


def _feedback(question: ReplyQuestion) -> str:
    """What the learner sees after answering, as on the site: the explanation, the model answer, the rule."""
    return (f"<p>{lms.html(question.explanation)}</p><p>参考回答：{lms.html(question.model_answer)}</p>"
            + _rule_html(question))


def _grader_info(question: ReplyQuestion) -> str:
    points = "".join(f"<li>{lms.html(p.label)}（如：{xml_escape('、'.join(p.any[:6]))}）</li>" for p in question.keypoints)
    return (f"<p>要点：</p><ul>{points}</ul><p>参考回答：{lms.html(question.model_answer)}</p>"
            + _rule_html(question))


def _moodle(quiz, question: ReplyQuestion) -> list[str]:
    body = [("    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n"
             "    <responsefieldlines>5</responsefieldlines>\n    <attachments>0</attachments>\n"),
            lms.text_element("graderinfo", _grader_info(question)),
            lms.text_element("responsetemplate", "")]
    return [lms.moodle_question("essay", f"{quiz.id}/{question.id}", lms.stem_html(question), _feedback(question),
                                body)]


def _gift(quiz, question: ReplyQuestion) -> str:
    """An essay (empty answer part); GIFT has no grader information, so the general feedback carries it all."""
    title = f"{quiz.id}/{question.id}"
    return f"{lms.gift_title(title)}{lms.gift_stem(lms.stem_html(question))} {{{lms.gift_feedback(_feedback(question))}}}\n\n"


TYPE = QuestionType(name="reply", label="应答", model=ReplyQuestion, body=_body, answer_attributes=_answer_attributes,
                    key=_key, moodle=_moodle, gift=_gift, quiz_attributes=_quiz_attributes, check=_check)
