"""The reply grader's rules (~290 KB with the sentence model, hooks/quiz_bundle.py) load only where a
情景应答题 is graded (quiz/types/reply.js): never on a page without one, and on a page with one once the learner
starts on a reply or submits it; grading waits for them, over instant navigation and from the offline zip
(file://). When they cannot be loaded the paper is not submitted (its answers stay) until they can, or until the
time is up."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.question_types.reply import ReplyQuestion

from .helpers import PageWatch
from .test_browser import answer, question_el
from .test_learning import start_exam

pytestmark = pytest.mark.browser

RULES_FILE = re.compile(r"/assets/javascripts/reply-rules\.[0-9a-f]{10}\.js$")
RULES_ROUTE = re.compile(r".*/assets/javascripts/reply-rules\.[0-9a-f]{10}\.js$")
WITH_REPLY = "handling-steps"  # a module whose quiz asks 情景应答题 among other types
WITHOUT_REPLY = "understanding"  # a module whose quiz asks none
NOT_LOADED = "() => !window.mdxReplyRules && !document.querySelector('script[src*=\"reply-rules.\"]')"


def replies(quiz) -> list[ReplyQuestion]:
    return [q for q in quiz.questions if isinstance(q, ReplyQuestion)]


def rules_requests(page) -> list[str]:
    """Every request for the rules file this page makes from now on (the list fills as they are made)."""
    seen = []
    page.on("request", lambda request: seen.append(request.url) if RULES_FILE.search(request.url) else None)
    return seen


def write_without_focus(page, quiz, question, text: str) -> None:
    """The answer put in the box without focusing it (as a draft brought back is): no sign of intent."""
    question_el(page, quiz, question).locator("textarea").evaluate("(box, text) => { box.value = text; }", text)


def test_pages_without_a_reply_question_never_request_the_rules(page, server, site_dir, library):
    assert not replies(library.quizzes[WITHOUT_REPLY]) and replies(library.quizzes[WITH_REPLY])
    assert len(list((site_dir / "assets" / "javascripts").glob("reply-rules.*.js"))) == 1
    requested = rules_requests(page)
    for path in ("", "reference/phrases/", "reference/taboo/", "finder/", "learn/exam/", f"modules/{WITH_REPLY}/"):
        page.goto(server.url + path, wait_until="networkidle")
        assert page.evaluate(NOT_LOADED), path
    # A quiz without a reply question is graded without them
    quiz = library.quizzes[WITHOUT_REPLY]
    page.goto(server.url + f"modules/{quiz.id}/")
    root = page.locator(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    for question in quiz.questions:
        answer(page, quiz, question, correct=True)
    root.locator('[data-quiz-action="submit"]').click()
    assert root.locator(".mdx-quiz__result").get_attribute("data-quiz-score") == "100"
    assert requested == [] and page.evaluate(NOT_LOADED)
    assert page.watch.errors == []


def test_a_reply_is_graded_right_then_wrong_once_its_rules_have_arrived(page, server, library):
    quiz = library.quizzes[WITH_REPLY]
    reply = replies(quiz)[0]
    requested = rules_requests(page)
    held = []
    page.route(RULES_ROUTE, lambda route: held.append(route))  # the rules' response waits until the test lets it through
    page.goto(server.url + f"modules/{quiz.id}/", wait_until="networkidle")
    root = page.locator(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    result = root.locator(".mdx-quiz__result")
    el = question_el(page, quiz, reply)
    assert requested == []
    write_without_focus(page, quiz, reply, reply.model_answer)
    submit = root.locator('[data-quiz-action="submit"]')
    submit.press("Enter")  # reaching 提交 with a reply written starts the download; this press warns first
    expect(result).to_contain_text("题未作答")
    submit.press("Enter")
    # Graded only once the rules are here: meanwhile the learner is told, and nothing is marked
    expect(result).to_contain_text("正在载入评分规则")
    page.wait_for_function("() => !!document.querySelector('script[src*=\"reply-rules.\"]')")
    assert len(requested) == 1
    assert root.locator(".mdx-quiz__verdict").count() == 0 and result.get_attribute("data-quiz-score") is None
    expect(submit).to_be_focused()
    while not held:  # the request has been made (above); its route handler runs on Playwright's next event
        page.wait_for_timeout(20)
    held[0].continue_()
    expect(el).to_have_class(re.compile(r"\bmdx-quiz__question--correct\b"))
    assert el.locator(".mdx-quiz__point--met").count() == len(reply.keypoints)
    expect(result).to_have_attribute("data-quiz-score", re.compile(r"^\d+$"))
    expect(root.locator('[data-quiz-action="retry"]')).to_be_focused()  # as when grading needs no wait

    root.locator('[data-quiz-action="retry"]').press("Enter")
    write_without_focus(page, quiz, reply, "嗯。")
    submit.press("Enter")
    submit.press("Enter")  # the rules are here: graded at once
    assert "mdx-quiz__question--wrong" in el.get_attribute("class")
    assert el.locator(".mdx-quiz__point--missed").count() == len(reply.keypoints)
    assert len(requested) == 1, "loaded once for the page"
    assert page.watch.errors == []


def test_rules_load_once_over_instant_navigation_and_grade_on_each_page(page, server, library):
    requested = rules_requests(page)
    page.goto(server.url, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    for quiz_id, correct in ((WITH_REPLY, True), ("cases", False)):
        quiz = library.quizzes[quiz_id]
        reply = replies(quiz)[0]
        page.locator(f'a[href$="modules/{quiz_id}/"]:visible').first.click()
        page.wait_for_url(f"**/modules/{quiz_id}/")
        root = page.locator(f'[data-quiz-id="{quiz_id}"][data-mdx-mounted]')
        root.wait_for()
        assert page.evaluate("window.__sameDocument") is True, "navigation reloaded the page: instant navigation is off"
        el = question_el(page, quiz, reply)
        el.locator("textarea").fill(reply.model_answer if correct else "嗯。")
        submit = root.locator('[data-quiz-action="submit"]')
        submit.press("Enter")
        expect(root.locator(".mdx-quiz__result")).to_contain_text("题未作答")
        submit.press("Enter")
        verdict = "correct" if correct else "wrong"
        expect(el).to_have_class(re.compile(rf"\bmdx-quiz__question--{verdict}\b"))
        points = ".mdx-quiz__point--met" if correct else ".mdx-quiz__point--missed"
        assert el.locator(points).count() == len(reply.keypoints)
    assert len(requested) == 1, "one download for every page of the visit"
    assert page.watch.errors == []


def test_a_reply_is_graded_from_the_offline_zip(browser, offline_dir, library):
    quiz = library.quizzes[WITH_REPLY]
    reply = replies(quiz)[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    watch = PageWatch(page)
    try:
        page.goto((offline_dir / "modules" / f"{quiz.id}.html").as_uri())
        root = page.locator(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
        root.wait_for()
        assert page.evaluate(NOT_LOADED), "not loaded before the learner starts on a reply"
        el = question_el(page, quiz, reply)
        result = root.locator(".mdx-quiz__result")
        submit = root.locator('[data-quiz-action="submit"]')
        for text, verdict, points in ((reply.model_answer, "correct", ".mdx-quiz__point--met"),
                                      ("嗯。", "wrong", ".mdx-quiz__point--missed")):
            el.locator("textarea").fill(text)
            submit.press("Enter")
            expect(result).to_contain_text("题未作答")
            submit.press("Enter")
            expect(el).to_have_class(re.compile(rf"\bmdx-quiz__question--{verdict}\b"))
            assert el.locator(points).count() == len(reply.keypoints)
            root.locator('[data-quiz-action="retry"]').press("Enter")
        assert page.evaluate("document.querySelector('script[src*=\"reply-rules.\"]').src").startswith("file://")
        assert watch.outside == [] and watch.errors == []
    finally:
        context.close()


def test_missing_rules_keep_the_paper_open_with_its_answers_until_they_load(page, server, library):
    quiz = library.quizzes[WITH_REPLY]
    asked = replies(quiz)
    page.route(RULES_ROUTE, lambda route: route.fulfill(status=404, body="not found"))
    page.goto(server.url + f"modules/{quiz.id}/")
    root = page.locator(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    result = root.locator(".mdx-quiz__result")
    submit = root.locator('[data-quiz-action="submit"]')
    for question in quiz.questions:
        if isinstance(question, ReplyQuestion):
            question_el(page, quiz, question).locator("textarea").fill(question.model_answer)
        else:
            answer(page, quiz, question, correct=True)
    submit.press("Enter")
    expect(result).to_contain_text("这次没有交卷")
    numbers = "、".join(str(quiz.questions.index(question) + 1) for question in asked)
    assert f"第 {numbers} 题的评分规则没有加载成功" in result.inner_text()
    assert "答案都还在" in result.inner_text()
    assert result.get_attribute("data-quiz-score") is None, "no score while a question cannot be graded"
    assert root.locator(".mdx-quiz__question--correct, .mdx-quiz__question--wrong, .mdx-quiz__verdict").count() == 0
    for question in asked:
        box = question_el(page, quiz, question).locator("textarea")
        assert box.input_value() == question.model_answer and box.is_editable()
    expect(submit).to_be_focused()
    assert root.locator('[data-quiz-action="retry"]').is_hidden()
    assert any("reply grader's rules" in error for error in page.watch.errors)

    # Back online: the same answers, 提交 once more, and the whole paper is graded
    page.unroute(RULES_ROUTE)
    submit.press("Enter")
    expect(result).to_have_attribute("data-quiz-score", "100")
    assert f"答对 {len(quiz.questions)} / {len(quiz.questions)} 题" in result.inner_text()


def test_at_time_up_a_reply_that_could_not_be_graded_counts_as_wrong(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.clock.install()
    page.route(RULES_ROUTE, lambda route: route.fulfill(status=404, body="not found"))
    exam = page.locator(".mdx-quiz--exam")
    try:
        for code in (f"T{number}" for number in range(1, 40)):  # the first paper that draws a 情景应答题
            page.goto(server.url + f"learn/exam/?paper={code}")
            start_exam(page)
            reply = exam.locator(".mdx-quiz__question:not([hidden]) textarea")
            if reply.count():
                break
        else:
            pytest.fail("no paper among 39 draws asks a 情景应答题")
        reply.first.fill("让您着急了，对不起。我马上查，十分钟内给您答复。")
        submit = exam.locator('[data-quiz-action="submit"]')
        submit.press("Enter")  # the unanswered warning first
        exam.locator(".mdx-quiz__result--warning").wait_for()
        submit.press("Enter")
        result = exam.locator(".mdx-quiz__result")
        expect(result).to_contain_text("这次没有交卷")
        assert result.get_attribute("data-quiz-score") is None
        page.clock.run_for("31:00")  # the clock ran on; at the time limit the paper is scored all the same
        expect(result).to_contain_text("时间到")
        assert result.get_attribute("data-quiz-score") is not None
        assert "没能评分，按答错计分" in result.inner_text()
        question = reply.first.locator("xpath=ancestor::*[contains(@class, 'mdx-quiz__question')][1]")
        assert "时间已到，本题按答错计分" in question.locator(".mdx-quiz__verdict").inner_text()
    finally:
        context.close()
