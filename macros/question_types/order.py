"""排序: items the learner puts in order with ▲ ▼ buttons; written in the YAML in the correct order.
GIFT has no ordering type: the GIFT export says so in a comment, the Moodle XML uses Moodle's “排序” (ordering)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from . import lms
from .base import QuestionBase, QuestionType, Text, first_duplicate
from .html import scrambled


class OrderQuestion(QuestionBase):
    """Items the learner puts in order; written here in the correct order."""

    type: Literal["order"]
    items: list[Text] = Field(min_length=2, max_length=10, description="The correct order; shown shuffled.")

    @field_validator("items")
    @classmethod
    def _distinct(cls, items: list[str]) -> list[str]:
        duplicate = first_duplicate(items)
        if duplicate is not None:
            raise ValueError(f"duplicate item '{duplicate}' — every item must be different")
        return items


def _body(quiz, question: OrderQuestion, inline) -> list[str]:
    out = ['<p class="mdx-quiz__hint">（用 ▲ ▼ 按钮把各项排成正确的顺序）</p>', '<ol class="mdx-quiz__order">']
    for index in scrambled(question.items, f"{quiz.id}/{question.id}"):
        text = inline(question.items[index])
        out.append(
            f'<li class="mdx-quiz__item" data-item="{index}"><span class="mdx-quiz__item-text">{text}</span>'
            '<span class="mdx-quiz__item-moves">'
            '<button type="button" class="mdx-quiz__move" data-order-move="up" aria-label="上移">▲</button>'
            '<button type="button" class="mdx-quiz__move" data-order-move="down" aria-label="下移">▼</button>'
            "</span></li>"
        )
    out.append("</ol>")
    return out


def _answer_attributes(question: OrderQuestion) -> str:
    # The answer is the authored order itself: each item's data-item is its right position.
    return ""


def _key(question: OrderQuestion, inline) -> str:
    return "正确顺序：" + " → ".join(f"{n}. {inline(item)}" for n, item in enumerate(question.items, 1))


def _moodle(quiz, question: OrderQuestion) -> list[str]:
    body = [("    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n"
             "    <selectcount>0</selectcount>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n"
             "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n")]
    for position, item in enumerate(question.items, 1):
        body.append(f'    <answer fraction="{position}" format="html"><text>{lms.cdata(lms.html(item))}</text></answer>\n')
    return [lms.moodle_question("ordering", f"{quiz.id}/{question.id}", lms.stem_html(question),
                                question.explanation, body)]


def _gift(quiz, question: OrderQuestion) -> str:
    return (f"// {lms.gift_escape(f'{quiz.id}/{question.id}')}: 排序题未导出。GIFT 格式不支持排序题，"
            "请导入同目录下的 Moodle XML 文件（使用 Moodle 的“排序”题型）。\n\n")


def _explain(error: dict[str, Any], path: tuple[Any, ...]) -> tuple[str, str] | None:
    if error["type"] == "too_short" and path == ("items",):
        return f"only {len(error.get('input') or [])} item(s) to order", "give at least two items, in the correct order"
    return None


TYPE = QuestionType(name="order", label="排序", model=OrderQuestion, body=_body,
                    answer_attributes=_answer_attributes, key=_key, moodle=_moodle, gift=_gift, explain=_explain)
