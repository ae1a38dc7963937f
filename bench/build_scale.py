"""How the strict build grows with the content: the real site, then copies with 3× and 10× of everything
(module pages, quizzes, phrases, role-play cards). Figures only: nothing here asserts a time.

    .venv/bin/python bench/build_scale.py [--factors 1,3,10] [--runs 2]

Growth is "about linear" when seconds per unit of content stay roughly flat down the table; the fixed
part (MkDocs and plugin start-up, theme assets) makes small sites look slower per unit.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import build_times
from tests.helpers import ROOT

NOT_PHRASE_FILES = {"vocabulary", "synonyms"}


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".venv", ".git", "site", "site-offline", "dist", "__pycache__", "bench", "tests", "*.png"))
    return target


def multiply_modules(project: Path, factor: int) -> list[str]:
    """Module pages copied `factor - 1` times, each with its own quiz; returns the copies' nav lines."""
    modules = sorted((project / "docs/modules").glob("*.md"))
    nav = []
    for copy in range(1, factor):
        for page in modules:
            slug = page.stem
            text = page.read_text(encoding="utf-8")
            text = re.sub(r'quiz\("([a-z0-9-]+)"\)', lambda m, copy=copy: f'quiz("{m.group(1)}-c{copy}")', text)
            (page.parent / f"{slug}-c{copy}.md").write_text(text, encoding="utf-8")
            nav.append(f"      - 副本 {copy} {slug}: modules/{slug}-c{copy}.md\n")
            quiz_file = project / "quizzes" / f"{slug}.yml"
            if quiz_file.exists():
                quiz = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))
                quiz["id"] = f"{quiz['id']}-c{copy}"
                for question in quiz["questions"]:
                    if question.get("ref"):
                        question["ref"] = re.sub(r"^modules/([a-z0-9-]+)\.md",
                                                 lambda m, copy=copy: f"modules/{m.group(1)}-c{copy}.md", question["ref"])
                (project / "quizzes" / f"{slug}-c{copy}.yml").write_text(
                    yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return nav


def multiply_phrases(project: Path, factor: int) -> None:
    for path in sorted((project / "phrases").glob("*.yml")):
        if path.stem in NOT_PHRASE_FILES:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("phrases", "taboo"):
            originals = list(data.get(key) or [])  # a copy: the clones go into the same list
            for copy in range(1, factor):
                for entry in originals:
                    clone = {**entry, "id": f"{entry['id']}-c{copy}"}
                    if key == "taboo":
                        clone["text"] = f"{entry['text']}（副本{copy}）"
                        clone.pop("match", None)
                    data[key].append(clone)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def multiply_roleplays(project: Path, factor: int) -> None:
    for path in sorted((project / "roleplays").glob("*.yml")):
        card = yaml.safe_load(path.read_text(encoding="utf-8"))
        for copy in range(1, factor):
            (path.parent / f"{path.stem}-c{copy}.yml").write_text(
                yaml.safe_dump({**card, "id": f"{card['id']}-c{copy}"}, allow_unicode=True, sort_keys=False),
                encoding="utf-8")


def scaled_project(base: Path, factor: int) -> Path:
    project = copy_project(base / f"x{factor}")
    if factor > 1:
        nav = multiply_modules(project, factor)
        multiply_phrases(project, factor)
        multiply_roleplays(project, factor)
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        anchor = "      - 10. 综合测评: modules/final.md\n"
        config = config.replace(anchor, anchor + "".join(nav))
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def content_size(project: Path) -> tuple[int, int, int]:
    pages = len(list((project / "docs").rglob("*.md")))
    questions = sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))["questions"])
                    for p in (project / "quizzes").glob("*.yml"))
    phrases = sum(len(yaml.safe_load(p.read_text(encoding="utf-8")).get("phrases") or [])
                  for p in (project / "phrases").glob("*.yml") if p.stem not in NOT_PHRASE_FILES)
    return pages, questions, phrases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", default="1,3,10")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    factors = [int(f) for f in args.factors.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as base:
        for factor in factors:
            project = scaled_project(Path(base), factor)
            pages, questions, phrases = content_size(project)
            rows.append((factor, pages, questions, phrases, statistics.median(build_times(project, args.runs))))
            shutil.rmtree(project)
    print(f"strict build, median of {args.runs} runs (same machine, same run: compare ratios)\n")
    print(f"{'content':>8}{'pages':>7}{'questions':>11}{'phrases':>9}{'build s':>9}{'× real':>8}{'s per ×':>9}")
    first = rows[0][4]
    for factor, pages, questions, phrases, seconds in rows:
        print(f"{factor:>7}×{pages:>7}{questions:>11}{phrases:>9}{seconds:>9.2f}{seconds / first:>8.2f}"
              f"{seconds / factor:>9.2f}")


if __name__ == "__main__":
    main()
