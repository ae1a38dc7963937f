"""Moodle XML and GIFT exports parse back to the source questions and import as the site grades them: rules
checked against Moodle's importers (question/format/xml/format.php, question/format/gift/format.php,
question/format.php) and the ordering type's (question/type/ordering/questiontype.php)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from macros.lms_export import EXPORTS, category_path, export, export_path, gift, gift_escape, moodle_xml
from macros.models import Quiz
from macros.question_types.choice import MultipleQuestion, SingleQuestion
from macros.question_types.match import MatchQuestion
from macros.question_types.order import NAME_BYTES, OrderingNameTooLong, OrderQuestion
from macros.question_types.reply import GRADING_RULE, ReplyQuestion
from macros.question_types.truefalse import TrueFalseQuestion

HOSTILE = "客户说：{很急} ~ 别=乱#来 \\ 好吗"


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def strip_markdown(text: str) -> str:
    return re.sub(r"\*\*|`|\[([^\]]*)\]\([^)]*\)", r"\1", text).strip()


@pytest.fixture(scope="module")
def quizzes(library):
    return list(library.quizzes.values())


@pytest.fixture(scope="module")
def bank(quizzes):
    """The real quizzes and a quiz of match questions (the real quizzes may not have any yet)."""
    return [*quizzes, MATCHES]


MATCHES = Quiz.model_validate({"id": "pairs", "title": "配对", "questions": [
    {"id": "three-columns", "type": "match", "stem": "把每类客户与他最想要的、你的**第一步**配对。",
     "columns": ["客户类型", "最想要的", "第一步"],
     "rows": [["求发泄", "把气倒出来", "让他说完"], ["求补偿", "损失得到弥补", "核实损失"],
              ["<问题型>", "A & B -> C", "给办法{和时限}"]],
     "explanation": "先接住他要的。"},
    {"id": "two-rows", "type": "match", "stem": "配对", "columns": ["类型", "特点"],
     "rows": [["牢骚型", "激动"], ["理智型", "平稳"]], "explanation": "看情绪。"},
]})


def match_parts(quiz: Quiz, question: MatchQuestion) -> dict[str, int]:
    """LMS question name → answer column: one Moodle matching question per answer column."""
    name = f"{quiz.id}/{question.id}"
    if len(question.columns) == 2:
        return {name: 1}
    return {f"{name}/{column}": column for column in range(1, len(question.columns))}


def moodle_answer(text: str) -> str:
    """A Moodle matching answer as Moodle shows it: numeric character references decoded."""
    return re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), text)


def test_moodle_xml_matches_every_question(bank):
    quizzes = bank
    root = ET.fromstring(moodle_xml(quizzes))
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    categories = [q for q in root.findall("question") if q.get("type") == "category"]
    assert len(categories) == len(quizzes)
    source = {f"{quiz.id}/{q.id}": q for quiz in quizzes for q in quiz.questions if q.type != "match"}
    parts = {name: (q, column) for quiz in quizzes for q in quiz.questions if q.type == "match"
             for name, column in match_parts(quiz, q).items()}
    assert sorted(q.findtext("name/text") for q in questions) == sorted([*source, *parts])
    for element in questions:
        if element.findtext("name/text") in parts:
            question, column = parts[element.findtext("name/text")]
            assert element.get("type") == "matching"
            assert strip_markdown(question.stem) in plain(element.findtext("questiontext/text"))
            assert f"“{question.columns[column]}”" in plain(element.findtext("questiontext/text"))
            pairs = [(plain(sub.findtext("text")), moodle_answer(sub.findtext("answer/text")))
                     for sub in element.findall("subquestion")]
            assert pairs == [(row[0], row[column]) for row in question.rows]
            continue
        question = source[element.findtext("name/text")]
        assert element.findtext("idnumber") == element.findtext("name/text")
        assert strip_markdown(question.stem) in plain(element.findtext("questiontext/text"))
        feedback = plain(element.findtext("generalfeedback/text"))
        answers = element.findall("answer")
        if isinstance(question, ReplyQuestion):
            # Moodle shows the general feedback to the learner after the attempt, the grader information
            # only to whoever grades: both carry the model answer and the rule the site grades by.
            assert element.get("type") == "essay"
            assert feedback.startswith(plain(strip_markdown(question.explanation)))
            for shown in (feedback, plain(element.findtext("graderinfo/text"))):
                assert plain(strip_markdown(question.model_answer)) in shown and GRADING_RULE in shown
                assert all(avoid in shown for avoid in question.avoid)
            continue
        assert feedback == plain(strip_markdown(question.explanation))
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            assert element.get("type") == "multichoice"
            assert element.findtext("single") == ("true" if isinstance(question, SingleQuestion) else "false")
            right = {plain(a.findtext("text")) for a in answers if float(a.get("fraction")) > 0}
            assert right == {strip_markdown(o.text) for o in question.options if o.correct}
            assert abs(sum(float(a.get("fraction")) for a in answers if float(a.get("fraction")) > 0) - 100) < 0.01
            wrong = {float(a.get("fraction")) for a in answers if float(a.get("fraction")) <= 0}
            # Single: a wrong option is worth nothing. Multiple: any wrong option cancels the whole question,
            # as on the site (Moodle adds the chosen fractions and keeps the sum between 0 and 100 %).
            assert wrong <= ({0.0} if isinstance(question, SingleQuestion) else {-100.0})
        elif isinstance(question, TrueFalseQuestion):
            assert element.get("type") == "truefalse"
            right = [a.findtext("text") for a in answers if a.get("fraction") == "100"]
            assert right == ["true" if question.answer else "false"]
            assert element.findtext("penalty") == "1", "Moodle's own true/false form forces penalty 1"
        elif isinstance(question, OrderQuestion):
            assert element.get("type") == "ordering"
            assert element.findtext("gradingtype") == "ALL_OR_NOTHING", "the site grades an order all or nothing"
            assert element.findtext("selecttype") == "ALL"
            assert [plain(a.findtext("text")) for a in answers] == [strip_markdown(i) for i in question.items]
            assert len(element.findtext("name/text").encode()) <= NAME_BYTES


# qtype_ordering's import_from_gift(), ported: it matches the question's raw lines (comment lines blanked)
# against this, before Moodle's GIFT reader unescapes anything.
ORDERING_GIFT = re.compile(
    r"^([^{]*)\s*\{>\s*(\d+)\s*((?:ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?)\s*"
    r"((?:HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?)\s*"
    r"((?:ALL_OR_NOTHING|ABSOLUTE_POSITION|ABSOLUTE|ABS|RELATIVE_NEXT_EXCLUDE_LAST|RELATIVE_NEXT_INCLUDE_LAST|"
    r"RELATIVE_ONE_PREVIOUS_AND_NEXT|RELATIVE_ALL_PREVIOUS_AND_NEXT|RELATIVE_TO_CORRECT|RELATIVE|REL"
    r"LONGEST_ORDERED_SUBSET|LONGEST_CONTIGUOUS_SUBSET)?)\s*((?:SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)?)\s*(.*?)\s*\}\s*$",
    re.DOTALL)
GIFT_ID = re.compile(r"\[id:((?:\\]|[^\]\x00-\x1f])+)\]")


def parse_gift(text: str) -> dict[str, dict]:
    """A small GIFT reader for what the exporter writes: [id:…] comment, title, stem, answers, feedback, and
    order questions as the ordering plugin reads them."""
    questions, notes, categories = {}, [], []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if block.startswith("$CATEGORY:"):
            categories.append(block.removeprefix("$CATEGORY:").strip())
            continue
        lines = block.splitlines()
        comments = "\n".join(line for line in lines if line.strip().startswith("//"))
        found = GIFT_ID.search(comments)
        body_lines = [" " if line.strip().startswith("//") else line for line in lines]
        block = "\n".join(body_lines).strip()
        if not block:
            if comments:
                notes.append(comments)
            continue
        title = re.match(r"::(.*?[^\\])::", block).group(1)
        entry = {"id": found.group(1).replace("\\]", "]") if found else None, "category": categories[-1]}
        ordering = ORDERING_GIFT.match("\n".join(body_lines))
        if ordering:
            entry.update(stem=unescape(ordering.group(1).strip()[len(title) + 4:]), count=int(ordering.group(2)),
                         select=ordering.group(3), layout=ordering.group(4), grading=ordering.group(5),
                         items=[line.strip() for line in ordering.group(7).split("\n") if line.strip()])
            questions[unescape(title)] = entry
            continue
        chars, i, parts, current, depth = block, 0, [], "", 0
        while i < len(chars):
            ch = chars[i]
            if ch == "\\" and i + 1 < len(chars):
                current += "\\" + chars[i + 1]
                i += 2
                continue
            if ch == "{" and depth == 0:
                parts.append(current)
                current, depth = "", 1
            elif ch == "}" and depth == 1:
                parts.append(current)
                current, depth = "", 0
            else:
                current += ch
            i += 1
        head, body = parts[0], parts[1]
        answers, feedback = body.split("####")[0], body.split("####")[1].strip()
        # The exporter writes one answer per line: mark (=, ~ or ~%share%), then the escaped text.
        marks = [re.match(r"([=~](?:%-?[\d.]+%)?)(.*)", line.strip()).groups()
                 for line in answers.splitlines() if line.strip()[:1] in ("=", "~")]
        entry.update(stem=unescape(head.strip()[len(title) + 4:]),
                     answers=[(mark, unescape(value).strip()) for mark, value in marks],
                     raw=answers.strip(), feedback=unescape(feedback))
        questions[unescape(title)] = entry
    return {"questions": questions, "notes": notes, "categories": categories}


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_gift_matches_every_question(bank):
    quizzes = bank
    parsed = parse_gift(gift(quizzes))
    for quiz in quizzes:
        for question in quiz.questions:
            key = f"{quiz.id}/{question.id}"
            if isinstance(question, MatchQuestion) and len(question.rows) < 3:
                assert any(key in note and "GIFT 配对题至少要 3 对" in note for note in parsed["notes"])
                assert not any(name.startswith(key) for name in parsed["questions"])
                continue
            if isinstance(question, MatchQuestion):
                for name, column in match_parts(quiz, question).items():
                    got = parsed["questions"][name]
                    assert got["id"] == name
                    assert strip_markdown(question.stem) in plain(got["stem"].removeprefix("[html]"))
                    assert plain(got["feedback"]) == plain(strip_markdown(question.explanation))
                    pairs = [value.split(" -> ") for mark, value in got["answers"]]
                    assert all(mark == "=" for mark, _ in got["answers"])
                    assert [(plain(left), moodle_answer(right)) for left, right in pairs] == \
                        [(row[0], row[column]) for row in question.rows]
                continue
            got = parsed["questions"][key]
            assert got["id"] == key, "Moodle reads the ID number from [id:…] in the comment above a question"
            assert unescape(got["category"]) == category_path(quiz)
            assert strip_markdown(question.stem) in plain(got["stem"].removeprefix("[html]"))
            if isinstance(question, OrderQuestion):
                # As the ordering plugin reads it: all items shown, in this order, graded all or nothing.
                assert (got["select"], got["layout"], got["grading"]) == ("ALL", "VERTICAL", "ALL_OR_NOTHING")
                assert got["count"] == len(question.items)
                assert [plain(item) for item in got["items"]] == [strip_markdown(item) for item in question.items]
                assert len(key.encode()) <= NAME_BYTES
                continue
            if isinstance(question, ReplyQuestion):
                # GIFT has no grader information: the general feedback carries model answer and rule.
                assert got["raw"] == ""
                feedback = plain(got["feedback"])
                assert plain(strip_markdown(question.model_answer)) in feedback and GRADING_RULE in feedback
                continue
            assert plain(got["feedback"]) == plain(strip_markdown(question.explanation))
            if isinstance(question, TrueFalseQuestion):
                assert got["raw"].startswith("TRUE" if question.answer else "FALSE")
            else:
                right = {plain(v) for m, v in got["answers"] if m == "=" or (m.startswith("~%") and not m.startswith("~%-"))}
                assert right == {strip_markdown(o.text) for o in question.options if o.correct}
                if isinstance(question, MultipleQuestion):
                    assert {m for m, v in got["answers"] if m.startswith("~%-")} <= {"~%-100%"}


def test_gift_escapes_its_control_characters():
    escaped = gift_escape(HOSTILE)
    assert re.sub(r"\\.", "", escaped).count("{") == 0
    assert unescape(escaped) == HOSTILE
    quiz = Quiz.model_validate({"id": "x", "title": "标题: 测试", "questions": [
        {"id": "q", "type": "single", "stem": HOSTILE, "options": [{"text": HOSTILE, "correct": True}, {"text": "b"}],
         "explanation": HOSTILE}]})
    got = parse_gift(gift([quiz]))["questions"]["x/q"]
    assert plain(got["stem"].removeprefix("[html]")) == HOSTILE
    assert plain(got["answers"][0][1]) == HOSTILE and got["answers"][0][0] == "="
    root = ET.fromstring(moodle_xml([quiz]))
    assert plain(root.find("question[@type='multichoice']/questiontext/text").text) == HOSTILE


def xml_questions(text: str) -> list[tuple[str, str, str]]:
    """(category, type, ID number) of each question of a Moodle XML file, in file order."""
    out, category = [], None
    for element in ET.fromstring(text).findall("question"):
        if element.get("type") == "category":
            category = element.findtext("category/text")
        else:
            out.append((category, element.get("type"), element.findtext("idnumber")))
    return out


def gift_questions(text: str) -> list[tuple[str, str, str]]:
    """(category, "ordering" or "", ID number) of each question of a GIFT file."""
    return [(unescape(q["category"]), "ordering" if "items" in q else "", q["id"])
            for q in parse_gift(text)["questions"].values()]


def test_every_file_parses_and_the_core_files_hold_no_plugin_questions(bank):
    """A Moodle without the ordering type stops the whole import at the first order question
    (qformat_xml: xmltypeunsupported; stop on error is the default): the "-core" files have none."""
    orders = {f"{quiz.id}/{q.id}" for quiz in bank for q in quiz.questions if isinstance(q, OrderQuestion)}
    assert orders, "the bank has order questions"
    for quiz_id, chosen in [*((q.id, [q]) for q in bank), ("all", bank)]:
        mine = {f"{quiz.id}/{q.id}" for quiz in chosen for q in quiz.questions} & orders
        for kind in EXPORTS:
            text = export(chosen, kind)
            rows = xml_questions(text) if kind.format == "moodle" else gift_questions(text)
            ordering = {idnumber for _, qtype, idnumber in rows if qtype == "ordering"}
            assert ordering == (set() if kind.core_only else mine), (quiz_id, kind.suffix)
            assert export_path(quiz_id, kind).endswith(kind.suffix)


def test_a_question_has_one_category_and_id_number_in_every_file(quizzes):
    """Moodle never skips a question it has (question/format.php keeps importing and drops a clashing ID
    number): what keeps `all` and a per-quiz file from scattering copies is that both put a question in
    the same category with the same ID number, so a copy shows up beside it, without its ID number."""
    seen: dict[str, str] = {}
    for quiz_id, chosen in [*((q.id, [q]) for q in quizzes), ("all", quizzes)]:
        for kind in EXPORTS:
            text = export(chosen, kind)
            rows = xml_questions(text) if kind.format == "moodle" else gift_questions(text)
            ids = [(category, idnumber) for category, _, idnumber in rows]
            assert all(idnumber for _, idnumber in ids), (quiz_id, kind.suffix)
            assert len(set(ids)) == len(ids), f"{quiz_id}{kind.suffix}: an ID number twice in a category"
            for category, idnumber in ids:
                assert seen.setdefault(idnumber, category) == category, (idnumber, quiz_id, kind.suffix)
    assert len(seen) >= sum(len(q.questions) for q in quizzes)


def test_an_order_question_name_the_ordering_importer_would_cut_stops_the_export(quizzes):
    names = [f"{quiz.id}/{q.id}" for quiz in quizzes for q in quiz.questions if isinstance(q, OrderQuestion)]
    assert max(len(name.encode()) for name in names) <= NAME_BYTES
    quiz = Quiz.model_validate({"id": "handling-steps", "title": "长名字", "questions": [
        {"id": "a-very-long-question-id-about-four-steps", "type": "order", "stem": "排序",
         "items": ["一", "二"], "explanation": "按顺序。"}]})
    for write in (moodle_xml, gift):
        with pytest.raises(OrderingNameTooLong, match="42 bytes"):
            write([quiz])
    # The files without order questions do not hold it, so they are written.
    assert not [q for q in xml_questions(moodle_xml([quiz], core_only=True)) if q[1] == "ordering"]
    assert gift_questions(gift([quiz], core_only=True)) == []


def test_build_writes_the_exports_linked_from_the_trainer_page(site_dir, quizzes):
    page = (site_dir / "trainer/index.html").read_text(encoding="utf-8")
    for quiz_id in [q.id for q in quizzes] + ["all"]:
        for kind in EXPORTS:
            assert (site_dir / export_path(quiz_id, kind)).is_file()
            assert export_path(quiz_id, kind) in page
    for kind in EXPORTS:
        if kind.format == "moodle":
            ET.parse(site_dir / export_path("all", kind))
