"""Whole-site builds: the real site builds strictly; bad data or bad macro calls stop the build."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from .helpers import ROOT, build, make_project

MINI = {
    "docs/index.md": "# 首页\n",
    "docs/modules/demo.md": """
        # 示例模块

        ## 两大黄金法则 { #golden-rules }

        代码里的 `{{ quiz("nope") }}` 与 `{% raw %}` 原样显示，不会被当成宏。

        正文里的 {{称呼}} 和单独的 {{ 也原样显示。

        ### 小节 {#plain-anchor}

        ```text
        {{ phrases(stage="不存在") }}
        ```

        {{ quiz("demo") }}

        {{ phrases(stage="致歉") }}

        {{ taboo_table() }}
    """,
    "quizzes/demo.yml": """
        id: demo
        title: 示例小测
        questions:
          - id: rules
            type: single
            stem: 黄金法则是？
            options:
              - {text: 先处理心情, correct: true}
              - {text: 先讲道理}
            explanation: 情绪优先。
            ref: modules/demo.md#golden-rules
    """,
    "phrases/demo.yml": """
        phrases:
          - id: apology-wait
            text: 让您久等了，真的很抱歉。
            stage: 致歉
        taboo:
          - id: taboo-rule
            text: 这是公司规定
            why: 把规定当挡箭牌。
            instead: [apology-wait]
    """,
}


def build_mini(tmp_path, **changes):
    project = make_project(tmp_path / "project", {**MINI, **changes})
    return build(project, tmp_path / "site"), tmp_path / "site"


def test_mini_site_builds_and_keeps_code_literal(tmp_path):
    result, site = build_mini(tmp_path)
    assert result.returncode == 0, result.stderr
    html = (site / "modules/demo/index.html").read_text(encoding="utf-8")
    assert "{{ quiz(&quot;nope&quot;) }}" in html or '{{ quiz("nope") }}' in html
    assert "{% raw %}" in html
    assert "正文里的 {{称呼}} 和单独的 {{ 也原样显示" in html
    assert 'id="plain-anchor"' in html
    assert 'data-quiz-id="demo"' in html and 'data-phrase-id="apology-wait"' in html
    assert 'data-taboo-id="taboo-rule"' in html


def test_bad_quiz_fails_build_with_message(tmp_path):
    bad = MINI["quizzes/demo.yml"].replace("correct: true}", "correct: false}")
    result, _ = build_mini(tmp_path, **{"quizzes/demo.yml": bad})
    assert result.returncode != 0
    assert "quizzes/demo.yml:4: question rules: a single-choice question needs exactly one correct option, found 0" \
        in result.stdout + result.stderr


def test_page_calling_unknown_quiz_fails_naming_page(tmp_path):
    result, _ = build_mini(tmp_path, **{"docs/other.md": '# 其他\n\n{{ quiz("missing-quiz") }}\n'})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "page other.md: no quiz with id 'missing-quiz' — known quizzes: demo" in output


@pytest.mark.parametrize("call, expected", [
    ('phrases(stage="致谦")', "page other.md: unknown stage '致谦' — did you mean '致歉'?"),
    ('phrases(scenario="退款")', "page other.md: no phrase matches phrases(scenario='退款')"),
])
def test_page_calling_missing_phrase_set_fails_naming_page(tmp_path, call, expected):
    result, _ = build_mini(tmp_path, **{"docs/other.md": "# 其他\n\n{{ " + call + " }}\n"})
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr


def test_ref_to_missing_heading_fails(tmp_path):
    bad = MINI["quizzes/demo.yml"].replace("#golden-rules", "#no-such-heading")
    result, _ = build_mini(tmp_path, **{"quizzes/demo.yml": bad})
    assert result.returncode != 0
    assert "quizzes/demo.yml:11: question rules: ref 'modules/demo.md#no-such-heading': the page has no heading" \
        in result.stdout + result.stderr


def test_hostile_data_comes_out_inert_in_built_page(tmp_path):
    hostile = '<script>alert(1)</script> {{ 7*7 }} --8<-- "/etc/passwd"'
    quiz = MINI["quizzes/demo.yml"].replace("黄金法则是？", f"'{hostile}'")
    phrases = MINI["phrases/demo.yml"].replace("让您久等了，真的很抱歉。", f"'{hostile}'")
    result, site = build_mini(tmp_path, **{"quizzes/demo.yml": quiz, "phrases/demo.yml": phrases})
    assert result.returncode == 0, result.stderr
    html = (site / "modules/demo/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html
    assert "root:" not in html


def test_real_site_builds_strictly(site_dir, library):
    for quiz_id in library.quizzes:
        assert any(f'data-quiz-id="{quiz_id}"' in page.read_text(encoding="utf-8")
                   for page in site_dir.rglob("*.html")), f"quiz {quiz_id} is not on any page"


def test_every_script_of_a_page_is_deferred_in_the_order_material_needs(site_dir):
    """No script makes the parser wait (a page can paint while they download). Deferred scripts run in
    document order: the Mermaid stand-in, the search holder and the in-page link guard (whose popstate
    listener must come before Material's) before Material's bundle, ours after it."""
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        names = [re.search(r'src="[^"]*/([^/"]+)"', tag).group(1) for tag in tags]
        assert tags and all(" defer" in tag for tag in tags), f"{page}: {[t for t in tags if ' defer' not in t]}"
        bundle = next(i for i, name in enumerate(names) if name.startswith("bundle."))
        assert names[:bundle] == ["mermaid-loader.js", "search-on-demand.js", "in-page-links.js"], f"{page}: {names}"
        assert "learn.min.js" in names[bundle:] and "quiz.min.js" in names[bundle:], f"{page}: {names}"


def test_answers_stay_out_of_search_index(site_dir, library):
    index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    text = "".join(doc["text"] for doc in index["docs"]).replace("\u200b", "")
    leaked = [q.explanation for quiz in library.quizzes.values() for q in quiz.questions
              if len(q.explanation) > 12 and q.explanation[:40] in text]
    assert leaked == []


def test_search_index_has_lessons_and_phrases_but_no_quiz_or_answer_key(tmp_path):
    """Quizzes (whose options hold the answers), keys, explanations and trainer notes stay out of search."""
    quiz = (MINI["quizzes/demo.yml"].replace("黄金法则是？", "题干标记甲").replace("先处理心情", "正确选项标记乙")
            .replace("先讲道理", "错误选项标记丙").replace("情绪优先。", "解析标记丁"))
    page = MINI["docs/modules/demo.md"].replace("### 小节 {#plain-anchor}", "### 小节 {#plain-anchor}\n\n        正文标记戊。\n\n"
                                                 '        ??? trainer "讲师提示"\n            讲师标记己。\n')
    result, site = build_mini(tmp_path, **{"quizzes/demo.yml": quiz, "docs/modules/demo.md": page})
    assert result.returncode == 0, result.stderr
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    text = json.loads(index)["docs"]
    text = "".join(doc["title"] + doc["text"] for doc in text).replace("\u200b", "")
    assert "正文标记戊" in text and "让您久等了" in text, "lessons and phrases must stay searchable"
    html = (site / "modules/demo/index.html").read_text(encoding="utf-8")
    for marker in ("题干标记甲", "正确选项标记乙", "错误选项标记丙", "解析标记丁", "讲师标记己"):
        assert marker in html and marker not in text, marker


def test_json_schemas_are_up_to_date():
    result = subprocess.run([sys.executable, "-m", "tools.schema", "--check"], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_data_files_reference_their_schema():
    special = {"vocabulary.yml": "vocabulary.schema.json", "synonyms.yml": "synonyms.schema.json",
               "lexicon.yml": "lexicon.schema.json", "thesaurus.yml": "thesaurus.schema.json"}
    for folder, schema in (("quizzes", "quiz.schema.json"), ("phrases", "phrases.schema.json")):
        for path in (ROOT / folder).glob("*.yml"):
            expected = special.get(path.name, schema)
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema={expected}", f"{path.name}: first line must name {expected}"
