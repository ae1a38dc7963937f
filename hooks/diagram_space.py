"""MkDocs hook: reserve each Mermaid diagram's drawn size before it is drawn.

mermaid-loader.js draws a diagram only when it comes near the screen, and Material then swaps the
diagram's source block for the drawing, which is often hundreds of pixels taller: everything below it
jumped. The drawn sizes are measured in Chromium by `make diagram-sizes` (tools/measure_diagrams.py)
and kept in diagram_sizes.json, keyed by the diagram's source, so an edited diagram is measured again.
A diagram not measured yet is left as it was; tests/test_diagrams.py fails until it is measured.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import re
from pathlib import Path

SIZES_FILE = Path(__file__).with_name("diagram_sizes.json")
DIAGRAM = re.compile(r'<pre class="mermaid"(?: style="[^"]*")?><code>(.*?)</code></pre>', re.DOTALL)

_sizes: dict[str, tuple[float, float]] = {}


def diagram_key(source: str) -> str:
    """The key of a diagram's drawn size: its source as the browser reads it (the block's text)."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def diagram_sources(page_html: str) -> list[str]:
    return [html_lib.unescape(match.group(1)) for match in DIAGRAM.finditer(page_html)]


def read_sizes(path: Path = SIZES_FILE) -> dict[str, tuple[float, float]]:
    """{key: (width, height)} of the drawn diagrams, in CSS pixels. A missing file means none measured."""
    if not path.is_file():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["diagrams"]
        sizes = {key: (float(size[0]), float(size[1])) for key, size in entries.items()}
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        raise ValueError(f"{path}: not a diagram size file ({error}); run `make diagram-sizes` to write "
                         "it again") from None
    bad = [key for key, (width, height) in sizes.items() if width <= 0 or height <= 0]
    if bad:
        raise ValueError(f"{path}: diagram(s) {', '.join(bad)} have no positive width and height; run "
                         "`make diagram-sizes` to measure them again")
    return sizes


def reserve_space(page_html: str, sizes: dict[str, tuple[float, float]]) -> str:
    """Give every measured diagram block its drawing's width and aspect ratio, for course.css to reserve."""
    def with_size(match: re.Match) -> str:
        size = sizes.get(diagram_key(html_lib.unescape(match.group(1))))
        if not size:
            return match.group(0)
        width, height = size
        return (f'<pre class="mermaid" style="--mdx-diagram-width: {width:.2f}px; '
                f'--mdx-diagram-ratio: {height / width:.5f}"><code>{match.group(1)}</code></pre>')
    return DIAGRAM.sub(with_size, page_html)


def on_pre_build(**kwargs) -> None:
    from mkdocs.exceptions import PluginError

    try:
        _sizes.clear()
        _sizes.update(read_sizes())
    except ValueError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, **kwargs) -> str:
    return reserve_space(html, _sizes)
