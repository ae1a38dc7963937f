"""学习中心 in Chromium: progress, the wrong-answer book, moving records, broken storage."""

from __future__ import annotations

import contextlib
import datetime
import json
import re

import pytest

from macros.contract import EXAM

from .helpers import BLOCK_STORAGE, reply_rules_loaded
from .test_browser import answer, match_rows

pytestmark = pytest.mark.browser

KEY = "kesutong.progress.v1"
DRAFT_KEY = "kesutong.draft.v1:/modules/understanding/:understanding"  # quiz.js: an attempt not yet submitted


def take_quiz(page, quiz, wrong_ids=()):
    # Answers given before quiz.js has mounted would not count: wait for it, as the other quiz tests do
    root = page.locator(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    root.wait_for()
    for question in quiz.questions:
        answer(page, quiz, question, correct=question.id not in wrong_ids)
    root.locator('[data-quiz-action="submit"]').click()
    return root.locator(".mdx-quiz__result").get_attribute("data-quiz-score")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


@pytest.fixture
def learner(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def test_progress_survives_reload_and_navigation(learner, server, library):
    quiz = library.quizzes["understanding"]
    learner.goto(server.url + "modules/understanding/")
    assert take_quiz(learner, quiz) == "100"
    learner.goto(server.url)
    row = learner.locator('#mdx-progress tr[data-module="understanding"]')
    assert "已学完" in row.inner_text() and "100%" in row.inner_text()
    assert "已学完 1 / " in learner.locator("#mdx-progress").inner_text()
    assert "下一步：学习 2." in learner.locator("#mdx-progress").inner_text()
    learner.reload()
    assert "100%" in learner.locator('#mdx-progress tr[data-module="understanding"]').inner_text()
    learner.locator(".md-content a", has_text="3. 倾听与共情").first.click()  # instant navigation
    learner.wait_for_url("**/modules/listening/")
    assert learner.locator(".md-nav__link.mdx-nav--done").count() >= 1
    learner.locator('[data-learn-action="done"]').click()
    learner.goto(server.url)
    assert "已学完 2 / " in learner.locator("#mdx-progress").inner_text()
    assert learner.errors == []


def test_marking_a_module_done_undone_and_an_unknown_action(learner, server):
    """done and undone (撤销) flip the module's mark and its record; a button with an action learn.js does not
    know does nothing at all."""
    learner.goto(server.url + "modules/listening/")
    mark = learner.locator('[data-module-id="listening"]')
    mark.locator('[data-learn-action="done"]').click()
    assert "本模块已学完" in mark.inner_text() and "listening" in stored(learner)["modules"]
    mark.locator('[data-learn-action="undone"]').click()
    assert "学完了吗" in mark.inner_text() and "listening" not in stored(learner)["modules"]
    before = learner.evaluate(f"localStorage.getItem('{KEY}')")
    learner.evaluate("""() => {
        const odd = document.createElement('button');
        odd.id = 'odd';
        odd.setAttribute('data-learn-action', '__proto__');  // a name every object has, not an action
        document.querySelector('[data-module-id="listening"]').appendChild(odd);
        odd.click();
    }""")
    assert learner.evaluate(f"localStorage.getItem('{KEY}')") == before
    assert mark.locator("#odd").count() == 1, "the module's mark was drawn again"
    assert learner.errors == []


def test_wrong_answer_book_fills_and_empties_by_the_rule(learner, server, library):
    quiz = library.quizzes["handling-steps"]
    missed = next(q for q in quiz.questions if q.type == "single")
    learner.goto(server.url + "modules/handling-steps/")
    take_quiz(learner, quiz, wrong_ids={missed.id})
    book_id = f"{quiz.id}--{missed.id}"
    assert list(stored(learner)["wrong"]) == [book_id]
    learner.goto(server.url + "learn/review/")
    assert learner.locator("#mdx-wrong-book [data-wrong-id]").count() == 1
    review = library.quizzes[quiz.id]
    for attempt in (1, 2):
        root = learner.locator('[data-quiz-id="review"][data-mdx-mounted]')  # its bank comes as a data file
        root.wait_for()
        visible = root.locator(".mdx-quiz__question:not([hidden])")
        assert visible.count() == 1 and visible.get_attribute("data-question-id") == book_id
        right = next(i for i, o in enumerate(missed.options) if o.correct)
        visible.locator(f'input[value="{right}"]').check()
        root.locator('[data-quiz-action="submit"]').click()
        assert root.locator(".mdx-quiz__result").get_attribute("data-quiz-score") == "100"
        if attempt == 1:
            assert stored(learner)["wrong"][book_id]["streak"] == 1, "one right answer is not enough"
            learner.reload()
    assert stored(learner)["wrong"] == {}
    learner.reload()
    assert "错题本是空的" in learner.locator("[data-learn-part='book-count']").inner_text()
    del review


def test_a_wrong_match_question_is_redone_in_the_wrong_answer_book(learner, server, library):
    """A 配对题 answered wrong lands in the 错题本 with the learner's pairing, and is answered there again."""
    quiz = next(q for q in library.quizzes.values() if any(question.type == "match" for question in q.questions))
    missed = next(question for question in quiz.questions if question.type == "match")
    learner.goto(server.url + f"modules/{quiz.id}/")
    take_quiz(learner, quiz, wrong_ids={missed.id})
    book_id = f"{quiz.id}--{missed.id}"
    assert list(stored(learner)["wrong"]) == [book_id]
    assert missed.rows[1][1] in stored(learner)["wrong"][book_id]["given"], "the book keeps what was answered"
    learner.goto(server.url + "learn/review/")
    root = learner.locator('[data-quiz-id="review"][data-mdx-mounted]')
    root.wait_for()  # its bank comes as a data file, after the page
    visible = root.locator(".mdx-quiz__question:not([hidden])")
    assert visible.count() == 1 and visible.get_attribute("data-question-id") == book_id
    match_rows(visible, correct=True)
    root.locator('[data-quiz-action="submit"]').click()
    assert root.locator(".mdx-quiz__result").get_attribute("data-quiz-score") == "100"
    assert stored(learner)["wrong"][book_id]["streak"] == 1
    assert learner.errors == []


def test_export_then_import_moves_progress(learner, server, browser, library, tmp_path):
    learner.goto(server.url + "modules/understanding/")
    take_quiz(learner, library.quizzes["understanding"])
    learner.goto(server.url)
    with learner.expect_download() as download:
        learner.locator('[data-learn-action="export"]').click()
    path = tmp_path / "export.json"
    download.value.save_as(path)
    other = browser.new_context().new_page()
    other.goto(server.url)
    other.locator("#mdx-progress-file").set_input_files(str(path))
    other.wait_for_function("document.querySelector('[data-learn-part=status]').textContent.includes('已导入')")
    assert "100%" in other.locator('#mdx-progress tr[data-module="understanding"]').inner_text()
    other.context.close()


@pytest.mark.parametrize("content", ["not json at all", json.dumps({"app": "other", "kind": "progress", "v": 1}),
                                     json.dumps({"app": "kesutong", "kind": "progress", "v": 1,
                                                 "data": {"modules": {"x": {"done": "yes"}}, "quizzes": {},
                                                          "wrong": {}}})])
def test_importing_a_bad_file_changes_nothing(learner, server, library, tmp_path, content):
    learner.goto(server.url + "modules/understanding/")
    take_quiz(learner, library.quizzes["understanding"])
    learner.goto(server.url)
    before = stored(learner)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    learner.locator("#mdx-progress-file").set_input_files(str(bad))
    learner.wait_for_function("document.querySelector('[data-learn-part=status]').textContent.includes('没有改变')")
    assert stored(learner) == before


def test_reset_asks_for_confirmation(learner, server, library):
    learner.goto(server.url + "modules/understanding/")
    take_quiz(learner, library.quizzes["understanding"])
    learner.goto(server.url)
    reset = learner.locator('[data-learn-action="reset"]')
    reset.click()
    assert stored(learner)["quizzes"], "one click must not wipe the records"
    reset.click()
    assert stored(learner)["quizzes"] == {}
    assert "已学完 0 / " in learner.locator("#mdx-progress").inner_text()


def test_garbage_in_storage_never_breaks_a_page(browser, server, library):
    # A draft of the right shape whose answers fit no question: every one is of the wrong kind
    questions = library.quizzes["understanding"].questions
    draft = json.dumps({"paper": "", "deadline": "soon", "answers": {q.id: {"not": "an answer"} for q in questions}})
    context = browser.new_context()
    context.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ localStorage.setItem('{KEY}', '{{garbage');"
                            "localStorage.setItem('/.__palette', '{not json'); sessionStorage.setItem('seeded', '1');"
                            f"sessionStorage.setItem({DRAFT_KEY!r}, {draft!r}); }}")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server.url)
    assert "已损坏" in page.locator("#mdx-progress").inner_text()
    page.goto(server.url + "modules/understanding/")
    assert take_quiz(page, library.quizzes["understanding"]) == "100"
    assert errors == []
    context.close()


def test_private_mode_still_lets_a_person_study(browser, server, library):
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server.url + "modules/understanding/")
    assert take_quiz(page, library.quizzes["understanding"]) == "100"
    page.goto(server.url)
    assert "不能保存学习记录" in page.locator("#mdx-progress").inner_text()
    assert errors == []
    context.close()


def start_exam(page):
    """Waits for the exam to mount (its bank is a data file) and presses 开始."""
    page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
    page.locator('.mdx-quiz--exam [data-quiz-action="start"]').click()


def paper_code(page) -> str:
    return page.evaluate("new URLSearchParams(location.search).get('paper')")


def drawn_modules(page) -> list[str]:
    page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
    return page.locator(".mdx-quiz--exam .mdx-quiz__question:not([hidden])").evaluate_all(
        "(qs) => qs.map(q => q.dataset.questionId)")


def answer_visible_correctly(page):
    for el in page.locator(".mdx-quiz--exam .mdx-quiz__question:not([hidden])").all():
        kind = el.get_attribute("data-type")
        if kind in ("single", "multiple", "truefalse"):
            for value in el.get_attribute("data-answer").split(","):
                el.locator(f'input[value="{value}"]').check()
        elif kind == "order":
            for position in range(el.locator(".mdx-quiz__item").count()):
                item = el.locator(f'.mdx-quiz__item[data-item="{position}"]')
                while item.evaluate("n => [...n.parentNode.children].indexOf(n)") > position:
                    item.locator('[data-order-move="up"]').click()
        elif kind == "reply":
            model = el.locator(".mdx-quiz__key").evaluate("e => e.textContent").split("参考回答：", 1)[1]
            el.locator("textarea").fill(model)
            reply_rules_loaded(page)
        elif kind == "match":
            match_rows(el, correct=True)


def test_exam_draws_per_module_and_draws_differ(learner, server, library, site_dir):
    # Before any script runs, the meta already gives a paper's size, not the bank's
    served = (site_dir / "learn" / "exam" / "index.html").read_text(encoding="utf-8")
    drawn_from = {quiz.id for quiz in library.quizzes.values() if quiz.in_exam}
    paper_size = 2 * len(drawn_from)
    assert f'每卷 <span class="mdx-quiz__count">{paper_size}</span> 题 · 及格线 80%' in served
    learner.goto(server.url + "learn/exam/")
    first = drawn_modules(learner)
    modules = [q.split("--")[0] for q in first]
    assert set(modules) == drawn_from
    assert all(modules.count(m) == 2 for m in set(modules))
    assert learner.locator(".mdx-quiz--exam .mdx-quiz__meta").inner_text() == f"每卷 {paper_size} 题 · 及格线 80%"
    learner.goto(server.url + "learn/exam/?paper=K7Q2&n=5")  # a trainer's shorter paper
    learner.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
    assert learner.locator(".mdx-quiz--exam .mdx-quiz__meta").inner_text() == "每卷 5 题 · 及格线 80%"
    assert len(drawn_modules(learner)) == 5
    draws = {tuple(sorted(first))}
    for _ in range(3):
        learner.goto(server.url + "learn/exam/")  # no paper code: a new draw each time
        draws.add(tuple(sorted(drawn_modules(learner))))
    assert len(draws) > 1
    code = learner.evaluate("new URLSearchParams(location.search).get('paper')")
    learner.reload()
    assert learner.evaluate("new URLSearchParams(location.search).get('paper')") == code
    assert tuple(sorted(drawn_modules(learner))) in draws, "a reload keeps the same paper"


def paper_codes_of_in_page_links(page) -> set[str]:
    return set(page.evaluate("""() => [...document.querySelectorAll("a[href*='#']")]
        .map(link => new URL(link.href)).filter(url => url.pathname === location.pathname)
        .map(url => url.searchParams.get("paper"))"""))


def test_links_within_the_exam_keep_its_paper_and_answers(learner, server):
    learner.goto(server.url + "learn/exam/")
    start_exam(learner)
    code = learner.evaluate("new URLSearchParams(location.search).get('paper')")
    assert paper_codes_of_in_page_links(learner) == {code}, "skip link and permalink carry the drawn paper"
    drawn = drawn_modules(learner)
    chosen = learner.locator(".mdx-quiz--exam .mdx-quiz__question:not([hidden]) input[type=radio]").first
    chosen.check()
    fetches = []
    learner.on("request", lambda request: fetches.append(request.url) if "/learn/exam/" in request.url else None)
    learner.locator(".md-skip").focus()
    learner.keyboard.press("Enter")  # 跳转至: the same page, so the same paper and its answers
    learner.wait_for_url(f"**/learn/exam/?paper={code}#*")
    learner.wait_for_timeout(300)  # a re-render would have asked for the page at once
    assert fetches == [] and chosen.is_checked() and drawn_modules(learner) == drawn
    submit = learner.locator('.mdx-quiz--exam [data-quiz-action="submit"]')
    submit.click()  # warns of the unanswered questions
    submit.click()
    learner.locator('.mdx-quiz--exam [data-quiz-action="retry"]').click()  # a new attempt, a new draw
    again = learner.evaluate("new URLSearchParams(location.search).get('paper')")
    assert again != code and paper_codes_of_in_page_links(learner) == {again}


@contextlib.contextmanager
def exam_on_a_fake_clock(browser, server):
    """The exam, drawn and mounted, in a context of its own whose clock the test moves."""
    context = browser.new_context()
    page = context.new_page()
    page.clock.install()
    page.goto(server.url + "learn/exam/")
    start_exam(page)
    try:
        yield page
    finally:
        context.close()


def test_exam_time_limit_submits_by_itself(browser, server):
    with exam_on_a_fake_clock(browser, server) as page:
        clock = page.locator(".mdx-quiz__clock").inner_text()
        assert "剩余 30 分" in clock or "剩余 29 分" in clock
        page.clock.run_for("31:00")
        result = page.locator(".mdx-quiz--exam .mdx-quiz__result")
        assert "时间到" in result.inner_text() and result.get_attribute("data-quiz-score") == "0"


def test_the_exam_clock_runs_on_after_the_unanswered_warning(browser, server):
    with exam_on_a_fake_clock(browser, server) as page:
        page.locator('.mdx-quiz--exam [data-quiz-action="submit"]').press("Enter")
        page.locator(".mdx-quiz--exam .mdx-quiz__result--warning").wait_for()
        page.clock.run_for("31:00")
        assert "时间到" in page.locator(".mdx-quiz--exam .mdx-quiz__result").inner_text()


def test_a_reload_keeps_the_exam_clock_and_answers(browser, server):
    with exam_on_a_fake_clock(browser, server) as page:
        chosen = page.locator(".mdx-quiz--exam .mdx-quiz__question:not([hidden]) input[type=radio]").first
        chosen.check()
        page.clock.run_for("10:00")
        page.reload()  # the same paper, from the address
        page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
        assert page.locator('.mdx-quiz--exam [data-quiz-part="start"]').is_hidden(), "a kept attempt goes on at once"
        clock = page.locator(".mdx-quiz__clock").inner_text()
        assert "剩余 19 分" in clock or "剩余 20 分" in clock, clock
        assert chosen.is_checked()
        page.clock.run_for("21:00")
        assert "时间到" in page.locator(".mdx-quiz--exam .mdx-quiz__result").inner_text()


def test_passing_the_exam_gives_a_certificate_a_trainer_can_verify(learner, server, library):
    learner.goto(server.url + "learn/exam/")
    start_exam(learner)  # the mount draws the paper's questions
    answer_visible_correctly(learner)
    learner.locator('.mdx-quiz--exam [data-quiz-action="submit"]').click()
    report = learner.locator("#mdx-exam-report")
    drawn_from = [quiz for quiz in library.quizzes.values() if quiz.in_exam]
    assert report.locator("tr[data-module]").count() == len(drawn_from)
    learner.locator("input[name='certificate-name']").fill("王小明")
    learner.locator('[data-learn-action="certificate"]').click()
    card = learner.locator(".mdx-certificate")
    assert "王小明" in card.inner_text() and "自学" in card.inner_text() and "不是考试机构" in card.inner_text()
    date, score, paper, code = card.locator("dd").all_inner_texts()
    assert score == "100%"
    learner.goto(server.url + "learn/verify/")
    for name, value in (("name", "王小明"), ("date", date), ("score", score), ("paper", paper), ("code", code)):
        learner.locator(f"#mdx-verify [name={name}]").fill(value)
    learner.locator('[data-learn-action="verify"]').click()
    assert "核验一致" in learner.locator(".mdx-verify__result").inner_text(), "the score as the record prints it"
    learner.locator("#mdx-verify [name=score]").fill("100")
    learner.locator('[data-learn-action="verify"]').click()
    assert "核验一致" in learner.locator(".mdx-verify__result").inner_text(), "the score as a number"
    learner.locator("#mdx-verify [name=score]").fill("99")
    learner.locator('[data-learn-action="verify"]').click()
    assert "不一致" in learner.locator(".mdx-verify__result").inner_text()


# ------------------------------------------------------------------ the exam's start screen (#20)

def test_the_exam_opens_on_a_start_screen_and_its_clock_starts_on_start(browser, server, library):
    """Before the paper shows, the start screen says what the exam is, with the numbers of the exam's own rules
    (macros/contract.py); the clock does not run while the learner reads it, and Enter on 开始 starts it."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.clock.install()
        page.goto(server.url + "learn/exam/")
        page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
        start = page.locator('.mdx-quiz--exam [data-quiz-part="start"]')
        text = start.inner_text()
        paper_size = EXAM.paper_size([len(q.questions) for q in library.quizzes.values() if q.in_exam])
        for said in (f"每卷 {paper_size} 题", f"每个模块随机抽 {EXAM.per_module} 题", f"限时 {EXAM.minutes} 分钟",
                     f"{EXAM.pass_score} 分及格", "按“开始”后才开始计时", "这个标签页里保留"):
            assert said in text, said
        questions = page.locator(".mdx-quiz--exam .mdx-quiz__question:not([hidden])")
        assert questions.count() == paper_size and not questions.first.is_visible(), "no paper before 开始"
        assert not page.locator('.mdx-quiz--exam [data-quiz-action="submit"]').is_visible()
        assert page.locator(".mdx-quiz__clock").inner_text() == f"限时 {EXAM.minutes} 分钟"
        page.clock.run_for("05:00")  # reading the start screen costs no time
        button = start.locator('[data-quiz-action="start"]')
        button.focus()
        assert page.evaluate("document.activeElement.dataset.quizAction") == "start"
        page.keyboard.press("Enter")
        assert start.is_hidden() and questions.first.is_visible()
        assert page.locator(".mdx-quiz__clock").inner_text() == f"剩余 {EXAM.minutes} 分 00 秒"
        assert page.evaluate("!!document.activeElement.closest('.mdx-quiz__question')"), "on to the first question"
        page.clock.run_for("01:00")
        assert page.locator(".mdx-quiz__clock").inner_text() == f"剩余 {EXAM.minutes - 1} 分 00 秒"
    finally:
        context.close()


def test_a_submitted_paper_is_not_answered_again(browser, server):
    """After submitting, a reload draws a new paper, and the submitted paper's code is refused on this device
    with a 新试卷 button; on another device (a class sharing a trainer's code) the same code still works."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(server.url + "learn/exam/")
        start_exam(page)
        code = paper_code(page)
        submit = page.locator('.mdx-quiz--exam [data-quiz-action="submit"]')
        submit.click()  # warns of the unanswered questions
        submit.click()
        page.locator('.mdx-quiz--exam .mdx-quiz__result[data-quiz-score]').wait_for()
        page.reload()
        page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
        assert paper_code(page) not in ("", None, code), "a reload after submitting draws a new paper"
        assert page.locator('.mdx-quiz--exam [data-quiz-action="start"]').is_visible()
        page.goto(server.url + f"learn/exam/?paper={code}")
        page.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
        refused = page.locator('.mdx-quiz--exam [data-quiz-part="refused"]')
        assert code in refused.inner_text() and "交过卷" in refused.inner_text()
        assert page.locator('.mdx-quiz--exam [data-quiz-action="start"]').is_hidden()
        assert not page.locator(".mdx-quiz--exam .mdx-quiz__question:not([hidden])").first.is_visible()
        page.locator('.mdx-quiz--exam [data-quiz-part="start"] [data-quiz-action="new-paper"]').click()
        assert paper_code(page) != code and refused.is_hidden()
        assert page.locator('.mdx-quiz--exam [data-quiz-action="start"]').is_visible()
        other = browser.new_context().new_page()
        other.goto(server.url + f"learn/exam/?paper={code}")
        start_exam(other)
        assert other.locator(".mdx-quiz--exam .mdx-quiz__question:not([hidden])").first.is_visible()
        other.context.close()
        assert errors == []
    finally:
        context.close()


# ------------------------------------------------------------------ the completion record (#20)

def pass_the_exam(page, server, name="王小明"):
    page.goto(server.url + "learn/exam/")
    start_exam(page)
    answer_visible_correctly(page)
    page.locator('.mdx-quiz--exam [data-quiz-action="submit"]').click()
    page.locator("input[name='certificate-name']").fill(name)
    page.locator('[data-learn-action="certificate"]').click()
    return page.locator(".mdx-certificate")


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles"])
def test_record_and_progress_dates_are_the_beijing_day(browser, server, zone):
    """07:30 in Beijing is 23:30 UTC the day before: the record and the progress carry the Beijing date,
    whatever zone the machine is set to."""
    context = browser.new_context(timezone_id=zone, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.clock.install(time=datetime.datetime(2026, 12, 6, 23, 30, tzinfo=datetime.UTC))
        card = pass_the_exam(page, server)
        date = card.locator("dd").first.inner_text()
        assert date == "2026-12-07" and "于 2026-12-07 完成" in card.inner_text()
        assert stored(page)["quizzes"]["exam"]["last"] == "2026-12-07"
        assert stored(page)["exam"]["date"] == "2026-12-07"
    finally:
        context.close()


def test_the_record_is_shown_again_after_leaving_the_exam(learner, server):
    """A passed exam is kept: the exam page (after a reload) and the home page show it, and 查看结业记录 brings
    back the same record, with the same code."""
    card = pass_the_exam(learner, server)
    facts = card.locator("dd").all_inner_texts()
    date, score = facts[0], facts[1].rstrip("%")
    learner.reload()
    learner.wait_for_selector(".mdx-quiz--exam[data-mdx-mounted]")
    line = learner.locator(".mdx-record__line")
    assert f"你已通过结业考试：{score} 分，{date}" in line.inner_text()
    line.locator('[data-learn-action="show-record"]').click()
    assert learner.locator(".mdx-certificate dd").all_inner_texts() == facts
    assert "王小明" in learner.locator(".mdx-certificate__name").inner_text()
    learner.goto(server.url)
    exam_line = learner.locator("#mdx-progress [data-learn-part='exam']")
    assert f"结业考试：已通过 {score} 分 {date}" in exam_line.inner_text()
    exam_line.locator('[data-learn-action="show-record"]').press("Enter")
    shown = learner.locator(".mdx-record .mdx-certificate")
    assert shown.locator("dd").all_inner_texts() == facts
    assert learner.evaluate("document.activeElement.classList.contains('mdx-certificate')")
    learner.emulate_media(media="print")
    learner.evaluate("document.documentElement.setAttribute('data-mdx-print', 'certificate')")
    assert shown.is_visible() and not learner.locator("#mdx-progress").is_visible(), "the record prints alone"
    sheets = re.findall(rb"/Type\s*/Page\b(?!s)", learner.pdf(format="A4"))
    assert len(sheets) == 1, "on one sheet, no blank one after it"
    assert learner.errors == []


def test_the_home_page_says_how_the_exam_went(learner, server):
    learner.goto(server.url)
    exam_line = learner.locator("#mdx-progress [data-learn-part='exam']")
    assert exam_line.inner_text() == "结业考试：还没有参加。去考试"
    learner.goto(server.url + "learn/exam/")
    start_exam(learner)
    submit = learner.locator('.mdx-quiz--exam [data-quiz-action="submit"]')
    submit.click()
    submit.click()  # nothing answered: 0 分
    learner.locator('.mdx-quiz--exam .mdx-quiz__result[data-quiz-score]').wait_for()
    learner.goto(server.url)
    assert exam_line.inner_text() == "结业考试：还没有通过（最好 0 分）。再考一次"
    exam_line.locator("a").click()
    learner.wait_for_url("**/learn/exam/**")


def test_the_home_page_card_leads_on_from_where_the_learner_is(learner, server):
    learner.goto(server.url)
    start = learner.locator("[data-learn-part='start']")
    link = start.locator("xpath=ancestor::a[1]")
    assert start.inner_text() == "从第 1 模块开始"
    first_href = link.get_attribute("href")
    progress = {"v": 1, "modules": {"understanding": {"done": True, "at": "2026-12-07"}}, "quizzes": {}, "wrong": {}}
    learner.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(progress)])
    learner.reload()
    assert start.inner_text().startswith("继续学习："), "after module 1 the card no longer says start with module 1"
    assert link.get_attribute("href") != first_href
    link.click()
    learner.wait_for_url("**/modules/**")
    assert "understanding" not in learner.url
    assert learner.errors == []


def test_the_home_page_card_and_the_progress_panel_count_the_same_modules(site_dir):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    card = re.search(r"自学：(\d+) 个模块", home)
    panel = re.search(r"已学完 0 / (\d+) 个模块", home)
    assert card and panel and card.group(1) == panel.group(1)
