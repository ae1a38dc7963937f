"""How a page starts in Chromium: what is painted before Material's script runs at the end of the page, and
what that script's start-up may not do to a long page (restyle it all, or style blocks nobody can see)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MODULE = "modules/handling-steps/"  # a long module page: lessons, phrases, a quiz at the end
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
BUNDLE = "**/assets/javascripts/bundle.*.min.js"

BODY_PALETTE = """() => Object.fromEntries(["scheme", "primary", "accent"].map(
    key => [key, document.body.getAttribute("data-md-color-" + key)]))"""


def palette(browser, url: str, system: str, bundle: bool, stored: str | None = None) -> dict:
    """The body's palette attributes once the page has loaded, with or without Material's bundle."""
    context = browser.new_context(color_scheme=system, **PHONE)
    try:
        page = context.new_page()
        if stored:
            page.goto(url)
            page.locator(f'[data-md-component="palette"] label[for="{stored}"]').click()
        if not bundle:
            page.route(BUNDLE, lambda route: route.abort())
        page.goto(url)
        if bundle:
            page.wait_for_function("() => document.querySelector('meta[name=theme-color]')")
        return page.evaluate(BODY_PALETTE)
    finally:
        context.close()


@pytest.mark.parametrize("system", ["light", "dark"])
def test_first_visit_paints_the_palette_materials_script_settles_on(browser, server, system):
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
        page.wait_for_function("() => document.querySelector('meta[name=theme-color]')")
        changes = page.evaluate("window.__classChanges")
        final = page.evaluate("document.documentElement.className")
        assert changes, "the observer saw no class change at all"
        assert set(final.split()) >= {"js", "js-focus-visible"} and "no-js" not in final
        # Setting a class that is already there queues a record but changes nothing, and restyles nothing
        assert [old for old, body in changes if body and old != final] == [], "<html> class changed after <body>"
    finally:
        context.close()
