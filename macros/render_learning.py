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


def render_progress_panel(modules: list[dict], review_url: str, exam_url: str) -> str:
    """The panel as a first visit shows it (nothing learnt yet), so that the page does not move when
    learn.js fills in this browser's records; without JavaScript only a note shows. Modules are
    {id, title, url}, in course order. Below it, the place where a passed exam's record is shown again."""
    data = escape(json.dumps(modules, ensure_ascii=False), quote=True)
    rows = "".join(
        f'<tr data-module="{escape(m["id"])}"><td><a href="{escape(m["url"])}">{escape(m["title"])}</a></td>'
        "<td>—</td><td>—</td><td>0</td></tr>"
        for m in modules
    )
    first = (f'下一步：<a href="{escape(modules[0]["url"])}">学习 {escape(modules[0]["title"])}</a>'
             if modules else "全部模块都已学完。")
    return "\n".join([
        (f'<div class="mdx-progress" id="mdx-progress" data-modules="{data}" data-review-url="{escape(review_url)}" '
         f'data-exam-url="{escape(exam_url)}">'),
        '<div data-learn-notices></div>',
        '<p class="mdx-progress__nojs">学习进度保存在这台设备的浏览器里，需要 JavaScript。</p>',
        '<div class="mdx-progress__records">',
        (f'<p class="mdx-progress__summary"><strong data-learn-part="done">已学完 0 / {len(modules)} 个模块</strong>'
        f'<progress class="mdx-progress__bar" max="{len(modules)}" value="0" aria-label="学习进度"></progress></p>'),
        f'<p class="mdx-progress__next" data-learn-part="next">{first}</p>',
        # learn.js writes the same words for a learner who has not taken the exam (nothing moves then)
        (f'<p class="mdx-progress__exam" data-learn-part="exam">结业考试：还没有参加。'
         f'<a href="{escape(exam_url)}">去考试</a></p>'),
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
        RECORD_PLACE,
    ])


# Where learn.js shows the completion record of a passed exam (the exam page, the home page), kept in
# this browser: a line with 查看结业记录, then the name form and the record itself.
RECORD_PLACE = '<div class="mdx-record" data-learn-part="record"></div>'


def render_exam_start(rules: ExamRules, paper_size: int, module_count: int) -> str:
    """The exam's start screen: what the paper is, from the exam's own rules; the clock starts on 开始.
    The paper size sits in a .mdx-quiz__count like the header's, so a trainer's ?n= shows here too."""
    points = [
        (f'每卷 <span class="mdx-quiz__count">{paper_size}</span> 题，从 {module_count} 个模块的题库里每个模块随机抽 '
         f"{rules.per_module} 题；"),
        f"限时 {rules.minutes} 分钟，按“开始”后才开始计时，时间到自动交卷；" if rules.minutes else "不限时；",
        f"{rules.pass_score} 分及格，交卷前不显示对错；",
        "作答中刷新页面或去别的页面再回来，已答的内容和剩余时间都在这个标签页里保留，关闭标签页后不保留；",
        "交卷后这份试卷的答案就公开了：再考时换一份新试卷。",
    ]
    return "\n".join([
        '<div class="mdx-quiz__start" data-quiz-part="start">',
        '<p class="mdx-quiz__start-title"><strong>开始之前</strong></p>',
        '<ul class="mdx-quiz__start-points">',
        *(f"<li>{point}</li>" for point in points),
        "</ul>",
        '<p class="mdx-quiz__start-refused" data-quiz-part="refused" hidden></p>',
        '<p class="mdx-quiz__start-actions">',
        # Enabled by quiz/mount.js once the paper is drawn (the bank loads after the page)
        '<button type="button" class="md-button md-button--primary" data-quiz-action="start" disabled>开始</button>',
        '<button type="button" class="md-button md-button--primary" data-quiz-action="new-paper" hidden>新试卷</button>',
        "</p>",
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
                          paper_size=paper_size, intro=render_exam_start(rules, paper_size, len(quizzes)))
    html = render_quiz(quiz, inline, link_for, taboo, variant)
    data = escape(json.dumps(modules, ensure_ascii=False), quote=True)
    report = (f'<div class="mdx-exam-report" id="mdx-exam-report" data-modules="{data}" aria-live="polite"></div>')
    return f"{html}\n{report}\n{RECORD_PLACE}"
