"""通话速查 in Chromium: matching, ranking, filters, keyboard, copying, placeholders, taboo checks, storage."""

from __future__ import annotations

import re

import pytest
from opencc import OpenCC

from macros.normalize import fold

pytestmark = pytest.mark.browser

S2T = OpenCC("s2t")


@pytest.fixture
def finder(browser, server, site_dir):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url + "finder/")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    yield page
    context.close()


def search(page, query: str) -> list[str]:
    box = page.locator("#phrase-finder-input")
    box.fill(query)
    # A search that finds nothing as typed loads the homophones and the thesaurus, then draws again.
    page.wait_for_selector("#phrase-finder-results:not([aria-busy])", state="attached")
    return page.locator("#phrase-finder-results > [data-phrase-id]").evaluate_all(
        "(items) => items.map(i => i.dataset.phraseId)")


def texts(library, ids):
    by_id = {p.id: p for p in library.phrases}
    return [by_id[i] for i in ids]


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_box_has_focus_on_load_and_header_link_everywhere(finder, server):
    assert finder.evaluate("document.activeElement.id") == "phrase-finder-input"
    finder.goto(server.url + "modules/listening/")
    assert finder.locator("a.mdx-finder-link").is_visible()


def test_k_opens_the_finder_from_any_page(page, server):
    page.goto(server.url + "modules/understanding/")
    assert page.evaluate("typeof window.mdxFinderEngine") == "undefined", "the engine loads only where the finder is"
    page.keyboard.press("k")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    assert page.evaluate("document.activeElement.id") == "phrase-finder-input"
    page.keyboard.type("tk")
    assert page.locator("#phrase-finder-results > [data-phrase-id]").count() > 0


FINDER_PAGE_BUDGET_KIB = 600  # #18: the finder page's first load, uncompressed

def follow_a_link_to_the_process_module(page):
    """From the finder page, a link to 处理流程 followed by instant navigation (the same document); its first quiz."""
    page.evaluate("""window.__sameDocument = true;
        const link = document.createElement('a');
        link.href = '../modules/handling-steps/'; link.id = 'to-quiz'; link.textContent = '处理流程';
        document.querySelector('.md-content').prepend(link);""")
    page.click("#to-quiz")
    quiz = page.locator(".mdx-quiz[data-mdx-mounted]").first
    quiz.wait_for()
    assert page.evaluate("window.__sameDocument") is True, "not instant navigation"
    return quiz



def test_the_finder_page_first_load_stays_within_its_budget(browser, server):
    """What the finder page fetches until it is ready and the network is quiet, as served (no gzip)."""
    page = browser.new_page()
    page.goto(server.url + "finder/", wait_until="networkidle")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    names = page.evaluate("[performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]"
                          ".map(e => [e.name, e.encodedBodySize || 0])")
    total = sum(size for _, size in names) / 1024
    assert not [n for n, _ in names if re.search(r"/(quiz|projector|learn)(\.min)?\.js$|finder-extra\.|course-lessons", n)]
    assert total <= FINDER_PAGE_BUDGET_KIB, f"{total:.0f} KiB: {sorted(names, key=lambda n: -n[1])[:6]}"
    page.close()


def test_a_quiz_page_reached_from_the_finder_gets_its_scripts(browser, server):
    """The finder page neither fetches nor runs quiz.js, projector.js and learn.js; instant navigation to a
    quiz page then loads them, and its quiz works and is recorded."""
    page = browser.new_page()
    page.goto(server.url + "finder/", wait_until="networkidle")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    assert page.evaluate("[typeof window.mdxQuiz, typeof window.mdxProjector, typeof window.mdxLearn]") == \
        ["undefined"] * 3
    quiz = follow_a_link_to_the_process_module(page)
    assert page.evaluate("typeof window.mdxProjector") == "object"
    page.wait_for_function("typeof window.mdxLearn === 'object'")
    quiz.locator("[data-quiz-action=submit]").click()
    assert "未作答" in quiz.inner_text()
    quiz.locator("[data-quiz-action=submit]").click()  # submit with nothing answered: graded, and recorded
    page.wait_for_function("(localStorage.getItem('kesutong.progress.v1') || '').includes('handling-steps')")
    page.close()


QUIZ_LOOK = ("(q => { const s = getComputedStyle(q.querySelector('.mdx-quiz__option') || q); "
             "return [s.display, s.padding, s.borderTopWidth, s.borderRadius]; })")


def test_a_page_reached_from_the_finder_gets_the_course_styles_it_held_back(browser, server):
    """course-lessons.css (quizzes, phrases, exam…) is not fetched by the finder page; instant navigation to a
    quiz page then loads it, and the quiz looks as it does when its page is opened directly."""
    page = browser.new_page()
    page.goto(server.url + "modules/handling-steps/")
    quiz = page.locator(".mdx-quiz[data-mdx-mounted]").first
    quiz.wait_for()
    direct = quiz.evaluate(QUIZ_LOOK)
    page.goto(server.url + "finder/", wait_until="networkidle")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    assert not page.evaluate("[...document.styleSheets].some(s => (s.href || '').includes('course-lessons'))")
    quiz = follow_a_link_to_the_process_module(page)
    page.wait_for_function("[...document.styleSheets].some(s => (s.href || '').includes('course-lessons'))")
    assert quiz.evaluate(QUIZ_LOOK) == direct
    page.close()


def test_homophones_and_thesaurus_load_after_the_first_search_that_finds_nothing_as_typed(finder, library):
    extra = []
    finder.on("request", lambda request: "finder-extra." in request.url and extra.append(request.url))
    assert search(finder, "退款") and not extra, "found as typed: nothing more to load"
    assert finder.evaluate("typeof window.__kesutongFinderExtra") == "undefined"
    top = texts(library, search(finder, "谩骂")[:3])  # only the thesaurus knows it
    assert len(extra) == 1
    assert top and all("辱骂" in p.text + "".join(p.tags) or "辱骂" in p.scenarios for p in top)


def test_substring_inside_words(finder, library):
    """Any run of characters from inside a phrase finds it, word boundaries or not (消气 → 您先消消气)."""
    for phrase in library.phrases[::40]:
        core = re.sub(r"\{.+?\}|\W", "", phrase.text)
        middle = core[len(core) // 2: len(core) // 2 + 3]
        assert phrase.id in search(finder, middle) or len(search(finder, middle)) >= 30, middle


def test_waiting_phrases_for_colloquial_query(finder, library):
    top = texts(library, search(finder, "等太久")[:10])
    assert top and all("延误/等待" in p.scenarios or "等" in p.text for p in top)


@pytest.mark.parametrize("query", ["tuikuan", "tk"])
def test_pinyin_full_and_initials(finder, library, query):
    top = texts(library, search(finder, query)[:5])
    assert top and all("退款" in p.text or "退款" in p.tags for p in top)
    assert finder.locator("#phrase-finder-results > [data-phrase-id]").first.locator("mark").count() >= 1


@pytest.mark.parametrize("traditional, simplified", [("投訴", "投诉"), ("賠償", "赔偿")])
def test_traditional_input_folds_to_simplified(finder, library, traditional, simplified):
    words = [simplified, *library.synonyms.get(simplified, [])]
    top = texts(library, search(finder, traditional)[:5])
    assert top and all(any(w in p.text + "".join(p.tags) for w in words) for p in top)
    assert any(simplified in p.text + "".join(p.tags) for p in top)


@pytest.mark.parametrize("query, words", [("发火", ["生气", "愤怒", "火气", "消气", "激动"]),
                                          ("找领导", ["主管", "经理", "领导", "负责人", "上级"])])
def test_synonyms(finder, library, query, words):
    found = texts(library, search(finder, query))
    assert found and all(any(w in p.text + "".join(p.tags) + "".join(p.scenarios) for w in [query, *words]) for p in found)
    assert any(not any(query in field for field in [p.text, *p.tags]) for p in found), "no hit came from a synonym"


def test_tag_hits_rank_above_hits_deep_in_text(finder, library):
    def is_strong(p, word):
        return word in "".join(p.tags) or p.text.lstrip("{称呼}，").startswith(word) or word in "".join(p.scenarios)

    def usable(word):
        hits = [p for p in library.phrases if word in p.text or word in "".join(p.tags) + "".join(p.scenarios)]
        strong = sum(is_strong(p, word) for p in hits)
        return 1 <= strong <= 20 and len(hits) - strong >= 2

    word = next(w for w in ["赔偿", "领导", "系统", "核实", "记录", "工单", "时限", "回电", "解释", "补偿"] if usable(w))
    strong = [is_strong(p, word) for p in texts(library, search(finder, word))]
    assert True in strong and False in strong
    assert strong == sorted(strong, reverse=True), f"{word}: a hit deep in the text outranks a tag or phrase-start hit"


def test_filter_chips_combine_with_counts(finder, library):
    search(finder, "退款")
    finder.locator(".mdx-finder__filters summary").click()
    chip = finder.locator('[data-facet="stage"]').filter(has_text="致歉")
    count = int(chip.locator(".mdx-finder__count").inner_text())
    chip.click()
    ids = finder.locator("#phrase-finder-results > [data-phrase-id]").evaluate_all("(i) => i.map(x => x.dataset.phraseId)")
    assert 0 < len(ids) == min(count, 30)
    assert all(p.stage == "致歉" for p in texts(library, ids))
    finder.locator('[data-facet="channel"]').filter(has_text="电话").click()
    ids = finder.locator("#phrase-finder-results > [data-phrase-id]").evaluate_all("(i) => i.map(x => x.dataset.phraseId)")
    assert all(p.stage == "致歉" and "电话" in p.channels for p in texts(library, ids))
    assert finder.locator('[data-facet="stage"][aria-pressed="true"]').count() == 1


def test_keyboard_selection_and_copy(finder, library):
    plain = [p for p in library.phrases if "{" not in p.text and "退款" in p.text]
    ids = search(finder, "退款")
    box = finder.locator("#phrase-finder-input")
    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("ArrowUp")
    selected = finder.locator('#phrase-finder-results > [aria-selected="true"]')
    assert selected.get_attribute("data-phrase-id") == ids[1]
    # Copy a line without placeholders: search its exact text, Enter.
    target = plain[0]
    search(finder, target.text)
    box.press("Enter")
    assert clipboard(finder) == target.text
    assert "已复制" in finder.locator(".mdx-finder__status").inner_text()
    box.press("Escape")
    assert box.input_value() == ""


def test_placeholder_warns_then_fills_and_reuses_values(finder, library):
    def bare(text):
        return fold(text, skip_placeholders=True)

    with_name = [p for p in library.phrases if "{称呼}" in p.text and len(set(re.findall(r"\{(.+?)\}", p.text))) == 1
                 and sum(bare(p.text) in bare(q.text) for q in library.phrases) == 1]
    first, second = with_name[0], with_name[1]
    finder.evaluate("navigator.clipboard.writeText('sentinel')")
    search(finder, first.text)
    finder.locator("#phrase-finder-input").press("Enter")
    assert clipboard(finder) == "sentinel", "a phrase with an empty field must not be copied"
    assert "先填写 {称呼}" in finder.locator(".mdx-finder__status").inner_text()
    field = finder.locator('input[data-slot="称呼"]')
    assert finder.evaluate("document.activeElement.dataset.slot") == "称呼"
    field.fill("王先生")
    field.press("Enter")
    assert clipboard(finder) == first.text.replace("{称呼}", "王先生")
    # Reused for the rest of the call ...
    search(finder, second.text)
    finder.locator("#phrase-finder-input").press("Enter")
    assert clipboard(finder) == second.text.replace("{称呼}", "王先生")
    # ... until 新通话.
    finder.locator('[data-finder-action="new-call"]').click()
    search(finder, second.text)
    finder.locator("#phrase-finder-input").press("Enter")
    assert "先填写 {称呼}" in finder.locator(".mdx-finder__status").inner_text()


def test_buffer_lines_always_visible_and_one_keystroke_away(finder, library):
    buffer = finder.locator(".mdx-finder__buffer-line")
    assert buffer.count() >= 3 and buffer.first.is_visible()
    search(finder, "退款")
    assert buffer.first.is_visible()
    first = next(p for p in library.phrases if p.id == buffer.first.get_attribute("data-phrase-id"))
    assert first.stage == "缓冲"
    if "{" not in first.text:
        finder.locator("#phrase-finder-input").press("Alt+1")
        assert clipboard(finder) == first.text
    assert not finder.locator("#phrase-finder-results .mdx-finder__buffer-line").count()


def test_searching_a_taboo_phrase_flags_it(finder, library):
    search(finder, "公司规定")
    card = finder.locator("#phrase-finder-taboo .mdx-finder__taboo").first
    assert card.is_visible()
    taboo = next(t for t in library.taboo if t.id == card.get_attribute("data-taboo-id"))
    assert taboo.why in card.inner_text()


def test_reply_checker_tolerates_spaces_fullwidth_and_traditional(finder, library):
    taboo = next(t for t in library.taboo if len(t.text) >= 4 and S2T.convert(t.text) != t.text)
    traditional = S2T.convert(t.text) if (t := taboo) else ""
    chars = list(traditional)
    disguised = chars[0] + " " + chars[1] + "\u3000" + "".join(chars[2:]) + "！"  # space, full-width space
    finder.locator("#phrase-finder-check").fill("您好，" + disguised + "请理解。")
    result = finder.locator('[data-finder-part="check"]')
    marked = result.locator(f'mark[data-taboo-id="{taboo.id}"]')
    assert marked.count() == 1
    assert marked.inner_text().replace(" ", "").replace("\u3000", "") == traditional
    assert taboo.why in result.inner_text()
    finder.locator("#phrase-finder-check").fill("您好，我马上为您核实。")
    assert "没有发现禁忌用语" in result.inner_text()


def test_favourites_and_recents_survive_reload(finder, library):
    ids = search(finder, "退款")
    finder.locator("#phrase-finder-results > [data-phrase-id]").first.locator('[data-finder-action="favourite"]').click()
    finder.reload()
    finder.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    favourites = finder.locator('[data-finder-part="favourites"] [data-phrase-id]')
    assert favourites.first.get_attribute("data-phrase-id") == ids[0]


def test_works_with_local_storage_disabled(browser, server, library):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script("""
        Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});
        Object.defineProperty(window, 'sessionStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});
    """)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server.url + "finder/")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    plain = next(p for p in library.phrases if "{" not in p.text)
    assert search(page, plain.text)[0] == plain.id
    page.locator("#phrase-finder-input").press("Enter")
    assert clipboard(page) == plain.text
    page.locator("#phrase-finder-results > [data-phrase-id]").first.locator('[data-finder-action="favourite"]').click()
    page.locator("#phrase-finder-input").fill("")
    assert page.locator('[data-finder-part="favourites"] [data-phrase-id]').count() == 1
    assert errors == []
    context.close()


def test_corrupt_storage_is_ignored(browser, server):
    context = browser.new_context()
    context.add_init_script("localStorage.setItem('kesutong.finder.v1', '{not json');"
                            "sessionStorage.setItem('kesutong.finder.slots.v1', '[1,2]');")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server.url + "finder/")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    assert search(page, "退款")
    assert errors == []
    context.close()


@pytest.mark.parametrize("width", [375, 700])
def test_usable_on_a_phone_and_beside_a_crm(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(server.url + "finder/")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    search(page, "退款")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways at {width}px"
    first = page.locator("#phrase-finder-results > [data-phrase-id]").first
    box = first.bounding_box()
    assert box and box["width"] <= width and first.is_visible()
    context.close()


def test_enter_copies_over_plain_http_on_an_intranet_host(browser, server, library):
    """No Clipboard API on http://<intranet-host>/: Enter must still put the line on the clipboard."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"http://intranet.test:{server.port}/finder/")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    assert page.evaluate("window.isSecureContext") is False
    plain = next(p for p in library.phrases if "{" not in p.text)
    assert search(page, plain.text)[0] == plain.id
    page.locator("#phrase-finder-input").press("Enter")
    assert "已复制" in page.locator(".mdx-finder__status").inner_text()
    reader = context.new_page()
    reader.goto(server.url)
    assert reader.evaluate("navigator.clipboard.readText()") == plain.text
    context.close()


# Every listener the finder's own scripts (finder*.js) add, while it stays registered, wherever it is.
LISTENERS = """
(() => {
  const live = [];
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const fromFinder = () => /assets\\/javascripts\\/finder[^/]*\\.js/.test(new Error().stack);
  EventTarget.prototype.addEventListener = function (type, handler, options) {
    if (fromFinder()) live.push({target: this, type, handler});
    return add.call(this, type, handler, options);
  };
  EventTarget.prototype.removeEventListener = function (type, handler, options) {
    const at = live.findIndex(l => l.target === this && l.type === type && l.handler === handler);
    if (at >= 0) live.splice(at, 1);
    return remove.call(this, type, handler, options);
  };
  window.__finderListeners = live;
})();
"""


def test_leaving_and_coming_back_leaves_no_listener_behind(browser, server):
    """Instant navigation keeps the document: a finder mounted four times must hold one mount's listeners,
    and one keystroke must draw the results once."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTENERS)
    page = context.new_page()
    page.goto(server.url + "finder/")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    page.evaluate("window.__sameDocument = true")
    # The finder page leaves the quiz scripts to the first other page: count from when they are in.
    page.locator(".md-footer__link--prev").click()
    page.wait_for_selector("#phrase-finder", state="detached")
    page.wait_for_function("!!window.mdxQuiz")
    page.keyboard.press("k")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    first = page.evaluate("window.__finderListeners.length")
    for _ in range(3):
        page.locator(".md-footer__link--prev").click()  # the page before in the course's order
        page.wait_for_selector("#phrase-finder", state="detached")
        page.keyboard.press("k")
        page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    assert page.evaluate("window.__sameDocument") is True, "the visits were not instant navigation"
    assert first > 1 and page.evaluate("window.__finderListeners.length") == first
    page.evaluate("""window.__renders = 0;
        new MutationObserver(records => { window.__renders += records.length; })
          .observe(document.querySelector('#phrase-finder-results'), {childList: true});""")
    assert page.evaluate("document.activeElement.id") == "phrase-finder-input"
    page.keyboard.insert_text("退")
    assert page.locator("#phrase-finder-results > [data-phrase-id]").count() > 0
    assert page.evaluate("window.__renders") == 1
    context.close()


def test_the_line_moved_to_stays_selected_when_the_thesaurus_arrives(finder):
    """The extra data arrives after a weak search is drawn; the agent may already have pressed ↓."""
    held = []
    finder.route("**/finder-extra.*.js", lambda route: held.append(route))
    finder.locator("#phrase-finder-input").fill("卡被吞了")  # found as typed only in part: a weak search
    finder.wait_for_function("() => document.querySelector('#phrase-finder-results').hasAttribute('aria-busy')")
    finder.wait_for_function("() => document.querySelectorAll('#phrase-finder-results > [data-phrase-id]').length > 3")
    finder.keyboard.press("ArrowDown")
    finder.keyboard.press("ArrowDown")
    chosen = finder.locator("#phrase-finder-results > [aria-selected='true']").get_attribute("data-phrase-id")
    while not held:
        finder.wait_for_timeout(50)
    held[0].continue_()
    finder.wait_for_function("() => !!window.__kesutongFinderExtra")
    finder.wait_for_selector("#phrase-finder-results:not([aria-busy])", state="attached")
    assert finder.locator("#phrase-finder-results > [aria-selected='true']").get_attribute("data-phrase-id") == chosen
