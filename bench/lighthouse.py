"""Lighthouse scores of seven page types of the real site: performance, accessibility, best practices, SEO.

    .venv/bin/python bench/lighthouse.py [--pages home,finder] [--runs 3] [--keep DIR]

Uses Lighthouse 12.2.3 from the npm registry (bench/lighthouse/, installed with `npm ci` on first run;
13.x needs Node 22) against Debian's Chromium, in Lighthouse's default mobile profile (simulated slow 4G
and a 4x slower CPU). The site is served from 127.0.0.1 by a small server that gzips text and sends cache
headers, as an intranet nginx/IIS would. Prints figures only. Machines here are shared and noisy, and
Lighthouse scales this machine's own CPU time by 4: --runs 3 keeps each page's median run by performance.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import http.server
import json
import mimetypes
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, build

TOOL = Path(__file__).resolve().parent / "lighthouse"
CLI = TOOL / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "home": "",
    "module": "modules/handling-steps/",
    "quiz": "modules/final/",
    "finder": "finder/",
    # The heaviest pages: the phrase library, and the exam and 错题本, whose bank comes as a data file
    "library": "reference/phrases/",
    "exam": "learn/exam/",
    "review": "learn/review/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = [("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"),
           ("total-blocking-time", "TBT"), ("cumulative-layout-shift", "CLS")]
COMPRESSIBLE = {".html", ".js", ".css", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest"}
HASHED = re.compile(r"\.[0-9a-f]{8,}\.(min\.)?(js|css)$")  # Material's bundles and the finder data


class GzipHandler(http.server.BaseHTTPRequestHandler):
    """GET/HEAD of static files with gzip for text and production-like cache headers: hashed assets
    for a year, other assets for a day, HTML revalidated on every visit."""

    folder: Path
    cache: ClassVar[dict[Path, bytes]] = {}
    lock = threading.Lock()

    def do_HEAD(self) -> None:
        self.do_GET(body=False)

    def do_GET(self, body: bool = True) -> None:
        path = unquote(urlsplit(self.path).path)
        file = (self.folder / path.lstrip("/")).resolve()
        if not file.is_relative_to(self.folder):
            return self.send_error(403)
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                return self.end_headers()
            file = file / "index.html"
        if not file.is_file():
            missing = self.folder / "404.html"
            return self._send(404, missing if missing.is_file() else None, body)
        self._send(200, file, body)

    def _send(self, status: int, file: Path | None, body: bool) -> None:
        data = file.read_bytes() if file else b"Not found"
        kind = (mimetypes.guess_type(file.name)[0] if file else None) or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if file:
            self.send_header("Last-Modified", email.utils.formatdate(file.stat().st_mtime, usegmt=True))
            if file.suffix == ".html":
                self.send_header("Cache-Control", "no-cache")
            elif HASHED.search(file.name):
                self.send_header("Cache-Control", "public, max-age=31536000, immutable")
            else:
                self.send_header("Cache-Control", "public, max-age=86400")
        if file and file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            with self.lock:
                if file not in self.cache:
                    self.cache[file] = gzip.compress(data, 6)
                data = self.cache[file]
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


class GzipServer:
    def __init__(self, folder: Path):
        handler = type("Handler", (GzipHandler,), {"folder": folder.resolve(), "cache": {}})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def install() -> None:
    if CLI.is_file():
        return
    if not shutil.which("npm"):
        sys.exit("npm is needed to install Lighthouse into bench/lighthouse/")
    print("installing Lighthouse into bench/lighthouse/ (npm ci)", flush=True)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOL, check=True)


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(
        ["node", str(CLI), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    if result.returncode or not out.is_file():
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def failing(report: dict) -> list[tuple[str, str, str, str]]:
    """(category, audit id, title, displayValue) of the scored audits that did not fully pass."""
    rows = []
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative"):
                continue
            if audit.get("score") is None or audit["score"] >= 1:
                continue
            if key == "performance" and ref.get("group") == "metrics":
                continue  # shown in the table
            if audit.get("scoreDisplayMode") == "error":
                continue  # counted separately: see errored()
            rows.append((key, ref["id"], audit["title"], audit.get("displayValue", "")))
    return rows


def errored(report: dict) -> list[str]:
    return sorted(key for key, audit in report["audits"].items() if audit.get("scoreDisplayMode") == "error")


def median_run(reports: list[dict]) -> dict:
    ordered = sorted(reports, key=lambda report: report["categories"]["performance"]["score"] or 0)
    return ordered[(len(ordered) - 1) // 2]


def metric(report: dict, audit: str) -> str:
    value = report["audits"][audit].get("numericValue")
    if value is None:
        return "-"
    if audit == "cumulative-layout-shift":
        return f"{value:.3f}"
    return f"{value / 1000:.1f}s" if value >= 1000 else f"{value:.0f}ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated subset of " + ",".join(PAGES))
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median one is shown")
    parser.add_argument("--keep", type=Path, help="also write each page's (median) JSON report into this folder")
    args = parser.parse_args()
    names, keep = args.pages.split(","), args.keep
    install()
    reports, every_run = {}, {}
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch, "site")
        site.mkdir()
        server = GzipServer(site)
        result = build(ROOT, site, site_url=server.url)
        if result.returncode:
            sys.exit(result.stderr)
        for name in names:
            url = server.url + PAGES[name]
            runs = [lighthouse(url, Path(scratch, f"{name}-{run}.json")) for run in range(args.runs)]
            reports[name] = median_run(runs)
            every_run[name] = sorted(round((run["categories"]["performance"]["score"] or 0) * 100) for run in runs)
            if keep:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"{name}.json").write_text(json.dumps(reports[name]), encoding="utf-8")
        server.close()
    version = next(iter(reports.values()))["lighthouseVersion"]
    print(f"Lighthouse {version}, default mobile profile (simulated slow 4G, 4x CPU slowdown), Chromium "
          f"headless; served from 127.0.0.1 with responses gzip-compressed and cache headers sent, as a "
          f"production web server's would be. Median of {args.runs} run(s) per page.\n")
    print(f"{'page':<8}{'perf':>6}{'perf, every run':>17}{'a11y':>6}{'best':>6}{'seo':>6}{'weight KiB':>12}"
          + "".join(f"{label:>8}" for _, label in METRICS) + f"{'CPU index':>11}")
    for name, report in reports.items():
        scores = [report["categories"][key]["score"] for key in CATEGORIES]
        weight = report["audits"]["total-byte-weight"]["numericValue"] / 1024
        cells = [f"{'-' if s is None else round(s * 100):>6}" for s in scores]
        cells.insert(1, f"{' '.join(map(str, every_run[name])):>17}")
        print(f"{name:<8}" + "".join(cells)
              + f"{weight:>12.0f}" + "".join(f"{metric(report, audit):>8}" for audit, _ in METRICS)
              + f"{report['environment']['benchmarkIndex']:>11.0f}")
    print("\nweight: Lighthouse's total-byte-weight (bytes transferred, so after gzip). CPU index: Lighthouse's")
    print("benchmarkIndex of this machine during the run; Lighthouse warns below 1,000 that its 4x slowdown then")
    print("overstates main-thread time (TBT above all): compare runs at similar indexes.")
    for name, report in reports.items():
        rows = failing(report)
        print(f"\n{name} ({PAGES[name] or 'home'}): {len(rows) or 'no'} audit(s) not passed")
        for key, audit, title, value in rows:
            print(f"  [{key}] {audit}: {title}" + (f" — {value}" if value else ""))
        broken = errored(report)
        if broken:
            print(f"  could not run ({len(broken)}; Lighthouse {version} and this Chromium's trace format): "
                  + ", ".join(broken))


if __name__ == "__main__":
    main()
