"""Question types in Chromium, on a page of their own (tests/fixtures/match.html, no site build): the
配对题 answered with the keyboard, graded, reset, kept as a draft, projected, laid out on a phone and
printed; and a question of a type no script knows, which stays readable and leaves the others graded."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from macros.contract import browser_contract

from .helpers import ROOT, PageWatch, StaticServer

pytestmark = pytest.mark.browser

ASSETS = ROOT / "docs" / "assets"
QUIZ = '.mdx-quiz[data-quiz-id="fixture"]'
MATCH = '[data-question-id="type-want-first-move"]'
# The letter of the right choice, per row, in each column (the fixture's scrambled option orders)
RIGHT_LETTERS = [("C", "B"), ("A", "C"), ("B", "A")]
UNKNOWN_TYPE_ERROR = 'question "from-the-future" has the unknown type "hotspot"'


def bundle_hook():
    spec = importlib.util.spec_from_file_location("quiz_bundle", ROOT / "hooks" / "quiz_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quiz_bundle():
    """The one quiz.js the site's pages load, joined by the build's own hook."""
    return bundle_hook().bundle(ASSETS / "javascripts" / "quiz")


def test_every_type_module_is_joined_between_the_core_and_the_mount():
    hook = bundle_hook()
    names = [p.relative_to(ASSETS / "javascripts" / "quiz").as_posix()
             for p in (ASSETS / "javascripts" / "quiz").rglob("*.js")]
    order = hook.bundle_order(names)
    types = [name for name in order if name.startswith("types/")]
    assert {"types/choice.js", "types/order.js", "types/reply.js", "types/match.js"} <= set(types)
    assert order.index("page-life.js") < order.index(types[0]) and order.index(types[-1]) < order.index("question.js")
    assert order[-1] == "mount.js"
    with pytest.raises(Exception, match=r"quiz/helpers\.js: not part of the quiz bundle"):
        hook.bundle_order([*names, "helpers.js"])


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """The fixture page with the site's scripts and stylesheets where a built page finds them."""
    folder = tmp_path_factory.mktemp("fixture-site")
    # The contract block every built page carries (overrides/main.html), which text-fold.js reads
    page = (Path(__file__).parent / "fixtures" / "match.html").read_text(encoding="utf-8")
    contract = json.dumps(browser_contract(), ensure_ascii=False).replace("</", "<\\/")
    block = f'<script id="__mdx_contract" type="application/json">{contract}</script>\n'
    (folder / "match.html").write_text(page.replace("</head>", block + "</head>", 1), encoding="utf-8")
    scripts = folder / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    for name in ("text-fold.js", "projector.js"):
        shutil.copy(ASSETS / "javascripts" / name, scripts / name)
    (scripts / "quiz.js").write_text(quiz_bundle(), encoding="utf-8")
    (folder / "assets" / "stylesheets").mkdir()
    for name in ("course.css", "course-lessons.css"):
        shutil.copy(ASSETS / "stylesheets" / name, folder / "assets" / "stylesheets" / name)
    server = StaticServer(folder)
    yield server
    server.close()


def open_quiz(page, fixture_site):
    page.goto(fixture_site.url + "match.html")
    page.wait_for_selector(QUIZ + "[data-mdx-mounted]")
    return page.locator(QUIZ)


@pytest.fixture
def quiz(page, fixture_site):
    return open_quiz(page, fixture_site)


def selects(quiz):
    return quiz.locator(MATCH + " select")


def focused_select(quiz) -> int:
    return selects(quiz).evaluate_all("(all) => all.indexOf(document.activeElement)")


def pair_by_keyboard(page, quiz, letters) -> None:
    """Tab from the top of the page to the first select, then type each select's letter and Tab on."""
    for _ in range(20):
        if focused_select(quiz) == 0:
            break
        page.keyboard.press("Tab")
    assert focused_select(quiz) == 0, "the first select is not reachable with Tab"
    flat = [letter for row in letters for letter in row]
    for index, letter in enumerate(flat):
        assert focused_select(quiz) == index
        page.keyboard.press(letter)  # a closed select picks the option that starts with the typed letter
        page.keyboard.press("Tab")


def chosen_letters(quiz) -> list[str]:
    return selects(quiz).evaluate_all("(all) => all.map(s => s.value ? s.selectedOptions[0].text[0] : '')")


def submit(quiz) -> None:
    quiz.locator('[data-quiz-action="submit"]').press("Enter")


def test_right_pairs_chosen_by_keyboard_are_graded_right(page, quiz):
    pair_by_keyboard(page, quiz, RIGHT_LETTERS)
    assert chosen_letters(quiz) == ["C", "B", "A", "C", "B", "A"]
    quiz.locator('[data-question-id="first-words"] input[value="1"]').check()
    submit(quiz)
    result = quiz.locator(".mdx-quiz__result")
    assert result.get_attribute("data-quiz-score") == "100"
    assert "答对 2 / 2 题" in result.inner_text(), "the question of an unknown type is not counted"
    match = quiz.locator(MATCH)
    assert "mdx-quiz__question--correct" in match.get_attribute("class")
    assert match.locator(".mdx-quiz__match-row--right").count() == 3
    assert match.locator(".mdx-quiz__match-mark").all_inner_texts() == ["✔ 配对正确"] * 3
    assert match.locator(".mdx-quiz__key").is_visible()
    assert selects(quiz).evaluate_all("(all) => all.every(s => s.disabled)"), "graded answers are locked"
    assert "不计分" in quiz.locator('[data-question-id="from-the-future"] .mdx-quiz__verdict').inner_text()
    assert [e for e in page.watch.errors if UNKNOWN_TYPE_ERROR not in e] == []
    assert any(UNKNOWN_TYPE_ERROR in e for e in page.watch.errors), "an unknown type is reported on the console"


def test_wrong_pairs_are_marked_row_by_row_then_reset(page, quiz):
    # The first two rows swap their 最想要的; the third row is right
    pair_by_keyboard(page, quiz, [("A", "B"), ("C", "C"), ("B", "A")])
    quiz.locator('[data-question-id="first-words"] input[value="0"]').check()
    submit(quiz)
    match = quiz.locator(MATCH)
    assert "mdx-quiz__question--wrong" in match.get_attribute("class")
    verdict = match.locator(".mdx-quiz__verdict").inner_text()
    assert "回答错误" in verdict and "你的答案：发泄型 → A. 实际的损失得到弥补 → B. 先让他把话说完，不打断；" in verdict
    rows = match.locator(".mdx-quiz__match-row")
    assert [rows.nth(i).get_attribute("class").split()[-1] for i in range(3)] == [
        "mdx-quiz__match-row--wrong", "mdx-quiz__match-row--wrong", "mdx-quiz__match-row--right"]
    assert rows.nth(0).locator(".mdx-quiz__match-mark").inner_text() == "✘ 配对有误"
    assert rows.nth(0).locator(".mdx-quiz__match-fix").all_inner_texts() == ["应选 C. 有人听他把气出完"]
    assert rows.nth(2).locator(".mdx-quiz__match-fix").count() == 0
    assert quiz.locator(".mdx-quiz__result").get_attribute("data-quiz-score") == "0"

    quiz.locator('[data-quiz-action="retry"]').click()
    assert chosen_letters(quiz) == [""] * 6
    assert match.locator(".mdx-quiz__match-mark, .mdx-quiz__match-fix, .mdx-quiz__verdict").count() == 0
    assert match.locator(".mdx-quiz__match-row--wrong, .mdx-quiz__match-row--right").count() == 0
    assert selects(quiz).evaluate_all("(all) => all.every(s => !s.disabled)")
    assert quiz.locator(".mdx-quiz__result").is_hidden()


def test_a_half_done_match_warns_and_its_draft_survives_a_reload(page, quiz):
    pair_by_keyboard(page, quiz, [("C", "B"), ("A", "C")])  # the last row is left
    page.reload()
    page.wait_for_selector(QUIZ + "[data-mdx-mounted]")
    assert chosen_letters(quiz) == ["C", "B", "A", "C", "", ""], "the pairs chosen so far are back"
    quiz.locator('[data-question-id="first-words"] input[value="1"]').check()
    submit(quiz)
    warning = quiz.locator(".mdx-quiz__result--warning")
    assert "第 1 题" in warning.inner_text()
    assert page.evaluate("document.activeElement.id") == "mdx-fixture-type-want-first-move-0-1"


def test_projector_shows_the_table_and_the_choices(page, quiz):
    quiz.locator('[data-quiz-action="project"]').click()
    overlay = page.locator(".mdx-projector")
    overlay.wait_for()
    table = overlay.locator("table.mdx-quiz__match")
    assert table.locator("tbody th").all_inner_texts() == ["发泄型", "补偿型", "讲理型"]
    assert table.locator("thead th").all_inner_texts() == ["客户类型", "最想要的", "第一步"]
    assert table.locator("select").count() == 0 and table.locator(".mdx-quiz__match-blank").count() == 6
    bank = overlay.locator(".mdx-quiz__match-bank")
    assert bank.is_visible()
    assert bank.locator("li").all_inner_texts()[:3] == ["A. 实际的损失得到弥补", "B. 一个说得通的解释", "C. 有人听他把气出完"]
    page.keyboard.press("Enter")
    assert "正确配对：发泄型 → 有人听他把气出完" in overlay.locator(".mdx-projector__answer").inner_text()
    page.keyboard.press("ArrowRight")
    assert overlay.locator(".mdx-projector__letter").all_inner_texts() == ["A.", "B.", "C."]
    page.keyboard.press("Escape")
    assert page.locator(".mdx-projector").count() == 0


def test_on_a_phone_the_table_fits_and_selects_sit_under_their_row(browser, fixture_site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="zh-CN")
    page = context.new_page()
    page.watch = PageWatch(page)
    quiz = open_quiz(page, fixture_site)
    table = quiz.locator(MATCH + " .mdx-quiz__match")
    fits = table.evaluate("t => t.scrollWidth <= t.closest('.mdx-quiz').clientWidth")
    label = quiz.locator(MATCH + ' tr[data-row="0"] th').bounding_box()
    first = selects(quiz).nth(0).bounding_box()
    second = selects(quiz).nth(1).bounding_box()
    page_wide = page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    context.close()
    assert fits and page_wide, "the table overflows a 375px screen"
    assert first["y"] >= label["y"] + label["height"] and second["y"] > first["y"], "selects stack under the row label"


def test_printed_paper_has_letter_boxes_and_the_choice_bank(page, quiz):
    bank = quiz.locator(".mdx-quiz__match-bank")
    assert bank.is_hidden(), "the bank is for paper"
    page.emulate_media(media="print")
    assert bank.is_visible() and "C. 有人听他把气出完" in bank.inner_text()
    assert selects(quiz).evaluate_all("(all) => all.every(s => getComputedStyle(s).display === 'none')")
    box = quiz.locator(MATCH + " td").first.evaluate("td => getComputedStyle(td, '::after').borderTopStyle")
    assert box == "solid", "each cell prints a box to write a letter in"
    page.evaluate("""() => { document.documentElement.setAttribute('data-mdx-print', 'key');
                             document.querySelector('.mdx-quiz').classList.add('mdx-quiz--printing');
                             document.querySelectorAll('.mdx-quiz__answer').forEach(d => d.open = true); }""")
    assert quiz.locator(".mdx-quiz__match").first.is_hidden() and bank.is_hidden()
    assert quiz.locator(MATCH + " .mdx-quiz__key").is_visible()
