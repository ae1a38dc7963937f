"""The offline variant, unzipped and opened from disk (file://): search, quizzes, the phrase finder,
progress and print all work, and no page asks another host for anything."""

from __future__ import annotations

import zipfile

import pytest

from tools.offline_bundle import TOP_FOLDER

from .helpers import PageWatch, search_site
from .test_browser import answer, diagrams_render_when_scrolled_to, page_with, pages_of

pytestmark = pytest.mark.browser


def file_url(folder, rel: str = "index.html") -> str:
    return (folder / rel).as_uri()


@pytest.fixture
def learner(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN",
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    context.close()


def test_zip_holds_the_offline_site_and_nothing_else(offline_zip):
    with zipfile.ZipFile(offline_zip) as bundle:
        infos = bundle.infolist()
    names = [info.filename for info in infos]
    assert all(name.startswith(f"{TOP_FOLDER}/") for name in names)
    assert not [name for name in names if ".." in name.split("/") or name.startswith("/") or "\\" in name]
    assert not [info.filename for info in infos if (info.external_attr >> 16) & 0o170000 not in (0, 0o100000)], \
        "only regular files: no links, no devices"
    shipped = {name.removeprefix(f"{TOP_FOLDER}/") for name in names}
    built_dir = offline_zip.parent / "site"  # where the conftest fixture built it
    assert shipped == {p.relative_to(built_dir).as_posix() for p in built_dir.rglob("*") if p.is_file()}
    assert {"index.html", "finder.html", "search/search_index.js",
            "assets/javascripts/vendor/iframe-worker-shim.js"} <= shipped


def test_offline_pages_name_no_outside_host(offline_dir):
    for rel in pages_of(offline_dir):
        html = (offline_dir / rel).read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "cdn.jsdelivr" not in html, rel
        assert "navigation.instant" not in html, f"{rel}: instant navigation cannot work from file://"


def test_every_offline_page_loads_from_disk_without_outside_requests_or_errors(learner, offline_dir):
    for rel in pages_of(offline_dir):
        learner.goto(file_url(offline_dir, rel), wait_until="load")
    assert learner.watch.outside == []
    assert learner.watch.errors == []


def test_search_works_from_disk(learner, offline_dir):
    learner.goto(file_url(offline_dir))
    results = search_site(learner, "黄金法则")
    links = results.evaluate_all("(as) => as.map(a => a.href)")
    assert any(link.startswith("file://") and "/modules/handling-steps.html" in link for link in links), links
    assert learner.watch.errors == []


def test_quiz_grades_and_progress_is_kept_from_disk(learner, offline_dir, library):
    quiz = library.quizzes["understanding"]
    learner.goto(file_url(offline_dir, page_with(offline_dir, f'data-quiz-id="{quiz.id}"')))
    root = learner.locator(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    for question in quiz.questions:
        answer(learner, quiz, question, correct=True)
    root.locator('[data-quiz-action="submit"]').click()
    assert root.locator(".mdx-quiz__result").get_attribute("data-quiz-score") == "100"
    assert root.locator(".mdx-quiz__question--correct").count() == len(quiz.questions)

    learner.locator(".md-nav__link", has_text="4. 投诉处理流程").first.click()
    learner.wait_for_url("**/modules/handling-steps.html")
    assert learner.locator(".md-nav__link.mdx-nav--done").count() >= 1, "the module is not ticked in the nav"
    learner.goto(file_url(offline_dir))
    row = learner.locator('#mdx-progress tr[data-module="understanding"]')
    assert "已学完" in row.inner_text() and "100%" in row.inner_text()
    next_link = learner.locator("#mdx-progress a", has_text="2.").first
    assert next_link.get_attribute("href").endswith("modules/psychology.html")
    assert learner.watch.errors == []


def test_finder_finds_and_copies_from_disk(learner, offline_dir, library):
    plain = next(p for p in library.phrases if "{" not in p.text and "退款" in p.text)
    learner.goto(file_url(offline_dir, "finder.html"))
    learner.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    box = learner.locator("#phrase-finder-input")
    assert learner.evaluate("document.activeElement.id") == "phrase-finder-input"
    box.fill(plain.text)
    assert learner.locator("#phrase-finder-results > [data-phrase-id]").first.get_attribute("data-phrase-id") == plain.id
    box.press("Enter")
    assert learner.evaluate("navigator.clipboard.readText()") == plain.text
    learner.goto(file_url(offline_dir, "modules/taboos.html"))
    learner.keyboard.press("k")
    learner.wait_for_url("**/finder.html")
    assert learner.watch.errors == []


def test_print_from_disk_keeps_the_lesson_and_drops_the_chrome(learner, offline_dir):
    learner.goto(file_url(offline_dir, "modules/handling-steps.html"))
    learner.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-typeset .trainer", ".mdx-quiz__answer"):
        hidden = learner.locator(selector).first.evaluate("e => getComputedStyle(e).display === 'none' || !e.offsetParent")
        assert hidden, f"{selector} must not print"
    assert learner.locator("h1").first.is_visible()
    pdf = learner.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_lms_downloads_resolve_from_disk(learner, offline_dir):
    learner.goto(file_url(offline_dir, "trainer/index.html"))
    hrefs = learner.locator("a[download]").evaluate_all("(as) => as.map(a => a.href)")
    assert hrefs, "the trainer page lists the LMS exports"
    for href in hrefs:
        assert href.startswith("file://") and (offline_dir / href.split(f"/{offline_dir.name}/", 1)[1]).is_file(), href


def test_diagrams_draw_from_disk(learner, offline_dir):
    learner.set_viewport_size({"width": 390, "height": 844})
    learner.goto(file_url(offline_dir, "modules/handling-steps.html"))
    diagrams_render_when_scrolled_to(learner)
    assert learner.watch.outside == [] and learner.watch.errors == []
