"""MkDocs hook: give every task-list checkbox a name.

pymdownx.tasklist wraps each checkbox in an empty <label>, so a screen reader hears "checkbox" with no
name (axe: label, critical). Each box is named after its item's own text, up to a nested list or the
end of the paragraph.
"""

from __future__ import annotations

import html as html_lib
import re

_TASK_BOX = re.compile(r'(<label class="task-list-control"><input type="checkbox")([^>]*/>'
                       r'<span class="task-list-indicator"></span></label>)(.*?)(?=<ul|<ol|<p|</p>|</li>)', re.DOTALL)


def _label_task_box(match: re.Match) -> str:
    text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", match.group(3))).split())
    label = f' aria-label="{html_lib.escape(text, quote=True)}"' if text else ""
    return match.group(1) + label + match.group(2) + match.group(3)


def on_page_content(html: str, **kwargs) -> str:
    return _TASK_BOX.sub(_label_task_box, html)
