"""Page URLs as MkDocs builds them, so links inside macro HTML (which MkDocs does not rewrite) resolve."""

from __future__ import annotations

import posixpath


def page_url(src: str, directory_urls: bool) -> str:
    """'modules/a.md' → 'modules/a/' (or 'modules/a.html'); 'index.md' → '' (or 'index.html')."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_link(target: str, from_src: str, directory_urls: bool) -> str:
    """Link from the page built from `from_src` to `target` ('page.md#anchor'), both relative to docs/."""
    path, _, anchor = target.partition("#")
    if anchor and path == from_src:
        # A bare fragment keeps the address's query (a quiz's ?paper=); "./#x" would drop it
        return f"#{anchor}"
    to_url = page_url(path, directory_urls)
    from_url = page_url(from_src, directory_urls)
    from_dir = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url)
    rel = posixpath.relpath(to_url or ".", from_dir or ".")
    if to_url.endswith("/") or to_url == "":
        rel = rel.rstrip("/") + "/"
        if rel == "./":
            rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


def relative_asset(asset: str, from_src: str, directory_urls: bool) -> str:
    """Link from the page built from `from_src` to a file in the built site ('assets/x.js')."""
    from_url = page_url(from_src, directory_urls)
    from_dir = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url)
    return posixpath.relpath(asset, from_dir or ".")
