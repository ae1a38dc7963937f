"""Every internal link, anchor and asset of both variants resolves: pages, quiz `ref`s, LMS downloads,
and the URLs that the pages hand to their scripts (module lists, the finder's data file)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from macros.links import relative_link

from .helpers import SITE_PAGES

LINK_ATTRIBUTES = {"href", "src", "data-finder-src", "data-review-url", "data-exam-url", "data-bank-src"}
NOT_PAGES = ("mailto:", "tel:", "data:", "blob:", "javascript:")


class _PageLinks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if tag == "link" and "canonical" in (attributes.get("rel") or "").split():
            return  # the published address, not something the site links to (checked by sitemap use)
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value:
                self.links.append(value)
            elif name == "data-modules" and value:
                self.links += [module["url"] for module in json.loads(value)]


def parse(path: Path) -> _PageLinks:
    parser = _PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path, site_url: str) -> list[str]:
    pages = {path: parse(path) for path in site.rglob("*.html")}
    problems = []
    for path, found in pages.items():
        base = path.relative_to(site).as_posix()
        for link in found.links:
            if link.startswith(site_url):
                link = "/" + link[len(site_url):]
            parts = urlsplit(link)
            if link.startswith(NOT_PAGES) or parts.scheme or parts.netloc:
                continue  # outside links are not followed here; test_browser fails any outside request
            if parts.path.startswith("/"):
                target = site / unquote(parts.path).lstrip("/")
            else:
                target = (path.parent / unquote(parts.path)) if parts.path else path
            if target.is_dir() or parts.path.endswith("/"):
                target = target / "index.html"
            target = Path(str(target.resolve()))
            if site.resolve() not in target.parents and target != site.resolve():
                problems.append(f"{base}: {link} leaves the site")
            elif not target.is_file():
                problems.append(f"{base}: {link} → missing file {target.relative_to(site.resolve())}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages.get(target, None) or parse(target)
                if unquote(parts.fragment) not in ids.ids:
                    problems.append(f"{base}: {link} → no id '{parts.fragment}' on that page")
    return problems


def test_every_internal_link_and_anchor_resolves_online(site_dir, server):
    assert broken_links(site_dir, server.url) == []


def test_every_internal_link_and_anchor_resolves_offline(offline_dir):
    assert broken_links(offline_dir, "http://127.0.0.1:8000/") == []


def test_quiz_refs_are_checked(site_dir, library):
    """The checker must see the quiz `ref` links: they are the ones a learner follows after a mistake."""
    refs = {q.ref.split("#", 1)[1] for quiz in library.quizzes.values() for q in quiz.questions if q.ref and "#" in q.ref}
    seen = set()
    for path in site_dir.rglob("*.html"):
        seen |= {urlsplit(link).fragment for link in parse(path).links}
    assert refs and refs <= seen


def test_checker_reports_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="a/#top">ok</a><a href="a/#nope">x</a>'
                                         '<a href="missing.html">x</a><img src="../outside.png">', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="../#">ok</a>', encoding="utf-8")
    problems = broken_links(tmp_path, "http://example.internal/")
    assert len(problems) == 3, problems
    assert any("no id 'nope'" in p for p in problems)
    assert any("missing.html" in p for p in problems)
    assert any("leaves the site" in p for p in problems)


@pytest.mark.parametrize("variant", ["online", "offline"])
def test_sitemap_and_search_index_locations_resolve(variant, site_dir, offline_dir, server):
    site, site_url = (site_dir, server.url) if variant == "online" else (offline_dir, "http://127.0.0.1:8000/")
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    ids = {}  # page file → its ids, parsed once: the index has an entry for every heading of a page
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        file = _site_file(site, page)
        assert file.is_file(), doc["location"]
        if anchor:
            if file not in ids:
                ids[file] = parse(file).ids
            assert anchor in ids[file], doc["location"]
    # Instant navigation follows only the links that sitemap.xml lists, matched with site_url.
    locations = re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(locations) == len(SITE_PAGES)
    for location in locations:
        assert location.startswith(site_url), location
        assert _site_file(site, location[len(site_url):]).is_file(), location


def _site_file(site: Path, page: str) -> Path:
    """The file a site-relative page address is served from ('a/' and '' are folders' index.html)."""
    return site / page / "index.html" if page.endswith("/") or not page else site / page


def test_the_checks_of_every_page_cover_every_built_page(site_dir):
    """The checks run page by page (accessibility, loading) take their pages from the Markdown sources."""
    built = sorted(path.parent.relative_to(site_dir).as_posix() for path in site_dir.rglob("index.html"))
    assert [path.rstrip("/") or "." for path in SITE_PAGES] == built


def test_a_link_to_a_section_of_its_own_page_is_a_bare_fragment():
    """So it keeps the address's query (a quiz page opened as ?paper=K7Q2); "./#x" would drop it."""
    for directory_urls in (True, False):
        assert relative_link("modules/a.md#x", "modules/a.md", directory_urls) == "#x"
    assert relative_link("modules/b.md#x", "modules/a.md", True) == "../b/#x"
    assert relative_link("modules/b.md#x", "modules/a.md", False) == "b.html#x"
    assert relative_link("modules/a.md", "modules/a.md", True) == "./"
