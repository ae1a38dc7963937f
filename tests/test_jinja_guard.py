"""Literal braces never break a page; real macro calls still run."""

from __future__ import annotations

import jinja2
import pytest

from macros.jinja_guard import guard

NAMES = ["quiz", "phrases", "config"]


def render(markdown: str) -> str:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    return env.from_string(guard(markdown, NAMES)).render(quiz=lambda q: f"<QUIZ {q}>", config={"site_name": "客诉通"})


@pytest.mark.parametrize("text", [
    "请在 {{ 处填写客户姓名",
    "模板写法 {{称呼}}，您好",
    "{% 不是语句",
    "## 标题 {#golden-rules}",
    "行内代码 `{{ quiz(\"x\") }}` 原样显示",
    "```text\n{{ phrases(stage=\"不存在\") }}\n{% for x in y %}\n```",
    "~~~\n{# 注释样子 #}\n~~~",
    "{% raw %}{{ 原样 }}{% endraw %}",
])
def test_literal_braces_come_out_as_written(text):
    expected = text.replace("{% raw %}", "").replace("{% endraw %}", "")
    assert render(text) == expected


def test_known_calls_and_statements_still_run():
    assert render('{{ quiz("demo") }}') == "<QUIZ demo>"
    assert render("{{ config.site_name }}") == "客诉通"
    assert render("{% if true %}是{% endif %}") == "是"
