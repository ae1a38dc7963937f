"""The site in a real Chromium: quizzes, copying phrases, Chinese search, navigation, no outside requests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.question_types import QUESTION_TYPES
from macros.question_types.choice import MultipleQuestion, SingleQuestion
from macros.question_types.match import MatchQuestion
from macros.question_types.order import OrderQuestion
from macros.question_types.reply import ReplyQuestion
from macros.question_types.truefalse import TrueFalseQuestion

from .helpers import next_frames, reply_rules_loaded, search_site

pytestmark = pytest.mark.browser


def pages_of(site_dir):
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.name != "404.html")


def page_with(site_dir, marker: str) -> str:
    """URL path of the first built page whose HTML contains `marker`."""
    for rel in pages_of(site_dir):
        if marker in (site_dir / rel).read_text(encoding="utf-8"):
            return rel.removesuffix("index.html")
    raise AssertionError(f"no page contains {marker}")


@pytest.fixture(scope="module")
def quiz_under_test(library, site_dir):
    """A quiz with every question type, and the page it is on."""
    for quiz in library.quizzes.values():
        kinds = {question.type for question in quiz.questions}
        if kinds >= set(QUESTION_TYPES):
            return quiz, page_with(site_dir, f'data-quiz-id="{quiz.id}"')
    pytest.fail(f"no quiz uses all the question types ({', '.join(QUESTION_TYPES)})")


def question_el(page, quiz, question):
    return page.locator(f'[data-quiz-id="{quiz.id}"] [data-question-id="{question.id}"]')


def put_in_order(page, quiz, question, correct: bool) -> None:
    el = question_el(page, quiz, question)
    if not correct:
        return  # the quiz never shows an order question already solved
    for position in range(len(question.items)):
        item = el.locator(f'.mdx-quiz__item[data-item="{position}"]')
        while item.evaluate("n => [...n.parentNode.children].indexOf(n)") > position:
            item.locator('[data-order-move="up"]').click()


def answer(page, quiz, question, correct: bool) -> None:
    el = question_el(page, quiz, question)
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        right = [i for i, option in enumerate(question.options) if option.correct]
        wrong = [i for i, option in enumerate(question.options) if not option.correct]
        choice = right if correct else (wrong[:1] if wrong else right[:-1])
        for index in choice:
            el.locator(f'input[value="{index}"]').check()
    elif isinstance(question, TrueFalseQuestion):
        value = question.answer if correct else not question.answer
        el.locator(f'input[value="{"true" if value else "false"}"]').check()
    elif isinstance(question, OrderQuestion):
        put_in_order(page, quiz, question, correct)
    elif isinstance(question, ReplyQuestion):
        el.locator("textarea").fill(question.model_answer if correct else "嗯。")
        reply_rules_loaded(page)
    elif isinstance(question, MatchQuestion):
        match_rows(el, correct)


def match_rows(el, correct: bool) -> None:
    """Each row's drop-downs set to the row's own cells (the right pairing), or, for a wrong answer, the
    first row to the second row's cells."""
    rows = el.locator(".mdx-quiz__match-row")
    for row in range(rows.count()):
        value = str(row) if correct or row > 0 else "1"
        for select in rows.nth(row).locator("select").all():
            select.select_option(value)


def test_quiz_graded_right_then_wrong_with_explanations(page, server, quiz_under_test):
    quiz, path = quiz_under_test
    page.goto(server.url + path)
    root = page.locator(f'[data-quiz-id="{quiz.id}"]')
    result = root.locator(".mdx-quiz__result")
    assert root.locator(".mdx-quiz__answer").first.is_hidden(), "answers must stay hidden before submitting"

    for question in quiz.questions:
        answer(page, quiz, question, correct=True)
    root.locator('[data-quiz-action="submit"]').click()
    assert result.get_attribute("data-quiz-score") == "100"
    assert "100%" in result.inner_text() and "通过" in result.inner_text()
    assert root.locator(".mdx-quiz__question--correct").count() == len(quiz.questions)

    root.locator('[data-quiz-action="retry"]').click()
    assert result.is_hidden() and result.get_attribute("data-quiz-score") is None
    assert root.locator("input:checked").count() == 0
    assert root.locator(".mdx-quiz__verdict").count() == 0

    for question in quiz.questions:
        answer(page, quiz, question, correct=False)
    root.locator('[data-quiz-action="submit"]').click()
    assert result.get_attribute("data-quiz-score") == "0"
    assert "未通过" in result.inner_text() and f"{quiz.pass_score}%" in result.inner_text()
    first = quiz.questions[0]
    shown = question_el(page, quiz, first)
    # The learner scrolls back up to read it: off-screen questions are rendered once they come into view.
    shown.scroll_into_view_if_needed()
    expect(shown.locator(".mdx-quiz__verdict")).to_contain_text("回答错误", use_inner_text=True)
    explanation = shown.locator(".mdx-quiz__explanation")
    assert explanation.is_visible() and explanation.inner_text().strip()[:6] in re.sub(r"[*`]", "", first.explanation)
    if first.ref:
        assert shown.locator(".mdx-quiz__ref a").is_visible()


def test_submit_with_unanswered_questions_warns_first(page, server, quiz_under_test):
    quiz, path = quiz_under_test
    page.goto(server.url + path)
    # The button is in the page before quiz.js has mounted: a press before that does nothing
    page.wait_for_selector(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    root = page.locator(f'[data-quiz-id="{quiz.id}"]')
    # From the keyboard, as in test_trainer's paper test: a click can miss a button that moves
    root.locator('[data-quiz-action="submit"]').press("Enter")
    result = root.locator(".mdx-quiz__result")
    root.locator(".mdx-quiz__result--warning").wait_for()
    assert "未作答" in result.inner_text() and result.get_attribute("data-quiz-score") is None
    next_frames(page)  # the warning scrolls to the first unanswered question
    root.locator('[data-quiz-action="submit"]').press("Enter")
    expect(result).to_have_attribute("data-quiz-score", re.compile(r"^\d+$"))


def test_order_question_with_keyboard_only(page, server, quiz_under_test):
    quiz, path = quiz_under_test
    question = next(q for q in quiz.questions if isinstance(q, OrderQuestion))
    page.goto(server.url + path)
    el = question_el(page, quiz, question)
    buttons = el.locator("[data-order-move]")

    def focused_button() -> int:
        return buttons.evaluate_all("(bs) => bs.indexOf(document.activeElement)")

    # Reach the question from the page top with Tab alone.
    for _ in range(400):
        if focused_button() >= 0:
            break
        page.keyboard.press("Tab")
    assert focused_button() >= 0, "move buttons are not reachable with Tab"

    for position in range(len(question.items)):
        current = el.locator(".mdx-quiz__item").evaluate_all(
            f"(items) => items.findIndex(i => i.dataset.item === '{position}')")
        target_stop = current * 2  # each item has an up and a down button
        while focused_button() != target_stop:
            page.keyboard.press("Tab" if focused_button() < target_stop else "Shift+Tab")
        for _ in range(current - position):
            page.keyboard.press("ArrowUp")
    for _ in range(400):
        if page.evaluate("document.activeElement.dataset.quizAction") == "submit":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # first press: warns about unanswered questions
    page.keyboard.press("Enter") if page.evaluate("document.activeElement.dataset.quizAction") == "submit" else None
    page.locator(f'[data-quiz-id="{quiz.id}"] [data-quiz-action="submit"]').evaluate("b => b.hidden || b.click()")
    assert "mdx-quiz__question--correct" in el.get_attribute("class")


# Material's back-to-top button: shown (scrolled up, not hidden by Material) and drawn, and whether its box
# lies over a quiz.
TOP_BUTTON = """() => {
  const button = document.querySelector('.md-top'), box = button.getBoundingClientRect(), style = getComputedStyle(button);
  const over = [...document.querySelectorAll('.mdx-quiz')].some(q => { const r = q.getBoundingClientRect();
    return box.top < r.bottom && r.top < box.bottom && box.left < r.right && r.left < box.right; });
  return { offered: !button.hidden, drawn: style.visibility === 'visible' && style.opacity !== '0', over };
}"""


@pytest.mark.parametrize("size", [(1280, 800), (375, 812)], ids=["desktop", "phone"])
def test_the_back_to_top_button_never_covers_a_quiz(page, server, quiz_under_test, size):
    """Scrolling up shows Material's 回到页面顶部 button centred under the header: over a quiz it is not
    drawn (it covered a question's text); above the quiz it still is."""
    quiz, path = quiz_under_test
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(server.url + path)
    root = page.locator(f'[data-quiz-id="{quiz.id}"]')
    root.and_(page.locator("[data-mdx-mounted]")).wait_for()
    middle = root.locator(".mdx-quiz__question").nth(3)
    for target, over_quiz in ((middle, True), (page.locator(".md-typeset > h2").nth(2), False)):
        target.evaluate("e => e.scrollIntoView({ block: 'center' })")
        next_frames(page)
        page.mouse.wheel(0, -150)
        page.wait_for_function("() => !document.querySelector('.md-top').hidden")
        next_frames(page)
        state = page.evaluate(TOP_BUTTON)
        assert state["over"] is over_quiz, state
        assert state["drawn"] is not over_quiz, f"over a quiz the button is not drawn, elsewhere it is: {state}"


def test_without_javascript_questions_and_answers_stay_readable(browser, server, quiz_under_test):
    quiz, path = quiz_under_test
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + path)
    root = page.locator(f'[data-quiz-id="{quiz.id}"]')
    assert root.locator(".mdx-quiz__stem").first.is_visible()
    details = root.locator("details.mdx-quiz__answer").first
    assert details.is_visible() and details.get_attribute("open") is None
    details.locator("summary").click()
    assert root.locator(".mdx-quiz__explanation").first.is_visible()
    context.close()


def copy_first_phrase(page, base_url, site_dir) -> str:
    path = page_with(site_dir, 'class="mdx-phrase"')
    page.goto(base_url + path)
    button = page.locator(".mdx-phrase__copy").first
    expected = button.get_attribute("data-clipboard-text")
    button.click()
    page.locator(".md-dialog").filter(has_text="已复制").wait_for(state="visible")
    return expected


def test_copy_phrase_puts_its_text_on_the_clipboard(browser, server, site_dir):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    expected = copy_first_phrase(page, server.url, site_dir)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()


def test_copy_works_over_plain_http_on_an_intranet_host(browser, server, site_dir):
    """On http://<intranet-host>/ the Clipboard API does not exist; copying must still work."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    intranet = f"http://intranet.test:{server.port}/"
    page.goto(intranet)
    assert page.evaluate("window.isSecureContext") is False
    assert page.evaluate("typeof navigator.clipboard") == "undefined"
    expected = copy_first_phrase(page, intranet, site_dir)
    reader = context.new_page()
    reader.goto(server.url)
    assert reader.evaluate("navigator.clipboard.readText()") == expected
    context.close()


@pytest.mark.parametrize("word, page_marker", [("黄金法则", 'data-quiz-id="handling-steps"'),
                                                ("求发泄", 'data-quiz-id="psychology"')])
def test_chinese_search_finds_the_page(page, server, site_dir, word, page_marker):
    target = page_with(site_dir, page_marker)
    page.goto(server.url)
    results = search_site(page, word)
    links = results.evaluate_all("(as) => as.map(a => a.getAttribute('href'))")
    assert any(target.rstrip("/") in (link or "") for link in links), links
    assert page.locator(".md-search-result mark").first.inner_text()


def test_quiz_survives_instant_navigation(page, server, site_dir, quiz_under_test):
    quiz, path = quiz_under_test
    page.goto(server.url + path)
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-header__button.md-logo, a.md-nav__link[href$='../']").first.click()
    page.wait_for_function("location.pathname === '/' || location.pathname.endsWith('/index.html')")
    page.go_back()
    page.wait_for_selector(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    assert page.evaluate("window.__sameDocument") is True, "navigation reloaded the page: instant navigation is off"
    root = page.locator(f'[data-quiz-id="{quiz.id}"]')
    for question in quiz.questions:
        answer(page, quiz, question, correct=True)
    root.locator('[data-quiz-action="submit"]').click()
    assert root.locator(".mdx-quiz__result").get_attribute("data-quiz-score") == "100"
    assert root.locator(".mdx-quiz__verdict").count() == len(quiz.questions), "handlers were bound twice"
    assert page.watch.errors == []


def test_in_page_links_scroll_without_reloading_the_page(page, server, quiz_under_test):
    """Material re-renders the page on the first address change after a load, a hash change too:
    in-page-links.js leaves those jumps to the browser, so unsubmitted answers stay."""
    quiz, path = quiz_under_test
    page.goto(server.url + path)
    page.wait_for_selector(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    fetches = []
    page.on("request", lambda request: fetches.append(request.url) if "/" + path in request.url else None)
    page.evaluate("document.querySelector('article').dataset.untouched = 'yes'")
    question = next(q for q in quiz.questions if isinstance(q, (SingleQuestion, TrueFalseQuestion)))

    def at(fragment: str) -> None:
        # Each step waits for its own address: Back pressed before the last jump has landed goes elsewhere
        page.wait_for_function("wanted => location.hash === wanted", arg=f"#{fragment}" if fragment else "")

    answer(page, quiz, question, correct=True)
    # Answering scrolled to the quiz, and Material's navigation.tracking named its section in the address;
    # back at the top the address has no fragment again: the entry the two Backs below must return to
    page.evaluate("window.scrollTo(0, 0)")
    at("")
    chosen = question_el(page, quiz, question).locator("input:checked")
    table_of_contents = page.locator(".md-sidebar--secondary a.md-nav__link[href*='#']")
    first, second = (table_of_contents.nth(n).get_attribute("href").split("#")[1] for n in (1, 2))
    table_of_contents.nth(1).click()
    at(first)
    table_of_contents.nth(2).click()
    at(second)
    page.go_back()
    at(first)
    page.go_back()
    at("")
    page.locator(".headerlink").nth(1).press("Enter")  # a permalink, from the keyboard
    page.wait_for_function("location.hash.length > 1")
    assert page.evaluate("document.querySelector('article').dataset.untouched") == "yes", "the page was re-rendered"
    assert chosen.count() == 1 and fetches == []
    # After a real navigation Material knows the address and handles in-page links itself
    page.locator("a.md-header__button.md-logo").click()
    page.wait_for_function("location.pathname === '/'")
    page.go_back()
    page.wait_for_selector(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    answer(page, quiz, question, correct=True)
    page.evaluate("document.querySelector('article').dataset.untouched = 'yes'")
    table_of_contents.nth(1).click()
    page.wait_for_function("location.hash.length > 1")
    assert page.evaluate("document.querySelector('article').dataset.untouched") == "yes"
    assert question_el(page, quiz, question).locator("input:checked").count() == 1
    assert page.watch.errors == []


def test_an_unsubmitted_attempt_survives_a_reload_until_it_is_submitted(page, server, quiz_under_test):
    quiz, path = quiz_under_test
    page.goto(server.url + path)
    root = page.locator(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    root.wait_for()
    choice = next(q for q in quiz.questions if isinstance(q, SingleQuestion))
    order = next(q for q in quiz.questions if isinstance(q, OrderQuestion))
    reply = next((q for q in quiz.questions if isinstance(q, ReplyQuestion)), None)
    answer(page, quiz, choice, correct=True)
    put_in_order(page, quiz, order, correct=True)  # a mount never shows it in order: a reload would shuffle it
    if reply:
        question_el(page, quiz, reply).locator("textarea").fill("您先别急，我马上帮您查。")

    def state():
        items = question_el(page, quiz, order).locator(".mdx-quiz__item").evaluate_all(
            "(items) => items.map(item => item.dataset.item)")
        picked = question_el(page, quiz, choice).locator("input:checked").evaluate_all(
            "(inputs) => inputs.map(input => input.value)")
        text = question_el(page, quiz, reply).locator("textarea").input_value() if reply else None
        return items, picked, text

    given = state()
    page.reload()
    root.wait_for()
    assert state() == given, "the answers given so far are back after a reload"
    for question in quiz.questions:
        answer(page, quiz, question, correct=True)
    root.locator('[data-quiz-action="submit"]').click()
    assert root.locator(".mdx-quiz__result").get_attribute("data-quiz-score") == "100"
    page.reload()
    root.wait_for()
    assert root.locator("input:checked").count() == 0, "a submitted attempt is not brought back"
    assert page.watch.errors == []


def diagrams_render_when_scrolled_to(page) -> None:
    """Shared by both variants: no diagram library until a diagram is near, then a drawn diagram."""
    loaded = "!!document.querySelector('script[src*=\"vendor/mermaid.min.js\"]')"  # added by mermaid-loader.js
    assert page.locator("pre.mermaid").count() >= 1, "the page should carry a diagram"
    assert page.evaluate(loaded) is False, "the diagram library must wait until a diagram comes near the screen"
    page.locator(".mermaid").first.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('div.mermaid')?.getBoundingClientRect().height > 100")
    assert page.evaluate(loaded) is True


def test_diagrams_load_near_the_screen_and_draw(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + "modules/handling-steps/")
    diagrams_render_when_scrolled_to(page)
    assert page.watch.outside == [] and page.watch.errors == []
