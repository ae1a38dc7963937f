"""Print build time and page weight of the real site. Figures only: nothing here asserts a time.

    .venv/bin/python bench/run.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, StaticServer, build

PAGE_TYPES = {
    "home": "",
    "module": "modules/handling-steps/",
    "quiz-heavy": "modules/final/",
    "phrase library": "reference/phrases/",
    "taboo list": "reference/taboo/",
    "phrase finder": "finder/",
    "投诉受理记录单": "record/",
}


def build_times(project: Path = ROOT, runs: int = 2) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as site:
            start = time.perf_counter()
            result = build(project, Path(site))
            times.append(time.perf_counter() - start)
            if result.returncode:
                sys.exit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return times


def page_weights(server: StaticServer) -> list[tuple[str, int, int, int]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in PAGE_TYPES.items():
            page = browser.new_page()
            page.goto(server.url + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            entries = page.evaluate(
                "[performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]"
                ".map(e => [e.name, e.encodedBodySize || 0])")
            total = sum(size for _, size in entries)
            html = entries[0][1]
            rows.append((name, html, total, len(entries)))
            page.close()
        browser.close()
    return rows


def main() -> None:
    times = build_times()
    print(f"strict build of the real site: {statistics.median(times):.2f} s (median of {len(times)})")
    with tempfile.TemporaryDirectory() as site:
        server = StaticServer(Path(site))
        build(ROOT, Path(site), site_url=server.url)
        index = Path(site, "search/search_index.json").stat().st_size
        print(f"search index: {index / 1024:.0f} KiB (loaded by the search worker on first use)")
        print(f"\n{'page':<16}{'HTML KiB':>10}{'first load KiB':>16}{'requests':>10}")
        for name, html, total, count in page_weights(server):
            print(f"{name:<16}{html / 1024:>10.0f}{total / 1024:>16.0f}{count:>10}")
        server.close()


if __name__ == "__main__":
    main()
