"""通话速查 during a live call (issue #18): enough results in view without scrolling at the screens agents use,
buttons that never wrap under their line, the agent's channel first and remembered, and an empty result that
says what was tried and offers scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# (width, height, results fully visible without scrolling)
SCREENS = [(1366, 768, 5), (1280, 800, 5), (375, 812, 3)]

FULLY_VISIBLE = """(items) => items.filter(i => {
  const r = i.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
}).length"""


def open_finder(browser, server, width: int, height: int, storage: bool = True):
    context = browser.new_context(viewport={"width": width, "height": height})
    if not storage:
        context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new Error('blocked'); }});")
    page = context.new_page()
    page.goto(server.url + "finder/")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    return context, page


def results(page):
    return page.locator("#phrase-finder-results > [data-phrase-id]")


@pytest.mark.parametrize("width, height, wanted", SCREENS)
@pytest.mark.parametrize("query", ["退款", "投诉", "律师"])
def test_enough_results_in_view_without_scrolling(browser, server, width, height, wanted, query):
    context, page = open_finder(browser, server, width, height)
    page.locator("#phrase-finder-input").fill(query)
    assert results(page).count() >= wanted
    assert page.evaluate("window.scrollY") == 0
    visible = results(page).evaluate_all(FULLY_VISIBLE)
    assert visible >= wanted, f"{visible} results fully visible at {width}×{height} for {query}"
    context.close()


@pytest.mark.parametrize("width, height, wanted", SCREENS)
def test_copy_button_never_wraps_under_its_line(browser, server, width, height, wanted):
    context, page = open_finder(browser, server, width, height)
    page.locator("#phrase-finder-input").fill("退款")
    # Every result's copy button sits on the row of its labels, level with the star, not on a row of its own.
    rows = results(page).evaluate_all("""(items) => items.slice(0, 12).map(i => {
      const copy = i.querySelector('.mdx-finder__copy').getBoundingClientRect();
      const star = i.querySelector('.mdx-finder__star').getBoundingClientRect();
      const text = i.querySelector('.mdx-finder__text').getBoundingClientRect();
      return {copyTop: copy.top, starTop: star.top, copyHeight: copy.height, textBottom: text.bottom,
              copyRight: copy.right, right: i.getBoundingClientRect().right, copyWidth: copy.width};
    })""")
    for row in rows:
        assert abs(row["copyTop"] - row["starTop"]) < row["copyHeight"] / 2, row
        assert row["copyRight"] <= row["right"] and row["copyWidth"] > 20, row
    # The selected row shows its note in full on a line of its own; its buttons still share one line
    page.locator("#phrase-finder-input").fill("卡被吞了")
    page.wait_for_selector("#phrase-finder-results:not([aria-busy])", state="attached")  # found as typed only in part
    for _ in range(5):
        page.keyboard.press("ArrowDown")
        selected = page.locator("#phrase-finder-results > [aria-selected='true']").evaluate("""(i) => {
          const copy = i.querySelector('.mdx-finder__copy').getBoundingClientRect();
          const star = i.querySelector('.mdx-finder__star').getBoundingClientRect();
          return {copyTop: copy.top, starTop: star.top, copyHeight: copy.height};
        }""")
        assert abs(selected["copyTop"] - selected["starTop"]) < selected["copyHeight"] / 2, selected
    # Favourites: the copy button stays beside the text.
    for n in range(3):
        page.locator("#phrase-finder-input").fill("退款")
        results(page).nth(n).locator(".mdx-finder__star").click()
    page.locator("#phrase-finder-input").fill("")
    items = page.locator("[data-finder-part='favourites'] li").evaluate_all("""(items) => items.map(li => {
      const copy = li.querySelector('.mdx-finder__copy').getBoundingClientRect();
      const text = li.querySelector('.mdx-finder__text').getBoundingClientRect();
      return {copyLeft: copy.left, textRight: text.right, copyTop: copy.top, textBottom: text.bottom};
    })""")
    assert len(items) == 3
    for item in items:
        assert item["copyLeft"] >= item["textRight"] - 1 and item["copyTop"] < item["textBottom"], item
    context.close()


def test_the_channel_set_once_ranks_its_phrases_first_and_is_remembered(browser, server, library):
    by_id = {p.id: p for p in library.phrases}
    context, page = open_finder(browser, server, 1280, 800)
    page.locator("#phrase-finder-input").fill("征信")
    before = results(page).evaluate_all("(items) => items.map(i => i.dataset.phraseId)")
    found = page.locator("[data-finder-part='status']").inner_text()
    page.select_option("#phrase-finder-channel", "电话")
    page.locator("#phrase-finder-input").fill("征信")
    ids = results(page).evaluate_all("(items) => items.map(i => i.dataset.phraseId)")
    assert page.locator("[data-finder-part='status']").inner_text() == found  # ranked, not filtered
    on_phone = ["电话" in by_id[i].channels for i in ids]
    assert True in on_phone and False in on_phone
    assert on_phone == sorted(on_phone, reverse=True)
    assert before != ids
    page.reload()
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    assert page.locator("#phrase-finder-channel").input_value() == "电话"
    page.select_option("#phrase-finder-channel", "在线")
    page.locator("#phrase-finder-input").fill("退款")
    first = results(page).first.get_attribute("data-phrase-id")
    assert "在线" in by_id[first].channels
    context.close()


def test_the_channel_works_for_the_visit_when_storage_is_blocked(browser, server, library):
    by_id = {p.id: p for p in library.phrases}
    context, page = open_finder(browser, server, 1280, 800, storage=False)
    page.select_option("#phrase-finder-channel", "柜台")
    page.locator("#phrase-finder-input").fill("退款")
    assert "柜台" in by_id[results(page).first.get_attribute("data-phrase-id")].channels
    context.close()


def test_an_empty_result_says_what_was_tried_and_offers_scenarios(browser, server, library):
    context, page = open_finder(browser, server, 1280, 800)
    page.locator("#phrase-finder-input").fill("xyzq")
    status = page.locator("[data-finder-part='status']")
    assert "没有找到" in status.inner_text() and "xyzq" in status.inner_text()
    chips = status.locator("[data-finder-action='scenario']")
    assert chips.count() == len(library.vocabulary.scenarios)
    chips.filter(has_text="征信异议").click()
    assert page.locator("#phrase-finder-input").input_value() == ""
    ids = results(page).evaluate_all("(items) => items.map(i => i.dataset.phraseId)")
    by_id = {p.id: p for p in library.phrases}
    assert ids and all("征信异议" in by_id[i].scenarios for i in ids)
    context.close()


def test_missed_searches_stay_in_the_browser_and_export_as_csv(browser, server):
    context, page = open_finder(browser, server, 1280, 800)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    box = page.locator("#phrase-finder-input")
    box.fill("=xyzq")
    page.wait_for_function("document.querySelector('[data-finder-part=\"missed-count\"]').textContent === '1'")
    box.fill("退款")  # found as typed: not a miss
    box.fill("xyzq")
    page.wait_for_function("document.querySelector('[data-finder-part=\"missed-count\"]').textContent === '2'")
    assert not [url for url in requests if not url.startswith(server.url)]
    stored = page.evaluate("JSON.parse(localStorage.getItem('kesutong.finder.missed.v1'))")
    assert [m["q"] for m in stored] == ["xyzq", "=xyzq"]
    with page.expect_download() as download:
        page.locator("[data-finder-action='export-missed']").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeff") and '"xyzq","1","无结果"' in text
    assert "\"'=xyzq\"" in text  # a spreadsheet must not read it as a formula
    page.locator("[data-finder-action='clear-missed']").click()
    assert page.locator("[data-finder-part='missed-count']").inner_text() == "0"
    context.close()
