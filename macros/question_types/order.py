"""排序: items the learner puts in order with ▲ ▼ buttons; written in the YAML in the correct order.

In an LMS it is Moodle's “排序” (ordering) type: core since Moodle 4.4, a plugin (qtype_ordering) before.
Graded all or nothing (ALL_OR_NOTHING) as the site grades it, all items shown (selecttype ALL). GIFT has
no ordering syntax of its own; the plugin reads `{>count ALL VERTICAL ALL_OR_NOTHING SHOW` followed by
one item a line, matched on the raw lines: the question text before the brace may hold no "{", an item
no brace or line break (such a question stays in the Moodle XML only), nothing is unescaped, and no
general feedback can follow (its line would become one more item).

The plugin's importers cut question names over 42 bytes (mid-character for Chinese): a longer name
stops the export with a message, rather than arrive cut."""

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


# qtype_ordering's fix_questionname(): names longer than this many bytes are cut.
NAME_BYTES = 42


class OrderingNameTooLong(ValueError):
    """An order question whose LMS name the ordering importer would cut."""


def _name(quiz, question: OrderQuestion) -> str:
    name = f"{quiz.id}/{question.id}"
    size = len(name.encode("utf-8"))
    if size > NAME_BYTES:
        raise OrderingNameTooLong(
            f"quiz {quiz.id}: question {question.id}: its LMS name '{name}' is {size} bytes and Moodle's ordering "
            f"importer cuts names over {NAME_BYTES} bytes — shorten the question id to at most "
            f"{NAME_BYTES - len(quiz.id) - 1} characters")
    return name


def _moodle(quiz, question: OrderQuestion) -> list[str]:
    body = [("    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n"
             f"    <selectcount>{len(question.items)}</selectcount>\n    <gradingtype>ALL_OR_NOTHING</gradingtype>\n"
             "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n")]
    for position, item in enumerate(question.items, 1):
        body.append(f'    <answer fraction="{position}" format="html"><text>{lms.cdata(lms.html(item))}</text></answer>\n')
    return [lms.moodle_question("ordering", _name(quiz, question), lms.stem_html(question),
                                lms.html(question.explanation), body)]


def _gift(quiz, question: OrderQuestion) -> str:
    name = _name(quiz, question)
    stem = lms.gift_stem(lms.stem_html(question))
    items = [lms.html(item) for item in question.items]
    if "{" in stem or any(ch in item for item in items for ch in "{}\n\r"):
        return (f"// {lms.gift_escape(name)}: 排序题未导出到 GIFT（题干或选项里有花括号，排序题插件读不了），"
                "请导入同目录下的 Moodle XML 文件。\n\n")
    lines = "\n".join(items)
    return (f"{lms.gift_title(name)}{stem} "
            f"{{>{len(items)} ALL VERTICAL ALL_OR_NOTHING SHOW\n{lines}\n}}\n\n")


def _explain(error: dict[str, Any], path: tuple[Any, ...]) -> tuple[str, str] | None:
    if error["type"] == "too_short" and path == ("items",):
        return f"only {len(error.get('input') or [])} item(s) to order", "give at least two items, in the correct order"
    return None


TYPE = QuestionType(name="order", label="排序", model=OrderQuestion, body=_body,
                    answer_attributes=_answer_attributes, key=_key, moodle=_moodle, gift=_gift, explain=_explain,
                    moodle_plugin="qtype_ordering")
