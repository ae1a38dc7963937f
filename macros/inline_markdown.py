"""Render the inline Markdown of data text fields to safe HTML.

Raw HTML is shown as text, images are dropped (the site must never fetch from other hosts), and
only http(s), mailto and site-relative links survive; `.md` links are resolved like page links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

LinkResolver = Callable[[str], str]
_SAFE_HREF = re.compile(r"^(https?:|mailto:|#|[^:]*$)", re.IGNORECASE)


class _LinkGuard(Treeprocessor):
    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.resolve: LinkResolver | None = None

    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            # Judge what the browser will read: entity references (`javascript&#58;…`) stay entities
            # in the output and are decoded by the browser, which also drops tabs and newlines.
            seen = re.sub(r"[\t\n\r]", "", html.unescape(href)).strip()
            if not (_SAFE_HREF.match(href) and _SAFE_HREF.match(seen)):
                link.attrib.pop("href", None)
            elif self.resolve and re.match(r"^[^:#?]+\.md(#.*)?$", href):
                link.set("href", self.resolve(href))


class _SafeInline(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        # Text fields sit inside <span>, <legend> or <p>: block syntax (headings, lists, quotes, code
        # blocks, rules) would break out of them, so only paragraphs remain, joined into one line.
        for name in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote"):
            if name in md.parser.blockprocessors:
                md.parser.blockprocessors.deregister(name)
        for name in ("html", "image_link", "image_reference", "short_image_ref"):
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)
        md.treeprocessors.register(_LinkGuard(md), "mdx_link_guard", 1)


class InlineRenderer:
    """Callable turning one text field into one line of HTML (no block wrapper, no newlines)."""

    def __init__(self, resolve_link: LinkResolver | None = None):
        self._md = markdown.Markdown(extensions=[_SafeInline()])
        self._guard: _LinkGuard = self._md.treeprocessors["mdx_link_guard"]
        self._guard.resolve = resolve_link

    def __call__(self, text: str) -> str:
        html = self._md.reset().convert(text.strip())
        if html.startswith("<p>") and html.endswith("</p>"):
            # Paragraphs only (see _SafeInline); a blank line inside a field becomes a line break.
            html = html[3:-4].replace("</p>\n<p>", "<br>")
        # One line: a newline followed by user text could start a Markdown block in the host page.
        return html.replace("\n", " ")
