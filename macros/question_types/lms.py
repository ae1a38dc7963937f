"""What the question types' Moodle XML and GIFT exports share: inline Markdown as HTML, CDATA, escaping,
and the elements every Moodle question starts with. Text fields are inline Markdown, exported as HTML,
with links to pages of this site reduced to their text (they would point nowhere inside an LMS)."""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape as xml_escape

from ..inline_markdown import InlineRenderer
from .base import QuestionBase

# Moodle accepts only these grade fractions for an answer; k correct options share 100 evenly.
SHARES = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5",
          9: "11.11111", 10: "10"}
_GIFT_SPECIAL = "\\~=#{}:"


@lru_cache(maxsize=1)
def _renderer() -> InlineRenderer:
    # Site-internal links mean nothing inside an LMS: keep their text only.
    return InlineRenderer(lambda target: "")


def html(text: str) -> str:
    """Inline Markdown as HTML, site links reduced to their text."""
    return _renderer()(text).replace(' href=""', "")


def stem_html(question: QuestionBase, extra: str = "") -> str:
    """The dialogue (if any) and the stem, as the question text; `extra` is HTML appended after the stem."""
    parts = []
    if question.context:
        lines = "".join(f"<p><strong>{xml_escape(line.who)}：</strong>{html(line.say)}</p>" for line in question.context)
        parts.append(f'<div class="dialogue">{lines}</div>')
    parts.append(f"<p>{html(question.stem)}</p>")
    return "".join(parts) + extra


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_element(tag: str, html_text: str, indent: str = "    ") -> str:
    return f'{indent}<{tag} format="html"><text>{cdata(html_text)}</text></{tag}>\n'


def moodle_question(kind: str, name: str, question_html: str, feedback_html: str, body: list[str],
                    penalty: str | None = None) -> str:
    """One Moodle XML <question>: the elements every type has, then the type's own `body` lines. The name is
    also the ID number, the same in every file, so that a question imported twice is recognisable.
    `penalty`: the share lost per wrong try in Moodle's interactive modes (Moodle's default when None)."""
    return "".join([
        f'  <question type="{kind}">\n',
        f"    <name><text>{xml_escape(name)}</text></name>\n",
        text_element("questiontext", question_html),
        text_element("generalfeedback", feedback_html),
        "    <defaultgrade>1</defaultgrade>\n",
        *([f"    <penalty>{penalty}</penalty>\n"] if penalty is not None else []),
        f"    <idnumber>{xml_escape(name)}</idnumber>\n",
        *body,
        "  </question>\n",
    ])


def gift_escape(text: str) -> str:
    """GIFT's control characters (~ = # { } :) and the backslash itself, escaped."""
    return "".join("\\" + ch if ch in _GIFT_SPECIAL else ch for ch in text).replace("\n", " ")


def gift_title(name: str) -> str:
    """The question's ID number in a comment line (Moodle reads `[id:…]` from the comments just above a
    question, with "]" escaped), then its name."""
    return "// [id:" + name.replace("]", "\\]") + "]\n::" + gift_escape(name) + "::"


def gift_stem(question_html: str) -> str:
    return "[html]" + gift_escape(question_html)


def gift_feedback(feedback_html: str) -> str:
    return "####" + gift_escape(feedback_html)
