"""How long a learner could wait for the reply grader's rules, which load on first need (quiz/types/reply.js).

    .venv/bin/python bench/reply_rules.py [--runs 5]

Prints the rules file's size (as built and gzipped) and, on a module page with a cold cache, the time from
focusing a reply box (which starts the download) to the rules being ready to grade, served gzipped as an
intranet server would: unthrottled, and with Lighthouse's mobile figures applied in Chromium (150 ms round
trip, 1.6 Mbit/s down, CPU 4x slower). Grading waits only if 提交 comes sooner than that after the first
focus. Figures only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, build

PAGE = "modules/handling-steps/"
# Lighthouse's mobile profile (its simulated figures, applied here by Chromium)
SLOW = {"latency": 150, "downloadThroughput": 1.6384e6 / 8, "uploadThroughput": 0.675e6 / 8, "cpu": 4}
CONDITIONS = {"unthrottled": None, "slow 4G, CPU 4x": SLOW}

FOCUS_TO_READY = """async () => {
    const box = document.querySelector('.mdx-quiz__question[data-type="reply"] .mdx-quiz__reply');
    const start = performance.now();
    box.focus();
    while (!window.mdxReplyRules) await new Promise(next => setTimeout(next, 2));
    return performance.now() - start;
}"""


def gzip_server(folder: Path):
    """The Lighthouse bench's server: gzip and cache headers, as an intranet server would send them."""
    spec = importlib.util.spec_from_file_location("lighthouse_bench", Path(__file__).with_name("lighthouse.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GzipServer(folder)


def focus_to_ready(browser, url: str, condition: dict | None) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        if condition:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {
                "offline": False, "latency": condition["latency"],
                "downloadThroughput": condition["downloadThroughput"],
                "uploadThroughput": condition["uploadThroughput"]})
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": condition["cpu"]})
        page.goto(url, wait_until="networkidle", timeout=120_000)
        if page.evaluate("!!window.mdxReplyRules"):
            sys.exit("the rules were loaded with the page: nothing to measure")
        return page.evaluate(FOCUS_TO_READY)
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="cold-cache page loads per condition")
    runs = parser.parse_args().runs
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as site:
        result = build(ROOT, Path(site))
        if result.returncode:
            sys.exit(f"build failed:\n{result.stdout}{result.stderr}")
        rules = next(Path(site, "assets", "javascripts").glob("reply-rules.*.js")).read_bytes()
        print(f"rules file: {len(rules) / 1024:.0f} KiB, {len(gzip.compress(rules, 6)) / 1024:.0f} KiB gzipped")
        server = gzip_server(Path(site))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                print(f"\nfocus on a reply box → rules ready, {PAGE}, cold cache, {runs} runs")
                print(f"{'condition':<18}{'median ms':>10}{'min':>8}{'max':>8}")
                for name, condition in CONDITIONS.items():
                    times = [focus_to_ready(browser, server.url + PAGE, condition) for _ in range(runs)]
                    print(f"{name:<18}{statistics.median(times):>10.0f}{min(times):>8.0f}{max(times):>8.0f}")
                browser.close()
        finally:
            server.close()


if __name__ == "__main__":
    main()
