"""The exam's and the 错题本's question bank as a hashed data file (hooks/quiz_bank.py, quiz/mount.js): the pages
stay small, the bank loads when the quiz mounts, online and from file://, and printing still prints the paper."""

from __future__ import annotations

import json
import re

import pytest
from mkdocs.exceptions import PluginError

from hooks.quiz_bank import bank_script, split_banks

from .test_learning import answer_visible_correctly, start_exam
from .test_offline import file_url

BANK_PAGES = ("learn/exam/index.html", "learn/review/index.html")
# The pages were ~520 and ~580 KB with the bank inside; a few dozen KB of page and taboo list remain
PAGE_BUDGET = 120_000

PAGE = """<p>before</p>
<section class="mdx-quiz mdx-quiz--exam" data-pool="exam" data-per-module="2" data-quiz-id="exam" data-x="1">
<div class="mdx-quiz__header">head</div>
<ol class="mdx-quiz__questions">
<li class="mdx-quiz__question" data-question-id="a--b"><ol class="mdx-quiz__items"><li>一</li></ol>
<a href="../../modules/a/#x">回看</a> </script><!-- x --></li>
</ol>
<div class="mdx-quiz__result" role="status" aria-live="polite" hidden></div>
</section>
<p>after</p>"""


def bank_of(script: str) -> dict:
    """What the data script assigns (its value is JSON, which JavaScript reads the same way; the browser
    tests run it for real)."""
    found = re.fullmatch(r'\(window\.__kesutongQuizBank=window\.__kesutongQuizBank\|\|\{\}\)\[("[^"]+")\]=(.*);\n',
                         script, re.DOTALL)
    assert found, script[:200]
    return {json.loads(found.group(1)): json.loads(found.group(2))}


def test_the_question_list_moves_to_a_data_file_named_by_its_content():
    html, files = split_banks(PAGE, "learn/exam/")
    assert len(files) == 1
    path, script = files[0]
    key = re.search(r'data-bank-key="([^"]+)"', html).group(1)
    assert path == f"assets/javascripts/quiz-bank.{key}.js" and key.startswith("exam.")
    assert 'data-bank-src="../../assets/javascripts/quiz-bank.' in html
    assert 'class="mdx-quiz__question"' not in html and "<p>before</p>" in html and "<p>after</p>" in html
    assert '<ol class="mdx-quiz__questions"></ol>' in html and "<noscript>" in html
    moved = PAGE[PAGE.index('<ol class="mdx-quiz__questions">') + len('<ol class="mdx-quiz__questions">'):
                 PAGE.index('</ol>\n<div class="mdx-quiz__result"')]
    assert bank_of(script) == {key: moved}, "the browser gets back exactly the list, nested list included"
    assert "</" not in script and "<!" not in script, "nothing in the file ends a script or opens a comment"
    changed = split_banks(PAGE.replace("一", "二"), "learn/exam/")[1][0][0]
    assert changed != path, "another bank, another file name"


def test_offline_pages_point_one_folder_up():
    html, _ = split_banks(PAGE, "learn/exam.html")
    assert 'data-bank-src="../assets/javascripts/quiz-bank.' in html


def test_a_bank_quiz_without_its_list_fails_the_build():
    with pytest.raises(PluginError, match="no question list"):
        split_banks(PAGE.replace('<div class="mdx-quiz__result"', '<div class="other"'), "learn/exam/")


def test_pages_without_a_bank_quiz_are_left_alone():
    module = PAGE.replace(' data-pool="exam"', "")
    assert split_banks(module, "modules/a/") == (module, [])
    assert bank_script("k", "x").startswith("(window.__kesutongQuizBank=")


def test_the_built_bank_pages_are_small_and_their_banks_are_there(site_dir):
    for rel in BANK_PAGES:
        html = (site_dir / rel).read_text(encoding="utf-8")
        assert len(html.encode("utf-8")) < PAGE_BUDGET, rel
        assert 'class="mdx-quiz__question"' not in html, rel
        src = re.search(r'data-bank-src="([^"]+)"', html).group(1)
        data = (site_dir / rel).parent / src
        assert data.is_file(), src
        (questions,) = bank_of(data.read_text(encoding="utf-8")).values()
        assert questions.count('class="mdx-quiz__question"') > 100, rel


@pytest.mark.browser
def test_the_exam_loads_its_bank_and_is_passed_from_disk(browser, offline_dir):
    """From file:// (the offline zip), where fetch() of a file may be refused: the bank comes by <script>."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(file_url(offline_dir, "learn/exam.html"))
        start_exam(page)
        assert page.locator(".mdx-quiz--exam .mdx-quiz__question:not([hidden])").first.is_visible()
        answer_visible_correctly(page)
        page.locator('.mdx-quiz--exam [data-quiz-action="submit"]').click()
        assert page.locator(".mdx-quiz--exam .mdx-quiz__result").get_attribute("data-quiz-score") == "100"
        page.goto(file_url(offline_dir, "learn/review.html"))
        page.wait_for_selector('[data-quiz-id="review"][data-mdx-mounted]')
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_a_trainer_prints_the_drawn_paper_before_anyone_starts(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(server.url + "learn/exam/")
        page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
        page.emulate_media(media="print")
        page.evaluate("""() => { document.documentElement.setAttribute('data-mdx-print', 'paper');
                                 document.querySelector('.mdx-quiz--exam').classList.add('mdx-quiz--printing'); }""")
        drawn = page.locator(".mdx-quiz--exam .mdx-quiz__question:not([hidden])")
        assert drawn.count() > 0 and drawn.first.is_visible() and drawn.last.is_visible()
        assert not page.locator('.mdx-quiz--exam [data-quiz-part="start"]').is_visible(), "no start screen on paper"
    finally:
        context.close()


@pytest.mark.browser
def test_an_empty_wrong_answer_book_does_not_load_the_bank(browser, server):
    context = browser.new_context()
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "quiz-bank." in request.url else None)
    try:
        page.goto(server.url + "learn/review/")
        page.wait_for_selector('[data-quiz-id="review"][data-mdx-mounted]')
        page.goto(server.url + "learn/exam/")
        page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
        assert [url for url in asked if "quiz-bank.review." in url] == []
        assert [url for url in asked if "quiz-bank.exam." in url], "the exam does load its bank"
    finally:
        context.close()
