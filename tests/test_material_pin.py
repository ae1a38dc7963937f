"""The theme overrides and script patches were written against one Material release: a different one fails
here first, with the list of what to re-check, and each reliance on Material's internals has a test of its own
that fails when Material's behaviour changes."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from .helpers import BLOCK_STORAGE, ROOT, SITE_PAGES, PageWatch, search_site

MATERIAL = "mkdocs-material"
WRITTEN_AGAINST = "9.8.1"  # bump only after going through RELIANCES below on the new release
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
# Files in overrides/ that Material does not have: ours, included by an overridden partial.
OWN_FILES = {"partials/javascripts/palette.js"}

# What relies on Material's internals, what to re-check on an upgrade, and the test that guards it.
RELIANCES = [
    ("overrides/partials/header.html",
     ("a copy of Material's header (no block covers its buttons) plus the 通话速查 link, the 投诉受理记录单 link "
      "and the trainer toggle: "
      "diff Material's old and new partials/header.html and carry the changes over"),
     ("test_material_pin.py::test_the_overrides_are_on_every_page, "
      "test_finder.py::test_box_has_focus_on_load_and_header_link_everywhere")),
    ("overrides/partials/palette.html",
     "Material's palette toggle markup with data-mdx-palette in place of data-md-component=\"palette\"",
     "test_palette.py::test_materials_palette_component_is_not_mounted_and_start_up_changes_nothing_after_the_header"),
    ("overrides/partials/javascripts/palette.html + palette.js",
     ("replace Material's palette script and component: same stored key (__palette via __md_get/__md_set), "
      "same data-md-color-* attributes on <body>"),
     ("test_palette.py (all), test_startup.py::test_first_visit_paints_the_palette_the_page_keeps_once_material_"
      "has_started")),
    ("overrides/partials/progress.html",
     "Material's one-line loading bar with a name (axe: aria-progressbar-name)",
     "test_material_pin.py::test_the_overrides_are_on_every_page"),
    ("overrides/partials/javascripts/base.html",
     "Material's storage helpers (__md_scope, __md_hash, __md_get, __md_set) made safe when storage is blocked",
     ("test_material_pin.py::test_storage_helpers_are_materials_names_made_safe, "
      "test_material_pin.py::test_blocked_or_garbled_storage_leaves_materials_features_working")),
    ("overrides/main.html: block scripts",
     ("Material's script tags get `defer` by replacing '<script src=\"' in super(); our three scripts go "
      "before Material's bundle"),
     "test_build.py::test_every_script_of_a_page_is_deferred_in_the_order_material_needs"),
    ("overrides/main.html: block extrahead",
     ("<html>'s classes set before the body (Material's :not([class]) rules); stylesheet hrefs made absolute "
      "before the body (instant navigation does it otherwise)"),
     ("test_startup.py::test_materials_start_up_does_not_change_the_class_of_html, "
      "test_startup.py::test_materials_start_up_does_not_reload_the_stylesheets")),
    ("overrides/main.html: block content",
     ("the module's 学完了 mark after Material's content; the projector's timer icon, included from Material's "
      "icon set (.icons/material/timer-outline.svg)"),
     ("test_material_pin.py::test_the_overrides_are_on_every_page, "
      "test_material_pin.py::test_every_block_main_html_extends_is_a_block_of_materials_base, "
      "test_trainer.py::test_projected_slides_fit_a_1280x800_projector_with_their_answers")),
    ("overrides/main.html: blocks extrahead, scripts and content for the 投诉受理记录单",
     ("its stylesheet is in the head (instant navigation adds and drops head elements by page); a line in the "
      "content fetches record.js beside Material's bundle when instant navigation, which re-runs the scripts "
      "inside [data-md-component=container], brings the page"),
     "test_record.py::test_reached_by_instant_navigation_from_the_header_it_mounts_once"),
    ("docs/assets/javascripts/quiz/top-button.js",
     ("Material's back-to-top button (.md-top, navigation.top) floats centred under the header and is shown "
      "by removing its `hidden` attribute when the reader scrolls up"),
     "test_browser.py::test_the_back_to_top_button_never_covers_a_quiz"),
    ("docs/assets/javascripts/search-on-demand.js",
     ("holds back Material's XMLHttpRequest for search/search_index.json and its Worker for "
      "workers/search.*.js until the search box is reached"),
     "test_material_pin.py::test_search_index_and_worker_wait_until_the_search_box_is_reached"),
    ("docs/assets/javascripts/in-page-links.js",
     ("relies on window.location$ and on instant navigation re-rendering the page on the first address change "
      "after a load, even a hash change (upstream: zensical/ui#154); drop it once Material fixes that"),
     ("test_browser.py::test_in_page_links_scroll_without_reloading_the_page, "
      "test_material_pin.py::test_materials_observables_the_site_subscribes_to_exist")),
    ("quiz.js, learn.js, finder.js, trainer.js",
     "mount through window.document$, which emits on every page instant navigation shows",
     ("test_material_pin.py::test_materials_observables_the_site_subscribes_to_exist, "
      "test_browser.py::test_quiz_survives_instant_navigation")),
    ("docs/assets/javascripts/mermaid-loader.js",
     "Material draws diagrams with the global `mermaid` and fetches it from a CDN when it is missing",
     ("test_browser.py::test_diagrams_load_near_the_screen_and_draw, "
      "test_startup.py::test_page_loads_without_outside_requests_errors_or_shifts")),
    ("hooks/offline_variant.py",
     "Material's offline plugin adds its iframe-worker shim from a CDN unless extra.polyfills names one",
     "test_offline.py::test_offline_pages_name_no_outside_host, test_offline.py::test_search_works_from_disk"),
    ("docs/assets/stylesheets/course.css, course-lessons.css, learn.js",
     ("Material's classes as hooks (.md-typeset, .md-button, .md-nav__link, .md-search, .md-header, .md-top, "
      "data-md-color-scheme): look at the pages in both palettes"),
     "test_accessibility.py::test_page_in_both_palettes_has_no_serious_violations"),
    ("tests/helpers.py: search_site",
     "Material reads the search query on keyup",
     "test_browser.py::test_chinese_search_finds_the_page"),
]


def _recheck_list() -> str:
    return "\n".join(f"  - {what}: {why}\n      guarded by {tests}" for what, why, tests in RELIANCES)


def test_installed_material_is_the_release_the_overrides_were_written_against():
    pinned = re.search(rf"^{MATERIAL}==(\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.MULTILINE)
    installed = version(MATERIAL)
    assert pinned and pinned.group(1) == installed == WRITTEN_AGAINST, (
        f"{MATERIAL}: installed {installed}, requirements.txt pins {pinned and pinned.group(1)}, the overrides "
        f"and patches were written against {WRITTEN_AGAINST}. Re-check each of these on the new release, run "
        f"the tests named, then set WRITTEN_AGAINST in {Path(__file__).name}:\n{_recheck_list()}")


def overridden_templates() -> list[str]:
    return sorted(path.relative_to(OVERRIDES).as_posix() for path in OVERRIDES.rglob("*")
                  if path.is_file() and path.relative_to(OVERRIDES).as_posix() not in OWN_FILES)


@pytest.mark.parametrize("template", overridden_templates())
def test_each_overridden_template_is_still_a_template_of_material(template):
    """An override of a file Material renamed or dropped is silently ignored: the change it made is lost."""
    assert (MATERIAL_TEMPLATES / template).is_file(), (
        f"overrides/{template} overrides nothing: Material {version(MATERIAL)} has no templates/{template}. "
        f"Find where that part moved and override it there; re-check:\n{_recheck_list()}")


def test_every_block_main_html_extends_is_a_block_of_materials_base():
    ours = re.findall(r"{%-?\s*block (\w+)", (OVERRIDES / "main.html").read_text(encoding="utf-8"))
    materials = set(re.findall(r"{%-?\s*block (\w+)", (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")))
    assert ours and set(ours) <= materials, f"blocks Material's base.html no longer has: {set(ours) - materials}"


def _helper_names(path: Path) -> set[str]:
    return set(re.findall(r"(__md_\w+)=", path.read_text(encoding="utf-8")))


def test_storage_helpers_are_materials_names_made_safe():
    """Material's bundle calls these helpers by name: the override must define every one it defines."""
    materials = _helper_names(MATERIAL_TEMPLATES / "partials" / "javascripts" / "base.html")
    ours = _helper_names(OVERRIDES / "partials" / "javascripts" / "base.html")
    assert materials == ours == {"__md_scope", "__md_hash", "__md_get", "__md_set"}


@pytest.mark.parametrize("path", SITE_PAGES)
def test_the_overrides_are_on_every_page(site_dir, path):
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    header = re.search(r'<header class="md-header[^"]*" data-md-component="header">(.*?)</header>', html, re.DOTALL)
    assert header, f"{path}: no Material header"
    assert re.search(r'<a href="[^"]*" class="md-header__button mdx-finder-link"', header.group(1)), (
        f"{path}: the header has no 通话速查 link: overrides/partials/header.html is no longer used")
    assert re.search(r'role="dialog" aria-label="[^"]+"', header.group(1)), f"{path}: the search dialog has no name"
    assert re.search(r'data-md-component="progress" role="progressbar" aria-label="[^"]+"', html), (
        f"{path}: the loading bar has no name: overrides/partials/progress.html is no longer used")
    if path.startswith("modules/"):
        assert f'<div class="mdx-module-done" data-module-id="{path[8:-1]}"' in html, (
            f"{path}: no 学完了 mark: overrides/main.html's block content is no longer used")


MATERIAL_STARTED = "() => window.document$ && document.querySelector('[data-mdx-mounted]')"
SEARCH_INDEX = re.compile(r"/search/search_index\.json")
SEARCH_WORKER = re.compile(r"/workers/search\.[^/]*\.js")


@pytest.mark.browser
def test_search_index_and_worker_wait_until_the_search_box_is_reached(page, server):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(server.url + "modules/understanding/")
    page.wait_for_function(MATERIAL_STARTED)
    assert not [url for url in asked if SEARCH_INDEX.search(url) or SEARCH_WORKER.search(url)], (
        "Material asked for its search index or worker at start-up: search-on-demand.js no longer holds them")
    with page.expect_request(lambda request: SEARCH_INDEX.search(request.url)):
        page.locator("input.md-search__input").focus()
    assert search_site(page, "黄金法则").count() > 0
    assert [url for url in asked if SEARCH_WORKER.search(url)], "the search worker did not start once released"
    assert page.watch.errors == []


@pytest.mark.browser
def test_materials_observables_the_site_subscribes_to_exist(page, server):
    page.goto(server.url + "modules/understanding/")
    page.wait_for_function(MATERIAL_STARTED)
    assert page.evaluate("['document$', 'location$'].filter(name => typeof (window[name] || {}).subscribe"
                         " !== 'function')") == []


@pytest.mark.browser
@pytest.mark.parametrize("storage", ["blocked", "garbled"])
def test_blocked_or_garbled_storage_leaves_materials_features_working(browser, server, storage):
    """Material's own helpers throw on blocked storage or a saved value that is not JSON; the override's
    return "nothing saved", so Material's tabs, instant navigation and search still work."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    if storage == "blocked":
        context.add_init_script(BLOCK_STORAGE)
    else:
        context.add_init_script("for (const key of ['__palette', '__tabs', '__search', '__consent']) {"
                                " localStorage.setItem('/.' + key, '{not json'); sessionStorage.setItem('/.' + key,"
                                " '{not json'); }")
    try:
        page = context.new_page()
        watch = PageWatch(page)
        page.goto(server.url + "modules/handling-steps/")
        page.wait_for_function(MATERIAL_STARTED)
        # Linked content tabs (content.tabs.link) are Material's and store the choice with __md_set
        tabs = page.locator(".tabbed-set").first.locator(".tabbed-labels > label")
        tabs.nth(1).click()
        assert page.locator(".tabbed-set").first.locator("input").nth(1).is_checked()
        # Instant navigation: the next page replaces this one's content, the document stays
        page.evaluate("window.__sameDocument = true")
        page.locator("a.md-nav__link[href$='understanding/']").first.click()
        page.wait_for_function("location.pathname.endsWith('/modules/understanding/')")
        page.wait_for_selector('[data-quiz-id="understanding"][data-mdx-mounted]')
        assert page.evaluate("window.__sameDocument") is True, "the page was loaded anew: instant navigation broke"
        assert search_site(page, "黄金法则").count() > 0
        assert watch.errors == []
    finally:
        context.close()


def test_every_guard_named_in_the_list_is_a_test():
    named = [name.strip().split(" ")[0] for _, _, tests in RELIANCES for name in tests.split(",")]
    missing = [name for name in named if "::" in name and not re.search(
        rf"^def {name.split('::')[1]}\(", (ROOT / "tests" / name.split("::")[0]).read_text(encoding="utf-8"), re.MULTILINE)]
    assert len(named) >= len(RELIANCES) and missing == []
