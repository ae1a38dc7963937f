"""情景应答题 in Chromium: key points met or missed, taboo phrases fail a reply, tolerant matching."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from opencc import OpenCC

from macros.question_types.reply import ReplyQuestion

from .helpers import BLOCK_STORAGE, reply_rules_loaded

pytestmark = pytest.mark.browser
S2T = OpenCC("s2t")


@pytest.fixture(scope="module")
def reply_case(library):
    for quiz in library.quizzes.values():
        for question in quiz.questions:
            if isinstance(question, ReplyQuestion) and quiz.id != "final":
                return quiz, question
    pytest.fail("the bank has no 情景应答题")


def submit_reply(page, server, quiz, question, text):
    page.goto(server.url + f"modules/{quiz.id}/")
    root = page.locator(f'[data-quiz-id="{quiz.id}"]')
    el = root.locator(f'[data-question-id="{question.id}"]')
    el.locator("textarea").fill(text)
    reply_rules_loaded(page)
    root.locator('[data-quiz-action="submit"]').click()
    root.locator('[data-quiz-action="submit"]').click()  # confirm past the unanswered-questions warning
    return el


def test_model_answer_meets_every_point(page, server, reply_case):
    quiz, question = reply_case
    el = submit_reply(page, server, quiz, question, question.model_answer)
    assert "mdx-quiz__question--correct" in el.get_attribute("class")
    assert el.locator(".mdx-quiz__point--met").count() == len(question.keypoints)
    assert question.model_answer[:8] in el.locator(".mdx-quiz__key").inner_text()


def test_tolerant_of_punctuation_width_and_traditional_characters(page, server, reply_case):
    quiz, question = reply_case
    disguised = " ".join(S2T.convert(question.model_answer)).replace("，", ",")
    el = submit_reply(page, server, quiz, question, disguised)
    assert "mdx-quiz__question--correct" in el.get_attribute("class")


def test_missing_points_are_named(page, server, reply_case):
    quiz, question = reply_case
    el = submit_reply(page, server, quiz, question, "嗯。")
    assert "mdx-quiz__question--wrong" in el.get_attribute("class")
    assert el.locator(".mdx-quiz__point--missed").count() == len(question.keypoints)


def test_a_taboo_phrase_fails_the_reply(page, server, reply_case, library):
    quiz, question = reply_case
    taboo = library.taboo[0]
    el = submit_reply(page, server, quiz, question, question.model_answer + taboo.text)
    assert "mdx-quiz__question--wrong" in el.get_attribute("class")
    # the taboo phrase may also be a refusal (不可能，…): the taboo line is the one that names it
    assert taboo.text in el.locator(".mdx-quiz__point--taboo", has_text="禁忌用语").inner_text()


def test_feedback_quotes_the_learner_s_words(page, server, library):
    quiz = library.quizzes["cases"]
    question = next(q for q in quiz.questions if q.id == "reply-annual-fee-angry")
    el = submit_reply(page, server, quiz, question, "不好意思，这几年的扣费我现在不查，今天也办不了减免。您先別激動。")
    assert "mdx-quiz__question--wrong" in el.get_attribute("class")
    assert el.locator(".mdx-quiz__point--met mark").first.inner_text() == "不好意思"
    negated = el.locator(".mdx-quiz__point--missed", has_text="说了又否定")
    assert negated.count() >= 1 and "不查" in negated.first.locator("mark").inner_text()
    assert el.locator(".mdx-quiz__point--taboo", has_text="语气伤人").locator("mark").inner_text() == "您先別激動"


def test_disagreeing_keeps_the_reply_beside_the_model_answer_for_a_trainer(page, server, library):
    quiz = library.quizzes["psychology"]
    question = next(q for q in quiz.questions if q.id == "reply-negotiator-fee")
    reply = "手续费我这就退，误工费我跟领导商量一下再回您。"
    el = submit_reply(page, server, quiz, question, reply)
    button = el.locator(".mdx-quiz__disagree")
    compare = el.locator(".mdx-quiz__compare")
    assert compare.is_hidden()
    button.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    assert reply in compare.inner_text() and question.model_answer in compare.inner_text()
    stored = page.evaluate("JSON.parse(localStorage.getItem('kesutong.reply-disputes.v1'))")
    assert [(d["question"], d["answer"]) for d in stored] == [(f"{quiz.id}/{question.id}", reply)]
    with page.expect_download() as download:
        el.locator(".mdx-quiz__export").click()
    assert download.value.suggested_filename.endswith(".json")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported[0]["answer"] == reply and exported[0]["graded"] in ("correct", "wrong")
    button.click()
    assert page.evaluate("JSON.parse(localStorage.getItem('kesutong.reply-disputes.v1'))") == []


def test_disagreeing_works_when_the_browser_keeps_nothing(browser, server, library):
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        quiz = library.quizzes["psychology"]
        question = next(q for q in quiz.questions if q.id == "reply-negotiator-fee")
        el = submit_reply(page, server, quiz, question, "手续费我这就退。")
        el.locator(".mdx-quiz__disagree").click()
        assert "不能保存" in el.locator(".mdx-quiz__dispute-note").inner_text()
        with page.expect_download() as download:
            el.locator(".mdx-quiz__export").click()
        assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))[0]["answer"] == "手续费我这就退。"
        assert errors == []
    finally:
        context.close()
