"""Phrase finder benchmark: keystroke-to-results latency for the real library and synthetic ones of
3,000 and 30,000 phrases, index size, page transfer; and Material's own search box on the same site.

    .venv/bin/python bench/finder.py [--sizes real,3000,30000] [--quality-only] [--misses]

First the top-3 hit rate over bench/finder_queries.tsv and each holdout bench/finder_queries_holdout*.tsv (the
engine alone on a blank page, over the real data), overall and per category; then the latencies.

Prints figures only (machines here are shared and noisy: compare within one run).
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, StaticServer, build

QUERIES = ["退款", "tuikuan", "tk", "等太久", "投訴", "发火", "找领导", "系统故障", "态度不好", "赔偿", "xt", "核实一下"]

# Measures from the moment text enters the box to the moment the result list changed.
PROBE = """
(selector) => {
  window.__latencies = [];
  const box = document.querySelector(selector.box);
  const list = document.querySelector(selector.list);
  let start = 0;
  box.addEventListener('beforeinput', () => { start = performance.now(); }, true);
  box.addEventListener('keyup', () => { if (!start) start = performance.now(); }, true);
  new MutationObserver(() => {
    if (!start) return;
    const done = performance.now();
    window.__latencies.push(done - start);
    start = 0;
  }).observe(list, {childList: true, subtree: true, characterData: true});
}
"""


def synthetic_project(base: Path, count: int) -> Path:
    """A copy of the project whose phrase library has `count` phrases: the real ones, then ones recombined from them."""
    project = base / f"synthetic-{count}"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", "bench",
                                                                 "tests", "*.png"))
    real = []
    for path in sorted((ROOT / "phrases").glob("*.yml")):
        if path.stem in ("vocabulary", "synonyms", "taboo", "lexicon", "thesaurus"):
            continue
        real += yaml.safe_load(path.read_text(encoding="utf-8"))["phrases"]
    for path in (project / "phrases").glob("*.yml"):
        if path.stem not in ("vocabulary", "synonyms", "taboo", "lexicon", "thesaurus"):
            path.unlink()
    rng = random.Random(count)
    clauses = [c for p in real for c in re.split(r"(?<=[，。？！])", p["text"]) if len(c) > 3]
    # The real phrases stay, under their ids (the taboo list's alternatives name some of them), and
    # recombined ones make up the rest of `count`.
    phrases = list(real[:count])
    for i in range(count - len(phrases)):
        model = real[i % len(real)]
        text = "".join(rng.sample(clauses, 2))
        phrases.append({**model, "id": f"synthetic-{i}", "text": text})
    (project / "phrases/synthetic.yml").write_text(yaml.safe_dump({"phrases": phrases}, allow_unicode=True), "utf-8")
    # Only the finder and home page: the other pages are not what is measured here.
    docs = project / "docs"
    for path in list(docs.rglob("*.md")):
        if path.relative_to(docs).as_posix() not in ("index.md", "finder.md"):
            path.unlink()
    (docs / "index.md").write_text("# 客诉通\n", encoding="utf-8")
    for folder in ("quizzes", "roleplays"):  # their refs point at the pages removed above
        shutil.rmtree(project / folder)
        (project / folder).mkdir()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("# Page tree")] + "nav:\n  - 首页: index.md\n  - 通话速查: finder.md\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def type_and_measure(page, selector: dict, queries: list[str], material: bool) -> list[float]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.evaluate(PROBE, selector)
    box = page.locator(selector["box"])
    for query in queries:
        box.fill("")
        page.wait_for_timeout(150)
        page.evaluate("window.__latencies.length = window.__latencies.length")
        for char in query:
            before = page.evaluate("window.__latencies.length")
            if char.isascii():
                page.keyboard.press(char)
            else:
                page.keyboard.insert_text(char)
                if material:
                    box.dispatch_event("keyup")
            try:
                page.wait_for_function(f"window.__latencies.length > {before}", timeout=5000)
            except PlaywrightTimeout:  # a keystroke that changed nothing is not a measurement
                pass
    return page.evaluate("window.__latencies")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def transfer(page) -> tuple[int, int]:
    """(bytes as served here, bytes if the server gzips text as nginx/IIS usually do)."""
    entries = page.evaluate("[performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]"
                            ".map(e => [e.name, e.encodedBodySize || 0])")
    raw = sum(size for _, size in entries)
    return raw, entries


def measure(project: Path, label: str, browser) -> dict:
    site = Path(tempfile.mkdtemp())
    server = StaticServer(site)
    result = build(project, site, site_url=server.url)
    if result.returncode:
        sys.exit(result.stderr)
    data = next(site.glob("assets/javascripts/finder-data.*.js"))
    row = {"label": label, "index": data.stat().st_size, "index_gz": len(gzip.compress(data.read_bytes()))}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url + "finder/", wait_until="networkidle")
    page.wait_for_selector("#phrase-finder[data-mdx-mounted]")
    row["ready_ms"] = page.evaluate("performance.getEntriesByName('mdx-finder-ready')[0].startTime")
    raw, entries = transfer(page)
    row["transfer"] = raw
    row["transfer_gz"] = sum(_gzip_size(site, server.url, name, size) for name, size in entries)
    finder = type_and_measure(page, {"box": "#phrase-finder-input", "list": "#phrase-finder-results"}, QUERIES, False)
    row["finder"] = finder
    page.goto(server.url + "finder/", wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.wait_for_timeout(1500)  # let Material load its index first: measure searching, not downloading
    material = type_and_measure(page, {"box": ".md-search__input", "list": ".md-search-result"}, QUERIES, True)
    row["material"] = material
    context.close()
    server.close()
    shutil.rmtree(site)
    return row


def _gzip_size(site: Path, base: str, url: str, size: int) -> int:
    path = url.removeprefix(base).split("?")[0].split("#")[0]
    file = site / (path or "index.html")
    if file.is_dir() or path.endswith("/"):
        file = file / "index.html"
    if file.suffix in (".html", ".js", ".css", ".json", ".xml", ".svg", "") and file.is_file():
        return len(gzip.compress(file.read_bytes()))
    return size


PAGE_AIM_KIB = 600  # #18: the finder page's first load, uncompressed
QUERY_FILE = Path(__file__).resolve().parent / "finder_queries.tsv"
# Written after the lexicon, measured untouched first: what the finder was not tuned on (its header says more).
HOLDOUT_FILE = Path(__file__).resolve().parent / "finder_queries_holdout.tsv"
ENGINE_SCRIPTS = ["docs/assets/javascripts/text-fold.js", "docs/assets/javascripts/finder-engine.js"]
TOP = 3


def read_queries(path: Path = QUERY_FILE) -> list[tuple[str, str, list[str]]]:
    """(category, query, fits) per line; fits are words a fitting phrase contains, or #scenario/#type."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "category\t")):
            continue
        category, query, fits = line.split("\t")
        rows.append((category, query, fits.split("|")))
    return rows


def fits(phrase, wanted: list[str]) -> bool:
    """Whether a phrase is what the query asked for: one of the words in its text or tags, or the facet."""
    said = phrase.text + "|" + "|".join(phrase.tags)
    facets = set(phrase.scenarios) | set(phrase.customer_types)
    return any(w[1:] in facets if w.startswith("#") else w in said for w in wanted)


def quality(browser, show_misses: bool, path: Path = QUERY_FILE) -> None:
    """Top-3 hit rate of the engine over the real library, per category and overall."""
    from macros.finder_index import finder_data
    from macros.library import load_library

    library = load_library(ROOT)
    by_id = {p.id: p for p in library.phrases}
    page = browser.new_page()
    page.set_content("<!doctype html><meta charset='utf-8'><title>engine</title>")
    for script in ENGINE_SCRIPTS:
        page.add_script_tag(path=str(ROOT / script))
    page.evaluate("data => { window.finderIndex = new window.mdxFinderEngine.Index(data); }", finder_data(library))
    queries = read_queries(path)
    found = page.evaluate(f"(qs) => qs.map(q => window.finderIndex.search(q).hits.slice(0, {TOP})"
                          ".map(h => h.phrase.id))", [q for _, q, _ in queries])
    page.close()
    per_category: dict[str, list[int]] = {}
    misses = []
    for (category, query, wanted), ids in zip(queries, found):
        hit = any(fits(by_id[i], wanted) for i in ids)
        per_category.setdefault(category, []).append(hit)
        if not hit:
            misses.append(f"  {category}\t{query}\t→ {' / '.join(by_id[i].text[:18] for i in ids) or '(nothing)'}")
    total = [h for hits in per_category.values() for h in hits]
    print(f"top-{TOP} hit rate over {len(total)} queries ({path.name}): {100 * sum(total) / len(total):.1f} %")
    for category, hits in per_category.items():
        print(f"  {category:<6}{100 * sum(hits) / len(hits):>6.1f} %  ({sum(hits)}/{len(hits)})")
    if show_misses:
        print("misses:\n" + "\n".join(misses))
    print()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="real,3000,30000")
    parser.add_argument("--quality-only", action="store_true", help="only the hit rate, no site build")
    parser.add_argument("--misses", action="store_true", help="list the queries without a fitting top-3 hit")
    args = parser.parse_args()
    sizes = args.sizes.split(",")
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in (QUERY_FILE, *sorted(QUERY_FILE.parent.glob("finder_queries_holdout*.tsv"))):
            quality(browser, args.misses, path)
        if args.quality_only:
            browser.close()
            return
        for size in sizes:
            project = ROOT if size == "real" else synthetic_project(Path(scratch), int(size))
            rows.append(measure(project, "real library" if size == "real" else f"{int(size):,} phrases", browser))
        browser.close()
    print(f"queries typed key by key: {' '.join(QUERIES)}\n")
    print(f"{'library':<16}{'finder p50':>11}{'p95':>8}{'Material p50':>14}{'p95':>8}{'index KiB':>11}"
          f"{'(gzip)':>8}{'page KiB':>10}{'(gzip)':>8}{'ready ms':>10}")
    for row in rows:
        f, m = row["finder"], row["material"]
        print(f"{row['label']:<16}{percentile(f, .5):>9.1f}ms{percentile(f, .95):>6.1f}ms"
              f"{percentile(m, .5):>12.1f}ms{percentile(m, .95):>6.1f}ms"
              f"{row['index'] / 1024:>11.0f}{row['index_gz'] / 1024:>8.0f}{row['transfer'] / 1024:>10.0f}"
              f"{row['transfer_gz'] / 1024:>8.0f}{row['ready_ms']:>10.0f}")
    print("\nfinder: from text entering the box to the result list changing (search + render, same task);")
    print("Material: from keyup to its result list changing (worker round trip + render); in the synthetic")
    print("  sites its index holds only the home page, so its figures there are a floor, not a comparison.")
    print("ready: from navigation start until the finder has its data indexed and the box has focus (localhost).")
    print("samples per row:", ", ".join(f"{len(r['finder'])}/{len(r['material'])}" for r in rows))
    for row in rows[:1] if sizes[0] == "real" else []:
        print(f"finder page first load (as served, no gzip): {row['transfer'] / 1024:.0f} KiB, "
              f"aim <= {PAGE_AIM_KIB} KiB (tests/test_finder.py asserts it)")


if __name__ == "__main__":
    main()
