"""通话速查's 小窗 (issue #22): the finder in a small always-on-top window. Headless Chromium has the Document
Picture-in-Picture API, so both paths run here: the PiP window (an iframe of the finder's mini mode) and the
popup fallback (forced by deleting the API before any script runs). Both find, copy with Enter, share
favourites, channel and this call's placeholder values with the page, work by keyboard alone, ask no other
host for anything, and open from the offline zip."""

from __future__ import annotations

import re

import pytest

from macros.normalize import fold

from .helpers import BLOCK_STORAGE, PageWatch
from .test_accessibility import AS_PAINTED, both_palettes

pytestmark = pytest.mark.browser

NO_PIP = "delete window.documentPictureInPicture"
RESULTS = "#phrase-finder-results > [data-phrase-id]"
MOUNTED = "#phrase-finder[data-mdx-mounted]"


def new_context(browser, pip: bool = True, storage: bool = True, **options):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="zh-CN",
                                  viewport=options.pop("viewport", {"width": 1280, "height": 900}), **options)
    if not pip:
        context.add_init_script(NO_PIP)
    if not storage:
        context.add_init_script(BLOCK_STORAGE)
    context.watches = []
    context.on("page", lambda page: context.watches.append(PageWatch(page)))
    return context


def open_finder(context, server):
    """The finder page in a new tab of `context`, its script mounted."""
    page = context.new_page()
    page.goto(server.url + "finder/")
    page.wait_for_selector(MOUNTED)
    return page


def open_mini(context, page, how):
    """Opens the mini window with `how(page)` (a click or a key); returns the new window's page and the frame
    the finder runs in (the PiP window's iframe, or the popup itself)."""
    with context.expect_page() as opened:
        how(page)
    window = opened.value
    window.wait_for_load_state()
    if page.evaluate("window.mdxMiniWindow.kind()") == "pip":
        window.wait_for_selector("iframe")
        frame = window.frames[1] if len(window.frames) > 1 else window.wait_for_event("frameattached")
    else:
        frame = window.main_frame
    frame.wait_for_selector(MOUNTED)
    return window, frame


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def outside_and_errors(context):
    return [w.outside for w in context.watches if w.outside], [w.errors for w in context.watches if w.errors]


def plain_phrase(library, word: str):
    return next(p for p in library.phrases if "{" not in p.text and word in p.text)


def name_phrase(library):
    """A line whose only placeholder is {称呼} and whose text finds it alone."""
    def bare(text):
        return fold(text, skip_placeholders=True)
    return next(p for p in library.phrases if "{称呼}" in p.text and len(set(re.findall(r"\{(.+?)\}", p.text))) == 1
                and sum(bare(p.text) in bare(q.text) for q in library.phrases) == 1)


def find_and_copy(frame, window, phrase) -> None:
    box = frame.locator("#phrase-finder-input")
    box.fill(phrase.text)
    assert frame.locator(RESULTS).first.get_attribute("data-phrase-id") == phrase.id
    box.press("Enter")
    copied(frame)


def copied(frame) -> None:
    """Waits for the finder to say it copied (the clipboard answers asynchronously)."""
    frame.wait_for_function("document.querySelector('[data-finder-part=\"status\"]').textContent.includes('已复制')")


def test_headless_chromium_opens_the_picture_in_picture_window_which_finds_and_copies(browser, server, library):
    context = new_context(browser)
    page = open_finder(context, server)
    assert page.evaluate("typeof window.documentPictureInPicture") == "object", "this Chromium has no PiP API"
    window, frame = open_mini(context, page, lambda p: p.locator(".mdx-finder [data-mini-window]").click())
    assert page.evaluate("window.mdxMiniWindow.kind()") == "pip"
    assert page.evaluate("documentPictureInPicture.window !== null"), "not a Picture-in-Picture window"
    assert frame.url.endswith("/finder/?mini")
    assert frame.evaluate("document.documentElement.classList.contains('mdx-mini')")
    phrase = plain_phrase(library, "退款")
    find_and_copy(frame, window, phrase)
    assert clipboard(page) == phrase.text
    # One PiP window per tab: the button again brings it forward instead of asking for a second.
    page.locator(".mdx-finder [data-mini-window]").click()
    assert len(context.pages) == 2
    # Closing it lets go: the next press opens a new one.
    window.close()
    page.wait_for_function("window.mdxMiniWindow.kind() === null")
    assert outside_and_errors(context) == ([], [])
    context.close()


def test_without_the_api_a_popup_opens_from_a_module_page_header(browser, server, library):
    context = new_context(browser, pip=False)
    page = context.new_page()
    page.goto(server.url + "modules/listening/")
    assert page.evaluate("typeof window.documentPictureInPicture") == "undefined"
    assert page.evaluate("typeof window.mdxMiniWindow") == "undefined", "loaded on the first press only"
    window, frame = open_mini(context, page, lambda p: p.locator(".md-header [data-mini-window]").click())
    assert page.evaluate("window.mdxMiniWindow.kind()") == "popup"
    assert window.url.endswith("/finder/?mini") and window.evaluate("window.opener !== null")
    assert not window.locator(".md-header").is_visible(), "the mini mode shows the finder alone"
    phrase = plain_phrase(library, "投诉")
    find_and_copy(frame, window, phrase)
    assert clipboard(window) == phrase.text
    # Pressed again from the page: the same popup, with its search still there.
    page.locator(".md-header [data-mini-window]").click()
    assert len(context.pages) == 2
    assert window.locator("#phrase-finder-input").input_value() == phrase.text
    assert outside_and_errors(context) == ([], [])
    context.close()


@pytest.mark.parametrize("pip", [True, False], ids=["pip", "popup"])
def test_favourites_channel_and_placeholders_are_shared_with_the_page(browser, server, library, pip):
    context = new_context(browser, pip=pip)
    page = open_finder(context, server)
    _, frame = open_mini(context, page, lambda p: p.locator(".mdx-finder [data-mini-window]").click())

    # A favourite kept in the mini window is in the page's list (storage event) ...
    phrase = plain_phrase(library, "退款")
    frame.locator("#phrase-finder-input").fill(phrase.text)
    frame.locator("#phrase-finder-input").press("Alt+S")
    page.wait_for_selector(f'[data-finder-part="favourites"] [data-phrase-id="{phrase.id}"]')
    # ... and the channel chosen on the page is the mini window's.
    page.locator("#phrase-finder-channel").select_option("柜台")
    frame.wait_for_function("document.getElementById('phrase-finder-channel').value === '柜台'")
    page.locator("#phrase-finder-channel").select_option("")  # all channels again: the ranking of test_finder.py
    frame.wait_for_function("document.getElementById('phrase-finder-channel').value === ''")

    # A name typed in the mini window fills the page's copy (its message; the page's tab holds the call) ...
    named = name_phrase(library)
    frame.locator("#phrase-finder-input").fill(named.text)
    frame.locator("#phrase-finder-input").press("Enter")  # empty field: the mini window asks for it
    frame.locator('input[data-slot="称呼"]').fill("王先生")
    page.wait_for_function("(sessionStorage.getItem('kesutong.finder.slots.v1') || '').includes('王先生')")
    page.locator("#phrase-finder-input").fill(named.text)
    page.locator("#phrase-finder-input").press("Enter")
    copied(page.main_frame)
    assert clipboard(page) == named.text.replace("{称呼}", "王先生")
    # ... and one changed on the page reaches the mini window when it gets the focus back.
    page.locator('input[data-slot="称呼"]').fill("李女士")
    frame.evaluate("window.dispatchEvent(new FocusEvent('focus'))")  # what the window manager sends
    frame.wait_for_function("(sessionStorage.getItem('kesutong.finder.slots.v1') || '').includes('李女士')")
    frame.locator("#phrase-finder-input").fill(named.text)
    frame.locator("#phrase-finder-input").press("Enter")
    copied(frame)
    assert clipboard(page) == named.text.replace("{称呼}", "李女士")
    assert outside_and_errors(context) == ([], [])
    context.close()


@pytest.mark.parametrize("pip", [True, False], ids=["pip", "popup"])
def test_keyboard_alone_opens_searches_selects_and_copies(browser, server, library, pip):
    context = new_context(browser, pip=pip)
    page = open_finder(context, server)
    assert "Alt+W 小窗" in page.locator("#phrase-finder-help").inner_text(), "the key is listed with the others"
    window, frame = open_mini(context, page, lambda p: p.keyboard.press("Alt+W"))
    frame.wait_for_function("document.activeElement && document.activeElement.id === 'phrase-finder-input'")
    window.keyboard.type("退款")
    frame.wait_for_selector(RESULTS)
    ids = frame.locator(RESULTS).evaluate_all("(items) => items.map(i => i.dataset.phraseId)")
    window.keyboard.press("ArrowDown")
    window.keyboard.press("Enter")
    second = next(p for p in library.phrases if p.id == ids[1])
    if "{" in second.text:
        assert "先填写" in frame.locator('[data-finder-part="status"]').inner_text()
    else:
        copied(frame)
        assert clipboard(page) == second.text
    # A buffer line, one key away, as on the page.
    buffer = frame.locator(".mdx-finder__buffer-line").first
    line = next(p for p in library.phrases if p.id == buffer.get_attribute("data-phrase-id"))
    window.keyboard.press("Alt+1")
    if "{" not in line.text:
        frame.wait_for_function(f"document.querySelector('[data-finder-part=\"status\"]').textContent.includes({line.text!r})")
        assert clipboard(page) == line.text
    # The taboo check, by Tab from the results.
    frame.locator("#phrase-finder-check").focus()
    window.keyboard.type("这是公司规定，我也没办法。")
    assert frame.locator(".mdx-finder__check-result .mdx-finder__taboo").count() >= 1
    context.close()


@pytest.mark.parametrize("pip", [True, False], ids=["pip", "popup"])
def test_with_storage_refused_the_mini_window_still_finds_and_copies(browser, server, library, pip):
    context = new_context(browser, pip=pip, storage=False)
    page = context.new_page()
    page.goto(server.url + "modules/listening/")
    window, frame = open_mini(context, page, lambda p: p.keyboard.press("Alt+W"))
    phrase = plain_phrase(library, "退款")
    find_and_copy(frame, window, phrase)
    assert clipboard(page) == phrase.text
    named = name_phrase(library)
    frame.locator("#phrase-finder-input").fill(named.text)
    frame.locator("#phrase-finder-input").press("Enter")
    frame.locator('input[data-slot="称呼"]').fill("王先生")
    frame.locator('input[data-slot="称呼"]').press("Enter")
    copied(frame)
    assert clipboard(page) == named.text.replace("{称呼}", "王先生"), "this window's values, kept for the visit"
    assert outside_and_errors(context) == ([], [])
    context.close()


def test_the_window_stays_with_the_tab_through_instant_navigation(browser, server, library):
    """Instant navigation keeps the page's document: the PiP window stays open, the header button brings it
    back instead of opening another, and the placeholder values still reach the tab."""
    context = new_context(browser)
    page = context.new_page()
    page.goto(server.url + "modules/listening/")
    _, frame = open_mini(context, page, lambda p: p.locator(".md-header [data-mini-window]").click())
    page.evaluate("window.__sameDocument = true")
    page.locator("a.mdx-finder-link").click()
    page.wait_for_selector(MOUNTED)
    assert page.evaluate("window.__sameDocument") is True, "not instant navigation"
    page.locator(".md-header [data-mini-window]").click()
    assert len(context.pages) == 2 and page.evaluate("window.mdxMiniWindow.kind()") == "pip"
    named = name_phrase(library)
    frame.locator("#phrase-finder-input").fill(named.text)
    frame.locator("#phrase-finder-input").press("Enter")
    frame.locator('input[data-slot="称呼"]').fill("王先生")
    page.locator("#phrase-finder-input").fill(named.text)
    page.wait_for_selector('#phrase-finder-results [aria-selected="true"] input[data-slot="称呼"]')
    page.wait_for_function("document.querySelector('#phrase-finder-results [aria-selected=\"true\"] "
                           "input[data-slot]').value === '王先生'")
    context.close()


def test_the_header_button_is_on_every_page_and_named(browser, server):
    context = new_context(browser)
    page = context.new_page()
    for path in ("", "modules/handling-steps/", "reference/phrases/", "finder/"):
        page.goto(server.url + path)
        button = page.locator(".md-header [data-mini-window]")
        assert button.is_visible(), path
        assert "小窗" in button.get_attribute("title")
    context.close()


@pytest.mark.parametrize("size", [(360, 560), (420, 640)])
def test_mini_mode_is_readable_in_a_small_window(browser, server, size):
    width, height = size
    context = new_context(browser, viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server.url + "finder/?mini")
    page.wait_for_selector(MOUNTED)
    page.locator("#phrase-finder-input").fill("退款")
    for hidden in (".md-header", ".md-footer", ".mdx-finder__filters", ".mdx-finder__missed", ".md-content .trainer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), "nothing runs off to the side"
    first = page.locator(RESULTS).first.bounding_box()
    assert first["y"] + first["height"] <= height, "the first result is in view without scrolling"
    assert page.locator(".mdx-finder__buffer-line").first.is_visible()
    context.close()


def test_mini_mode_has_no_serious_violations_in_both_palettes(browser, server):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    context = new_context(browser, viewport={"width": 420, "height": 640})
    page = context.new_page()
    page.goto(server.url + "finder/?mini")
    page.wait_for_selector(MOUNTED)
    page.add_style_tag(content=AS_PAINTED)
    page.locator("#phrase-finder-input").fill("退款")
    page.locator("#phrase-finder-check").fill("这是公司规定，我也没办法。")
    assert both_palettes(page, axe, "finder/?mini (results, checker)") == []
    context.close()


@pytest.mark.parametrize("pip", [True, False], ids=["pip", "popup"])
def test_the_mini_window_opens_from_the_offline_zip(browser, offline_dir, library, pip):
    context = new_context(browser, pip=pip)
    page = context.new_page()
    page.goto((offline_dir / "modules" / "taboos.html").as_uri())
    window, frame = open_mini(context, page, lambda p: p.locator(".md-header [data-mini-window]").click())
    assert page.evaluate("window.mdxMiniWindow.kind()") == ("pip" if pip else "popup")
    assert frame.url.startswith("file://") and frame.url.endswith("/finder.html?mini")
    phrase = plain_phrase(library, "退款")
    find_and_copy(frame, window, phrase)
    assert clipboard(page) == phrase.text
    # Placeholders travel as messages from file:// too.
    named = name_phrase(library)
    frame.locator("#phrase-finder-input").fill(named.text)
    frame.locator("#phrase-finder-input").press("Enter")
    frame.locator('input[data-slot="称呼"]').fill("王先生")
    page.wait_for_function("(sessionStorage.getItem('kesutong.finder.slots.v1') || '').includes('王先生')")
    assert outside_and_errors(context) == ([], [])
    context.close()
