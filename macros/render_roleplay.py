"""Role-play cards → HTML. Each side prints on its own page, so the employee never sees the customer's
hidden motive; the shared situation is repeated on both sides so every printed page stands alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from .models import RolePlay

Inline = Callable[[str], str]
LinkFor = Callable[[str], str]
EMOTION_WORDS = {1: "平静", 2: "有些不满", 3: "明显不满", 4: "很生气", 5: "非常激动"}


def _list(items: Iterable[str], inline: Inline, tag: str = "ul", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f"<{tag}{klass}>" + "".join(f"<li>{inline(item)}</li>" for item in items) + f"</{tag}>"


def _head(card: RolePlay, side: str, inline: Inline) -> str:
    return (f'<p class="mdx-roleplay__side-label">{side}</p>'
            f'<h3 class="mdx-roleplay__title">{inline(card.title)}</h3>'
            f'<p class="mdx-roleplay__meta">{escape(card.channel)} · 约 {card.minutes} 分钟</p>'
            f'<p class="mdx-roleplay__situation"><strong>情境：</strong>{inline(card.situation)}</p>')


def render_roleplay(card: RolePlay, inline: Inline, link_for: LinkFor) -> str:
    c, e = card.customer, card.employee
    meter = "●" * c.emotion + "○" * (5 - c.emotion)
    ref = (f'<p class="mdx-roleplay__ref"><a href="{escape(link_for(card.ref), quote=True)}">对应课程内容</a></p>'
           if card.ref else "")
    return "\n".join([
        f'<details class="mdx-roleplay" id="{escape(card.id)}" data-roleplay-id="{escape(card.id)}">',
        (f'<summary><span class="mdx-roleplay__summary-title">{inline(card.title)}</span>'
         f'<span class="mdx-roleplay__meta">{escape(card.channel)} · {card.minutes} 分钟 · 情绪 {meter}</span></summary>'),
        '<section class="mdx-roleplay__side mdx-roleplay__side--customer" aria-label="客户卡">',
        _head(card, "客户卡（只给扮演客户的学员）", inline),
        f'<p><strong>你是谁：</strong>{inline(c.persona)}</p>',
        (f'<p><strong>心理类型：</strong>{escape("、".join(c.psychology))}　<strong>气质：</strong>{escape(c.temperament)}　'
         f'<strong>开场情绪：</strong><span class="mdx-roleplay__meter" aria-label="情绪 {c.emotion} 级（共 5 级）">{meter}</span> '
         f'{EMOTION_WORDS[c.emotion]}</p>'),
        f'<p><strong>你想要：</strong>{inline(c.wants)}</p>',
        f'<p class="mdx-roleplay__secret"><strong>你不主动说的：</strong>{inline(c.hides)}</p>',
        "<p><strong>可以这样说（按顺序用）：</strong></p>",
        _list(c.lines, inline, "ol"),
        f'<p><strong>什么时候你会缓和下来：</strong>{inline(c.softens_when)}</p>',
        "</section>",
        '<section class="mdx-roleplay__side mdx-roleplay__side--employee" aria-label="员工卡">',
        _head(card, "员工卡（给扮演员工的学员）", inline),
        f'<p><strong>你的角色：</strong>{inline(e.role)}</p>',
        f'<p><strong>你的目标：</strong>{inline(e.goal)}</p>',
        "<p><strong>你掌握的情况：</strong></p>",
        _list(e.knows, inline),
        ref,
        "</section>",
        '<section class="mdx-roleplay__side mdx-roleplay__side--observer" aria-label="观察员卡">',
        _head(card, "观察员卡与复盘", inline),
        "<p><strong>观察清单（边看边勾）：</strong></p>",
        _list(card.observer, inline, "ul", "mdx-roleplay__checklist"),
        "<p><strong>复盘讨论：</strong></p>",
        _list(card.debrief, inline, "ol"),
        "</section>",
        "</details>",
    ])


def render_roleplays(cards: Iterable[RolePlay], inline: Inline, link_for: LinkFor) -> str:
    return "\n".join(['<div class="mdx-roleplays">', *(render_roleplay(c, inline, link_for) for c in cards), "</div>"])
