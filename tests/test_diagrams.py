"""Diagrams keep their space: every diagram has a measured size, and the space a page reserves for it is
the space its drawing takes, on a phone and on a desktop screen."""

from __future__ import annotations

import json

import pytest

from hooks.diagram_space import SIZES_FILE, diagram_key, diagram_sources, read_sizes, reserve_space

from .helpers import PROJECT, wrong_chinese_font

MANAGEMENT = "modules/management/"  # six diagrams, the first in the first screen on a desktop
SOURCE = "flowchart TD\n  A[客户 &amp; 员工] --&gt; B"


def test_a_measured_diagram_gets_its_width_and_ratio_and_an_unmeasured_one_is_left_alone():
    block = f'<p>x</p><pre class="mermaid"><code>{SOURCE}</code></pre>'
    key = diagram_key("flowchart TD\n  A[客户 & 员工] --> B")  # the text the browser reads
    assert diagram_sources(block) == ["flowchart TD\n  A[客户 & 员工] --> B"]
    sized = reserve_space(block, {key: (400.0, 300.0)})
    assert '<pre class="mermaid" style="--mdx-diagram-width: 400.00px; --mdx-diagram-ratio: 0.75000">' in sized
    assert f"<code>{SOURCE}</code>" in sized
    assert reserve_space(block, {"0" * 16: (400.0, 300.0)}) == block
    assert reserve_space(sized, {key: (200.0, 300.0)}).count("style=") == 1, "a second pass replaces the size"


@pytest.mark.parametrize("content, expected", [
    ("not json", "not a diagram size file"),
    ('{"diagrams": {"abc": [1]}}', "not a diagram size file"),
    ('{"diagrams": {"abc": [0, 10]}}', "abc have no positive width and height"),
])
def test_a_broken_size_file_is_an_error_that_names_the_file_and_the_fix(tmp_path, content, expected):
    path = tmp_path / "diagram_sizes.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as error:
        read_sizes(path)
    assert str(path) in str(error.value) and expected in str(error.value)
    assert "make diagram-sizes" in str(error.value)


def test_every_diagram_of_the_site_has_a_measured_size_and_no_size_is_left_over(site_dir):
    keys = {diagram_key(source) for page in site_dir.rglob("*.html")
            for source in diagram_sources(page.read_text(encoding="utf-8"))}
    measured = set(read_sizes(PROJECT / "hooks" / SIZES_FILE.name))
    assert keys, "the site should carry diagrams"
    assert keys - measured == set(), "diagram(s) added or edited since they were measured: run `make diagram-sizes`"
    assert measured - keys == set(), "sizes of diagrams no longer in the site: run `make diagram-sizes`"
    assert json.loads(SIZES_FILE.read_text(encoding="utf-8"))["about"]


HEIGHTS = "sel => [...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect().height)"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}],
                         ids=["phone", "desktop"])
def test_a_diagram_takes_the_space_reserved_for_it(browser, server, viewport):
    assert not wrong_chinese_font(), wrong_chinese_font()
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    try:
        waiting = context.new_page()
        waiting.route("**/vendor/mermaid.min.js", lambda route: route.abort())  # nothing gets drawn
        waiting.goto(server.url + MANAGEMENT)
        waiting.wait_for_function("window.document$ !== undefined")
        reserved = waiting.evaluate(HEIGHTS, "pre.mermaid")
        drawn_page = context.new_page()
        drawn_page.goto(server.url + MANAGEMENT)
        drawn_page.wait_for_function("window.document$ !== undefined")
        drawn_page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # draws every diagram
        drawn_page.wait_for_function("!document.querySelector('pre.mermaid')", timeout=60_000)
        drawn = drawn_page.evaluate(HEIGHTS, "div.mermaid")
    finally:
        context.close()
    assert len(reserved) == len(drawn) == 6
    assert [round(height) for height in reserved] == pytest.approx([round(h) for h in drawn], abs=1), (reserved, drawn)
