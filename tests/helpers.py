"""Shared test helpers: small projects on disk, site builds, a static server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project whose site the browser tests look at: this repository, unless a developer points
# COURSE_PROJECT at another checkout (for instance a copy with experimental content).
PROJECT = Path(os.environ.get("COURSE_PROJECT", ROOT))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Chromium draws Chinese in the font fontconfig picks for it; the diagram sizes were measured in this one
# (Debian's fonts-noto-cjk, which `make test` installs), and any other font draws them at other sizes.
CHINESE_FONT = "Noto Sans CJK SC"


# An init script for a browser whose storage refuses every use (a private window, a locked-down intranet
# profile): both localStorage and sessionStorage throw on access.
BLOCK_STORAGE = ("for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(window, name, "
                 "{get() { throw new DOMException('denied', 'SecurityError'); }});")


def chinese_font() -> str:
    """The font family this machine gives Chinese sans-serif text."""
    try:
        found = subprocess.run(["fc-match", "--format=%{family[0]}", "sans-serif:lang=zh-cn"],
                               capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        return f"unknown (fc-match: {error})"
    return found.stdout.strip()


def wrong_chinese_font() -> str:
    """Why this machine cannot draw the diagrams at their measured sizes, or "" when it can."""
    found = chinese_font()
    if found == CHINESE_FONT:
        return ""
    return (f"Chinese text draws in {found!r} here, the diagram sizes are measured in {CHINESE_FONT!r}: "
            "`make chromium` (part of `make test`) installs Debian's fonts-noto-cjk")


VOCABULARY = (ROOT / "phrases" / "vocabulary.yml").read_text(encoding="utf-8")


def source_pages(docs: Path) -> list[str]:
    """The URL path of every page, from the Markdown sources (directory URLs: `a/b.md` is `a/b/`). Known
    before anything is built, so that checks of every page can be one test per page, which reports each
    page on its own and lets pytest-xdist share the pages between workers."""
    paths = []
    for source in docs.rglob("*.md"):
        parts = source.relative_to(docs).with_suffix("").parts
        if parts[-1] == "index":
            parts = parts[:-1]
        paths.append("".join(part + "/" for part in parts))
    return sorted(paths)


SITE_PAGES = source_pages(PROJECT / "docs")


def page_id(path: str) -> str:
    return path or "home"


def write(base: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def make_project(base: Path, files: dict[str, str | bytes]) -> Path:
    """A small copy of the real project (config, theme overrides, macros, hooks, assets) with the given content."""
    base.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "search_words.txt"):
        shutil.copy(ROOT / name, base / name)
    for name in ("macros", "hooks", "overrides", "docs/assets"):
        shutil.copytree(ROOT / name, base / name, ignore=shutil.ignore_patterns("__pycache__"))
    write(base, {"phrases/vocabulary.yml": VOCABULARY, **files})
    return base


def build(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as a subprocess (the macros plugin exits the process on errors)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that closes a connection mid-reply (a page left, a fetch aborted) is normal here: no
    traceback between pytest's progress dots for it, which a newcomer would read as a failure."""

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


class StaticServer:
    """Serve a folder on 127.0.0.1 from a thread, for as long as the test session needs it."""

    def __init__(self, folder: Path):
        self.folder = folder
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class PageWatch:
    """Collects what a page did that it must not: requests to other hosts, console errors, page errors."""

    LOCAL_HOSTS = ("127.0.0.1", "intranet.test")

    def __init__(self, page):
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _request(self, request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:", "file:")):
            return
        host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
        if host not in self.LOCAL_HOSTS:
            self.outside.append(url)


def reply_rules_loaded(where) -> None:
    """Wait (on a page or a frame) for the reply grader's rules, which focusing a reply box starts loading
    (quiz/types/reply.js): a learner writes for longer than they take to arrive, a test does not. Grading
    waits for them too, but tests read the verdict right after 提交."""
    where.wait_for_function("() => !!window.mdxReplyRules")


def next_frames(page) -> None:
    """Wait two frames: whatever scrolled into view has been rendered and laid out (content-visibility)."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def search_site(page, word: str):
    """Type into Material's search box as a person would; wait for and return the result links."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(word, delay=30)
    # Material reads the query on keyup; an IME commit sends one, Playwright's text insertion does not.
    box.press("End")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    return results
