"""Quiz → HTML. Plain Python: no MkDocs, so it can be tested alone and moved to another generator.

The HTML reads well without JavaScript (questions, then the answers in collapsed blocks); quiz.js
turns it into a self-graded quiz. Every line starts with a tag: the host page's Markdown must never
see user text at the start of a line.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from html import escape

from .models import MultipleQuestion, OrderQuestion, Question, Quiz, ReplyQuestion, SingleQuestion, TrueFalseQuestion
from .normalize import fold, pairs_for

Inline = Callable[[str], str]
LinkFor = Callable[[str], str]

TYPE_LABELS = {"single": "单选", "multiple": "多选", "truefalse": "判断", "order": "排序", "reply": "应答"}
# (id, text, patterns) of each taboo phrase: a written reply containing one fails.
TabooList = Sequence[tuple[str, str, Sequence[str]]]
CUSTOMER_SPEAKERS = ("客户", "顾客", "用户", "消费者")


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def scrambled(items: list[str], seed: str) -> list[int]:
    """A fixed, never-correct order of item indexes, so the page without JS does not give the answer away."""
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _dialogue(question: Question, inline: Inline) -> list[str]:
    if not question.context:
        return []
    out = ['<div class="mdx-chat" role="group" aria-label="情景对话">']
    for line in question.context:
        side = "customer" if line.who.strip() in CUSTOMER_SPEAKERS else "staff"
        out.append(
            f'<div class="mdx-chat__line mdx-chat__line--{side}">'
            f'<span class="mdx-chat__who">{escape(line.who)}</span>'
            f'<span class="mdx-chat__say">{inline(line.say)}</span></div>'
        )
    out.append("</div>")
    return out


def _choices(quiz: Quiz, question: SingleQuestion | MultipleQuestion, inline: Inline) -> list[str]:
    kind = "radio" if isinstance(question, SingleQuestion) else "checkbox"
    name = _attr(f"mdx-{quiz.id}-{question.id}")
    out = ['<div class="mdx-quiz__options">']
    for index, option in enumerate(question.options):
        out.append(
            f'<label class="mdx-quiz__option"><input type="{kind}" name="{name}" value="{index}">'
            f'<span class="mdx-quiz__option-text">{inline(option.text)}</span></label>'
        )
    out.append("</div>")
    return out


def _true_false(quiz: Quiz, question: TrueFalseQuestion) -> list[str]:
    name = _attr(f"mdx-{quiz.id}-{question.id}")
    return [
        '<div class="mdx-quiz__options mdx-quiz__options--truefalse">',
        f'<label class="mdx-quiz__option"><input type="radio" name="{name}" value="true">'
        '<span class="mdx-quiz__option-text">正确</span></label>',
        f'<label class="mdx-quiz__option"><input type="radio" name="{name}" value="false">'
        '<span class="mdx-quiz__option-text">错误</span></label>',
        "</div>",
    ]


def _order(quiz: Quiz, question: OrderQuestion, inline: Inline) -> list[str]:
    out = ['<ol class="mdx-quiz__order">']
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


def _reply(quiz: Quiz, question: ReplyQuestion) -> list[str]:
    field = _attr(f"mdx-{quiz.id}-{question.id}")
    return [
        f'<label class="mdx-visually-hidden" for="{field}">你的回答</label>',
        f'<textarea class="mdx-quiz__reply" id="{field}" rows="3" placeholder="写下你要对客户说的话"></textarea>',
    ]


def _keypoints_attr(question: ReplyQuestion) -> str:
    points = [{"label": p.label, "any": sorted({fold(a) for a in p.any} - {""})}
              for p in question.keypoints]
    return _attr(json.dumps(points, ensure_ascii=False, separators=(",", ":")))


def _answer_key(question: Question, inline: Inline) -> tuple[str, str]:
    """(data-answer value, human-readable key) of a question."""
    if isinstance(question, ReplyQuestion):
        points = "；".join(inline(p.label) for p in question.keypoints)
        return "", f"要点：{points}<br>参考回答：{inline(question.model_answer)}"
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        right = [i for i, option in enumerate(question.options) if option.correct]
        texts = "；".join(inline(question.options[i].text) for i in right)
        return ",".join(map(str, right)), f"正确答案：{texts}"
    if isinstance(question, TrueFalseQuestion):
        return ("true" if question.answer else "false"), f"正确答案：{'正确' if question.answer else '错误'}"
    steps = " → ".join(f"{n}. {inline(item)}" for n, item in enumerate(question.items, 1))
    return "", f"正确顺序：{steps}"


def render_question(quiz: Quiz, number: int, question: Question, inline: Inline, link_for: LinkFor) -> list[str]:
    answer, key = _answer_key(question, inline)
    answer_attr = f' data-answer="{_attr(answer)}"' if answer else ""
    if isinstance(question, ReplyQuestion):
        answer_attr = f' data-keypoints="{_keypoints_attr(question)}"' 
    out = [
        f'<li class="mdx-quiz__question" data-question-id="{_attr(question.id)}" '
        f'data-type="{question.type}"{answer_attr}>',
        *_dialogue(question, inline),
        '<fieldset class="mdx-quiz__fieldset">',
        f'<legend class="mdx-quiz__stem"><span class="mdx-quiz__number">{number}.</span> '
        f'<span class="mdx-quiz__kind">{TYPE_LABELS[question.type]}</span> {inline(question.stem)}</legend>',
    ]
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        if isinstance(question, MultipleQuestion):
            out.append('<p class="mdx-quiz__hint">（选出所有正确的选项）</p>')
        out += _choices(quiz, question, inline)
    elif isinstance(question, TrueFalseQuestion):
        out += _true_false(quiz, question)
    elif isinstance(question, ReplyQuestion):
        out.append('<p class="mdx-quiz__hint">（像对真实客户那样写两三句；提交后对照要点和参考回答）</p>')
        out += _reply(quiz, question)
    else:
        out.append('<p class="mdx-quiz__hint">（用 ▲ ▼ 按钮把各项排成正确的顺序）</p>')
        out += _order(quiz, question, inline)
    out.append("</fieldset>")
    out.append('<details class="mdx-quiz__answer">')
    out.append("<summary>查看答案与解析</summary>")
    out.append(f'<p class="mdx-quiz__key">{key}</p>')
    out.append(f'<p class="mdx-quiz__explanation">{inline(question.explanation)}</p>')
    if question.ref:
        out.append(f'<p class="mdx-quiz__ref"><a href="{_attr(link_for(question.ref))}">回看相关内容</a></p>')
    out.append("</details>")
    out.append("</li>")
    return out


def _reply_data(quiz: Quiz, taboo: TabooList) -> str:
    """What the browser needs to grade written replies: folded taboo patterns and the character map."""
    if not any(isinstance(q, ReplyQuestion) for q in quiz.questions):
        return ""
    patterns = [[tid, text, sorted({fold(p) for p in found} - {""})] for tid, text, found in taboo]
    pairs = pairs_for([*(a for q in quiz.questions if isinstance(q, ReplyQuestion) for p in q.keypoints for a in p.any),
                       *(p for _, _, found in patterns for p in found)])
    return (f' data-taboo="{_attr(json.dumps(patterns, ensure_ascii=False, separators=(",", ":")))}"'
            f' data-t2s="{_attr(pairs)}"')


def render_quiz(quiz: Quiz, inline: Inline, link_for: LinkFor, taboo: TabooList = ()) -> str:
    """The whole quiz as one HTML block."""
    # The whole quiz stays out of site search: its options hold the answers, and an agent searching
    # mid-call wants lessons and phrases, not answer keys. Material's search parser matches an excluded
    # element's end by tag name alone, so the root is a <section>, a tag nothing inside a quiz uses.
    out = [
        f'<section class="mdx-quiz" data-search-exclude data-quiz-id="{_attr(quiz.id)}" data-pass-score="{quiz.pass_score}" '
        f'data-shuffle="{"true" if quiz.shuffle else "false"}"{_reply_data(quiz, taboo)}>',
        f'<div class="mdx-quiz__header"><span class="mdx-quiz__title">{inline(quiz.title)}</span>'
        f'<span class="mdx-quiz__meta">共 {len(quiz.questions)} 题 · 及格线 {quiz.pass_score}%</span>'
        '<span class="mdx-quiz__paper" hidden></span></div>',
        '<div class="mdx-quiz__toolbar mdx-trainer-only" role="group" aria-label="讲师工具">'
        '<button type="button" class="md-button" data-quiz-action="project">投影模式</button>'
        '<button type="button" class="md-button" data-quiz-action="new-paper">新试卷</button>'
        '<button type="button" class="md-button" data-quiz-action="print-paper">打印试卷</button>'
        '<button type="button" class="md-button" data-quiz-action="print-key">打印答案</button></div>',
        '<p class="mdx-quiz__paper-head">姓名：＿＿＿＿＿＿　日期：＿＿＿＿＿＿　得分：＿＿＿＿</p>',
        '<ol class="mdx-quiz__questions">',
    ]
    for number, question in enumerate(quiz.questions, 1):
        out += render_question(quiz, number, question, inline, link_for)
    out += [
        "</ol>",
        '<div class="mdx-quiz__result" role="status" aria-live="polite" hidden></div>',
        '<div class="mdx-quiz__actions">',
        '<button type="button" class="md-button md-button--primary" data-quiz-action="submit">提交</button>',
        '<button type="button" class="md-button" data-quiz-action="retry">重做</button>',
        "</div>",
        "</section>",
    ]
    return "\n".join(out)
