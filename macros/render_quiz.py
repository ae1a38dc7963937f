"""Quiz → HTML. Plain Python: no MkDocs, so it can be tested alone and moved to another generator.

The HTML reads well without JavaScript (questions, then the answers in collapsed blocks); quiz.js
turns it into a self-graded quiz. Every line starts with a tag: the host page's Markdown must never
see user text at the start of a line. What is particular to a question type (its inputs, hint, key and
grading data) comes from its module in macros/question_types/, found through the registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from .models import Question, Quiz
from .question_types import QUESTION_TYPES, question_type
from .question_types.base import Inline, TabooList
from .question_types.html import attr, scrambled

__all__ = ["QuizVariant", "TabooList", "render_question", "render_quiz", "scrambled"]

LinkFor = Callable[[str], str]
CUSTOMER_SPEAKERS = ("客户", "顾客", "用户", "消费者")
# Neither side of the counter: drawn apart from both, so a bystander's words are not read as staff's
BYSTANDER_SPEAKERS = ("旁人", "路人", "家属", "其他客户", "围观者")


@dataclass(frozen=True)
class QuizVariant:
    """How a quiz drawn from the whole bank differs from a module's quiz.

    `modifier` becomes the class mdx-quiz--<modifier> and `pool` the data-pool that quiz.js draws from;
    an exam (`per_module` set) also carries its draw size and clock, says 每卷 N 题 (a paper's size,
    right before the draw and without script) and holds the place of the paper code and the clock.
    `intro` is HTML shown between the header and the questions (the exam's start screen).
    """

    modifier: str
    pool: str
    per_module: int | None = None
    minutes: int = 0
    paper_size: int | None = None
    intro: str = ""

    @property
    def is_exam(self) -> bool:
        return self.per_module is not None


def _dialogue(question: Question, inline: Inline) -> list[str]:
    if not question.context:
        return []
    out = ['<div class="mdx-chat" role="group" aria-label="情景对话">']
    for line in question.context:
        who = line.who.strip()
        side = "customer" if who in CUSTOMER_SPEAKERS else "bystander" if who in BYSTANDER_SPEAKERS else "staff"
        out.append(
            f'<div class="mdx-chat__line mdx-chat__line--{side}">'
            f'<span class="mdx-chat__who">{escape(line.who)}</span>'
            f'<span class="mdx-chat__say">{inline(line.say)}</span></div>'
        )
    out.append("</div>")
    return out


def render_question(quiz: Quiz, number: int, question: Question, inline: Inline, link_for: LinkFor) -> list[str]:
    spec = question_type(question.type)
    out = [
        (f'<li class="mdx-quiz__question" data-question-id="{attr(question.id)}" '
         f'data-type="{question.type}"{spec.answer_attributes(question)}>'),
        *_dialogue(question, inline),
        '<fieldset class="mdx-quiz__fieldset">',
        (f'<legend class="mdx-quiz__stem"><span class="mdx-quiz__number">{number}.</span> '
         f'<span class="mdx-quiz__kind">{spec.label}</span> {inline(question.stem)}</legend>'),
        *spec.body(quiz, question, inline),
        "</fieldset>",
        '<details class="mdx-quiz__answer">',
        "<summary>查看答案与解析</summary>",
        f'<p class="mdx-quiz__key">{spec.key(question, inline)}</p>',
        f'<p class="mdx-quiz__explanation">{inline(question.explanation)}</p>',
    ]
    if question.ref:
        out.append(f'<p class="mdx-quiz__ref"><a href="{attr(link_for(question.ref))}">回看相关内容</a></p>')
    out.append("</details>")
    out.append("</li>")
    return out


def _type_data(quiz: Quiz, taboo: TabooList) -> str:
    """Attributes the types present in the quiz need on its root (written replies: the taboo list)."""
    out = []
    for name, spec in QUESTION_TYPES.items():
        questions = [q for q in quiz.questions if q.type == name]
        if questions:
            out.append(spec.quiz_attributes(questions, taboo))
    return "".join(out)


def _root(quiz: Quiz, taboo: TabooList, variant: QuizVariant | None) -> str:
    classes, extra = "mdx-quiz", ""
    if variant:
        classes += f" mdx-quiz--{variant.modifier}"
        extra = f'data-pool="{attr(variant.pool)}" '
        if variant.is_exam:
            extra += f'data-per-module="{variant.per_module}" data-minutes="{variant.minutes}" '
    # The whole quiz stays out of site search: its options hold the answers, and an agent searching
    # mid-call wants lessons and phrases, not answer keys. Material's search parser matches an excluded
    # element's end by tag name alone, so the root is a <section>, a tag nothing inside a quiz uses.
    return (f'<section class="{classes}" {extra}data-search-exclude data-quiz-id="{attr(quiz.id)}" '
            f'data-pass-score="{quiz.pass_score}" data-shuffle="{"true" if quiz.shuffle else "false"}"'
            f"{_type_data(quiz, taboo)}>")


def _header(quiz: Quiz, inline: Inline, variant: QuizVariant | None) -> str:
    # The number sits in its own element: quiz.js puts the count of the drawn paper there (?n=5, the 错题本)
    count = variant.paper_size if variant and variant.paper_size is not None else len(quiz.questions)
    word = "每卷" if variant and variant.paper_size is not None else "共"
    size = f'{word} <span class="mdx-quiz__count">{count}</span> 题'
    if variant and variant.is_exam:
        # The paper code and the clock hold the place they will take (quiz.js fills them in when the exam
        # mounts), so the header does not grow a line under the reader then; course.css keeps them invisible.
        paper = ('<span class="mdx-quiz__paper">试卷编号 ····</span>'
                 f'<span class="mdx-quiz__clock" role="timer">剩余 {variant.minutes} 分 00 秒</span>')
    else:
        paper = '<span class="mdx-quiz__paper" hidden></span>'
    return (f'<div class="mdx-quiz__header"><span class="mdx-quiz__title">{inline(quiz.title)}</span>'
            f'<span class="mdx-quiz__meta">{size} · 及格线 {quiz.pass_score}%</span>{paper}</div>')


def render_quiz(quiz: Quiz, inline: Inline, link_for: LinkFor, taboo: TabooList = (),
                variant: QuizVariant | None = None) -> str:
    """The whole quiz as one HTML block; `variant` for the 错题本 and the exam, drawn from the whole bank."""
    out = [
        _root(quiz, taboo, variant),
        _header(quiz, inline, variant),
        *([variant.intro] if variant and variant.intro else []),
        ('<div class="mdx-quiz__toolbar mdx-trainer-only" role="group" aria-label="讲师工具">'
         '<button type="button" class="md-button" data-quiz-action="project">投影模式</button>'
         '<button type="button" class="md-button" data-quiz-action="new-paper">新试卷</button>'
         '<button type="button" class="md-button" data-quiz-action="print-paper">打印试卷</button>'
         '<button type="button" class="md-button" data-quiz-action="print-key">打印答案</button></div>'),
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
