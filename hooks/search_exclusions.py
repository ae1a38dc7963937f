"""MkDocs hook: keep trainer notes out of the site search.

Learners and agents search for lessons and phrases; the trainer's timings and model answers would
only crowd the results. Material's search plugin skips elements carrying `data-search-exclude`, which
Markdown admonitions cannot carry, so the attribute is added to the rendered HTML here.
"""

from __future__ import annotations

import re

_TRAINER_BLOCK = re.compile(r'<(details|div) class="((?:admonition )?trainer(?: [^"]*)?)"')


def on_page_content(html: str, **kwargs) -> str:
    return _TRAINER_BLOCK.sub(r'<\1 class="\2" data-search-exclude', html)
