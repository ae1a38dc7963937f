"""The phrase finder page (通话速查): a small HTML shell plus its search data; finder.js does the rest."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .finder_index import BUFFER_SLOTS
from .models import CHANNELS, Phrase


def render_buffer(buffer: Iterable[Phrase]) -> str:
    """The buffer lines (Alt+1…6), in the page from the start so that nothing moves when the data arrives;
    finder.js copies them by id like any result."""
    lines = "".join(
        f'<button type="button" class="mdx-finder__buffer-line" data-phrase-id="{escape(p.id)}" '
        f'data-finder-action="copy" title="{escape(p.text)}（Alt+{n} 复制）"><kbd>Alt+{n}</kbd> {escape(p.text)}</button>'
        for n, p in enumerate(buffer, start=1)
    )
    return ('<div class="mdx-finder__buffer" data-finder-part="buffer" aria-label="缓冲语：查资料时先稳住对话">'
            f'<span class="mdx-finder__facet-label">缓冲语</span>{lines}</div>')


def render_finder(data_src: str, library_link: str, buffer: Iterable[Phrase] = ()) -> str:
    """Shell of the finder. Hook ids (#phrase-finder-input, #phrase-finder-results) are a stable contract."""
    return "\n".join([
        f'<div class="mdx-finder" id="phrase-finder" data-finder-src="{escape(data_src)}">',
        '<div class="mdx-finder__main">',
        '<div class="mdx-finder__bar">',
        '<label class="mdx-visually-hidden" for="phrase-finder-input">搜索话术</label>',
        ('<input id="phrase-finder-input" class="mdx-finder__input" type="search" autocomplete="off" '
        'spellcheck="false" enterkeyhint="send" placeholder="关键词 / 拼音 / 首字母：退款、tuikuan、tk" '
        'role="combobox" aria-haspopup="grid" aria-expanded="true" aria-autocomplete="list" '
        'aria-controls="phrase-finder-results" '
        'aria-describedby="phrase-finder-help">'),
        # The agent's channel, set once and remembered (finder.js): its phrases come first.
        ('<label class="mdx-finder__channel"><span class="mdx-visually-hidden">我的渠道</span>'
         '<select id="phrase-finder-channel" title="我的渠道：这个渠道的话术排在前面">'
         '<option value="">全部渠道</option>'
         + "".join(f'<option value="{escape(c)}">{escape(c)}</option>' for c in CHANNELS) + "</select></label>"),
        ('<button type="button" class="mdx-finder__button" data-finder-action="new-call" '
        'title="清空本次通话填写的称呼、单号等">新通话</button>'),
        # 小窗: finder-shortcut.js opens the finder in a small always-on-top window (mini-window.js).
        ('<button type="button" class="mdx-finder__button" data-mini-window '
         'title="在置顶小窗里查话术，不被业务系统挡住（Alt+W）">小窗</button>'),
        "</div>",
        (f'<p id="phrase-finder-help" class="mdx-finder__help">↑↓ 选择　Enter 复制　Esc 清空　'
        f'Alt+1…{BUFFER_SLOTS} 复制缓冲语　Alt+S 收藏　Alt+W 小窗　在任意页面按 K 回到这里</p>'),
        render_buffer(buffer),
        ('<details class="mdx-finder__filters" data-finder-part="filters"><summary>筛选 '
        '<span data-finder-part="filter-count"></span></summary><div data-finder-part="facets"></div></details>'),
        '<div class="mdx-finder__status" role="status" aria-live="polite" data-finder-part="status"></div>',
        '<div id="phrase-finder-taboo" data-finder-part="taboo"></div>',
        '<div id="phrase-finder-results" class="mdx-finder__results" role="grid" aria-label="搜索结果"></div>',
        "</div>",
        '<div class="mdx-finder__side">',
        # What finder.js shows someone with no favourites or recents yet (Finder.listHTML), already in the
        # page so that nothing moves when the data arrives.
        ('<section data-finder-part="favourites" aria-label="收藏"><h2 class="mdx-finder__title">收藏</h2>'
        '<p class="mdx-finder__help">还没有收藏。搜索后点“☆ 收藏”，常用的话就会一直留在这里。</p></section>'),
        ('<section data-finder-part="recents" aria-label="最近使用"><h2 class="mdx-finder__title">最近使用</h2>'
        '<p class="mdx-finder__help">复制过的话术会出现在这里。</p></section>'),
        # Searches that found nothing or only near matches, kept in this browser for a trainer (finder.js).
        ('<section class="mdx-finder__missed" aria-label="未找到的搜索"><p class="mdx-finder__help">'
         '未找到的搜索：<span data-finder-part="missed-count">0</span> 条（只存在本机）'
         '<button type="button" class="mdx-finder__button" data-finder-action="export-missed">导出 CSV</button>'
         '<button type="button" class="mdx-finder__button" data-finder-action="clear-missed">清空</button></p></section>'),
        '<section class="mdx-finder__check" aria-labelledby="phrase-finder-check-title">',
        '<h2 id="phrase-finder-check-title" class="mdx-finder__title">话术体检</h2>',
        ('<p class="mdx-finder__help">把要发给客户的回复粘贴或写在这里，禁忌用语会立刻标出来，并给出换个说法。'
        "全部在本机浏览器里完成，不会上传。</p>"),
        '<label class="mdx-visually-hidden" for="phrase-finder-check">待检查的回复</label>',
        ('<textarea id="phrase-finder-check" class="mdx-finder__check-input" rows="4" '
        'placeholder="例如：这是公司规定，我也没办法。"></textarea>'),
        '<div class="mdx-finder__check-result" data-finder-part="check" aria-live="polite"></div>',
        "</section>",
        "</div>",
        f'<noscript><p>通话速查需要 JavaScript。也可以直接查看<a href="{escape(library_link)}">话术库</a>。</p></noscript>',
        "</div>",
    ])
