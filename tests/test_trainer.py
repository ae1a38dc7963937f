"""Trainer tools in Chromium: trainer mode, projector, reproducible papers, print media, role-play cards."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from .helpers import ROOT, next_frames

pytestmark = pytest.mark.browser

MODULE = "modules/handling-steps/"


def quiz_order(page) -> list[tuple[str, list[str]]]:
    """Question ids with their option order, as the page shows them."""
    return page.locator(".mdx-quiz__question").evaluate_all(
        "(qs) => qs.map(q => [q.dataset.questionId,"
        " [...q.querySelectorAll('input, .mdx-quiz__item')].map(e => e.value || e.dataset.item)])")


def test_trainer_mode_hidden_by_default_and_remembered(page, server):
    page.goto(server.url + MODULE)
    notes = page.locator(".md-typeset .trainer")
    assert notes.count() > 0, "module pages must carry trainer notes"
    assert not notes.first.is_visible()
    assert not page.locator(".mdx-quiz__toolbar").first.is_visible()
    page.locator(".mdx-trainer-toggle").click()
    assert notes.first.is_visible() and page.locator(".mdx-quiz__toolbar").first.is_visible()
    page.reload()
    assert page.locator(".md-typeset .trainer").first.is_visible()
    assert page.locator(".mdx-trainer-toggle").get_attribute("aria-pressed") == "true"
    page.locator(".mdx-trainer-toggle").click()
    page.reload()
    assert not page.locator(".md-typeset .trainer").first.is_visible()


def test_trainer_notes_stay_out_of_search(site_dir):
    index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    text = "".join(doc["text"] + doc["title"] for doc in index["docs"]).replace("\u200b", "")
    notes = []
    for page in (site_dir / "modules").rglob("index.html"):
        for block in re.findall(r'<details class="trainer[^"]*"[^>]*>(.*?)</details>', page.read_text(encoding="utf-8"), re.DOTALL):
            body = re.sub(r"<summary>.*?</summary>|<[^>]+>|\s", "", block, flags=re.DOTALL)
            notes.append(body[:30])
    assert notes, "module pages must carry trainer notes"
    assert [note for note in notes if note in text] == []


def open_projector(page, server, url=MODULE):
    page.goto(server.url + url)
    page.locator(".mdx-trainer-toggle").click()
    page.locator('[data-quiz-action="project"]').first.click()
    overlay = page.locator(".mdx-projector")
    overlay.wait_for()
    return overlay


def test_projector_by_keyboard_and_clicker(page, server):
    overlay = open_projector(page, server)
    position = overlay.locator(".mdx-projector__position")
    assert position.inner_text().startswith("第 1 / ")
    for key, expected in [("ArrowRight", 2), ("Space", 3), ("PageDown", 4), ("ArrowLeft", 3), ("PageUp", 2)]:
        page.keyboard.press(key)
        assert position.inner_text().startswith(f"第 {expected} / ")
    answer = overlay.locator(".mdx-projector__answer")
    assert answer.is_hidden()
    page.keyboard.press("Enter")
    assert answer.is_visible() and "正确" in answer.inner_text()
    page.keyboard.press("t")
    page.wait_for_timeout(1100)
    assert "秒" in overlay.locator(".mdx-projector__clock").inner_text()
    page.keyboard.press("Escape")
    assert page.locator(".mdx-projector").count() == 0


def test_projected_slides_fit_a_1280x800_projector_with_their_answers(page, server, library):
    """Every slide of a quiz with a 6-row match question, its answer and explanation shown, fits the screen
    of a common projector without scrolling, in type no smaller than 20 px; the timer shows Material's icon."""
    quiz = library.quizzes["psychology"]
    assert max(len(q.rows) for q in quiz.questions if q.type == "match") >= 6
    page.set_viewport_size({"width": 1280, "height": 800})
    overlay = open_projector(page, server, f"modules/{quiz.id}/")
    total = page.locator(f'[data-quiz-id="{quiz.id}"] .mdx-quiz__question:not([hidden])').count()
    seen = []
    for _ in range(total):
        page.keyboard.press("Enter")
        slide = overlay.evaluate("""o => { const answer = o.querySelector('.mdx-projector__answer');
            return { type: document.querySelectorAll('.mdx-quiz__question:not([hidden])')[+o.dataset.questionIndex].dataset.type,
                     shown: !answer.hidden, bottom: answer.getBoundingClientRect().bottom, height: innerHeight,
                     scrolls: o.scrollHeight > o.clientHeight,
                     type_px: parseFloat(getComputedStyle(o.querySelector('.mdx-projector__stage')).fontSize) }; }""")
        assert slide["shown"] and slide["bottom"] <= slide["height"] and not slide["scrolls"], slide
        assert slide["type_px"] >= 20, slide
        seen.append(slide["type"])
        page.keyboard.press("ArrowRight")
    assert "match" in seen and len(seen) == total
    page.keyboard.press("t")
    clock = overlay.locator(".mdx-projector__clock")
    assert "⏱" not in clock.inner_text() and "秒" in clock.inner_text()
    icon = clock.locator("svg").evaluate("svg => [svg.getBoundingClientRect().width, svg.querySelector('path') !== null]")
    assert icon[0] > 10 and icon[1], "the timer shows Material's icon, drawn without an emoji font"


def test_paper_code_draws_the_same_paper_on_every_device(browser, server):
    orders = []
    for _ in range(2):
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url + MODULE + "?paper=K7Q2")
        page.wait_for_selector(".mdx-quiz[data-mdx-mounted]")
        assert page.locator(".mdx-quiz__paper").inner_text() == "试卷编号 K7Q2"
        orders.append(quiz_order(page))
        context.close()
    assert orders[0] == orders[1]
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + MODULE + "?paper=ZZ99")
    rereads = page.locator(".mdx-quiz__ref a").evaluate_all(
        "(links) => links.map(link => new URL(link.href).searchParams.get('paper'))")
    assert rereads and set(rereads) == {"ZZ99"}, "回看 a section of this page stays on this paper"
    page.wait_for_selector(".mdx-quiz[data-mdx-mounted]")
    assert quiz_order(page) != orders[0]
    numbers = page.locator(".mdx-quiz__number").all_text_contents()  # off-screen questions are not rendered
    assert numbers == [f"{i}." for i in range(1, len(numbers) + 1)]
    context.close()


def test_paper_with_a_size_draws_a_subset_and_grades_only_it(page, server):
    page.goto(server.url + MODULE + "?paper=K7Q2&n=5")
    page.wait_for_selector(".mdx-quiz[data-mdx-mounted]")
    quiz = page.locator(".mdx-quiz").first
    assert quiz.locator(".mdx-quiz__question:not([hidden])").count() == 5
    assert "共 5 题" in quiz.locator(".mdx-quiz__meta").inner_text()
    # Pressed from the keyboard: a click goes to where the button was, and on a long page the boxes that
    # render as they scroll into view can move it between Playwright's check and the click
    quiz.locator('[data-quiz-action="submit"]').press("Enter")
    quiz.locator(".mdx-quiz__result--warning").wait_for()
    next_frames(page)
    quiz.locator('[data-quiz-action="submit"]').press("Enter")
    assert "/ 5 题" in quiz.locator(".mdx-quiz__result").inner_text()


def test_new_paper_button_sets_a_code(page, server):
    page.goto(server.url + MODULE)
    page.locator(".mdx-trainer-toggle").click()
    page.locator('[data-quiz-action="new-paper"]').first.click()
    code = page.evaluate("new URLSearchParams(location.search).get('paper')")
    assert code and len(code) == 4
    assert page.locator(".mdx-quiz__paper").first.inner_text() == f"试卷编号 {code}"
    table_of_contents = page.locator(".md-sidebar--secondary a[href*='#']").evaluate_all(
        "(links) => links.map(link => new URL(link.href).searchParams.get('paper'))")
    assert table_of_contents and set(table_of_contents) == {code}, "in-page links keep the paper drawn"


def test_learner_print_has_no_trainer_notes_chrome_or_answers(page, server):
    page.goto(server.url + MODULE)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".mdx-quiz__actions", ".md-typeset .trainer",
                     ".mdx-quiz__answer"):
        hidden = page.locator(selector).first.evaluate("e => getComputedStyle(e).display === 'none' || !e.offsetParent")
        assert hidden, f"{selector} must not print"
    assert page.locator("h1").first.is_visible()


def test_answer_key_only_in_its_own_print(page, server):
    page.goto(server.url + MODULE)
    page.emulate_media(media="print")
    page.evaluate("""() => { document.documentElement.setAttribute('data-mdx-print', 'paper');
                             document.querySelector('.mdx-quiz').classList.add('mdx-quiz--printing'); }""")
    assert page.locator(".mdx-quiz__paper-head").first.is_visible()
    assert not page.locator(".mdx-quiz__answer").first.is_visible()
    assert not page.locator("h1").first.is_visible(), "a paper prints the quiz alone"
    page.evaluate("""() => { document.documentElement.setAttribute('data-mdx-print', 'key');
                             document.querySelectorAll('.mdx-quiz__answer').forEach(d => d.open = true); }""")
    assert page.locator(".mdx-quiz__key").first.is_visible()
    assert not page.locator(".mdx-quiz__options").first.is_visible()


def printed_pages(page) -> list[str]:
    """The text of each page of the page printed to PDF by Chromium (A4), read back with poppler's pdftotext."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext not found: run `make chromium` (part of `make test`), which installs poppler-utils")
    found = subprocess.run(["pdftotext", "-layout", "-", "-"], input=page.pdf(format="A4"),
                           capture_output=True, check=True)
    pages = found.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def test_roleplay_sides_print_on_separate_pages_without_the_hidden_motive(page, server, library):
    page.goto(server.url + "trainer/roleplays/")
    card = next(iter(library.roleplays.values()))
    root = page.locator(f'[data-roleplay-id="{card.id}"]')
    employee = root.locator(".mdx-roleplay__side--employee")
    customer = root.locator(".mdx-roleplay__side--customer")
    assert card.customer.hides[:10] not in employee.evaluate("e => e.textContent")
    assert card.customer.hides[:10] in customer.evaluate("e => e.textContent")
    sides = page.locator(".mdx-roleplay__side-label").all_text_contents()
    pages = printed_pages(page)
    labels = list(dict.fromkeys(sides))
    found = [[label for label in labels for _ in range(text.count(label))] for text in pages]
    assert found == [[label] for label in sides], "each side prints on a page of its own, none is left empty"
    assert "怎么用" in pages[0] and sides[0] in pages[0], "the introduction shares its page with the first side"


def test_cheat_sheets_print_one_a_page_with_no_blank_page(page, server):
    page.goto(server.url + "trainer/cheatsheets/")
    titles = page.locator(".mdx-cheatsheet__title").all_text_contents()
    assert len(titles) > 1
    pages = printed_pages(page)
    assert [[title for title in titles if title in text] for text in pages] == [[title] for title in titles]


def test_a_printed_paper_has_boxes_to_number_and_lines_to_write_on_and_its_key_has_neither(page, server, library):
    """打印试卷: an order question's items in the paper's shuffled order, each after an empty box for its number
    (not numbered already); a reply question six ruled lines, without the placeholder or the resize handle.
    打印答案 shows the key alone. Printed to PDF through the quiz's own buttons, on the built (minified) CSS."""
    quiz = library.quizzes["handling-steps"]
    order = next(q for q in quiz.questions if q.type == "order")
    page.goto(server.url + MODULE)
    page.wait_for_selector(".mdx-quiz[data-mdx-mounted]")
    page.evaluate("() => { window.print = () => {}; }")  # Chromium prints to PDF below; no dialog
    page.locator(".mdx-trainer-toggle").click()
    shown = page.locator(f'[data-question-id="{order.id}"] .mdx-quiz__item-text').all_text_contents()
    assert sorted(shown) == sorted(order.items) and shown != order.items, "the paper shuffles the items"
    page.locator('[data-quiz-action="print-paper"]').first.click()
    paper = "\n".join(printed_pages(page))
    where = [paper.find(item) for item in shown]
    assert -1 not in where and where == sorted(where), "items print in the order the paper shows them"
    numbered = [item for item in shown if re.search(r"\d\.\s*" + re.escape(item), paper)]
    assert numbered == [], "items print without numbers: the learner writes them"
    assert "在每项前的方框里写上先后顺序" in paper
    page.emulate_media(media="print")
    box = page.locator(".mdx-quiz__item").first.evaluate(
        "li => { const s = getComputedStyle(li, '::before'); return [s.content, s.borderTopStyle, parseFloat(s.width)]; }")
    assert box[0] in ('""', "none") and box[1] == "solid" and box[2] > 10, f"an empty box before each item, not {box}"
    reply = page.locator(".mdx-quiz__reply").first
    lines = reply.evaluate("""t => { const s = getComputedStyle(t);
        return [Math.round(t.getBoundingClientRect().height / parseFloat(s.lineHeight) * 100) / 100, s.backgroundImage, s.resize,
                s.borderTopStyle, s.printColorAdjust]; }""")
    assert lines[0] >= 6 and "repeating-linear-gradient" in lines[1], f"six ruled lines to write on, not {lines}"
    assert lines[2:] == ["none", "none", "exact"], "no resize handle or box; the lines print"
    assert "写下你要对客户说的话" not in paper, "the placeholder does not print"
    page.emulate_media(media="null")  # the buttons show on screen; the PDF is printed in print media anyway
    page.locator('[data-quiz-action="print-key"]').first.click()
    page.emulate_media(media="print")
    for empty in (".mdx-quiz__order", ".mdx-quiz__reply", ".mdx-quiz__options"):
        assert not page.locator(empty).first.is_visible(), f"the key prints no {empty}"
    key = "\n".join(printed_pages(page))  # its afterprint ends the key's print mode
    assert "正确顺序：" in key and "要点：" in key
    assert "在每项前的方框里" not in key and not re.search(r"^\s*" + re.escape(shown[0]) + r"\s*$", key, re.MULTILINE)


def test_a_printed_match_question_has_boxes_for_letters_and_the_lettered_choices(page, server, library):
    """On paper a 配对题 has no drop-downs: each cell is a box to write a letter in, and each column's
    choices are printed below the table, lettered as in the drop-downs. Checked on the built (minified) CSS."""
    quiz = next(q for q in library.quizzes.values() if any(question.type == "match" for question in q.questions))
    question = next(question for question in quiz.questions if question.type == "match")
    page.goto(server.url + f"modules/{quiz.id}/")
    page.wait_for_selector(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    match = page.locator(f'[data-quiz-id="{quiz.id}"] [data-question-id="{question.id}"]')
    assert match.locator("select").first.is_visible() and not match.locator(".mdx-quiz__match-bank").is_visible()
    page.emulate_media(media="print")
    page.evaluate("""id => { document.documentElement.setAttribute('data-mdx-print', 'paper');
                             document.querySelector(`[data-quiz-id="${id}"]`).classList.add('mdx-quiz--printing'); }""",
                  quiz.id)
    assert match.locator("select").evaluate_all("(all) => all.every(s => getComputedStyle(s).display === 'none')")
    box = match.locator("td").first.evaluate("td => getComputedStyle(td, '::after').borderTopStyle")
    assert box == "solid"
    bank = match.locator(".mdx-quiz__match-bank")
    assert bank.is_visible() and "A. " in bank.inner_text() and question.columns[1] in bank.inner_text()
    page.evaluate("() => document.documentElement.setAttribute('data-mdx-print', 'key')")
    assert not bank.is_visible() and not match.locator(".mdx-quiz__match").is_visible(), "the key prints words"


def test_lms_downloads_follow_the_course_order(site_dir, library):
    """The trainer hub lists the question files module by module, as the course runs, the whole bank last."""
    html = (site_dir / "trainer" / "index.html").read_text(encoding="utf-8")
    listed = list(dict.fromkeys(re.findall(r"downloads/lms/([a-z0-9-]+)-moodle\.xml", html)))
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n# Page tree\n")[1])
    modules = [target[len("modules/"):-len(".md")] for section in nav["nav"] if isinstance(section, dict)
               for items in section.values() if isinstance(items, list) for item in items if isinstance(item, dict)
               for target in item.values() if isinstance(target, str) and target.startswith("modules/")]
    assert listed == [m for m in modules if m in library.quizzes] + ["all"]


def test_the_projector_keys_are_named_in_chinese(site_dir):
    """The trainer hub's key table names keys as a Chinese trainer would (pymdownx.keys' key_map)."""
    html = (site_dir / "trainer" / "index.html").read_text(encoding="utf-8")
    table = html[html.index("<th>按键</th>"):]
    table = table[:table.index("</table>")]
    keys = re.findall(r"<kbd[^>]*>([^<]*)</kbd>", table)
    assert keys[:5] == ["右方向键", "空格键", "下翻页键", "左方向键", "上翻页键"], keys
    assert "回车键" in keys and "Esc 键" in keys
    english = [key for key in keys if re.fullmatch(r"[A-Za-z ]{2,}", key)]
    assert english == [], "single letters (A, T) stay as printed on the key; names are Chinese"
