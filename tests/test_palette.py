"""The header's palette toggle (overrides/partials/javascripts/palette.js) in Chromium: it steps through
automatic, light and dark, by mouse and by keyboard; the automatic option follows the system; a choice
is remembered across pages and visits; and the page is styled once, in its palette, at start-up."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MODULE = "modules/handling-steps/"
SHOWN_LABEL = "[data-mdx-palette] label:not([hidden])"


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def toggle_name(page) -> str:
    """What the toggle offers next: the checked option's name (the label's title turns into a tooltip on hover)."""
    assert page.locator(SHOWN_LABEL).count() == 1
    return page.locator(SHOWN_LABEL).evaluate("label => label.previousElementSibling.getAttribute('aria-label')")


def metas(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(["color-scheme", "theme-color"].map(name =>
        [name, [...document.querySelectorAll(`meta[name='${name}']`)].map(tag => tag.content)]))""")


def test_toggle_steps_through_auto_light_dark_and_is_remembered(page, server):
    page.emulate_media(color_scheme="dark")
    page.goto(server.url + MODULE)
    assert scheme(page) == "slate"  # automatic, the system is dark
    assert page.locator(SHOWN_LABEL).count() == 1
    tags = metas(page)
    assert tags["color-scheme"] == ["dark"] and len(tags["theme-color"]) == 1
    steps = []
    for _ in range(3):
        page.locator(SHOWN_LABEL).click()
        steps.append((scheme(page), toggle_name(page), metas(page)["color-scheme"]))
    assert steps == [("default", "切换到深色模式", ["light"]), ("slate", "跟随系统设置", ["dark"]),
                     ("slate", "切换到浅色模式", ["dark"])]
    page.locator(SHOWN_LABEL).click()  # light, chosen by hand
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    page.locator(".md-sidebar--primary a.md-nav__link[href$=\"taboos/\"]").first.click()  # instant navigation
    page.wait_for_url("**/taboos/")
    assert scheme(page) == "default"
    page.reload()
    assert scheme(page) == "default" and toggle_name(page) == "切换到深色模式"
    light_theme = metas(page)["theme-color"]
    assert len(light_theme) == 1 and light_theme[0].startswith("#") and len(light_theme[0]) == 7


def test_automatic_option_follows_the_system_and_a_choice_does_not(page, server):
    page.emulate_media(color_scheme="light")
    page.goto(server.url)
    assert scheme(page) == "default"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert metas(page)["color-scheme"] == ["dark"]
    page.locator(SHOWN_LABEL).click()  # automatic → light by hand
    assert scheme(page) == "default"
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(100)
    assert scheme(page) == "default"


def test_keyboard_alone_reaches_and_works_the_toggle(page, server):
    page.emulate_media(color_scheme="light")
    page.goto(server.url)
    radio = page.locator("[data-mdx-palette] input:checked")
    radio.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "__palette"
    page.keyboard.press("Enter")
    assert scheme(page) == "default" and toggle_name(page) == "切换到深色模式"
    page.keyboard.press("Enter")
    assert scheme(page) == "slate"
    outline = page.locator(SHOWN_LABEL).evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "the focused toggle shows no focus ring"


def test_materials_palette_component_is_not_mounted_and_start_up_changes_nothing_after_the_header(browser, server):
    """Material's component appended its meta tags and set the body's palette at the end of the page, each a
    restyle of every element. Nothing of the palette may change once the content has been parsed."""
    context = browser.new_context(color_scheme="dark", viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.add_init_script("""
        window.__late = [];
        new MutationObserver(records => records.forEach(record => {
            const el = record.target, late = !!document.querySelector(".md-content");
            const palette = el === document.body && /^data-md-color-(scheme|primary|accent)$/.test(record.attributeName || "");
            const meta = record.type === "childList" && [...record.addedNodes].some(n => n.nodeName === "META"
                && /^(color-scheme|theme-color)$/.test(n.name)) || el.nodeName === "META" && /^(color-scheme|theme-color)$/.test(el.name);
            if (late && (palette || meta)) window.__late.push(record.type + " " + (record.attributeName || el.nodeName));
        })).observe(document, {subtree: true, childList: true, attributes: true});
    """)
    page.goto(server.url + MODULE)
    page.wait_for_function("() => document.querySelector('.md-content [data-mdx-mounted]')")
    assert page.evaluate("window.__late") == []
    assert scheme(page) == "slate"
    assert [len(tags) for tags in metas(page).values()] == [1, 1]
    context.close()


def test_garbage_or_blocked_storage_falls_back_to_the_automatic_option(browser, server):
    for script in ("localStorage.setItem('/.__palette', '{\"index\": \"x\"')",
                   "localStorage.setItem('/.__palette', JSON.stringify({index: 'x', color: 5}))",
                   "localStorage.setItem('/.__palette', JSON.stringify({index: 99}))",
                   "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }})"):
        context = browser.new_context(color_scheme="dark")
        context.add_init_script(script)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
        page.goto(server.url)
        assert page.locator(SHOWN_LABEL).count() == 1, script
        assert errors == [], script
        page.locator(SHOWN_LABEL).click()
        assert scheme(page) in ("default", "slate"), script
        context.close()


# A mark's background and text colour, and Material's own highlight colour on the page.
MARK_LOOK = """m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).color,
                     getComputedStyle(document.body).getPropertyValue('--md-typeset-mark-color').trim()]"""


def test_markdown_highlights_read_well_in_the_dark_scheme_and_the_finders_marks_keep_their_look(page, server):
    """==text== in a module: in the dark scheme a warm tint under the body text colour, not Material's faint
    blue under dimmed text. The finder's own matches are left alone (the tint there broke axe's contrast)."""
    page.emulate_media(color_scheme="dark")
    page.goto(server.url + MODULE)
    assert scheme(page) == "slate"
    mark = page.locator(".md-typeset p > mark").first
    background, text, material = mark.evaluate(MARK_LOOK)
    assert background == "rgba(255, 196, 0, 0.28)" and material not in (background, "")
    assert text == mark.evaluate("m => getComputedStyle(m.parentElement).color"), "the body text colour"
    page.goto(server.url + "finder/")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    page.locator("#phrase-finder-input").fill("退款")
    found = page.locator(".mdx-finder__text mark").first
    found.wait_for()
    background, _, material = found.evaluate(MARK_LOOK)
    assert background != "rgba(255, 196, 0, 0.28)", "the finder's matches keep Material's highlight"
