"""How text is compared: folding, placeholders and taboo matching, defined once for the build and the browser.

The browser does the same work in text-fold.js from the rules in `browser_rules()` (handed over by
macros/contract.py) and the Traditional → Simplified pairs each page needs; tests/test_contract.py runs
both sides over the whole question bank and phrase library and fails on any difference.

Folding works character by character, so a folded position always maps back to a position in the
original (the finder highlights matches with that map): NFKC (full-width → half-width), lower case,
Traditional → Simplified by OpenCC's character table, the polite and plural forms an agent may or may not
type (您 → 你, 咱 → 我: 咱们 → 我们), the northern colloquial forms of the same words (俺 → 我, 甭 → 别),
the Cantonese 冇 (没有: 冇到 → 没到), 帐 → 账 (到帐 → 到账), and no spaces, punctuation, symbols or control characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import opencc

# Unicode general categories (first letter) that never count in a comparison: punctuation, separators
# (spaces), symbols, control and format characters.
IGNORED_CATEGORIES = "PZSC"
# Forms that mean the same to a customer: a reply written with 你 meets a key point written with 您.
# 著 is how Traditional writes 着 (當著, 著急); OpenCC keeps it, as 著 is also a Simplified character.
# 俺 (I) and 甭 (don't) are how northern staff and customers say 我 and 别: one character for one, so a
# folded position still maps back to the original. 冇 is how southern staff write 没(有); the other Cantonese
# words stay as they are: 系 (是) is also Simplified 系 (系统), 唔 (不) is also an interjection. 帐 is how voice
# input and older habits write 账 (转帐, 到帐); its own sense (a tent) never comes up in a complaint.
EQUIVALENT_CHARACTERS = {"您": "你", "咱": "我", "著": "着", "俺": "我", "甭": "别", "冇": "没", "帐": "账"}
# {称呼} {时限}: a slot the agent fills in; up to 12 characters, no spaces or braces inside.
PLACEHOLDER_PATTERN = r"\{([^{}\s]{1,12})\}"
PLACEHOLDER = re.compile(PLACEHOLDER_PATTERN)


@lru_cache(maxsize=1)
def character_map() -> dict[str, str]:
    """Traditional → Simplified, one character each (OpenCC's TSCharacters table)."""
    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    pairs = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        if traditional and simplified:
            pairs[traditional] = simplified.split(" ")[0]
    return pairs


@lru_cache(maxsize=65536)
def _fold_character(raw: str) -> str:
    table = character_map()
    out = []
    for ch in unicodedata.normalize("NFKC", raw).lower():
        ch = table.get(ch, ch)
        ch = EQUIVALENT_CHARACTERS.get(ch, ch)
        if unicodedata.category(ch)[0] not in IGNORED_CATEGORIES:
            out.append(ch)
    return "".join(out)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each {占位符} in `text`."""
    return [match.span() for match in PLACEHOLDER.finditer(text)]


def placeholders(text: str) -> list[str]:
    """Names of the {占位符} in `text`, in order: '{称呼}您好' → ['称呼']."""
    return PLACEHOLDER.findall(text)


def fold(text: str, skip_placeholders: bool = False) -> str:
    """The comparable form of `text`; with `skip_placeholders`, {占位符} count as nothing."""
    skipped = {i for start, end in placeholder_spans(text) for i in range(start, end)} if skip_placeholders else ()
    return "".join(_fold_character(ch) for i, ch in enumerate(text) if i not in skipped)


def pairs_for(texts: Iterable[str]) -> str:
    """'繁简繁简…': each Traditional character whose Simplified form occurs in `texts`.

    What a page needs to fold like the build: a Traditional character whose Simplified form occurs in
    none of the texts it compares against cannot make a match either way.
    """
    used = {ch for text in texts for ch in text}
    used |= {EQUIVALENT_CHARACTERS.get(ch, ch) for ch in used}
    return "".join(t + s for t, s in sorted(character_map().items()) if t != s and s in used)


def taboo_hits(text: str, taboo: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """Ids of the taboo entries (id, patterns) that `text` contains, in the order of `taboo`."""
    folded = fold(text)
    return [entry_id for entry_id, patterns in taboo
            if any(pattern and pattern in folded for pattern in (fold(p) for p in patterns))]


def browser_rules() -> dict:
    """The folding, placeholder and taboo rules as data, for text-fold.js."""
    return {
        "ignoredCategories": list(IGNORED_CATEGORIES),
        "equivalents": "".join(k + v for k, v in EQUIVALENT_CHARACTERS.items()),
        "placeholder": PLACEHOLDER_PATTERN,
    }
