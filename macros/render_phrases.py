"""Phrase cards and the taboo table → HTML. Plain Python, like the quiz renderer."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .models import Phrase, Taboo
from .normalize import PLACEHOLDER


def phrase_text_html(text: str) -> str:
    """Escaped text with {占位符} marked, so an agent sees at once what to fill in."""
    out, last = [], 0
    for match in PLACEHOLDER.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(f'<span class="mdx-phrase__slot">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def render_phrase(phrase: Phrase) -> str:
    # One line of text, not an element a tag: the phrase library has thousands of tags, and every element
    # costs a phone style and layout time on each page that lists phrases.
    tags = "、".join([phrase.stage, *phrase.channels, *phrase.scenarios, *phrase.customer_types])
    note = f'<p class="mdx-phrase__note">{escape(phrase.note)}</p>' if phrase.note else ""
    return (
        f'<div class="mdx-phrase" data-phrase-id="{escape(phrase.id)}">'
        f'<p class="mdx-phrase__text">{phrase_text_html(phrase.text)}</p>{note}'
        f'<p class="mdx-phrase__tags">{escape(tags)}</p>'
        f'<button type="button" class="mdx-phrase__copy" data-clipboard-text="{escape(phrase.text)}" '
        f'title="复制这句话" aria-label="复制：{escape(phrase.text)}">复制</button>'
        "</div>"
    )


def render_phrases(phrases: Iterable[Phrase]) -> str:
    cards = "\n".join(render_phrase(phrase) for phrase in phrases)
    return f'<div class="mdx-phrases">\n{cards}\n</div>'


def render_taboo_table(taboo: Iterable[Taboo], phrase_text: dict[str, str]) -> str:
    """Taboo phrase | why it hurts | what to say instead (phrase ids resolved to their text)."""
    rows = []
    for entry in taboo:
        instead = "".join(
            f'<li>{phrase_text_html(phrase_text.get(alt, alt))}</li>' for alt in entry.instead
        )
        rows.append(
            f'<tr data-taboo-id="{escape(entry.id)}"><td class="mdx-taboo__text">{escape(entry.text)}</td>'
            f'<td>{escape(entry.why)}</td><td><ul class="mdx-taboo__instead">{instead}</ul></td></tr>'
        )
    body = "\n".join(rows)
    return (
        '<div class="mdx-taboo"><table>\n'
        "<thead><tr><th>禁忌用语</th><th>为什么不能说</th><th>换个说法</th></tr></thead>\n"
        f"<tbody>\n{body}\n</tbody></table></div>"
    )
