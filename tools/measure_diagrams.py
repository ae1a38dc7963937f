"""Measure every Mermaid diagram of the site as Chromium draws it; write hooks/diagram_sizes.json.

    make diagram-sizes

Run it after adding or editing a diagram (tests/test_diagrams.py fails until then). The build uses the
sizes to reserve each diagram's space before it is drawn (hooks/diagram_space.py). A drawing's size
depends on the font of the machine that draws it: measured in Noto Sans CJK SC (Debian's fonts-noto-cjk,
which the tests also draw in), it is close, not exact, for a reader whose system has other Chinese fonts.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hooks.diagram_space import SIZES_FILE, diagram_key, diagram_sources
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, StaticServer, build, wrong_chinese_font

# Material draws into a closed shadow root; opened here only, so the drawing's viewBox can be read
OPEN_SHADOW_ROOTS = """const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };"""


def drawn_sizes(page, url: str) -> list[tuple[float, float]]:
    """(width, height) of every diagram of one page, in page order, once all are drawn."""
    page.goto(url)
    page.wait_for_function("window.document$ !== undefined")
    # mermaid-loader.js draws every waiting diagram for print; anything not yet waiting is scrolled to
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function("""() => {
        const left = document.querySelector('pre.mermaid');
        if (left) left.scrollIntoView();
        return !left;
    }""", polling=500, timeout=60_000)
    boxes = page.evaluate("""[...document.querySelectorAll('div.mermaid')].map(host =>
        host.shadowRoot.querySelector('svg').getAttribute('viewBox').split(/[\\s,]+/).map(Number))""")
    return [(box[2], box[3]) for box in boxes]


def main() -> None:
    from playwright.sync_api import sync_playwright

    if wrong_chinese_font():
        sys.exit(wrong_chinese_font())
    sizes: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch, "site")
        result = build(ROOT, site)
        if result.returncode:
            sys.exit(result.stderr)
        pages = {p: diagram_sources(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}
        server = StaticServer(site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            context.add_init_script(OPEN_SHADOW_ROOTS)
            page = context.new_page()
            for html_file, sources in pages.items():
                if not sources:
                    continue
                rel = html_file.relative_to(site).as_posix().removesuffix("index.html")
                drawings = drawn_sizes(page, server.url + rel)
                if len(drawings) != len(sources):
                    sys.exit(f"{rel}: {len(sources)} diagram(s) in the page but {len(drawings)} drawn")
                for source, (width, height) in zip(sources, drawings):
                    sizes[diagram_key(source)] = [round(width, 2), round(height, 2)]
                print(f"{rel}: {len(sources)} diagram(s) measured", flush=True)
            browser.close()
        server.close()
    about = ("Drawn sizes (CSS px: width, height) of the site's Mermaid diagrams, keyed by their source; "
             "written by `make diagram-sizes` (tools/measure_diagrams.py), read by hooks/diagram_space.py.")
    lines = [f"  {json.dumps(key)}: {json.dumps(size)}" for key, size in sorted(sizes.items())]
    SIZES_FILE.write_text(f'{{\n "about": {json.dumps(about)},\n "diagrams": {{\n' + ",\n".join(lines)
                          + "\n }\n}\n", encoding="utf-8")
    print(f"{len(sizes)} diagram(s) written to {SIZES_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
