"""学习中心 pieces: the progress panel and the question bank behind the 错题本."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from .contract import EXAM_QUIZ_ID, REVIEW_QUIZ_ID, ExamRules, bank_question_id
from .models import Quiz
from .render_quiz import QuizVariant, TabooList, render_quiz

Inline = Callable[[str], str]
LinkFor = Callable[[str], str]


def render_progress_panel(modules: list[dict], review_url: str) -> str:
    """The panel as a first visit shows it (nothing learnt yet), so that the page does not move when
    learn.js fills in this browser's records; without JavaScript only a note shows. Modules are
    {id, title, url}, in course order."""
    data = escape(json.dumps(modules, ensure_ascii=False), quote=True)
    rows = "".join(
        f'<tr data-module="{escape(m["id"])}"><td><a href="{escape(m["url"])}">{escape(m["title"])}</a></td>'
        "<td>—</td><td>—</td><td>0</td></tr>"
        for m in modules
    )
    first = (f'下一步：<a href="{escape(modules[0]["url"])}">学习 {escape(modules[0]["title"])}</a>'
             if modules else "全部模块都已学完。")
    return "\n".join([
        f'<div class="mdx-progress" id="mdx-progress" data-modules="{data}" data-review-url="{escape(review_url)}">',
        '<div data-learn-notices></div>',
        '<p class="mdx-progress__nojs">学习进度保存在这台设备的浏览器里，需要 JavaScript。</p>',
        '<div class="mdx-progress__records">',
        (f'<p class="mdx-progress__summary"><strong data-learn-part="done">已学完 0 / {len(modules)} 个模块</strong>'
        f'<progress class="mdx-progress__bar" max="{len(modules)}" value="0" aria-label="学习进度"></progress></p>'),
        f'<p class="mdx-progress__next" data-learn-part="next">{first}</p>',
        '<table class="mdx-progress__table"><thead><tr><th>模块</th><th>状态</th><th>最好</th><th>次数</th></tr></thead>',
        f"<tbody>{rows}</tbody></table>",
        "</div>",
        '<div class="mdx-progress__tools" role="group" aria-label="学习记录">',
        '<button type="button" class="md-button" data-learn-action="export">导出学习记录</button>',
        '<button type="button" class="md-button" data-learn-action="import">导入学习记录</button>',
        '<button type="button" class="md-button" data-learn-action="reset">清除学习记录</button>',
        '<input type="file" id="mdx-progress-file" accept=".json,application/json" hidden>',
        "</div>",
        '<p class="mdx-progress__status" role="status" aria-live="polite" data-learn-part="status"></p>',
        "</div>",
    ])


def bank_quiz(quizzes: list[Quiz], quiz_id: str, title: str) -> Quiz:
    """Every question of every quiz as one quiz; ids become '<quiz>--<question>' (contract.bank_question_id)."""
    questions = [q.model_copy(update={"id": bank_question_id(quiz.id, q.id)}) for quiz in quizzes for q in quiz.questions]
    return Quiz.model_construct(id=quiz_id, title=title, pass_score=80, shuffle=True, questions=questions)


def render_review(quizzes: list[Quiz], inline: Inline, link_for: LinkFor, taboo: TabooList = ()) -> str:
    """The 错题本: the whole bank as one quiz; learn.js shows only the questions this learner got wrong."""
    quiz = bank_quiz(quizzes, REVIEW_QUIZ_ID, "错题重做")
    return render_quiz(quiz, inline, link_for, taboo, QuizVariant(modifier="review", pool="wrong-book"))


def render_exam(quizzes: list[Quiz], modules: list[dict], rules: ExamRules,
                inline: Inline, link_for: LinkFor, taboo: TabooList = ()) -> str:
    """The final exam: the bank, drawn per module in the browser; a report by module, then a certificate."""
    quiz = bank_quiz(quizzes, EXAM_QUIZ_ID, "结业考试")
    quiz = Quiz.model_construct(**{**dict(quiz), "pass_score": rules.pass_score})
    paper_size = rules.paper_size([len(module_quiz.questions) for module_quiz in quizzes])
    variant = QuizVariant(modifier="exam", pool="exam", per_module=rules.per_module, minutes=rules.minutes,
                          paper_size=paper_size)
    html = render_quiz(quiz, inline, link_for, taboo, variant)
    data = escape(json.dumps(modules, ensure_ascii=False), quote=True)
    report = (f'<div class="mdx-exam-report" id="mdx-exam-report" data-modules="{data}" aria-live="polite"></div>')
    return html + "\n" + report
