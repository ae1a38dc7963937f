"""How a page starts in Chromium: what is painted before Material's script runs at the end of the page, and
what that script's start-up may not do to a long page (restyle it all, or style blocks nobody can see)."""

from __future__ import annotations

import contextlib

import pytest

from .helpers import SITE_PAGES, PageWatch, page_id

pytestmark = pytest.mark.browser

MODULE = "modules/handling-steps/"  # a long module page: lessons, phrases, a quiz at the end
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
BUNDLE = "**/assets/javascripts/bundle.*.min.js"
# Material's bundle has run and emitted the page (document$): the site's components have mounted
MATERIAL_STARTED = "() => window.document$ && document.querySelector('[data-mdx-mounted]')"

BODY_PALETTE = """() => Object.fromEntries(["scheme", "primary", "accent"].map(
    key => [key, document.body.getAttribute("data-md-color-" + key)]))"""


def palette(browser, url: str, system: str, bundle: bool, stored: str | None = None) -> dict:
    """The body's palette attributes once the page has loaded, with or without Material's bundle."""
    context = browser.new_context(color_scheme=system, **PHONE)
    try:
        page = context.new_page()
        if stored:
            page.goto(url)
            page.locator(f'[data-mdx-palette] label[for="{stored}"]').click()
        if not bundle:
            page.route(BUNDLE, lambda route: route.abort())
        page.goto(url)
        if bundle:
            page.wait_for_function(MATERIAL_STARTED)
        return page.evaluate(BODY_PALETTE)
    finally:
        context.close()


@pytest.mark.parametrize("system", ["light", "dark"])
def test_first_visit_paints_the_palette_the_page_keeps_once_material_has_started(browser, server, system):
    before = palette(browser, server.url + MODULE, system, bundle=False)
    after = palette(browser, server.url + MODULE, system, bundle=True)
    assert before == after
    assert after == {"scheme": "default" if system == "light" else "slate", "primary": "teal",
                     "accent": "deep-orange"}


def test_a_palette_chosen_earlier_wins_over_the_system(browser, server):
    # In a dark system the automatic option shows the label that switches to the light palette
    after = palette(browser, server.url + MODULE, "dark", bundle=True, stored="__palette_1")
    assert after["scheme"] == "default"


def test_materials_start_up_does_not_change_the_class_of_html(browser, server):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.add_init_script("""
            // Init scripts run before <html> exists: watch the document and keep the records about <html>.
            window.__classChanges = [];
            new MutationObserver(records => records.forEach(record => record.target === document.documentElement
                && window.__classChanges.push([record.oldValue, !!document.body])))
                .observe(document, {subtree: true, attributes: true, attributeFilter: ["class"], attributeOldValue: true});
        """)
        page.goto(server.url + MODULE)
        page.wait_for_function(MATERIAL_STARTED)
        changes = page.evaluate("window.__classChanges")
        final = page.evaluate("document.documentElement.className")
        assert changes, "the observer saw no class change at all"
        assert set(final.split()) >= {"js", "js-focus-visible"} and "no-js" not in final
        # Setting a class that is already there queues a record but changes nothing, and restyles nothing
        assert [old for old, body in changes if body and old != final] == [], "<html> class changed after <body>"
    finally:
        context.close()


def test_materials_start_up_does_not_reload_the_stylesheets(browser, server):
    """Instant navigation makes relative links absolute when the bundle runs; a stylesheet whose href
    changes is loaded again and restyles the whole page. The head makes them absolute before <body>."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # the header's home link shows
    try:
        page = context.new_page()
        page.add_init_script("""
            window.__hrefChanges = [];
            new MutationObserver(records => records.forEach(record => record.target.rel === "stylesheet"
                && window.__hrefChanges.push([record.target.getAttribute("href"), !!document.body])))
                .observe(document, {subtree: true, attributes: true, attributeFilter: ["href"]});
        """)
        page.goto(server.url + MODULE)
        page.wait_for_function(MATERIAL_STARTED)
        changes = page.evaluate("window.__hrefChanges")
        sheets = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))")
        fetched = page.evaluate("performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.css'))")
        # Instant navigation keeps head elements that the next page has too, compared as written: the
        # sheets stay (and are not loaded again) when going up to a page at another depth
        page.evaluate("document.querySelectorAll('link[rel=stylesheet]').forEach(l => l.__kept = true)")
        page.locator("a.md-header__button.md-logo").first.click()
        page.wait_for_function("location.pathname === '/'")
        page.wait_for_selector("#mdx-progress")
        kept = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => !!l.__kept)")
    finally:
        context.close()
    assert len(sheets) >= 3 and all(href.startswith(server.url) for href in sheets), sheets
    assert changes, "the observer saw no href change at all"
    assert [href for href, body in changes if body] == [], "a stylesheet's href changed after <body>"
    assert sorted(fetched) == sorted(set(fetched)) and len(fetched) == len(sheets), fetched
    assert kept == [True] * len(sheets), "instant navigation replaced a stylesheet"


SKIPPABLE = ".md-typeset > :nth-child(n+12):is(.admonition, details, .tabbed-set, .md-typeset__scrollwrap)"
SHOWN = "el => el.checkVisibility({contentVisibilityAuto: true})"


def test_boxes_far_down_a_long_page_are_skipped_until_they_come_near(browser, server):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(server.url + MODULE)
        page.wait_for_function(MATERIAL_STARTED)
        box = page.locator(SKIPPABLE + ":not(.trainer)").last  # trainer notes are hidden from learners
        inside = box.locator("p, li, summary, th, td, label").first
        assert box.evaluate("el => getComputedStyle(el).contentVisibility") == "auto"
        assert inside.evaluate(SHOWN) is False
        box.scroll_into_view_if_needed()
        page.wait_for_function(f"el => ({SHOWN})(el)", arg=inside.element_handle())
        page.emulate_media(media="print")
        assert box.evaluate("el => getComputedStyle(el).contentVisibility") == "visible"
    finally:
        context.close()


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => entry.hadRecentInput
    || window.__shifts.push([entry.value, entry.sources.map(s => s.node && s.node.nodeName + "." + s.node.className)])))
    .observe({type: "layout-shift", buffered: true});"""


@contextlib.contextmanager
def scripts_held_until_painted(page, url: str):
    """Open url with every script held back until the page has painted, as on a slow network (a deferred
    script may arrive after the whole page is parsed and drawn); the scripts go on when the block ends."""
    held = []
    page.route("**/*.js", lambda route: held.append(route))
    page.goto(url, wait_until="commit")
    page.wait_for_selector(".md-footer", state="attached")
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert held, "the page should have asked for its scripts"
    try:
        yield
    finally:
        for route in held:
            route.continue_()
        page.unroute("**/*.js")


# Shifts known and not yet fixed, with the most they may reach. On the finder the footer moves when the
# first results are drawn. On the home page a list item moved by 0.02 once, on desktop, in a loaded CI run;
# its cause is not found yet. Every other page may move at most NO_SHIFT (diagrams keep the space of their
# drawing from the start: tests/test_diagrams.py).
NO_SHIFT = 0.01
KNOWN_SHIFTS = {"": 0.03, "finder/": 0.02}


@pytest.mark.parametrize("path", SITE_PAGES, ids=page_id)
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_page_loads_without_outside_requests_errors_or_shifts(browser, server, device, path):
    """As the page loads from a local server and Material starts: no request to another host, no console
    or page error, and no layout shift without input (what renders late, panels filled in by script, the
    finder's data, diagrams, must not push what a reader already sees). The scripts are held back until
    the page has painted, as on a slow network. A block painted before the page is all parsed is beyond
    this test; bench/lighthouse.py reports CLS."""
    options = PHONE if device == "phone" else {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}
    context = browser.new_context(**options)
    try:
        context.add_init_script(LAYOUT_SHIFTS)
        page = context.new_page()
        watch = PageWatch(page)
        with scripts_held_until_painted(page, server.url + path):
            pass  # the scripts run after the page is drawn: their worst case for shifts
        page.wait_for_load_state("networkidle")
        shifts = page.evaluate("window.__shifts")
    finally:
        context.close()
    assert watch.outside == []
    assert watch.errors == []
    assert sum(value for value, _ in shifts) <= KNOWN_SHIFTS.get(path, NO_SHIFT), shifts


@pytest.mark.parametrize("path", ["learn/exam/", "learn/review/"])
def test_a_drawn_quiz_shows_no_question_before_it_is_drawn(browser, server, path):
    """The exam draws its paper from the whole bank and the 错题本 shows only the wrong answers: a page
    painted before quiz.js runs must not show the bank's first questions, to be swapped under the reader
    or answered and taken away."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        with scripts_held_until_painted(page, server.url + path + "?paper=AAAA"):
            shown = page.evaluate("""[...document.querySelectorAll('.mdx-quiz__question')].filter(q => {
                const box = q.getBoundingClientRect();
                return box.height > 0 && box.top < innerHeight && getComputedStyle(q).visibility === 'visible';
            }).length""")
        page.wait_for_function(MATERIAL_STARTED)
    finally:
        context.close()
    assert shown == 0
