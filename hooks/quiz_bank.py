"""MkDocs hook: a quiz drawn from the whole bank (the exam, the 错题本) gets its questions from a data file.

Those pages carried every question of the course as HTML (~400 KB each), although a paper asks a few dozen
and the 错题本 only the learner's wrong answers. Here, once the page is rendered, the bank quiz's question
list moves into `assets/javascripts/quiz-bank.<hash>.js`, a script that hands the HTML over as a string;
quiz/mount.js loads it when the quiz mounts and puts the list back before drawing. A <script src> rather
than fetch(), because the offline copy opened from file:// refuses fetch() of a file (the finder's data
comes the same way). The hash of the content is in the name, so an intranet cache never serves an old bank;
the exam's and the 错题本's banks are two files (their inputs are named after their own quiz).

The questions' links are relative to the page they were rendered for, so the list goes back into that same
page. Pages without a bank quiz are left as they are.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

FOLDER = "assets/javascripts/"
# A bank quiz's root as macros/render_quiz.py writes it: a variant carries data-pool.
BANK_ROOT = re.compile(r'<section class="mdx-quiz [^"]*"[^>]*\bdata-pool="[^"]*"[^>]*\bdata-quiz-id="([^"]+)"[^>]*>')
LIST_OPEN = '<ol class="mdx-quiz__questions">'
# The list ends right before the result box (render_quiz); questions may hold lists of their own.
LIST_CLOSE = '</ol>\n<div class="mdx-quiz__result"'
NO_SCRIPT = '<noscript><p class="mdx-quiz__noscript">这里的题目需要 JavaScript 才能显示。</p></noscript>'


def bank_script(key: str, questions_html: str) -> str:
    """The data file: one assignment, the HTML as a JSON string. No "</" or "<!" in it, so it stays inert even
    if it were ever inlined into a page; other markup stays as it is (escaping every "<" grew the file by 30%)."""
    text = json.dumps(questions_html, ensure_ascii=False)
    # Only inside the JSON string, where the escapes mean the same characters
    text = text.replace("</", "<\\/").replace("<!", "\\u003c!")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"(window.__kesutongQuizBank=window.__kesutongQuizBank||{{}})[{json.dumps(key)}]={text};\n"


def split_banks(html: str, page_url: str) -> tuple[str, list[tuple[str, str]]]:
    """The page without its bank quizzes' question lists, and (file path, content) of each list's data file."""
    files = []
    out, at = [], 0
    for root in BANK_ROOT.finditer(html):
        quiz_id = root.group(1)
        start = html.find(LIST_OPEN, root.end())
        end = html.find(LIST_CLOSE, start)
        if start < 0 or end < 0:
            raise PluginError(f"page {page_url}: the bank quiz '{quiz_id}' has no question list where "
                              "hooks/quiz_bank.py expects it — keep render_quiz's list right before its result box")
        questions = html[start + len(LIST_OPEN):end]
        # Of the file as written (but its own key), so a change of format renames the file too
        digest = hashlib.sha1(f"{quiz_id}\n{bank_script('', questions)}".encode()).hexdigest()[:10]
        key = f"{quiz_id}.{digest}"
        path = f"{FOLDER}quiz-bank.{key}.js"
        files.append((path, bank_script(key, questions)))
        src = get_relative_url(path, page_url)
        opening = root.group(0)[:-1] + f' data-bank-src="{src}" data-bank-key="{key}">'
        out += [html[at:root.start()], opening, html[root.end():start], LIST_OPEN, "</ol>\n", NO_SCRIPT]
        at = end + len("</ol>")
    out.append(html[at:])
    return "".join(out), files


def on_post_page(output: str, page, config) -> str:
    if 'data-pool="' not in output:
        return output
    html, files = split_banks(output, page.url)
    for path, content in files:
        target = Path(config["site_dir"]) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return html
