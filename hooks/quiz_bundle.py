"""MkDocs hook: the quiz's script sources become the one `assets/javascripts/quiz.js` the pages load.

The sources stay split by responsibility under docs/assets/javascripts/quiz/ (helpers, the
paper, drafts, the clock, grading, printing, the mount) with one file per question type in quiz/types/.
Joined at build time, a page still makes one request for the quiz, however many types there are, and a
new type is one new file in quiz/types/: nothing here or in mkdocs.yml names it. The sources themselves
are not published. The minify plugin then minifies the joined file like any other listed script.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

SOURCES = "assets/javascripts/quiz/"
BUNDLE = "assets/javascripts/quiz.js"
TYPES = "types/"
# Order matters where a file uses another at load time: the helpers come first, the question
# types (any order) register themselves next, and the mount, which starts the quizzes, comes last.
# page-life.js subscribes to Material's document$ before the mount does: an old page's clock stops
# before the new page's quizzes mount.
BEFORE_TYPES = ("util.js", "page-life.js")
AFTER_TYPES = ("question.js", "paper.js", "drafts.js", "clock.js", "grading.js", "printing.js", "top-button.js",
               "mount.js")


def bundle_order(names: list[str]) -> list[str]:
    """The source names (relative to quiz/) in the order they are joined; unknown core files are an error."""
    types = sorted(name for name in names if name.startswith(TYPES) and name.endswith(".js"))
    known = set(BEFORE_TYPES) | set(AFTER_TYPES) | set(types)
    stray = sorted(name for name in names if name not in known)
    if stray:
        raise PluginError(f"docs/{SOURCES}{stray[0]}: not part of the quiz bundle — put a question type in "
                          f"quiz/{TYPES}, or add a core file to the order in hooks/quiz_bundle.py")
    missing = [name for name in (*BEFORE_TYPES, *AFTER_TYPES) if name not in names]
    if missing:
        raise PluginError(f"docs/{SOURCES}{missing[0]}: missing — the quiz bundle needs it (hooks/quiz_bundle.py)")
    return [*BEFORE_TYPES, *types, *AFTER_TYPES]


def bundle(folder: Path) -> str:
    """The joined script, from the quiz/ source folder."""
    names = [path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()]
    parts = []
    for name in bundle_order(names):
        text = (folder / name).read_text(encoding="utf-8").strip()
        parts.append(f"/* ---- quiz/{name} ---- */\n{text}\n")
    return "\n".join(parts)


def on_files(files: Files, config) -> Files:
    sources = [file for file in files if file.src_uri.startswith(SOURCES)]
    if not sources:
        return files
    if files.get_file_from_path(BUNDLE) is not None:
        raise PluginError(f"docs/{BUNDLE}: made from docs/{SOURCES} at build time — delete it")
    for file in sources:
        files.remove(file)
    folder = Path(config["docs_dir"]) / SOURCES
    files.append(File.generated(config, BUNDLE, content=bundle(folder)))
    return files
