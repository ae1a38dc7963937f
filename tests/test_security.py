"""Security: hostile text in every field of every data type comes out as text, never as markup or script.

One small project whose data carries hostile strings (HTML, script, `javascript:` links, macro and
snippet syntax, XML and GIFT control characters) in every text field, built once for the module.
Static checks read the built pages, the finder's data script and the LMS exports; browser checks use
the components the way a learner or an agent would, with hostile input, and look for anything that
ran or any element that came from the hostile markup. Fields that refuse such text are covered by
validation instead: the build (or the loader it runs) must stop with a clear message.
"""

from __future__ import annotations

import html.parser
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from macros.errors import DataError
from macros.library import load_library
from macros.lms_export import gift_escape

from .helpers import ROOT, StaticServer, build, make_project, next_frames, reply_rules_loaded, search_site, write

# Every hostile piece at once; each field gets it with a label of its own in front.
HOSTILE = (
    '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> "><svg onload=window.__pwned=1> '
    "javascript:window.__pwned=1 [x](javascript:window.__pwned=1) [y](javascript&#58;window.__pwned=1) "
    "[z](javascript&colon;window.__pwned=1) {{ 7*7 }} {% raw %} --8<-- \"/etc/passwd\"\n\n"
    "--8<--\nmkdocs.yml\n--8<--\n</textarea> ]]> ~ = # { } :"
)
# What must show as text wherever the field is shown (inline Markdown turns [x](…) into link text).
PROBE = '<img src=x onerror="window.__pwned=1">'
SCRIPT_PROBE = "<script>window.__pwned=1</script>"


def h(label: str) -> str:
    return f"{label} {HOSTILE}"


# A key point's phrasing must fit in one clause of a reply (macros/question_types/reply_grading.py cuts
# replies at punctuation such as . , :), so its hostile text holds markup but no clause break.
PHRASING = "要点甲<img src=x onerror=\"top['__pwned']=1\"></textarea><script>top['__pwned']=1</script>"


def cell(label: str) -> str:
    """Hostile text short enough for a match cell (plain text, at most 60 characters)."""
    text = f"{label} {PROBE} ]]> ~ = # {{ }} :"
    assert len(text) <= 60
    return text


VOCABULARY = {"scenarios": ["退款", h("场景甲")], "customer_types": ["理智型", h("类型甲")]}

QUIZ = {
    "id": "understanding",
    "title": h("小测标题/甲"),
    "shuffle": True,
    "questions": [
        {"id": "q-single", "type": "single", "stem": h("单选题干"),
         "context": [{"who": h("客户"), "say": h("对话甲")}, {"who": h("员工"), "say": h("对话乙")}],
         "options": [{"text": h("单选对"), "correct": True}, {"text": h("单选错")}],
         "explanation": h("单选解析"), "ref": "modules/understanding.md#sec"},
        {"id": "q-multiple", "type": "multiple", "stem": h("多选题干"),
         "options": [{"text": h("多选对一"), "correct": True}, {"text": h("多选对二"), "correct": True},
                     {"text": h("多选错")}],
         "explanation": h("多选解析"), "ref": "modules/understanding.md#sec"},
        {"id": "q-truefalse", "type": "truefalse", "stem": h("判断题干"), "answer": True,
         "explanation": h("判断解析")},
        {"id": "q-order", "type": "order", "stem": h("排序题干"),
         "items": [h("第一步"), h("第二步"), h("第三步")], "explanation": h("排序解析")},
        {"id": "q-reply", "type": "reply", "stem": h("应答题干"),
         "context": [{"who": "客户", "say": h("应答对话")}],
         "keypoints": [{"label": h("要点标签"), "any": [PHRASING]}],
         "model_answer": h("参考回答：要点甲") + " " + PHRASING, "explanation": h("应答解析")},
        {"id": "q-match", "type": "match", "stem": h("配对题干"),
         "columns": [cell("配对列一"), cell("配对列二"), cell("配对列三")],
         "rows": [[cell("配对甲"), cell("配对乙"), cell("配对丙")], [cell("配对丁"), cell("配对戊"), cell("配对己")],
                  [cell("配对庚"), cell("配对辛"), cell("配对壬")]],
         "explanation": h("配对解析")},
    ],
}

PHRASES = {
    "phrases": [
        {"id": "hostile-buffer", "text": h("短语甲"), "stage": "缓冲", "scenarios": [VOCABULARY["scenarios"][1]],
         "customer_types": [VOCABULARY["customer_types"][1]], "channels": ["电话"], "tags": [h("标签甲")],
         "note": h("备注甲")},
        # A placeholder whose name is itself hostile: the finder shows a field for it.
        {"id": "hostile-slot", "text": "{\"]<b>}，" + h("短语乙"), "stage": "致歉", "tags": ["占位"],
         "note": h("备注乙")},
    ],
    "taboo": [
        {"id": "hostile-taboo", "text": h("禁忌甲"), "match": [h("禁忌乙")], "why": h("原因甲"),
         "instead": ["hostile-buffer", h("换说法甲")]},
    ],
}

SYNONYMS = {"synonyms": {h("同义键"): [h("同义词")], "发火": ["短语甲"]}}

ROLEPLAY = {
    "id": "rp-hostile", "title": h("演练标题"), "channel": "柜台", "minutes": 10, "situation": h("情境"),
    "ref": "modules/understanding.md#sec",
    "customer": {"persona": h("人设"), "psychology": [VOCABULARY["customer_types"][1]], "temperament": "胆汁质",
                 "emotion": 4, "wants": h("想要"), "hides": h("隐藏"), "lines": [h("台词一"), h("台词二")],
                 "softens_when": h("缓和")},
    "employee": {"role": h("角色"), "goal": h("目标"), "knows": [h("掌握")]},
    "observer": [h("观察一"), h("观察二"), h("观察三"), h("观察四")],
    "debrief": [h("复盘一"), h("复盘二")],
}

PAGES = {
    "docs/index.md": "# 首页\n\n{{ learning_progress() }}\n",
    "docs/modules/understanding.md": "# 模块\n\n## 小节 { #sec }\n\n正文。\n\n{{ quiz(\"understanding\") }}\n\n"
                                     "{{ phrases(stage=\"缓冲\") }}\n",
    "docs/learn/review.md": (ROOT / "docs/learn/review.md").read_text(encoding="utf-8"),
    "docs/learn/exam.md": "# 结业考试\n\n{{ final_exam(per_module=10, minutes=0, pass_score=0) }}\n",
    "docs/finder.md": (ROOT / "docs/finder.md").read_text(encoding="utf-8"),
    "docs/reference/phrases.md": "# 话术库\n\n{{ phrases() }}\n\n{{ taboo_table() }}\n",
    "docs/trainer/index.md": "# 讲师\n\n{{ lms_downloads() }}\n\n{{ roleplay_cards() }}\n\n{{ phrase_cheat_sheets() }}\n",
}


def dump(data) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6).encode("utf-8")


def project_files(**changes) -> dict:
    files = {**PAGES, "quizzes/understanding.yml": dump(QUIZ), "phrases/hostile.yml": dump(PHRASES),
             "phrases/vocabulary.yml": dump(VOCABULARY), "phrases/synonyms.yml": dump(SYNONYMS),
             "roleplays/rp-hostile.yml": dump(ROLEPLAY)}
    files.update(changes)
    return files


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The hostile project, built for the address it is served at (instant navigation needs site_url)."""
    base = tmp_path_factory.mktemp("hostile")
    project = make_project(base / "project", project_files())
    server = StaticServer(base / "site")
    result = build(project, server.folder, site_url=server.url)
    assert result.returncode == 0, result.stdout + result.stderr
    yield server
    server.close()


# --------------------------------------------------------------------------- reading HTML strictly


class Collector(html.parser.HTMLParser):
    """Every start tag with its (decoded) attributes, the text outside scripts, and the scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def collect(markup: str) -> Collector:
    parser = Collector()
    parser.feed(markup)
    parser.close()
    return parser


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}


def _url_scheme(value: str) -> str:
    # What a browser reads: entities decoded (the parser did that), tabs and newlines removed, ends stripped.
    cleaned = re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                  "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c"
                                                  "\x1d\x1e\x1f ")
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def unsafe_markup(markup: str) -> list[str]:
    """Inline event handlers, script URLs and elements that only the hostile markup could have made."""
    found = []
    parsed = collect(markup)
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            if name.lower().startswith("on"):
                found.append(f"<{tag} {name}=…>: inline event handler")
            if name.lower() in URL_ATTRIBUTES and value and _url_scheme(value) in ("javascript", "vbscript", "data"):
                found.append(f"<{tag} {name}={value!r}>: script URL")
            if name.lower() == "style" and value and "expression(" in value.lower():
                found.append(f"<{tag} style>: script in style")
        if tag == "img" and dict(attrs).get("src") == "x":
            found.append("<img src=x> from hostile text")
        if tag == "svg" and any(name == "onload" for name, _ in attrs):
            found.append("<svg onload> from hostile text")
    found += [f"script runs hostile code: {s[:60]!r}" for s in parsed.scripts if "__pwned" in s]
    return found


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --------------------------------------------------------------------------- static checks


def test_every_hostile_field_is_in_the_pages_as_text_only(hostile_site):
    site = hostile_site.folder
    pages = html_pages(site)
    assert len(pages) <= 10, "keep the hostile project small"
    all_text = ""
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        assert unsafe_markup(markup) == [], where
        for raw in ("<img src=x", "<script>window.__pwned", "<svg onload", "</textarea> ]]>"):
            assert raw not in markup, f"{where}: raw hostile markup {raw!r}"
        assert "root:x:0:0" not in markup and "site_name:" not in markup, f"{where}: a snippet was included"
        all_text += "\n".join(collect(markup).text)
    # Each field's label is on some page, followed by its hostile text shown as text.
    shown = [
        "小测标题/甲", "单选题干", "客户", "对话甲", "对话乙", "单选对", "单选错", "单选解析", "多选题干", "多选对一",
        "多选错", "多选解析", "判断题干", "判断解析", "排序题干", "第一步", "第二步", "第三步", "排序解析", "应答题干",
        "应答对话", "要点标签", "参考回答：要点甲", "应答解析", "配对题干", "配对列一", "配对列二", "配对列三", "配对甲",
        "配对乙", "配对丙", "配对壬", "配对解析",
        "短语甲", "短语乙", "备注甲", "备注乙", "场景甲", "类型甲", "禁忌甲", "原因甲", "换说法甲",
        "演练标题", "情境", "人设", "想要", "隐藏", "台词一", "台词二", "缓和", "角色", "目标", "掌握",
        "观察一", "观察四", "复盘一", "复盘二",
    ]
    flat = re.sub(r"\s+", " ", all_text)
    for label in shown:
        assert re.search(re.escape(label) + r" " + re.escape(PROBE), flat), f"{label}: hostile text not shown as text"
    assert "{{ 7*7 }} {% raw %} --8<-- \"/etc/passwd\"" in flat, "macro and snippet syntax in data must stay text"
    assert SCRIPT_PROBE in flat


def test_search_index_holds_hostile_text_escaped(hostile_site):
    index = json.loads((hostile_site.folder / "search/search_index.json").read_text(encoding="utf-8"))
    texts = [doc.get("title", "") + doc.get("text", "") for doc in index["docs"]]
    assert any("&lt;img src=x" in text for text in texts)
    for text in texts:
        for raw in ("<img", "<script", "<svg", "<textarea", "</textarea"):
            assert raw not in text


def test_no_inline_event_handlers_or_script_urls_in_the_real_site(site_dir):
    problems = {}
    for path in html_pages(site_dir):
        found = unsafe_markup(path.read_text(encoding="utf-8"))
        if found:
            problems[path.relative_to(site_dir).as_posix()] = found[:3]
    assert problems == {}


def test_finder_data_script_holds_the_data_and_no_markup(hostile_site):
    site = hostile_site.folder
    (script,) = site.glob("assets/javascripts/finder-data.*.js")
    content = script.read_text(encoding="utf-8")
    assert content.startswith("window.__kesutongFinderData=") and content.endswith(";\n")
    for raw in ("<img", "<script", "</script", "<svg", "\u2028", "\u2029"):
        assert raw not in content, f"finder data carries raw {raw!r}"
    data = json.loads(content[len("window.__kesutongFinderData="):-2])
    texts = {row[0]: row for row in data["phrases"]}
    assert texts["hostile-buffer"][1] == h("短语甲") and texts["hostile-buffer"][7] == h("备注甲")
    assert texts["hostile-buffer"][6] == [h("标签甲")]
    assert data["taboo"][0][1:4] == [h("禁忌甲"), [h("禁忌甲"), h("禁忌乙")], h("原因甲")]
    assert data["synonyms"][h("同义键")] == [h("同义词")]
    assert h("场景甲") in data["scenarios"] and h("类型甲") in data["types"]


def _moodle_texts(root: ET.Element):
    """(tag path, text) of every <text> element."""
    for question in root.iter("question"):
        for parent in question.iter():
            for child in parent:
                if child.tag == "text":
                    yield parent.tag, child.text or ""


def test_moodle_xml_parses_and_hostile_text_round_trips_as_text(hostile_site):
    lms = hostile_site.folder / "downloads/lms"
    files = sorted(lms.glob("*-moodle.xml"))
    assert [f.name for f in files] == ["all-moodle.xml", "understanding-moodle.xml"]
    for path in files:
        content = path.read_text(encoding="utf-8")
        root = ET.fromstring(content)  # must parse despite ]]> and < in the data
        categories = [t.text for t in root.iter("text") if t.text and t.text.startswith("$course$")]
        # A "/" in a quiz title must not split the category path (Moodle reads "//" as a literal "/").
        assert categories == ["$course$/top/客诉通/" + " ".join(QUIZ["title"].split()).replace("/", "//")]
        fragments = [text for tag, text in _moodle_texts(root) if tag not in ("name", "category")]
        payload = "".join(fragments)
        assert unsafe_markup(payload) == [], path.name
        # Nothing outside the site: no element that loads or links anything.
        links = [(tag, name, value) for tag, attrs in collect(payload).tags for name, value in attrs
                 if name in URL_ATTRIBUTES]
        assert links == [], f"{path.name}: {links[:3]}"
        text = re.sub(r"\s+", " ", "".join(collect(payload).text))
        for label in ("单选题干", "客户", "对话甲", "单选对", "单选解析", "多选对二", "排序题干", "第二步", "应答题干",
                      "要点标签", "要点甲", "参考回答：要点甲", "应答解析", "配对题干", "配对甲", "配对乙", "配对壬", "配对解析"):
            assert re.search(re.escape(label) + " " + re.escape(PROBE), text), f"{path.name}: {label}"
        assert "]]> ~ = # { } :" in text


GIFT_SPECIAL = "~=#{}:"


def _unescaped(line: str) -> list[tuple[int, str]]:
    out, i = [], 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] in GIFT_SPECIAL:
            out.append((i, line[i]))
        i += 1
    return out


def test_gift_escapes_its_special_characters(hostile_site):
    lms = hostile_site.folder / "downloads/lms"
    for path in sorted(lms.glob("*-gift.txt")):
        content = path.read_text(encoding="utf-8")
        blocks = [b for b in content.split("\n\n") if b.strip()]
        questions = 0
        for block in blocks:
            lines = [line for line in block.split("\n") if not line.startswith(("//", "$CATEGORY:"))]
            if not lines:
                continue
            questions += 1
            body = "\n".join(lines)
            # Comments (the model answer for the trainer) are not imported; everything else is.
            assert unsafe_markup(re.sub(r"\\(.)", r"\1", body)) == [], f"{path.name}: {body[:80]!r}"
            specials = "".join(ch for _, ch in _unescaped(body))
            # Only GIFT's own structure is unescaped: ::title:: … { answers ####feedback }.
            assert specials.startswith("::::") and specials.count("{") == 1 and specials.count("}") == 1, \
                f"{path.name}: unescaped special characters {specials!r} in {body[:80]!r}"
            inner = specials[4:]
            assert re.fullmatch(r"\{[=~]*####\}", inner), f"{path.name}: {inner!r}"
        assert questions == 6  # the order question is only in Moodle XML; the 3-column match is two questions
        category = next(line for line in content.splitlines() if line.startswith("$CATEGORY:"))
        assert _unescaped(category[len("$CATEGORY:"):]) == []
        assert category.endswith(gift_escape(" ".join(QUIZ["title"].split()).replace("/", "//")))


def test_hostile_ref_anchor_stops_the_build(tmp_path):
    """A ref's anchor passes the field's pattern ("…md#…"), so the built page decides: no such heading."""
    quiz = {**QUIZ, "questions": [{**QUIZ["questions"][0],
                                   "ref": 'modules/understanding.md#"><svg/onload=window.__pwned=1>'}]}
    project = make_project(tmp_path / "project", project_files(**{"quizzes/understanding.yml": dump(quiz)}))
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "quizzes/understanding.yml:" in output and "the page has no heading with id" in output, output


def _with(data: dict, path: tuple, value) -> dict:
    """A deep copy of `data` with the value at `path` replaced."""
    copy = json.loads(json.dumps(data))
    node = copy
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return copy


EVIL = '"><img src=x onerror=window.__pwned=1>'


@pytest.mark.parametrize("file, data, problem", [
    ("quizzes/understanding.yml", _with(QUIZ, ("id",), EVIL), "id"),
    ("quizzes/understanding.yml", _with(QUIZ, ("questions", 0, "id"), EVIL), "id"),
    ("quizzes/understanding.yml", _with(QUIZ, ("questions", 0, "ref"), "javascript:window.__pwned=1"), "ref"),
    ("quizzes/understanding.yml", _with(QUIZ, ("questions", 0, "ref"), "javascript:x.md"),
     "points to a page that does not exist"),
    ("quizzes/understanding.yml", _with(QUIZ, ("questions", 0, "type"), EVIL), "type"),
    ("phrases/hostile.yml", _with(PHRASES, ("phrases", 0, "id"), EVIL), "id"),
    ("phrases/hostile.yml", _with(PHRASES, ("phrases", 0, "stage"), EVIL), "stage"),
    ("phrases/hostile.yml", _with(PHRASES, ("phrases", 0, "channels"), [EVIL]), "channels"),
    ("phrases/hostile.yml", _with(PHRASES, ("phrases", 0, "scenarios"), [EVIL]), "unknown scenario"),
    ("phrases/hostile.yml", _with(PHRASES, ("phrases", 0, "customer_types"), [EVIL]), "unknown customer type"),
    ("phrases/hostile.yml", _with(PHRASES, ("taboo", 0, "id"), EVIL), "id"),
    ("phrases/hostile.yml", _with(PHRASES, ("taboo", 0, "instead", 0), "no-such-phrase"), "unknown phrase id"),
    ("roleplays/rp-hostile.yml", _with(ROLEPLAY, ("id",), EVIL), "id"),
    ("roleplays/rp-hostile.yml", _with(ROLEPLAY, ("channel",), EVIL), "channel"),
    ("roleplays/rp-hostile.yml", _with(ROLEPLAY, ("ref",), "javascript:window.__pwned=1"), "ref"),
    ("roleplays/rp-hostile.yml", _with(ROLEPLAY, ("customer", "temperament"), EVIL), "temperament"),
    ("roleplays/rp-hostile.yml", _with(ROLEPLAY, ("customer", "psychology"), [EVIL]), "unknown customer type"),
    ("roleplays/rp-hostile.yml", _with(ROLEPLAY, ("customer", "emotion"), EVIL), "emotion"),
    ("roleplays/rp-hostile.yml", _with(ROLEPLAY, ("minutes",), EVIL), "minutes"),
])
def test_fields_that_refuse_hostile_text_stop_with_a_clear_message(tmp_path, file, data, problem):
    """Ids, refs, stages, channels, temperaments and numbers are validated: hostile text never gets in."""
    files = {name: content for name, content in project_files().items() if not name.startswith("docs/")}
    files[file] = dump(data)
    files["docs/modules/understanding.md"] = "# x\n\n## 小节 { #sec }\n"
    write(tmp_path, files)
    with pytest.raises(DataError) as error:
        load_library(tmp_path)  # what the build runs first: it stops with this message
    message = str(error.value)
    assert file in message and problem in message, message
    assert " — " in message  # every message says how to fix it


# --------------------------------------------------------------------------- browser checks

INJECTED = """() => {
  const bad = [];
  if (window.__pwned !== undefined) bad.push("window.__pwned was set");
  if (document.querySelector("img[src=x]")) bad.push("img[src=x] in the DOM");
  if (document.querySelector("svg[onload]")) bad.push("svg[onload] in the DOM");
  for (const s of document.scripts) if (s.textContent.includes("__pwned")) bad.push("script with hostile code");
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) if (a.name.startsWith("on")) bad.push(el.tagName + " " + a.name);
  }
  for (const a of document.querySelectorAll("a[href], area[href]")) {
    if (/^(javascript|vbscript|data):/i.test(a.protocol)) bad.push("script link " + a.getAttribute("href"));
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def learner_context(browser, hostile_site):
    """One browser profile for the module: the 错题本 filled on a module page is read on the next pages."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield context
    context.close()


@pytest.fixture
def visitor(learner_context):
    page = learner_context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("dialog", lambda dialog: (page.errors.append("dialog: " + dialog.message), dialog.dismiss()))
    yield page
    page.close()


def assert_clean(page):
    page.wait_for_timeout(150)  # an injected <img onerror> would fire once its request fails
    assert page.evaluate(INJECTED) == []
    assert page.errors == []


def flat_text(locator) -> str:
    """The text as shown: scrolled to first, since quiz questions off screen are not rendered
    (content-visibility) and read back empty until they come near."""
    if locator.count() and locator.first.is_visible():
        locator.first.scroll_into_view_if_needed()
        next_frames(locator.page)
    return re.sub(r"\s+", " ", locator.inner_text())


def probe_in(locator, label: str = "") -> bool:
    return (label + " " + PROBE if label else PROBE) in flat_text(locator)


def answer_all_wrong(root):
    """Wrong on purpose: every question lands in the 错题本 with its hostile text."""
    for question in QUIZ["questions"]:
        el = root.locator(f'[data-question-id$="{question["id"]}"]')
        if el.count() == 0 or el.first.is_hidden():
            continue
        el = el.first
        if question["type"] in ("single", "multiple"):
            wrong = [i for i, o in enumerate(question["options"]) if not o.get("correct")]
            el.locator(f'input[value="{wrong[0]}"]').check()
        elif question["type"] == "truefalse":
            el.locator('input[value="false"]').check()
        elif question["type"] == "reply":
            el.locator("textarea").fill(HOSTILE)
            reply_rules_loaded(root.page)
        elif question["type"] == "match":
            # Each row takes the next row's cell: every row wrong. A select's id ends in -<row>-<column>.
            for select in el.locator("select").all():
                row = int(select.get_attribute("id").split("-")[-2])
                select.select_option(str((row + 1) % len(question["rows"])))
        # order: never shown solved, so left as it is = wrong
    root.locator('[data-quiz-action="submit"]').click()


@pytest.mark.browser
def test_quiz_with_hostile_answers_records_text_only(visitor, hostile_site):
    page = visitor
    page.goto(hostile_site.url + "modules/understanding/")
    root = page.locator('[data-quiz-id="understanding"]')
    assert_clean(page)
    answer_all_wrong(root)
    assert root.locator(".mdx-quiz__result").get_attribute("data-quiz-score") == "0"
    assert_clean(page)
    verdicts = root.locator(".mdx-quiz__verdict")
    assert probe_in(verdicts.first, "单选错")
    assert probe_in(root.locator(".mdx-quiz__points"), "要点标签")
    assert probe_in(root.locator('[data-question-id="q-single"] .mdx-quiz__explanation'), "单选解析")
    reply = root.locator('[data-question-id="q-reply"] textarea')
    assert reply.input_value() == HOSTILE, "</textarea> typed into the reply stays inside it"
    # Projector mode rebuilds each question from the page: step through it, revealing answers.
    page.evaluate("() => window.mdxProjector.open(document.querySelector('[data-quiz-id=understanding]'))")
    for _ in QUIZ["questions"]:
        page.keyboard.press("Enter")
        assert_clean(page)
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    assert_clean(page)
    # Material's own search over the same pages.
    search_site(page, "短语甲")
    assert_clean(page)


@pytest.mark.browser
def test_wrong_answer_book_and_review_show_hostile_text_as_text(visitor, hostile_site):
    page = visitor
    page.goto(hostile_site.url + "learn/review/")
    book = page.locator("#mdx-wrong-book")
    assert book.locator("[data-wrong-id]").count() == len(QUIZ["questions"])
    assert_clean(page)
    single = book.locator('[data-wrong-id="understanding--q-single"]')
    assert probe_in(single.locator(".mdx-wrong__stem"), "单选题干")
    assert probe_in(single.locator(".mdx-wrong__given"), "单选错")
    assert probe_in(single.locator(".mdx-wrong__key"), "单选对")
    assert probe_in(single.locator(".mdx-wrong__explanation"), "单选解析")
    assert HOSTILE.split("\n")[0].strip() in flat_text(book.locator('[data-wrong-id="understanding--q-reply"]'))
    root = page.locator('[data-quiz-id="review"][data-mdx-mounted]')  # its bank comes as a data file
    root.wait_for()
    answer_all_wrong(root)
    assert_clean(page)


def progress_file(tmp_path: Path) -> Path:
    evil_id = '"><img src=x onerror=window.__pwned=1>'
    entry = {"quiz": evil_id, "stem": HOSTILE, "given": HOSTILE, "key": HOSTILE, "explanation": HOSTILE,
             "ref": "javascript:window.__pwned=1", "streak": 0, "at": HOSTILE}
    data = {"modules": {evil_id: {"done": True, "at": HOSTILE}},
            "quizzes": {evil_id: {"best": 50, "attempts": 1, "passed": False, "last": HOSTILE}},
            "wrong": {evil_id: entry, "understanding--q-single": {**entry, "ref": " JaVaScRiPt:window.__pwned=1"},
                      "understanding--q-order": {**entry, "ref": "data:text/html,<script>window.__pwned=1</script>"}}}
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"app": "kesutong", "kind": "progress", "v": 1, "exported": HOSTILE, "data": data},
                               ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.browser
def test_imported_progress_file_with_hostile_strings_stays_inert(visitor, hostile_site, tmp_path):
    page = visitor
    page.goto(hostile_site.url)
    page.locator("#mdx-progress-file").set_input_files(str(progress_file(tmp_path)))
    page.wait_for_function("document.querySelector('[data-learn-part=status]').textContent.includes('已导入')")
    assert_clean(page)
    page.goto(hostile_site.url + "learn/review/")
    book = page.locator("#mdx-wrong-book")
    assert book.locator("[data-wrong-id]").count() == 3
    assert_clean(page)
    assert HOSTILE.split("\n")[0].strip() in flat_text(book)
    # A person clicks every 回看相关内容 link the book offers: none may run script.
    for link in book.locator("a").all():
        href = link.get_attribute("href") or ""
        assert not _url_scheme(href) in ("javascript", "data", "vbscript"), href
    page.goto(hostile_site.url)
    assert_clean(page)


@pytest.mark.browser
def test_exam_certificate_with_hostile_name(visitor, hostile_site):
    page = visitor
    page.goto(hostile_site.url + "learn/exam/")
    root = page.locator('[data-quiz-id="exam"][data-mdx-mounted]')  # its bank comes as a data file
    root.locator('[data-quiz-action="start"]').click()
    answer_all_wrong(root)
    page.wait_for_selector("input[name='certificate-name']")
    assert_clean(page)
    page.locator("input[name='certificate-name']").fill(HOSTILE)
    page.locator('[data-learn-action="certificate"]').click()
    name = page.locator(".mdx-certificate__name")
    assert re.sub(r"\s+", "", name.text_content()) == re.sub(r"\s+", "", HOSTILE)  # line breaks: a text box drops them
    assert_clean(page)


@pytest.mark.browser
def test_finder_with_hostile_data_and_hostile_typing(visitor, hostile_site):
    page = visitor
    page.goto(hostile_site.url + "finder/")
    box = page.locator("#phrase-finder-input")
    results = page.locator("#phrase-finder-results")
    buffer = page.locator('[data-finder-part="buffer"]')
    assert probe_in(buffer, "短语甲")
    assert_clean(page)
    box.fill(HOSTILE)  # hostile typing
    assert_clean(page)
    box.fill("短语甲")
    assert probe_in(results.locator('[data-phrase-id="hostile-buffer"]'), "短语甲")
    assert probe_in(results.locator('[data-phrase-id="hostile-buffer"]'), "备注甲")
    page.locator('[data-finder-part="filters"] summary').click()
    assert probe_in(page.locator('[data-finder-part="facets"]'), "场景甲")
    chip = page.locator('[data-finder-part="facets"] button', has_text="场景甲")
    chip.click()
    assert results.locator("[data-phrase-id]").count() == 1
    assert_clean(page)
    chip.click()
    box.fill("同义键")  # a synonym key, expanded to its hostile words
    assert_clean(page)
    box.fill("禁忌甲")  # the taboo card: text, why and replacements
    taboo = page.locator('[data-finder-part="taboo"]')
    assert probe_in(taboo, "禁忌甲") and probe_in(taboo, "原因甲") and probe_in(taboo, "换说法甲")
    assert_clean(page)
    # The placeholder field of a phrase: select it, type hostile text into the field, copy.
    box.fill("占位")
    box.press("Enter")  # empty field: the finder asks for it first
    field = results.locator("input[data-slot]")
    assert field.count() == 1
    field.fill(HOSTILE)
    assert HOSTILE.split("\n")[0].strip() in flat_text(results.locator(".mdx-finder__text").first)
    field.press("Enter")
    assert_clean(page)
    box.fill("")
    assert probe_in(page.locator('[data-finder-part="recents"]'))
    box.fill("短语甲")
    box.press("Alt+S")  # a favourite
    box.fill("")
    assert probe_in(page.locator('[data-finder-part="favourites"]'), "短语甲")
    assert_clean(page)
    # 话术体检 with hostile text around a taboo phrase.
    check = page.locator("#phrase-finder-check")
    check.fill(HOSTILE + h("禁忌甲") + HOSTILE)
    result = page.locator('[data-finder-part="check"]')
    assert result.locator("mark[data-taboo-id='hostile-taboo']").count() >= 1
    assert probe_in(result.locator(".mdx-finder__check-text"))
    assert check.input_value() == HOSTILE + h("禁忌甲") + HOSTILE
    assert_clean(page)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "reference/phrases/", "trainer/"])
def test_other_pages_with_hostile_data_stay_inert(visitor, hostile_site, path):
    page = visitor
    page.goto(hostile_site.url + path)
    for details in page.locator("details.mdx-roleplay").all():
        details.locator("summary").click()
    assert_clean(page)
    if path == "trainer/":
        assert probe_in(page.locator(".mdx-roleplay"), "隐藏")
        assert probe_in(page.locator(".mdx-lms"), "小测标题/甲")
