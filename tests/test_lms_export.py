"""Moodle XML and GIFT exports parse back to the source questions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from macros.lms_export import gift, gift_escape, moodle_xml
from macros.models import Quiz
from macros.question_types.choice import MultipleQuestion, SingleQuestion
from macros.question_types.match import MatchQuestion
from macros.question_types.order import OrderQuestion
from macros.question_types.reply import ReplyQuestion
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
        assert strip_markdown(question.stem) in plain(element.findtext("questiontext/text"))
        assert plain(element.findtext("generalfeedback/text")) == plain(strip_markdown(question.explanation))
        answers = element.findall("answer")
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            assert element.get("type") == "multichoice"
            assert element.findtext("single") == ("true" if isinstance(question, SingleQuestion) else "false")
            right = {plain(a.findtext("text")) for a in answers if float(a.get("fraction")) > 0}
            assert right == {strip_markdown(o.text) for o in question.options if o.correct}
            assert abs(sum(float(a.get("fraction")) for a in answers if float(a.get("fraction")) > 0) - 100) < 0.01
        elif isinstance(question, TrueFalseQuestion):
            assert element.get("type") == "truefalse"
            right = [a.findtext("text") for a in answers if a.get("fraction") == "100"]
            assert right == ["true" if question.answer else "false"]
        elif isinstance(question, ReplyQuestion):
            assert element.get("type") == "essay"
            assert plain(strip_markdown(question.model_answer)) in plain(element.findtext("graderinfo/text"))
        elif isinstance(question, OrderQuestion):
            assert element.get("type") == "ordering"
            assert [plain(a.findtext("text")) for a in answers] == [strip_markdown(i) for i in question.items]


def parse_gift(text: str) -> dict[str, dict]:
    """A small GIFT reader for what the exporter writes: title, stem, answers, feedback."""
    questions, ordering_notes = {}, []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block or block.startswith("$CATEGORY"):
            continue
        if block.startswith("//"):
            ordering_notes.append(block)
            block = "\n".join(line for line in block.splitlines() if not line.startswith("//")).strip()
            if not block:
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
        title = re.match(r"::(.*?[^\\])::", head).group(1)
        answers, feedback = body.split("####")[0], body.split("####")[1].strip()
        # The exporter writes one answer per line: mark (=, ~ or ~%share%), then the escaped text.
        marks = [re.match(r"([=~](?:%-?[\d.]+%)?)(.*)", line.strip()).groups()
                 for line in answers.splitlines() if line.strip()[:1] in ("=", "~")]
        questions[unescape(title)] = {
            "stem": unescape(head[len(title) + 4:]),
            "answers": [(mark, unescape(value).strip()) for mark, value in marks],
            "raw": answers.strip(), "feedback": unescape(feedback),
        }
    return {"questions": questions, "notes": ordering_notes}


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_gift_matches_every_question(bank):
    quizzes = bank
    parsed = parse_gift(gift(quizzes))
    for quiz in quizzes:
        for question in quiz.questions:
            key = f"{quiz.id}/{question.id}"
            if isinstance(question, OrderQuestion):
                assert any(key in note and "GIFT 格式不支持排序题" in note for note in parsed["notes"])
                continue
            if isinstance(question, MatchQuestion) and len(question.rows) < 3:
                assert any(key in note and "GIFT 配对题至少要 3 对" in note for note in parsed["notes"])
                assert not any(name.startswith(key) for name in parsed["questions"])
                continue
            if isinstance(question, MatchQuestion):
                for name, column in match_parts(quiz, question).items():
                    got = parsed["questions"][name]
                    assert strip_markdown(question.stem) in plain(got["stem"].removeprefix("[html]"))
                    assert plain(got["feedback"]) == plain(strip_markdown(question.explanation))
                    pairs = [value.split(" -> ") for mark, value in got["answers"]]
                    assert all(mark == "=" for mark, _ in got["answers"])
                    assert [(plain(left), moodle_answer(right)) for left, right in pairs] == \
                        [(row[0], row[column]) for row in question.rows]
                continue
            got = parsed["questions"][key]
            assert strip_markdown(question.stem) in plain(got["stem"].removeprefix("[html]"))
            assert plain(got["feedback"]) == plain(strip_markdown(question.explanation))
            if isinstance(question, TrueFalseQuestion):
                assert got["raw"].startswith("TRUE" if question.answer else "FALSE")
            elif isinstance(question, ReplyQuestion):
                assert got["raw"] == "" and any(key in note and "参考回答" in note for note in parsed["notes"])
            else:
                right = {plain(v) for m, v in got["answers"] if m == "=" or (m.startswith("~%") and not m.startswith("~%-"))}
                assert right == {strip_markdown(o.text) for o in question.options if o.correct}


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


def test_build_writes_the_exports_linked_from_the_trainer_page(site_dir, quizzes):
    page = (site_dir / "trainer/index.html").read_text(encoding="utf-8")
    for quiz_id in [q.id for q in quizzes] + ["all"]:
        for name in (f"{quiz_id}-moodle.xml", f"{quiz_id}-gift.txt"):
            assert (site_dir / "downloads/lms" / name).is_file()
            assert f"downloads/lms/{name}" in page
    ET.parse(site_dir / "downloads/lms/all-moodle.xml")
