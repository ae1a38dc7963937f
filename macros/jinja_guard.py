"""Keep text that merely looks like Jinja from breaking a page.

mkdocs-macros renders every page as a Jinja template, so a literal `{{` in prose, a `{#anchor}`
heading id or a code sample showing a macro call would fail the build (`on_undefined: strict`).
Only calls of names the site really defines, and Jinja statements, stay live; everything else is
turned into text before rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Fenced code blocks and inline code spans, whose content is always shown as written.
_CODE = re.compile(r"(?ms)^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$|(`+)[^`\n]+?\3")
_RAW_BLOCK = re.compile(r"(?s)\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}")
_OPENER = re.compile(r"\{\{|\{%|\{#")
_STATEMENTS = ("raw", "endraw", "if", "elif", "else", "endif", "for", "endfor", "set", "endset", "macro",
               "endmacro", "include", "import", "from", "filter", "endfilter", "with", "endwith", "call",
               "endcall")
_LITERAL = {"{{": '{{ "{{" }}', "{%": '{{ "{%" }}', "{#": '{{ "{#" }}'}


def guard(markdown: str, known_names: Iterable[str]) -> str:
    """Markdown whose only live Jinja is calls of `known_names` and statements."""
    names = set(known_names)
    out, last = [], 0
    for match in _protected_spans(markdown):
        out.append(_guard_text(markdown[last:match[0]], names))
        chunk = markdown[match[0]:match[1]]
        out.append("{% raw %}" + chunk + "{% endraw %}" if match[2] and _OPENER.search(chunk) else chunk)
        last = match[1]
    out.append(_guard_text(markdown[last:], names))
    return "".join(out)


def _protected_spans(markdown: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_code) of code and of existing raw blocks, in order, not overlapping."""
    spans = [(m.start(), m.end(), False) for m in _RAW_BLOCK.finditer(markdown)]
    for m in _CODE.finditer(markdown):
        if not any(start <= m.start() < end for start, end, _ in spans):
            spans.append((m.start(), m.end(), True))
    return sorted(spans)


def _guard_text(text: str, names: set[str]) -> str:
    def replace(match: re.Match) -> str:
        opener = match.group()
        rest = text[match.end():]
        if opener == "{{":
            name = re.match(r"\s*([A-Za-z_]\w*)", rest)
            if name and name.group(1) in names:
                return opener
        elif opener == "{%":
            word = re.match(r"-?\s*([a-z]+)\b", rest)
            if word and word.group(1) in _STATEMENTS:
                return opener
        return _LITERAL[opener]

    return _OPENER.sub(replace, text)
