"""Trainer-page pieces: the LMS download table and the one-page phrase cheat sheets."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .lms_export import EXPORTS, export_path, needs_plugin
from .models import STAGES, Phrase, Quiz
from .render_phrases import phrase_text_html

LinkFor = Callable[[str], str]
# A cheat sheet must fit one A4 page: the shortest lines of a stage, at most this many.
CHEAT_SHEET_LINES = 18


def render_lms_table(quizzes: list[Quiz], asset_link: LinkFor) -> str:
    """Each quiz, then the whole bank, with a link to every export (macros/lms_export.py) in one cell, so the
    table keeps four columns on a phone."""
    def row(quiz_id: str, title: str, count: int, plugin_questions: int) -> str:
        links = " · ".join(f'<a href="{escape(asset_link(export_path(quiz_id, kind)))}" download>{escape(kind.label)}</a>'
                           for kind in EXPORTS)
        return f"<tr><td>{title}</td><td>{count}</td><td>{plugin_questions}</td><td>{links}</td></tr>"

    rows = [row(quiz.id, escape(quiz.title), len(quiz.questions), sum(bool(needs_plugin(q)) for q in quiz.questions))
            for quiz in quizzes]
    rows.append(row("all", "<strong>全部题库</strong>", sum(len(q.questions) for q in quizzes),
                    sum(bool(needs_plugin(x)) for q in quizzes for x in q.questions)))
    return ('<div class="mdx-lms"><table><thead><tr><th>小测</th><th>题数</th><th>排序题</th><th>下载</th></tr>'
            "</thead><tbody>" + "".join(rows) + "</tbody></table></div>")


def cheat_sheet_lines(phrases: list[Phrase], stage: str) -> list[Phrase]:
    chosen = [p for p in phrases if p.stage == stage]
    return sorted(chosen, key=lambda p: (len(p.text), chosen.index(p)))[:CHEAT_SHEET_LINES]


def render_cheat_sheets(phrases: list[Phrase]) -> str:
    sheets = []
    for stage in STAGES:
        lines = "".join(f"<li>{phrase_text_html(p.text)}</li>" for p in cheat_sheet_lines(phrases, stage))
        sheets.append(f'<section class="mdx-cheatsheet" data-stage="{escape(stage)}">'
                      f'<h2 class="mdx-cheatsheet__title">话术速查卡 · {escape(stage)}</h2>'
                      f'<ol class="mdx-cheatsheet__lines">{lines}</ol>'
                      '<p class="mdx-cheatsheet__foot">客诉通 · 花括号处换成实际信息；做不到的事不承诺。</p></section>')
    return '<div class="mdx-cheatsheets">' + "\n".join(sheets) + "</div>"
