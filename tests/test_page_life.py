"""What a page starts stops when Material's instant navigation leaves it (quiz/page-life.js): the
exam's clock and the projector, with its timer, would otherwise live on behind the next page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Counts the intervals a page has running: every setInterval until its clearInterval.
COUNT_INTERVALS = """
window.__intervals = new Map();
const setOne = window.setInterval, clearOne = window.clearInterval;
window.setInterval = function (callback, delay, ...rest) {
  const id = setOne.call(window, callback, delay, ...rest);
  window.__intervals.set(id, delay);
  return id;
};
window.clearInterval = function (id) {
  window.__intervals.delete(id);
  return clearOne.call(window, id);
};
"""
# The quiz's clocks tick once a second
SECOND_TICKERS = "[...window.__intervals].filter(([id, delay]) => delay === 1000).map(([id]) => id)"


@pytest.fixture
def counted(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.add_init_script(COUNT_INTERVALS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    context.close()


def nav_link(page, text: str):
    return page.locator(".md-sidebar--primary a.md-nav__link", has_text=text).first


def test_the_exam_clock_stops_when_instant_navigation_leaves_the_exam(counted, server):
    page = counted
    page.goto(server.url + "learn/exam/")
    page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
    assert page.evaluate(SECOND_TICKERS) == [], "no clock before 开始"
    page.locator('.mdx-quiz--exam [data-quiz-action="start"]').click()
    page.evaluate("window.__sameDocument = true")
    clock = page.evaluate(SECOND_TICKERS)
    assert len(clock) == 1, "the exam's clock ticks once a second"
    nav_link(page, "错题本").click()
    page.wait_for_selector('[data-quiz-id="review"][data-mdx-mounted]')
    assert page.evaluate("window.__sameDocument") is True, "the page was loaded anew: no instant navigation"
    assert set(page.evaluate(SECOND_TICKERS)) & set(clock) == set(), "the exam's clock still ticks on another page"
    page.go_back()
    page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
    assert len(page.evaluate(SECOND_TICKERS)) == 1, "back on the exam, one clock ticks again"
    assert "剩余" in page.locator(".mdx-quiz__clock").inner_text()
    assert page.errors == []


def test_going_back_behind_the_projector_closes_it_and_stops_its_timer(counted, server):
    page = counted
    page.goto(server.url + "learn/review/")
    # The review quiz mounts after Material's bundle has run: a click before that is a plain page load
    page.wait_for_selector('[data-quiz-id="review"][data-mdx-mounted]')
    nav_link(page, "4. 投诉处理流程").click()
    page.wait_for_selector(".mdx-quiz[data-mdx-mounted]")
    page.evaluate("window.__sameDocument = true")
    page.locator(".mdx-trainer-toggle").click()
    page.locator('[data-quiz-action="project"]').first.click()
    page.locator(".mdx-projector").wait_for()
    page.keyboard.press("t")
    timer = page.evaluate(SECOND_TICKERS)
    assert len(timer) == 1, "the projector's countdown ticks once a second"
    page.go_back()  # the browser's Back button works behind the overlay
    page.wait_for_selector(".mdx-projector", state="detached")
    assert page.evaluate("window.__sameDocument") is True, "the page was loaded anew: no instant navigation"
    assert set(page.evaluate(SECOND_TICKERS)) & set(timer) == set(), "the projector's timer outlived its page"
    assert "mdx-projecting" not in (page.evaluate("document.documentElement.className") or "")
    page.keyboard.press("ArrowRight")  # the projector's keys are the page's again
    assert page.errors == []
