"""The SCORM 1.2 package (`make scorm`): its manifest (well-formed, every file listed, valid against the IMS
and ADL schemas), and the course inside a real SCORM 1.2 run-time, scorm-again (tests/scorm_lms/, installed
by `make test`), playing the LMS: a host page with `window.API` and the package's launch page in a frame,
all served from the unzipped package on 127.0.0.1."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from tools.scorm_package import LAUNCH, MANIFEST

from .helpers import PageWatch, StaticServer
from .test_browser import answer

pytestmark = pytest.mark.browser

LMS_TOOLS = Path(__file__).parent / "scorm_lms"
RUNTIME = LMS_TOOLS / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
TIMESPAN = re.compile(r"^\d{4}:\d{2}:\d{2}\.\d{2}$")

# The LMS: scorm-again's SCORM 1.2 API as window.API, every call logged with the error code it left, and
# the learner's stored record (window.__lmsRecord, set by the test before the page loads) put in first.
HOST_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>测试用学习平台</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script>
<script>
  var api = new Scorm12API({ autocommit: false, logLevel: 4 });
  if (window.__lmsRecord) api.loadFromJSON(window.__lmsRecord);
  window.lmsLog = [];
  ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"].forEach(function (name) {
    var call = api[name].bind(api);
    api[name] = function () {
      var result = call.apply(null, arguments);
      window.lmsLog.push({ call: name, args: Array.prototype.slice.call(arguments), result: String(result),
                           error: String(api.LMSGetLastError()) });
      return result;
    };
  });
  window.API = api;
</script></head>
<body style="margin:0"><iframe id="sco" title="课件" src="../package/launch.html" style="width:1280px;height:880px;border:0"></iframe></body></html>
"""


# An LMS whose API throws on every call (a broken or half-loaded player): the course must still open.
BROKEN_HOST_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>出故障的学习平台</title><link rel="icon" href="data:,">
<script>
  window.lmsCalls = 0;
  var fail = function () { window.lmsCalls += 1; throw new Error("LMS unavailable"); };
  window.API = { LMSInitialize: fail, LMSFinish: fail, LMSGetValue: fail, LMSSetValue: fail, LMSCommit: fail,
                 LMSGetLastError: fail, LMSGetErrorString: fail, LMSGetDiagnostic: fail };
</script></head>
<body style="margin:0"><iframe id="sco" title="课件" src="../package/launch.html" style="width:1280px;height:880px;border:0"></iframe></body></html>
"""


@pytest.fixture(scope="session")
def lms(scorm_zip, tmp_path_factory):
    """127.0.0.1 serving /package/ (the unzipped package) and /lms/host.html (the LMS), one origin as in an LMS."""
    if not RUNTIME.is_file():
        pytest.fail(f"{RUNTIME} is missing: run `make test`, or `npm ci` in tests/scorm_lms/")
    root = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(scorm_zip) as bundle:
        bundle.extractall(root / "package")
    (root / "lms").mkdir()
    shutil.copy(RUNTIME, root / "lms" / "scorm12.min.js")
    (root / "lms" / "host.html").write_text(HOST_PAGE, encoding="utf-8")
    (root / "lms" / "broken.html").write_text(BROKEN_HOST_PAGE, encoding="utf-8")
    server = StaticServer(root)
    yield server
    server.close()


@pytest.fixture
def learner(browser):
    """A learner on a fresh browser profile (nothing in localStorage), watched for errors and outside requests."""
    context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    context.close()


def manifest_of(scorm_zip: Path) -> tuple[list[str], ET.Element]:
    with zipfile.ZipFile(scorm_zip) as bundle:
        return bundle.namelist(), ET.fromstring(bundle.read(MANIFEST))


def test_manifest_at_the_root_lists_one_sco_and_every_file(scorm_zip):
    names, root = manifest_of(scorm_zip)
    assert names[0] == MANIFEST, "imsmanifest.xml must sit at the root of the zip"
    assert not [n for n in names if n.startswith("/") or ".." in n.split("/") or "\\" in n]
    assert root.tag == f"{CP}manifest"
    assert root.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organizations = root.find(f"{CP}organizations")
    organization = organizations.find(f"{CP}organization")
    assert organizations.get("default") == organization.get("identifier")
    items = organization.findall(f"{CP}item")
    resources = root.findall(f"{CP}resources/{CP}resource")
    assert len(items) == 1 and len(resources) == 1, "one SCO for the whole course"
    sco = resources[0]
    assert items[0].get("identifierref") == sco.get("identifier")
    assert sco.get(f"{ADLCP}scormtype") == "sco" and sco.get("href") == LAUNCH
    assert items[0].find(f"{ADLCP}masteryscore") is None, "the LMS must not judge passed/failed from the score"
    listed = [unquote(f.get("href")) for f in sco.findall(f"{CP}file")]
    assert sorted(listed) == sorted(n for n in names if n != MANIFEST)
    assert {"launch.html", "index.html", "modules/understanding.html", "assets/javascripts/scorm.js"} <= set(listed)


def validate(manifest: bytes, tmp_path: Path) -> subprocess.CompletedProcess:
    if not (LMS_TOOLS / "node_modules" / "xmllint-wasm").is_dir():
        pytest.fail("tests/scorm_lms/node_modules is missing: run `make test`, or `npm ci` in tests/scorm_lms/")
    (tmp_path / MANIFEST).write_bytes(manifest)
    return subprocess.run(["node", str(LMS_TOOLS / "validate-manifest.js"), str(tmp_path / MANIFEST)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_manifest_is_valid_against_the_ims_and_adl_schemas(scorm_zip, tmp_path):
    with zipfile.ZipFile(scorm_zip) as bundle:
        manifest = bundle.read(MANIFEST)
    result = validate(manifest, tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "valid", result.stdout + result.stderr
    # The validator does reject a broken manifest (a SCORM type the ADL schema does not know).
    broken = validate(manifest.replace(b'adlcp:scormtype="sco"', b'adlcp:scormtype="lesson"'), tmp_path)
    assert broken.returncode == 1 and "scormtype" in broken.stdout


def test_only_the_package_loads_the_adapter(offline_dir, scorm_zip):
    offline_page = (offline_dir / "modules/understanding.html").read_text(encoding="utf-8")
    assert "scorm.js" not in offline_page and "__mdx_scorm" not in offline_page
    with zipfile.ZipFile(scorm_zip) as bundle:
        packaged = bundle.read("modules/understanding.html").decode()
    assert "assets/javascripts/scorm.js" in packaged
    course = json.loads(re.search(r'<script type="application/json" id="__mdx_scorm">(.*?)</script>', packaged).group(1))
    assert course["page"] == "modules/understanding.html"
    assert course["modules"][:2] == ["understanding", "psychology"]


def course_frame(page):
    """The course page inside launch.html inside the LMS's frame, once its quiz script has mounted."""
    frame = page.frame_locator("#sco").frame_locator("#mdx-scorm-course")
    frame.locator("body").wait_for()
    return next(f for f in page.frames if f.parent_frame and f.parent_frame.parent_frame)


def lms_value(page, name: str) -> str:
    return page.evaluate("name => window.API.getCMIValue(name)", name)


def open_in_lms(page, lms, record: dict | None = None):
    if record is not None:
        page.add_init_script(f"window.__lmsRecord = {json.dumps(record)};")
    page.goto(lms.url + "lms/host.html")
    return course_frame(page)


def last_set(page, name: str) -> str:
    """The last value the SCO set for `name` that the LMS accepted."""
    sets = [e["args"][1] for e in page.evaluate("window.lmsLog")
            if e["call"] == "LMSSetValue" and e["args"][0] == name and e["result"] == "true"]
    return sets[-1] if sets else ""


def lms_errors(page) -> list[dict]:
    return [entry for entry in page.evaluate("window.lmsLog") if entry["error"] != "0"]


def pass_quiz(frame, quiz) -> None:
    root = frame.locator(f'[data-quiz-id="{quiz.id}"][data-mdx-mounted]')
    for question in quiz.questions:
        answer(frame, quiz, question, correct=True)
    root.locator('[data-quiz-action="submit"]').click()
    assert root.locator(".mdx-quiz__result").get_attribute("data-quiz-score") == "100"


def test_a_passed_module_quiz_reaches_the_lms_and_comes_back_from_suspend_data(browser, lms, library):
    quiz = library.quizzes["understanding"]
    modules = 12

    context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="zh-CN")
    page = context.new_page()
    watch = PageWatch(page)
    frame = open_in_lms(page, lms)
    assert frame.url.endswith("/package/index.html")
    assert lms_value(page, "cmi.core.lesson_status") == "incomplete"
    frame.goto(lms.url + "package/modules/understanding.html")
    pass_quiz(frame, quiz)

    assert lms_value(page, "cmi.core.lesson_status") == "incomplete", "one module of twelve is not the course"
    assert lms_value(page, "cmi.core.score.raw") == str(round(100 / modules))
    assert (lms_value(page, "cmi.core.score.min"), lms_value(page, "cmi.core.score.max")) == ("0", "100")
    assert lms_value(page, "cmi.core.lesson_location") == "modules/understanding.html"
    suspend = lms_value(page, "cmi.suspend_data")
    record = json.loads(suspend)
    assert len(suspend) <= 4096
    assert list(record["m"]) == ["understanding"] and record["q"]["understanding"][:3] == [100, 1, 1]
    calls = [entry["call"] for entry in page.evaluate("window.lmsLog")]
    assert calls.count("LMSInitialize") == 1 and "LMSCommit" in calls[calls.index("LMSSetValue"):]

    # The learner leaves: the launch page ends the session (removing the LMS's frame unloads it).
    page.evaluate("document.getElementById('sco').remove()")
    calls = [entry["call"] for entry in page.evaluate("window.lmsLog")]
    assert calls.count("LMSFinish") == 1 and calls[-2:] == ["LMSCommit", "LMSFinish"]
    # Write-only in SCORM 1.2: read what the LMS accepted from its log of calls.
    session_time = last_set(page, "cmi.core.session_time")
    assert TIMESPAN.match(session_time), session_time
    assert last_set(page, "cmi.core.exit") == "suspend"
    assert lms_errors(page) == []
    assert watch.outside == [] and watch.errors == []
    stored = {"core": {"lesson_status": "incomplete", "lesson_location": lms_value(page, "cmi.core.lesson_location")},
              "suspend_data": suspend}
    context.close()

    # Next launch, another computer (empty localStorage): the LMS's record brings the progress back.
    context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="zh-CN")
    page = context.new_page()
    watch = PageWatch(page)
    frame = open_in_lms(page, lms, stored)
    assert frame.url.endswith("/package/modules/understanding.html"), "the course reopens where the learner left"
    frame.wait_for_selector('[data-module-id="understanding"] .mdx-module-done__state')
    assert "已学完" in frame.locator('[data-module-id="understanding"]').inner_text()
    done_links = frame.locator("a.md-nav__link.mdx-nav--done").evaluate_all("(as) => as.map(a => a.pathname)")
    assert done_links and all(link.endswith("/modules/understanding.html") for link in done_links), done_links
    frame.goto(lms.url + "package/index.html")
    row = frame.locator('#mdx-progress tr[data-module="understanding"]')
    assert "已学完" in row.inner_text() and "100%" in row.inner_text()
    assert lms_value(page, "cmi.suspend_data") == suspend, "reopening changes nothing in the record"
    assert lms_errors(page) == []
    assert watch.outside == [] and watch.errors == []
    context.close()


def test_the_lms_record_replaces_another_learners_progress_and_status_never_goes_down(learner, lms, library):
    # Someone else studied on this computer outside the LMS: their progress is in localStorage.
    learner.goto(lms.url + "package/index.html")
    learner.evaluate("""localStorage.setItem("kesutong.progress.v1", JSON.stringify({v: 1,
        modules: {psychology: {done: true, at: "2026-01-01"}},
        quizzes: {psychology: {best: 90, attempts: 1, passed: true, last: "2026-01-01"}}, wrong: {}}))""")
    frame = open_in_lms(learner, lms, {"core": {"lesson_status": "passed", "score": {"raw": "85"}}})
    row = frame.locator('#mdx-progress tr[data-module="psychology"]')
    row.wait_for()
    assert "已学完" not in row.inner_text(), "another learner's progress must not count for this one"
    assert json.loads(lms_value(learner, "cmi.suspend_data")) == {"v": 1, "m": {}, "q": {}}
    frame.goto(lms.url + "package/modules/understanding.html")
    pass_quiz(frame, library.quizzes["understanding"])
    assert lms_value(learner, "cmi.core.lesson_status") == "passed", "a passed course stays passed"
    assert lms_errors(learner) == []
    assert learner.watch.errors == []


def test_without_an_lms_the_package_works_as_the_offline_site(learner, lms, library):
    quiz = library.quizzes["understanding"]
    learner.goto(lms.url + "package/launch.html")
    frame = learner.frame_locator("#mdx-scorm-course")
    frame.locator(".md-header").wait_for()
    assert learner.frames[1].url.endswith("/package/index.html")
    learner.goto(lms.url + "package/modules/understanding.html")
    pass_quiz(learner, quiz)
    stored = json.loads(learner.evaluate("localStorage.getItem('kesutong.progress.v1')"))
    assert stored["modules"]["understanding"]["done"] is True
    assert learner.evaluate("window.mdxScorm.findAPI()") is None
    assert learner.watch.outside == [] and learner.watch.errors == []


def test_an_lms_that_throws_does_not_keep_the_course_from_working(learner, lms, library):
    learner.goto(lms.url + "lms/broken.html")
    frame = course_frame(learner)
    frame.locator(".md-header").wait_for()
    assert frame.url.endswith("/package/index.html")
    frame.goto(lms.url + "package/modules/understanding.html")
    pass_quiz(frame, library.quizzes["understanding"])
    assert learner.evaluate("window.lmsCalls") >= 1, "the adapter did try the LMS"
    assert learner.watch.errors == []


def test_record_status_and_time_formats(learner, lms):
    learner.goto(lms.url + "package/index.html")
    scorm = "window.mdxScorm"
    assert learner.evaluate(f"{scorm}.timespan(0)") == "0000:00:00.00"
    assert learner.evaluate(f"{scorm}.timespan(((2 * 60 + 3) * 60 + 4) * 1000 + 560)") == "0002:03:04.56"
    assert learner.evaluate(f"{scorm}.timespan(1e12)") == "9999:59:59.99"
    modules = ["a", "b"]
    standing = learner.evaluate("""([modules, progress]) => window.mdxScorm.standing(progress, modules, "exam")""",
                                [modules, {"modules": {"a": {}, "b": {}}, "quizzes": {"a": {"best": 100}, "b": {"best": 50}}}])
    assert standing == {"status": "completed", "score": 75}
    for passed, status in ((True, "passed"), (False, "failed")):
        standing = learner.evaluate("""([modules, progress]) => window.mdxScorm.standing(progress, modules, "exam")""",
                                    [modules, {"modules": {}, "quizzes": {"exam": {"best": 70, "passed": passed}}}])
        assert standing == {"status": status, "score": 70}
    assert learner.evaluate("window.mdxScorm.standing({modules: {}, quizzes: {}}, ['a'], 'exam')") == \
        {"status": "incomplete", "score": None}
    # Many long-named quizzes: the dates go first, and what is written stays within SCORM 1.2's 4,096 characters.
    encode = """(count) => {
        const progress = {modules: {}, quizzes: {}};
        for (let i = 0; i < count; i++) {
            const id = "module-with-a-long-name-" + i;
            progress.modules[id] = {done: true, at: "2026-12-06"};
            progress.quizzes[id] = {best: 100, attempts: 12, passed: true, last: "2026-12-06"};
        }
        const text = window.mdxScorm.encode(progress);
        return text && {length: text.length, dated: text.includes("2026"), back: window.mdxScorm.decode(text)};
    }"""
    small = learner.evaluate(encode, 12)
    assert small["dated"] and len(small["back"]["modules"]) == 12
    big = learner.evaluate(encode, 50)
    assert big["length"] <= 4096 and not big["dated"]
    assert len(big["back"]["quizzes"]) == 50 and big["back"]["quizzes"]["module-with-a-long-name-7"]["best"] == 100
    assert learner.evaluate(encode, 100) is None, "a record that cannot fit is not written cut"
    assert learner.evaluate("window.mdxScorm.decode('not ours')") is None
    # A passed exam's completion record travels with the progress, so another computer can show it again.
    exam = {"score": 90, "date": "2026-12-07", "paper": "AB12", "name": "张三", "modules": ["认识客户投诉"]}
    back = learner.evaluate("""(exam) => window.mdxScorm.decode(window.mdxScorm.encode(
        {modules: {}, quizzes: {exam: {best: 90, attempts: 1, passed: true, last: ""}}, exam: exam}))""", exam)
    assert back["exam"] == exam
    assert "exam" not in learner.evaluate("window.mdxScorm.decode(window.mdxScorm.encode({modules: {}, quizzes: {}}))")
    assert learner.watch.errors == []
