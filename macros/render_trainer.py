"""Trainer-page pieces: the LMS download table and the one-page phrase cheat sheets."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .models import STAGES, Phrase, Quiz
from .render_phrases import phrase_text_html

LinkFor = Callable[[str], str]
# A cheat sheet must fit one A4 page: the shortest lines of a stage, at most this many.
CHEAT_SHEET_LINES = 18


def lms_files(quiz_id: str) -> tuple[str, str]:
    """(Moodle XML, GIFT) paths in the built site for one quiz, or for 'all'."""
    return f"downloads/lms/{quiz_id}-moodle.xml", f"downloads/lms/{quiz_id}-gift.txt"


def render_lms_table(quizzes: list[Quiz], asset_link: LinkFor) -> str:
    rows = []
    for quiz in quizzes:
        xml, gift = lms_files(quiz.id)
        rows.append(f"<tr><td>{escape(quiz.title)}</td><td>{len(quiz.questions)}</td>"
                    f'<td><a href="{escape(asset_link(xml))}" download>Moodle XML</a></td>'
                    f'<td><a href="{escape(asset_link(gift))}" download>GIFT</a></td></tr>')
    total = sum(len(q.questions) for q in quizzes)
    xml, gift = lms_files("all")
    rows.append(f"<tr><td><strong>全部题库</strong></td><td>{total}</td>"
                f'<td><a href="{escape(asset_link(xml))}" download>Moodle XML</a></td>'
                f'<td><a href="{escape(asset_link(gift))}" download>GIFT</a></td></tr>')
    return ('<div class="mdx-lms"><table><thead><tr><th>小测</th><th>题数</th><th>Moodle XML</th><th>GIFT</th></tr>'
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
