"""mkdocs-macros entry point: load the course data once, register the page macros.

Only this module knows about MkDocs; the renderers it calls are plain Python.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from .contract import EXAM, browser_contract
from .errors import DataError, Problem
from .finder_index import buffer_phrases, finder_scripts
from .inline_markdown import InlineRenderer
from .jinja_guard import guard
from .library import load_library
from .links import page_url, relative_asset, relative_link
from .lms_export import EXPORTS, export, export_path
from .record_form import load_record_phrases
from .render_finder import render_finder
from .render_learning import render_exam, render_progress_panel, render_review
from .render_phrases import render_phrases, render_taboo_table
from .render_quiz import render_quiz
from .render_record import render_record
from .render_roleplay import render_roleplays
from .render_trainer import render_cheat_sheets, render_lms_table
from .selection import SelectionError, select_phrases

log = logging.getLogger("mkdocs.plugins.course")


def define_env(env) -> None:
    """Validate all data before any page is rendered; stop the build on the first bad file."""
    root = Path(env.conf["config_file_path"]).parent
    settings = env.conf["extra"].get("course_data", {}) or {}
    try:
        library = load_library(
            root,
            quizzes_dir=settings.get("quizzes_dir", "quizzes"),
            phrases_dir=settings.get("phrases_dir", "phrases"),
            docs_dir=env.conf["docs_dir"],
        )
    except DataError as error:
        raise PluginError(str(error)) from None
    env.variables["course_library"] = library
    # Read by overrides/main.html into the page's #__mdx_contract block, for text-fold.js and the scripts
    env.conf["extra"]["contract"] = browser_contract()
    directory_urls = env.conf["use_directory_urls"]

    def current_page() -> str:
        return env.page.file.src_uri

    def taboo_list() -> list[tuple[str, str, list[str]]]:
        return [(t.id, t.text, [t.text, *t.match]) for t in library.taboo]

    def reported(macro):
        """Log a bad macro call at ERROR level first: the macros plugin only logs it as a warning,
        which `mkdocs build -q` hides, before it stops the build."""

        @functools.wraps(macro)
        def wrapper(*args, **kwargs):
            try:
                return macro(*args, **kwargs)
            except SelectionError as error:
                log.error(str(error))
                raise

        return wrapper

    def link_for(target: str) -> str:
        return relative_link(target, current_page(), directory_urls)

    @env.macro
    @reported
    def quiz(quiz_id: str) -> str:
        """{{ quiz("handling-steps") }}: a self-graded quiz."""
        if quiz_id not in library.quizzes:
            known = ", ".join(sorted(library.quizzes)) or "none"
            raise SelectionError(f"page {current_page()}: no quiz with id '{quiz_id}' — known quizzes: {known}")
        return render_quiz(library.quizzes[quiz_id], InlineRenderer(link_for), link_for, taboo_list())

    @env.macro
    @reported
    def phrases(stage=None, scenario=None, customer_type=None, channel=None, tag=None, limit=None) -> str:
        """{{ phrases(stage="致歉", scenario="退款", limit=6) }}: phrase cards with a copy button."""
        try:
            chosen = select_phrases(library, stage, scenario, customer_type, channel, tag, limit)
        except SelectionError as error:
            raise SelectionError(f"page {current_page()}: {error}") from None
        return render_phrases(chosen)

    @env.macro
    @reported
    def taboo_table() -> str:
        """{{ taboo_table() }}: every taboo phrase, why it hurts, what to say instead."""
        if not library.taboo:
            raise SelectionError(f"page {current_page()}: there are no taboo phrases in phrases/")
        return render_taboo_table(library.taboo, {p.id: p.text for p in library.phrases})

    @env.macro
    @reported
    def phrase_finder() -> str:
        """{{ phrase_finder() }}: the live-call phrase finder (通话速查)."""
        if "finder_scripts" not in env.variables:
            env.variables["finder_scripts"] = finder_scripts(library)
        name, _ = env.variables["finder_scripts"][0]
        return render_finder(relative_asset(name, current_page(), directory_urls), link_for("reference/phrases.md"),
                             buffer_phrases(library))

    @env.macro
    @reported
    def complaint_record() -> str:
        """{{ complaint_record() }}: the 投诉受理记录单 (form, this browser's records, CSV, print)."""
        # Read here, not with the rest of the data: only a site with this page needs forms/record.yml.
        try:
            chosen = load_record_phrases(root, library.phrases)
        except DataError as error:
            raise SelectionError(str(error)) from None
        return render_record(chosen)

    @env.macro
    @reported
    def roleplay_cards() -> str:
        """{{ roleplay_cards() }}: every role-play card, each side printable on its own page."""
        if not library.roleplays:
            raise SelectionError(f"page {current_page()}: there are no role-play cards in roleplays/")
        return render_roleplays(library.roleplays.values(), InlineRenderer(link_for), link_for)

    @env.macro
    @reported
    def lms_downloads() -> str:
        """{{ lms_downloads() }}: Moodle XML and GIFT files of each quiz and of the whole bank, in course order."""
        order = [m["id"] for m in course_modules()]
        quizzes = sorted(library.quizzes.values(), key=lambda q: order.index(q.id) if q.id in order else len(order))
        return render_lms_table(quizzes, lambda path: relative_asset(path, current_page(), directory_urls))

    @env.macro
    @reported
    def phrase_cheat_sheets() -> str:
        """{{ phrase_cheat_sheets() }}: one A4 sheet of short lines per stage."""
        return render_cheat_sheets(library.phrases)

    def course_modules() -> list[dict]:
        """Modules in nav order: pages under modules/ listed in the 课程 section of mkdocs.yml."""
        found = []

        def walk(items):
            for item in items or []:
                if isinstance(item, dict):
                    for title, target in item.items():
                        if isinstance(target, str) and target.startswith("modules/"):
                            found.append({"id": target[len("modules/"):-len(".md")], "title": title,
                                          "url": link_for(target)})
                        elif isinstance(target, list):
                            walk(target)

        walk(env.conf["nav"])
        return found

    @env.macro
    @reported
    def learning_progress() -> str:
        """{{ learning_progress() }}: 我的学习进度, with export, import and reset."""
        return render_progress_panel(course_modules(), link_for("learn/review.md"), link_for("learn/exam.md"))

    @env.macro
    @reported
    def review_quiz() -> str:
        """{{ review_quiz() }}: the 错题本 as a quiz (the whole bank, filtered in the browser)."""
        return render_review(list(library.quizzes.values()), InlineRenderer(link_for), link_for, taboo_list())

    def exam_modules() -> list[dict]:
        """The modules the final exam draws from: those whose quiz is not marked `in_exam: false`."""
        return [m for m in course_modules() if m["id"] in library.quizzes and library.quizzes[m["id"]].in_exam]

    @env.macro
    @reported
    def final_exam(**changes) -> str:
        """{{ final_exam() }}: drawn from every module quiz by macros.contract.EXAM, then a certificate.
        A page may change a rule for itself (a test site: `final_exam(minutes=0)`); the course's exam.md
        does not, so that its `exam_summary()` sentence stays true."""
        modules = exam_modules()
        quizzes = [library.quizzes[m["id"]] for m in modules]
        rules = dataclasses.replace(EXAM, **changes)
        return render_exam(quizzes, modules, rules, InlineRenderer(link_for), link_for, taboo_list())

    @env.macro
    @reported
    def course_module_count() -> int:
        """{{ course_module_count() }}: every module in the course menu, a course-wide test included, as the
        home page's progress panel counts them."""
        return len(course_modules())

    @env.macro
    @reported
    def exam_summary() -> str:
        """{{ exam_summary() }}: the exam's paper in one sentence, with the numbers the exam itself uses."""
        counts = [len(library.quizzes[m["id"]].questions) for m in exam_modules()]
        return (f"从 {len(counts)} 个模块的题库里**每个模块随机抽 {EXAM.per_module} 题**，"
                f"共 {EXAM.paper_size(counts)} 题，限时 {EXAM.minutes} 分钟，{EXAM.pass_score} 分及格。")


def on_pre_page_macros(env) -> None:
    """Literal braces in prose and code samples stay text; only real macro calls run."""
    env.markdown = guard(env.markdown, [*env.macros, *env.variables, *env.filters])


def on_post_build(env) -> None:
    """Write the finder's data files; then every quiz ref must land on an existing heading."""
    site = Path(env.conf["site_dir"])
    for name, content in env.variables.get("finder_scripts", []):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(content, encoding="utf-8")
    _write_lms_exports(env.variables["course_library"], site)
    _check_ref_anchors(env, site)


def _write_lms_exports(library, site: Path) -> None:
    quizzes = list(library.quizzes.values())
    for quiz_id, chosen in [*((q.id, [q]) for q in quizzes), ("all", quizzes)]:
        for kind in EXPORTS:
            path = site / export_path(quiz_id, kind)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(export(chosen, kind), encoding="utf-8")


def _check_ref_anchors(env, site: Path) -> None:
    library = env.variables["course_library"]
    directory_urls = env.conf["use_directory_urls"]
    ids_by_page: dict[str, set[str]] = {}
    problems = []
    for quiz in library.quizzes.values():
        for question in quiz.questions:
            page, _, anchor = (question.ref or "").partition("#")
            if not anchor:
                continue
            if page not in ids_by_page:
                url = page_url(page, directory_urls)
                html = site / (url + "index.html" if url.endswith("/") or not url else url)
                text = html.read_text(encoding="utf-8") if html.is_file() else ""
                ids_by_page[page] = set(re.findall(r"""\sid=["']?([^"'\s>]+)""", text))
            if anchor not in ids_by_page[page]:
                file, line = library.ref_lines[(quiz.id, question.id)]
                problems.append(Problem(file, f"ref '{question.ref}': the page has no heading with id '{anchor}'",
                                        f"add {{ #{anchor} }} to the heading in docs/{page} or fix the ref",
                                        line, f"question {question.id}"))
    if problems:
        raise PluginError(str(DataError(problems)))
