"""Accessibility in Chromium: axe-core on every page in both palettes and in the interactive states (trainer
mode, projector, finder with results, learning centre with records, 投诉受理记录单 with errors and records), `lang`, visible keyboard focus, and what must work by
keyboard alone. Keyboard paths already covered elsewhere are not repeated here: the finder's ↑/↓/Enter/Esc
(test_finder.py), the projector's → ← Space PageUp/PageDown Enter T Esc (test_trainer.py), order questions
and submitting (test_browser.py)."""

from __future__ import annotations

import re

import pytest

from .helpers import SITE_PAGES, page_id
from .test_learning import answer_visible_correctly, take_quiz
from .test_record import TODAY, fill, new_record, seed, stored
from .test_trainer import MODULE, open_projector

pytestmark = pytest.mark.browser

# Material's two schemes. The site's first palette follows the system, so emulating the system preference
# switches the page as a reader's choice in the header would (same scheme, same colours).
PALETTES = {"default": "light", "slate": "dark"}
BLOCKING = ("serious", "critical")
# The DOM is the same in both palettes, only colours change: the second palette runs the rules that look at
# colour, which keeps the file's run time reasonable (the full set runs in the first palette).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Axe measures colours as they are painted: no transition may be half way when it looks, and nothing may
# be left unrendered because it is off screen (content-visibility: auto on quiz questions).
AS_PAINTED = ("*, *::before, *::after { transition: none !important; animation: none !important; "
              "content-visibility: visible !important; }")
MOUNTED = ("[...document.querySelectorAll('[data-quiz-id], #phrase-finder')]"
           ".every(e => e.hasAttribute('data-mdx-mounted'))")


@pytest.fixture(scope="module")
def axe():
    sync = pytest.importorskip("axe_playwright_python.sync_playwright")

    class AxeOncePerDocument(sync.Axe):
        """The package injects its 560 KB axe.min.js before every run, several times on one page here;
        a document that has axe keeps it (axe.run builds its tree afresh on each run). Otherwise the
        package's own run."""

        def run(self, page, context=None, options=sync.DEFAULT_OPTIONS):
            if page.evaluate("typeof window.axe === 'undefined'"):
                page.evaluate(self.axe_script)
            # the package's own call, as it builds it
            arguments = self._format_script_args(context=context, options=options)
            return sync.AxeResults(page.evaluate(f"axe.run({arguments}).then(results => {{return results;}})"))

    return AxeOncePerDocument()  # axe-core is bundled in the package and injected into the page: no download


def set_palette(page, scheme: str) -> None:
    page.emulate_media(color_scheme=PALETTES[scheme])
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{scheme}'")


def load(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(MOUNTED)
    page.add_style_tag(content=AS_PAINTED)


def describe(rule: dict) -> str:
    targets = "; ".join(" ".join(node["target"]) for node in rule["nodes"][:3])
    return f"{rule['id']} ({rule['impact']}, {len(rule['nodes'])} nodes): {targets}"


def violations(page, axe, where: str, scheme: str, rules: list[str] | None = None,
               within: list[str] | None = None) -> list[str]:
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    context = {"include": [[selector] for selector in within]} if within else None
    found = []
    for rule in axe.run(page, context=context, options=options).response["violations"]:
        if rule["impact"] in BLOCKING:
            found.append(f"{where} [{scheme}] {describe(rule)}")
    return found


def both_palettes(page, axe, where: str, within: list[str] | None = None) -> list[str]:
    """Axe in each palette, on the whole page or on the parts `within` (CSS selectors): a test of a state
    (records, trainer mode, an overlay) looks at what that state adds, the rest of the page is checked
    page by page."""
    found = []
    for scheme in PALETTES:
        set_palette(page, scheme)
        found += violations(page, axe, where, scheme, None if scheme == "default" else COLOUR_RULES, within)
    set_palette(page, "default")
    return found


@pytest.mark.parametrize("path", SITE_PAGES, ids=page_id)
def test_page_in_both_palettes_has_no_serious_violations(page, server, axe, path):
    load(page, server.url + path)
    found = both_palettes(page, axe, "/" + path)
    assert found == [], "\n".join(found)


# Lighthouse 12.2.3's axe options (core/gather/gatherers/accessibility.js), and one rule of ours on top
LIGHTHOUSE_AXE = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]},
    "resultTypes": ["violations"],
    "rules": {**{rule: {"enabled": True} for rule in (
        "accesskeys", "aria-allowed-role", "aria-conditional-attr", "aria-deprecated-role", "aria-dialog-name",
        "aria-prohibited-attr", "aria-treeitem-name", "aria-text", "empty-heading", "heading-order",
        "html-xml-lang-mismatch", "identical-links-same-purpose", "image-redundant-alt", "input-button-name",
        "label-content-name-mismatch", "landmark-one-main", "link-in-text-block", "meta-viewport", "select-name",
        "skip-link", "tabindex", "table-duplicate-name", "table-fake-caption", "target-size", "td-has-header",
        "empty-table-header")},
        **{rule: {"enabled": False} for rule in (
            "area-alt", "aria-braille-equivalent", "aria-roledescription", "audio-caption", "blink", "duplicate-id",
            "frame-focusable-content", "frame-title-unique", "marquee", "nested-interactive", "no-autoplay-audio",
            "role-img-alt", "scrollable-region-focusable", "server-side-image-map", "summary-name", "svg-img-alt")}},
}


# Lighthouse's mobile profile (a Moto G Power's screen)
LIGHTHOUSE_PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True,
                    "device_scale_factor": 1.75, "locale": "zh-CN"}


@pytest.mark.parametrize("path", SITE_PAGES, ids=page_id)
def test_page_as_loaded_on_a_phone_has_no_violations(browser, server, axe, path):
    """What Lighthouse's accessibility audit sees: a phone, the page just loaded, nothing scrolled or forced
    into view, Lighthouse's rules. Blocks skipped until they come near (content-visibility) must not confuse
    axe here, and any impact counts, as it does for Lighthouse's score."""
    context = browser.new_context(**LIGHTHOUSE_PHONE)
    try:
        page = context.new_page()
        page.goto(server.url + path)
        page.wait_for_function(MOUNTED)
        found = [f"/{path} {describe(rule)}" for rule in axe.run(page, options=LIGHTHOUSE_AXE).response["violations"]]
    finally:
        context.close()
    assert found == [], "\n".join(found)


def test_trainer_mode(page, server, axe):
    load(page, server.url + MODULE)
    page.locator(".mdx-trainer-toggle").click()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # notes and answers open
    assert page.locator(".mdx-quiz__toolbar").first.is_visible()
    found = both_palettes(page, axe, MODULE + " (trainer mode)", within=[".md-content", ".mdx-trainer-toggle"])
    assert found == [], "\n".join(found)


def test_projector_overlay(page, server, axe):
    overlay = open_projector(page, server)
    page.add_style_tag(content=AS_PAINTED)
    found = both_palettes(page, axe, "projector", within=[".mdx-projector"])
    page.keyboard.press("Enter")
    assert overlay.locator(".mdx-projector__answer").is_visible()
    found += both_palettes(page, axe, "projector (answer shown)", within=[".mdx-projector"])
    assert found == [], "\n".join(found)


def test_phrase_finder_with_results(browser, server, axe):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], viewport={"width": 1280, "height": 900})
    page = context.new_page()
    load(page, server.url + "finder/")
    box = page.locator("#phrase-finder-input")
    box.fill("退款")
    box.press("ArrowDown")
    page.locator(".mdx-finder__filters summary").click()
    page.locator("#phrase-finder-check").fill("这是公司规定，我也没办法。")  # a taboo phrase: the checker's card
    found = both_palettes(page, axe, "finder (results, filters, checker)", within=["#phrase-finder"])
    fields = page.locator('#phrase-finder-results > [aria-selected="true"] input[data-slot]')
    for _ in range(30):  # down to a result with placeholders: selected, it shows their fields
        if fields.count():
            break
        box.press("ArrowDown")
    assert fields.count() > 0, "no result for 退款 has a placeholder"
    found += both_palettes(page, axe, "finder (placeholder fields)", within=["#phrase-finder"])
    context.close()
    assert found == [], "\n".join(found)


def test_learning_centre_with_records(page, server, library, axe):
    """A graded quiz with right and wrong answers, progress, the wrong-answer book, an exam report and
    a certificate."""
    quiz = library.quizzes["understanding"]
    load(page, server.url + "modules/understanding/")
    take_quiz(page, quiz, wrong_ids=[q.id for q in quiz.questions[:2]])
    found = both_palettes(page, axe, "module quiz (graded with wrong answers)",
                          within=[f'[data-quiz-id="{quiz.id}"]', ".mdx-module-done"])
    load(page, server.url)
    found += both_palettes(page, axe, "home (progress panel with records)", within=["#mdx-progress"])
    load(page, server.url + "learn/review/")
    assert page.locator("#mdx-wrong-book [data-wrong-id]").count() == 2
    found += both_palettes(page, axe, "learn/review (wrong answers)", within=[".md-content"])
    load(page, server.url + "learn/exam/")
    found += both_palettes(page, axe, "learn/exam (start screen)", within=[".md-content"])
    page.locator('.mdx-quiz--exam [data-quiz-action="start"]').click()
    answer_visible_correctly(page)
    page.locator('.mdx-quiz--exam [data-quiz-action="submit"]').click()
    page.locator("input[name='certificate-name']").fill("王小明")
    page.locator('[data-learn-action="certificate"]').click()
    page.locator(".mdx-certificate").wait_for()
    found += both_palettes(page, axe, "learn/exam (report and certificate)", within=[".md-content"])
    assert found == [], "\n".join(found)


def test_complaint_record_with_errors_records_and_phrases(page, server, axe):
    """The 投诉受理记录单 with its errors shown, the extension fields, open phrases and a list in every state."""
    page.clock.set_fixed_time(TODAY)
    load(page, server.url + "record/")
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    seed(page, [{"number": "2611-001", "received": "2026-11-20"}, {"number": "2611-002", "received": "2026-11-23"},
                {"number": "2611-003", "received": "2026-11-01", "status": "已办结", "closedOn": "2026-11-12"}])
    load(page, server.url + "record/")
    page.wait_for_selector("#complaint-record[data-mdx-mounted]")
    new_record(page)
    assert len(stored(page)["records"]) == 4
    page.click('[data-record-action="new"]')
    fill(page, name="", complexity="特别复杂")
    page.click("#complaint-record button[type=submit]")
    for summary in page.locator(".mdx-intake__phrases > summary").all():
        summary.click()
    found = both_palettes(page, axe, "record (errors, records, phrases)", within=["#complaint-record"])
    assert found == [], "\n".join(found)


def test_every_page_declares_chinese(site_dir):
    wrong = {}
    for path in sorted(site_dir.rglob("*.html")):
        match = re.search(r"<html\b[^>]*\blang=\"([^\"]*)\"", path.read_text(encoding="utf-8"))
        if not match or not (match.group(1) == "zh" or match.group(1).startswith("zh-")):
            wrong[path.relative_to(site_dir).as_posix()] = match and match.group(1)
    assert wrong == {}


# ------------------------------------------------------------------ visible focus and keyboard paths

RING = """(el) => { const s = getComputedStyle(el);
  return {outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none'
            : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
          shadow: s.boxShadow}; }"""


def focus_by_keyboard(page, target) -> None:
    """Focus `target` the way a keyboard does (Tab from the element before it), so :focus-visible applies."""
    target.evaluate("el => el.focus()")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert target.evaluate("el => el === document.activeElement"), "Tab does not come back to the element"


def assert_focus_ring(page, name: str, target, indicator=None) -> None:
    indicator = indicator or target
    page.evaluate("document.activeElement && document.activeElement.blur()")
    before = indicator.evaluate(RING)
    focus_by_keyboard(page, target)
    after = indicator.evaluate(RING)
    assert after != before and (after["outline"] != "none" or after["shadow"] != "none"), \
        f"{name}: no visible focus indicator ({before} → {after})"


@pytest.mark.parametrize("scheme", PALETTES)
def test_visible_focus_on_quiz_trainer_projector_and_finder(page, server, scheme):
    page.emulate_media(color_scheme=PALETTES[scheme])
    load(page, server.url + MODULE)
    set_palette(page, scheme)
    quiz = page.locator(".mdx-quiz").first
    radio = quiz.locator('.mdx-quiz__question[data-type="single"] input').first
    assert_focus_ring(page, "quiz option", radio, radio.locator("xpath=ancestor::label[1]"))
    box = quiz.locator('.mdx-quiz__question[data-type="multiple"] input').first
    assert_focus_ring(page, "quiz option (multiple)", box, box.locator("xpath=ancestor::label[1]"))
    assert_focus_ring(page, "order move button", quiz.locator("[data-order-move]").nth(1))
    assert_focus_ring(page, "submit button", quiz.locator('[data-quiz-action="submit"]'))
    assert_focus_ring(page, "copy phrase button", page.locator(".mdx-phrase__copy").first)
    toggle = page.locator(".mdx-trainer-toggle")
    assert_focus_ring(page, "trainer toggle", toggle)
    toggle.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert_focus_ring(page, "projector button", quiz.locator('[data-quiz-action="project"]'))
    quiz.locator('[data-quiz-action="project"]').press("Enter")
    for button in page.locator(".mdx-projector__button").all():
        assert_focus_ring(page, "projector control " + button.inner_text(), button)
    page.keyboard.press("Escape")
    toggle.click()  # trainer mode is remembered: leave it off

    page.goto(server.url + "finder/")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    finder = page.locator("#phrase-finder-input")
    assert_focus_ring(page, "finder box", finder)
    finder.fill("退款")
    finder.press("ArrowDown")
    selected = page.locator('#phrase-finder-results > [aria-selected="true"]')
    other = page.locator('#phrase-finder-results > [aria-selected="false"]').first
    # The selected result is the combobox's active descendant (focus stays in the box): it is marked by an
    # accent border and tint, and screen readers are pointed at it.
    look = "(el) => { const s = getComputedStyle(el); return [s.borderLeftColor, s.backgroundColor]; }"
    assert selected.evaluate(look) != other.evaluate(look)
    assert finder.get_attribute("aria-activedescendant") == selected.locator("[role=gridcell]").get_attribute("id")
    assert_focus_ring(page, "finder copy button", selected.locator(".mdx-finder__copy"))
    assert_focus_ring(page, "finder favourite button", selected.locator(".mdx-finder__star"))
    assert_focus_ring(page, "finder new call button", page.locator('[data-finder-action="new-call"]'))


def test_quiz_options_by_keyboard(page, server):
    load(page, server.url + MODULE)
    quiz = page.locator(".mdx-quiz").first
    single = quiz.locator('.mdx-quiz__question[data-type="single"]').first.locator("input")
    focus_by_keyboard(page, single.first)
    page.keyboard.press("ArrowDown")  # moves through the radio group and chooses
    assert single.nth(1).is_checked() and single.nth(1).evaluate("el => el === document.activeElement")
    multiple = quiz.locator('.mdx-quiz__question[data-type="multiple"]').first.locator("input")
    focus_by_keyboard(page, multiple.first)
    page.keyboard.press("Space")
    assert multiple.first.is_checked()


def test_projector_opened_by_keyboard_keeps_focus_and_gives_it_back(page, server):
    load(page, server.url + MODULE)
    toggle = page.locator(".mdx-trainer-toggle")
    focus_by_keyboard(page, toggle)
    page.keyboard.press("Enter")
    project = page.locator('[data-quiz-action="project"]').first
    focus_by_keyboard(page, project)
    page.keyboard.press("Enter")
    overlay = page.locator(".mdx-projector")
    overlay.wait_for()
    assert overlay.evaluate("el => el.contains(document.activeElement)")
    inside = "document.activeElement === document.body || !!document.activeElement.closest('.mdx-projector')"
    for key in ["Tab"] * 7 + ["Shift+Tab"] * 7:
        page.keyboard.press(key)
        assert page.evaluate(inside), f"{key} left the projector for the page behind it"
    overlay.focus()
    page.keyboard.press("ArrowRight")
    assert overlay.locator(".mdx-projector__position").inner_text().startswith("第 2 / ")
    page.keyboard.press("Enter")
    assert overlay.locator(".mdx-projector__answer").is_visible()
    page.keyboard.press("Escape")
    assert overlay.count() == 0
    assert project.evaluate("el => el === document.activeElement"), "focus did not return to the 投影 button"
    toggle.press("Enter")  # trainer mode is remembered: leave it off
