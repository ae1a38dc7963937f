"""Renderers: stable HTML for a known quiz (golden file) and inert output for hostile data."""

from __future__ import annotations

import difflib
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.inline_markdown import InlineRenderer
from macros.models import Phrase, PhraseFile, Quiz, Taboo
from macros.render_phrases import render_phrases, render_taboo_table
from macros.render_quiz import render_quiz, scrambled

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }} {% raw %}",
    '--8<-- "/etc/passwd"',
    "[点我](javascript:alert(1))",
    "![远程图片](http://203.0.113.9/x.png)",
    "' onmouseover='alert(1)",
]

QUIZ = Quiz.model_validate({
    "id": "demo", "title": "示例 **小测**", "pass_score": 60,
    "questions": [
        {"id": "rules", "type": "single", "stem": "黄金法则是？",
         "context": [{"who": "客户", "say": "凭什么扣我钱！"}, {"who": "员工", "say": "您先别急。"}],
         "options": [{"text": "先处理心情", "correct": True}, {"text": "先讲道理"}],
         "explanation": "情绪优先。", "ref": "modules/steps.md#golden-rules"},
        {"id": "many", "type": "multiple", "stem": "哪些做法对？",
         "options": [{"text": "倾听", "correct": True}, {"text": "争辩"}, {"text": "记录", "correct": True}],
         "explanation": "倾听并记录。"},
        {"id": "judge", "type": "truefalse", "stem": "投诉是信任。", "answer": True, "explanation": "还抱希望。"},
        {"id": "seq", "type": "order", "stem": "排序", "items": ["隔离", "安抚", "倾听"], "explanation": "先后。"},
    ],
})


def link_for(target: str) -> str:
    return "../" + target.replace(".md", "/")


def check_golden(name: str, html: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.write_text(html, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if html != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), html.splitlines(), "expected", "actual", lineterm=""))
        pytest.fail(f"{name} changed (rerun with UPDATE_GOLDEN=1 if intended):\n{diff}")


def test_quiz_golden():
    check_golden("quiz.html", render_quiz(QUIZ, InlineRenderer(link_for), link_for))


def test_quiz_hooks_and_answers():
    html = render_quiz(QUIZ, InlineRenderer(link_for), link_for)
    assert 'data-quiz-id="demo"' in html
    assert html.count("data-question-id=") == 4
    assert 'data-quiz-action="submit"' in html and 'data-quiz-action="retry"' in html
    assert 'class="mdx-quiz__result"' in html
    assert '<input type="radio" name="mdx-demo-rules" value="0">' in html
    assert '<input type="checkbox" name="mdx-demo-many" value="2">' in html
    assert 'data-type="multiple" data-answer="0,2"' in html
    assert 'data-type="truefalse" data-answer="true"' in html
    assert 'href="../modules/steps/#golden-rules"' in html
    # Answers without JavaScript: in a collapsed block; the whole quiz is kept out of the site search.
    assert html.count('<details class="mdx-quiz__answer">') == 4
    assert html.startswith('<section class="mdx-quiz" data-search-exclude ') and html.endswith("</section>")
    assert "<section" not in html[1:], "Material's search parser would end the exclusion at a nested <section>"
    # No line may start with anything but a tag: the host page's Markdown must not see data text.
    assert all(line.startswith("<") for line in html.splitlines())


def test_order_is_never_shown_solved():
    for n in range(2, 9):
        items = [str(i) for i in range(n)]
        for seed in range(30):
            assert scrambled(items, f"s{seed}") != list(range(n))


def test_phrases_golden():
    phrases = PhraseFile.model_validate({"phrases": [
        {"id": "apology-wait", "text": "{称呼}，让您久等了，真的很抱歉。", "stage": "致歉",
         "scenarios": ["延误/等待"], "channels": ["电话"], "note": "先道歉再行动。"},
        {"id": "buffer-check", "text": "请您稍等，我马上为您核实。", "stage": "缓冲"},
    ]}).phrases
    check_golden("phrases.html", render_phrases(phrases))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_inert_in_quizzes(hostile):
    quiz = Quiz.model_validate({
        "id": "x", "title": hostile, "questions": [
            {"id": "q", "type": "single", "stem": hostile, "context": [{"who": hostile, "say": hostile}],
             "options": [{"text": hostile, "correct": True}, {"text": "b"}], "explanation": hostile},
            {"id": "o", "type": "order", "stem": "s", "items": [hostile, "b"], "explanation": "e"},
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
