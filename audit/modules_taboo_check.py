"""Audit aid (#17): lines the course pages recommend that contain a phrases/taboo.yml entry.

A line counts as recommended when it is a staff line of a dialogue (“**员工**：…”, “- 客服：“…””)
or a quotation inside a `success`, `example`, `tip` or `quote` block, and not inside a `failure`
block. With --all-quotes every “quoted” phrase outside failure blocks is checked too (most are the
page naming a taboo to warn against it, so read each hit). Prints `file:line: taboo-id: text`.
Run from the worktree root: python audit/modules_taboo_check.py [--all-quotes] [extra taboo.yml ...]
"""
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.normalize import taboo_hits

PAGES = sorted(Path("docs/modules").glob("*.md")) + sorted(Path("docs/reference").glob("*.md")) + [
    Path("docs/index.md"), Path("docs/trainer/roleplays.md"), Path("docs/trainer/cheatsheets.md")]
STAFF_ROLES = "员工|柜员|大堂经理|客服|坐席|主管|经理|店员|服务员|客户经理"
STAFF = re.compile(rf"(?:\*\*(?:{STAFF_ROLES})[^*]{{0,6}}\*\*|^\s*(?:[-\d.]+\s*)?(?:{STAFF_ROLES})[^：:“]{{0,6}})[：:]\s*(.+)")
QUOTE = re.compile(r"[“「]([^”」]{4,})[”」]")
ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?)\s*(\w[\w-]*)")
RECOMMENDING = {"success", "example", "tip", "quote"}


def load_taboo(paths):
    entries = {}
    for path in paths:
        for entry in yaml.safe_load(Path(path).read_text(encoding="utf-8"))["taboo"]:
            entries[entry["id"]] = [entry["text"], *entry.get("match", [])]
    return list(entries.items())


def recommended_lines(path, all_quotes):
    """(line number, text) of each line the page offers as something to say."""
    block, block_indent = None, -1
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        indent = len(line) - len(line.lstrip())
        if block and line.strip() and indent <= block_indent:
            block = None
        opened = ADMONITION.match(line)
        if opened:
            block, block_indent = opened.group(2), len(opened.group(1))
            continue
        if block == "failure":
            continue
        staff = STAFF.search(line)
        texts = [staff.group(1)] if staff else []
        if all_quotes or block in RECOMMENDING:
            texts += [quote for quote in QUOTE.findall(line) if not staff or quote not in staff.group(1)]
        for text in texts:
            yield number, text


def main():
    args = sys.argv[1:]
    all_quotes = "--all-quotes" in args
    taboo = load_taboo(["phrases/taboo.yml", *(a for a in args if a != "--all-quotes")])
    hits = 0
    for path in PAGES:
        for number, text in recommended_lines(path, all_quotes):
            for entry_id in taboo_hits(text, taboo):
                hits += 1
                print(f"{path}:{number}: {entry_id}: {text[:120]}")
    print(f"{hits} hit(s) in {len(PAGES)} pages, {len(taboo)} taboo entries")


if __name__ == "__main__":
    main()
