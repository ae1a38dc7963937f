"""Page URLs as MkDocs builds them, so links inside macro HTML (which MkDocs does not rewrite) resolve."""

from __future__ import annotations

import posixpath


def page_url(src: str, directory_urls: bool) -> str:
    """'modules/a.md' → 'modules/a/' (or 'modules/a.html'); 'index.md' → '' (or 'index.html')."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_link(target: str, from_src: str, directory_urls: bool) -> str:
    """Link from the page built from `from_src` to `target` ('page.md#anchor'), both relative to docs/."""
    path, _, anchor = target.partition("#")
    if anchor and path == from_src:
        # A bare fragment keeps the address's query (a quiz's ?paper=); "./#x" would drop it
        return f"#{anchor}"
    to_url = page_url(path, directory_urls)
    rel = posixpath.relpath(to_url or ".", _page_folder(from_src, directory_urls))
    if to_url.endswith("/") or to_url == "":
        rel = rel.rstrip("/") + "/"
    return rel + (f"#{anchor}" if anchor else "")


def relative_asset(asset: str, from_src: str, directory_urls: bool) -> str:
    """Link from the page built from `from_src` to a file in the built site ('assets/x.js')."""
    return posixpath.relpath(asset, _page_folder(from_src, directory_urls))


def _page_folder(src: str, directory_urls: bool) -> str:
    """The folder relative links of the page built from `src` start from ('.' for the site's root)."""
    url = page_url(src, directory_urls)
    return (url if url.endswith("/") else posixpath.dirname(url)) or "."
