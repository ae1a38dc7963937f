"""Renderers: stable HTML for known data (golden cases) and inert output for hostile data.

Each folder in tests/golden/ is one case: input.yml (and, for a quiz with written replies, taboo.yml)
beside expected.html. The folder's name before the first "-" says what renders it (quiz, exam, review,
phrases). `pytest tests/test_render.py --update` rewrites the expectations on purpose; review the diff.
"""

from __future__ import annotations

import difflib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from macros.contract import ExamRules
from macros.inline_markdown import InlineRenderer
from macros.lms_export import gift, moodle_xml
from macros.models import Phrase, PhraseFile, Quiz, Taboo
from macros.question_types import QUESTION_TYPES, UnknownQuestionType
from macros.render_learning import render_exam, render_review
from macros.render_phrases import render_phrases, render_taboo_table
from macros.render_quiz import render_quiz, scrambled
from macros.render_record import render_record

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_CASES = sorted(folder.name for folder in GOLDEN.iterdir() if folder.is_dir())
HOSTILE = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }} {% raw %}",
    '--8<-- "/etc/passwd"',
    "[点我](javascript:alert(1))",
    "![远程图片](http://203.0.113.9/x.png)",
    "' onmouseover='alert(1)",
]

def link_for(target: str) -> str:
    return "../" + target.replace(".md", "/")


def _taboo(folder: Path) -> list[tuple[str, str, list[str]]]:
    path = folder / "taboo.yml"
    if not path.exists():
        return []
    taboo = PhraseFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).taboo
    return [(t.id, t.text, [t.text, *t.match]) for t in taboo]


def render_case(folder: Path) -> str:
    kind = folder.name.split("-")[0]
    data = yaml.safe_load((folder / "input.yml").read_text(encoding="utf-8"))
    inline, taboo = InlineRenderer(link_for), _taboo(folder)
    if kind == "quiz":
        return render_quiz(Quiz.model_validate(data), inline, link_for, taboo)
    if kind == "phrases":
        return render_phrases(PhraseFile.model_validate(data).phrases)
    if kind == "record":
        return render_record({part: [Phrase.model_validate(p) for p in items] for part, items in data.items()})
    quizzes = [Quiz.model_validate(quiz) for quiz in data["quizzes"]]
    if kind == "review":
        return render_review(quizzes, inline, link_for, taboo)
    if kind == "exam":
        modules = [{"id": quiz.id, "title": quiz.title, "url": f"../modules/{quiz.id}/"} for quiz in quizzes]
        rules = ExamRules(per_module=data["per_module"], minutes=data["minutes"], pass_score=data["pass_score"])
        return render_exam(quizzes, modules, rules, inline, link_for, taboo)
    raise AssertionError(f"tests/golden/{folder.name}: no renderer for cases named '{kind}-…'"
                         " (quiz, exam, review, phrases, record)")


@pytest.mark.parametrize("case", GOLDEN_CASES)
def test_golden(case, request):
    folder = GOLDEN / case
    html = render_case(folder)
    expected_path = folder / "expected.html"
    if request.config.getoption("--update"):
        expected_path.write_text(html + "\n", encoding="utf-8")
        return
    if not expected_path.exists():
        pytest.fail(f"tests/golden/{case}/expected.html is missing: check the output, then write it with --update")
    expected = expected_path.read_text(encoding="utf-8").removesuffix("\n")
    if html != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), html.splitlines(), "expected", "actual", lineterm=""))
        pytest.fail(f"tests/golden/{case} changed (rerun with --update if intended):\n{diff}")


def test_golden_cases_cover_every_question_type():
    missing = sorted(set(QUESTION_TYPES) - {case.split("-")[1] for case in GOLDEN_CASES if case.startswith("quiz-")})
    assert missing == [], f"add a golden case tests/golden/quiz-<type>/ for: {', '.join(missing)}"


def test_every_line_of_every_golden_case_starts_with_a_tag():
    for case in GOLDEN_CASES:
        html = render_case(GOLDEN / case)
        assert all(line.startswith("<") for line in html.splitlines()), case


def quiz_of_every_type() -> Quiz:
    """The quiz golden cases' questions, as one quiz."""
    questions = [question for case in GOLDEN_CASES if case.startswith("quiz-")
                 for question in yaml.safe_load((GOLDEN / case / "input.yml").read_text(encoding="utf-8"))["questions"]]
    return Quiz.model_validate({"id": "demo", "title": "示例", "pass_score": 60, "questions": questions})


def test_quiz_hooks_and_answers():
    html = render_quiz(quiz_of_every_type(), InlineRenderer(link_for), link_for)
    assert 'data-quiz-id="demo"' in html
    assert html.count("data-question-id=") == len(quiz_of_every_type().questions)
    assert 'data-quiz-action="submit"' in html and 'data-quiz-action="retry"' in html
    assert 'class="mdx-quiz__result"' in html
    assert '<input type="radio" name="mdx-demo-rules" value="0">' in html
    assert '<input type="checkbox" name="mdx-demo-many" value="2">' in html
    assert 'data-type="multiple" data-answer="0,2"' in html
    assert 'data-type="truefalse" data-answer="true"' in html
    assert 'data-type="match">' in html, "a match question's answer is implicit in its rows"
    assert 'href="../modules/steps/#golden-rules"' in html
    # Answers without JavaScript: in a collapsed block; the whole quiz is kept out of the site search.
    assert html.count('<details class="mdx-quiz__answer">') == len(quiz_of_every_type().questions)
    assert html.startswith('<section class="mdx-quiz" data-search-exclude ') and html.endswith("</section>")
    assert "<section" not in html[1:], "Material's search parser would end the exclusion at a nested <section>"
    # No line may start with anything but a tag: the host page's Markdown must not see data text.
    assert all(line.startswith("<") for line in html.splitlines())


def test_match_options_are_one_scrambled_order_per_column_and_the_bank_agrees():
    html = render_quiz(quiz_of_every_type(), InlineRenderer(link_for), link_for)
    for column in (1, 2):
        selects = re.findall(rf'id="mdx-demo-type-want-first-\d-{column}"[^>]*>(.*?)</select>', html)
        assert len(selects) == 4 and len(set(selects)) == 1, "every row lists a column's options in one order"
        values = re.findall(r'<option value="(\d)">', selects[0])
        assert sorted(values) == ["0", "1", "2", "3"] and values != ["0", "1", "2", "3"]
    assert "&lt;求尊重&gt;" in html and "被重视 &amp; 礼貌对待" in html and "<求尊重>" not in html
    bank = re.search(r'<div class="mdx-quiz__match-bank" aria-hidden="true">(.*?)</div>', html).group(1)
    letters = re.findall(r'<option value="\d">([A-H]\. [^<]*)</option>', selects[0])
    assert " ".join(letters) in bank


def test_a_type_missing_from_the_registry_is_a_clear_error(monkeypatch):
    quiz = quiz_of_every_type()
    monkeypatch.delitem(QUESTION_TYPES, "match")
    for render in (lambda: render_quiz(quiz, InlineRenderer(link_for), link_for), lambda: moodle_xml([quiz]),
                   lambda: gift([quiz])):
        with pytest.raises(UnknownQuestionType, match=r"question type 'match' is not registered — add its module "
                                                      r"to QUESTION_TYPES .*\(registered: single, multiple, "):
            render()


def test_order_is_never_shown_solved():
    for n in range(2, 9):
        items = [str(i) for i in range(n)]
        for seed in range(30):
            assert scrambled(items, f"s{seed}") != list(range(n))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_inert_in_quizzes(hostile):
    cell = hostile.replace("](", "] (")[:60]  # match cells are plain text: Markdown links are refused
    quiz = Quiz.model_validate({
        "id": "x", "title": hostile, "questions": [
            {"id": "q", "type": "single", "stem": hostile, "context": [{"who": hostile, "say": hostile}],
             "options": [{"text": hostile, "correct": True}, {"text": "b"}], "explanation": hostile},
            {"id": "o", "type": "order", "stem": "s", "items": [hostile, "b"], "explanation": "e"},
            {"id": "m", "type": "match", "stem": hostile, "columns": [cell, "b"],
             "rows": [[cell, cell], ["b", "c"]], "explanation": hostile},
        ]})
    html = render_quiz(quiz, InlineRenderer(link_for), link_for)
    assert_inert(html)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_inert_in_phrases(hostile):
    phrase = Phrase.model_validate({"id": "p", "text": hostile, "stage": "安抚", "note": hostile, "tags": [hostile]})
    taboo = Taboo.model_validate({"id": "t", "text": hostile, "why": hostile, "instead": [hostile]})
    assert_inert(render_phrases([phrase]))
    assert_inert(render_taboo_table([taboo], {}))


class _TagAudit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "object", "embed", "style"):
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag}[{name}]")
            if name in ("href", "src") and (value or "").strip().lower().startswith(("javascript:", "http://203")):
                self.bad.append(f"{tag}[{name}={value}]")


def assert_inert(html: str) -> None:
    audit = _TagAudit()
    audit.feed(html)
    assert audit.bad == []
    assert all(line.startswith("<") for line in html.splitlines())


def test_inline_markdown_keeps_formatting_and_safe_links():
    render = InlineRenderer(lambda target: "/resolved/" + target)
    assert render("**重点** 与 `代码`") == "<strong>重点</strong> 与 <code>代码</code>"
    assert render("[流程](modules/steps.md#x)") == '<a href="/resolved/modules/steps.md#x">流程</a>'
    assert render("[外链](https://example.com)") == '<a href="https://example.com">外链</a>'
    assert render("<b>粗</b>") == "&lt;b&gt;粗&lt;/b&gt;"
    assert "\n" not in render("第一行\n第二行")


def test_roleplay_sides_are_separate_and_escaped():
    from macros.models import RolePlay
    from macros.render_roleplay import render_roleplay

    card = RolePlay.model_validate({
        "id": "rp-x", "title": "标题", "channel": "柜台", "situation": "情境<script>",
        "customer": {"persona": "p", "psychology": ["求补偿"], "temperament": "胆汁质", "emotion": 4,
                     "wants": "w", "hides": "秘密动机", "lines": ["一", "二"], "softens_when": "s"},
        "employee": {"role": "r", "goal": "g", "knows": ["k"]},
        "observer": ["a", "b", "c", "d"], "debrief": ["x", "y"]})
    html = render_roleplay(card, InlineRenderer(link_for), link_for)
    customer, rest = html.split('mdx-roleplay__side--employee', 1)
    assert "秘密动机" in customer and "秘密动机" not in rest
    assert "<script>" not in html and "情境&lt;script&gt;" in html
    assert html.count("情境&lt;script&gt;") == 3, "every printed side repeats the shared situation"


def test_a_bystander_is_drawn_apart_from_customer_and_staff():
    quiz = Quiz.model_validate({"id": "demo", "title": "对话", "questions": [{
        "id": "who", "type": "truefalse", "stem": "题", "answer": True, "explanation": "解",
        "context": [{"who": "客户", "say": "甲"}, {"who": "员工", "say": "乙"}, {"who": "旁人", "say": "丙"}]}]})
    html = render_quiz(quiz, InlineRenderer(link_for), link_for)
    sides = re.findall(r"mdx-chat__line--(\w+)", html)
    assert sides == ["customer", "staff", "bystander"]
