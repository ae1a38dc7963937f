"""情景应答题 in Chromium: key points met or missed, taboo phrases fail a reply, tolerant matching."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from macros.question_types.reply import ReplyQuestion

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
    assert taboo.text in el.locator(".mdx-quiz__point--taboo").inner_text()
