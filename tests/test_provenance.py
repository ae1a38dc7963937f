"""Every figure a module states is on the reviewed list provenance/figures.yml, with its source; so is every
figure of the other pages named in PAGES (listed under `pages:` instead of `modules:`): the 受理记录单 and the
phrase files (phrases/bank.yml is the page id phrases/bank).

What counts as a figure (see FIGURE below):
- a percentage: ``68%``, ``4.712%``, ``52%～95%`` (each end counts);
- a duration: a number followed by 天, 日, 个工作日, 小时, 分钟 or 秒 (``15 日``, ``2 个工作日``, ``24 小时``);
  the day of a calendar date (``3 月 1 日``) is not a duration and is left out;
- a five-digit service number starting with 1 or 9 (``12378``, ``12363``, ``96110``, ``95536``);
  an amount (``10000 元``) is not one;
- a year: four digits from 1900 to 2099 followed by 年 or closing a document number (``〔2017〕``).

Plain counts (三步, 七条, list numbers, 20 万) are not figures. The module's own sources section
(``## … { #sources }``, to the next ``## `` heading) is left out: it cites, it does not state. In trainer notes (``??? trainer`` blocks) the
lesson timings in 分钟 are the course's own plan and are left out; every other figure there counts.
Figures are compared after normalisation: spaces dropped, ％ as %, 天 as 日, 个小时 as 小时, 工作日 as 个工作日.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from .helpers import ROOT

MODULES = ROOT / "docs" / "modules"
# Pages outside the modules that state rules and their figures: id → Markdown source
# The phrase files hold what agents say to customers (text) and the advice beside it (note), so their figures
# count too, under the ids phrases/<file>. The finder's word lists hold what agents type, which states nothing.
FINDER_WORD_LISTS = {"lexicon", "synonyms", "thesaurus", "vocabulary"}
PAGES = {"record": ROOT / "docs" / "record.md",
         **{f"phrases/{path.stem}": path for path in sorted((ROOT / "phrases").glob("*.yml"))
            if path.stem not in FINDER_WORD_LISTS}}
FIGURES = ROOT / "provenance" / "figures.yml"
# The seeds sit at ../shared/seeds beside the project; COURSE_SEEDS points elsewhere (a git worktree, for one).
SEEDS = Path(os.environ.get("COURSE_SEEDS", ROOT.parent / "shared" / "seeds"))

FIGURE = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?\s*[%％]"
    r"|(?<![\d.月])(?<!月\s)\d+\s*(?:个工作日|工作日|个小时|小时|分钟|秒|天|日)"
    r"|(?<![\d.])[19]\d{4}(?![\d.])(?!\s*[元万字个])"
    r"|(?<![\d.])(?:19|20)\d\d(?=\s*年|〕)"
)
TRAINER_NOTE = re.compile(r"^\?\?\?\+? trainer\b")
SOURCES_HEADING = re.compile(r"^## .*\{ #sources \}")
SOURCE_KINDS = {"seed", "regulation", "public", "course"}


def normalise(figure: str) -> str:
    text = re.sub(r"\s+", "", figure).replace("％", "%").replace("个小时", "小时").replace("天", "日")
    return re.sub(r"(?<!个)工作日", "个工作日", text)


def figures_in(text: str) -> list[tuple[int, str]]:
    """(line number, normalised figure) for every figure in a module's Markdown."""
    found = []
    in_trainer_note = in_sources = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("## "):
            in_sources = bool(SOURCES_HEADING.match(line))
        if in_sources:
            continue
        if TRAINER_NOTE.match(line):
            in_trainer_note = True
        elif line.strip() and not line.startswith((" ", "\t")):
            in_trainer_note = False
        for match in FIGURE.finditer(line):
            figure = normalise(match.group(0))
            if in_trainer_note and figure.endswith("分钟"):
                continue
            found.append((number, figure))
    return found


def sources_by_id() -> dict[str, Path]:
    """Module and page id → its Markdown source."""
    return {**{path.stem: path for path in sorted(MODULES.glob("*.md"))}, **PAGES}


def module_figures() -> dict[tuple[str, str], list[int]]:
    """(figure, module or page id) → the lines it is on."""
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    for name, path in sources_by_id().items():
        for number, figure in figures_in(path.read_text(encoding="utf-8")):
            where[(figure, name)].append(number)
    return where


def reviewed() -> dict:
    return yaml.safe_load(FIGURES.read_text(encoding="utf-8"))


def listed() -> set[tuple[str, str]]:
    return {(normalise(entry["figure"]), name) for entry in reviewed()["figures"]
            for name in [*entry.get("modules", []), *entry.get("pages", [])]}


def test_every_figure_in_a_module_is_on_the_reviewed_list():
    paths = sources_by_id()
    missing = [f"{paths[name].relative_to(ROOT).as_posix()}:{lines[0]}: {figure}"
               for (figure, name), lines in sorted(module_figures().items()) if (figure, name) not in listed()]
    assert not missing, ("figures not on provenance/figures.yml (add each with its source, or fix the module):\n"
                         + "\n".join(missing))


def test_the_list_names_no_figure_a_module_no_longer_states():
    stale = sorted(listed() - set(module_figures()))
    assert not stale, f"listed but not in the module any more (remove or correct the entry): {stale}"


def test_every_entry_names_a_known_source():
    data = reviewed()
    sources = data["sources"]
    assert {s["kind"] for s in sources.values()} <= SOURCE_KINDS
    for entry in data["figures"]:
        assert entry["sources"], entry["figure"]
        for cited in entry["sources"]:
            assert cited["source"] in sources, f"{entry['figure']}: unknown source {cited['source']}"
            assert cited.get("as_named"), f"{entry['figure']}: say how the source states it"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds live in ../shared/seeds beside the project")
def test_seed_quotes_are_in_the_seeds():
    """A seed-sourced figure quotes its seed: the quote is in the seed file, and the figure is in the quote."""
    data = reviewed()
    for entry in data["figures"]:
        for cited in entry["sources"]:
            source = data["sources"][cited["source"]]
            if source["kind"] != "seed":
                continue
            seed = re.sub(r"\s+", "", (SEEDS / source["file"]).read_text(encoding="utf-8"))
            quote = re.sub(r"\s+", "", cited["as_named"])
            assert quote in seed, f"{entry['figure']}: '{cited['as_named']}' is not in {source['file']}"
            figure = normalise(entry["figure"])
            assert figure in normalise(quote) or cited.get("derived"), (
                f"{entry['figure']}: the quote does not contain it; quote the seed's own words or say how it is derived")


def test_the_scanner_sees_what_counts_as_a_figure():
    text = ("68% 与 52%～95%；15 日内，2 个工作日，24 小时，15 秒，3 天；12378、96110；2020 年；〔2017〕\n"
            "2020 年 3 月 1 日施行；开发新客户花 10000 元；三步；20 万\n"
            '??? trainer "讲师提示"\n    - 讲 5 分钟，先遮住 68% 那一行\n正文 1 分钟\n'
            "## 本模块的出处 { #sources }\n- 新华社 2020 年 1 月 17 日电\n## 小测 { #quiz }\n12378\n")
    assert [f for _, f in figures_in(text)] == [
        "68%", "52%", "95%", "15日", "2个工作日", "24小时", "15秒", "3日", "12378", "96110", "2020", "2017",
        "2020", "68%", "1分钟", "12378"]


def test_module_ids_on_the_list_are_modules():
    names = {p.stem for p in MODULES.glob("*.md")}
    for entry in reviewed()["figures"]:
        assert set(entry.get("modules", [])) <= names, entry
        assert set(entry.get("pages", [])) <= set(PAGES), entry
        assert entry.get("modules") or entry.get("pages"), entry
