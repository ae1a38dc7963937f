"""MkDocs hook: the quiz's script sources become the one `assets/javascripts/quiz.js` the pages load.

The sources stay split by responsibility under docs/assets/javascripts/quiz/ (helpers, the
paper, drafts, the clock, grading, printing, the mount) with one file per question type in quiz/types/.
Joined at build time, a page still makes one request for the quiz, however many types there are, and a
new type is one new file in quiz/types/: nothing here or in mkdocs.yml names it. The sources themselves
are not published. The minify plugin then minifies the joined file like any other listed script.

The 情景应答题 grader's rules (macros/question_types/reply_grading.py, `browser_rules()`, ~290 KB with the sentence model) are a script
of their own, `assets/javascripts/reply-rules.<hash>.js`, that sets `window.mdxReplyRules`: quiz/types/reply.js
loads it on a page with a reply question once the learner starts on one (or submits), so the many pages that
never grade a reply do not download it. A script rather than fetch(), because the offline copy opened from
file:// refuses fetch() of a file. The hash of its content is in its name, so an intranet cache never serves old
rules to a new grader; the bundle names the file (`window.mdxReplyRulesFile`, relative to quiz.js).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

SOURCES = "assets/javascripts/quiz/"
BUNDLE = "assets/javascripts/quiz.js"
# Beside the bundle: reply.js resolves the name against quiz.js's own address
RULES_FOLDER = "assets/javascripts/"
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


def reply_rules_script() -> str:
    """One assignment of the reply grader's rules; inert if ever inlined (no "</", no line separators)."""
    from macros.question_types.reply_grading import browser_rules

    text = json.dumps(browser_rules(), ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.mdxReplyRules={text};\n"


def reply_rules_name(script: str) -> str:
    """The rules file's name, with the hash of its content."""
    return f"reply-rules.{hashlib.sha1(script.encode('utf-8')).hexdigest()[:10]}.js"


def bundle(folder: Path, rules_name: str = "") -> str:
    """The joined script, from the quiz/ source folder; `rules_name` is the reply grader's rules file beside it."""
    names = [path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()]
    rules_file = f"window.mdxReplyRulesFile={json.dumps(rules_name)};"
    parts = [f"/* ---- the reply grader's rules file (hooks/quiz_bundle.py) ---- */\n{rules_file}\n"]
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
    # The rules come from the project's Python package, as the macros' do
    project = str(Path(config["config_file_path"]).parent)
    if project not in sys.path:
        sys.path.insert(0, project)
    folder = Path(config["docs_dir"]) / SOURCES
    rules = reply_rules_script()
    name = reply_rules_name(rules)
    files.append(File.generated(config, RULES_FOLDER + name, content=rules))
    files.append(File.generated(config, BUNDLE, content=bundle(folder, name)))
    return files
