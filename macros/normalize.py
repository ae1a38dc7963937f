"""Fold text so that spacing, punctuation, full-width forms and Traditional characters do not hide a match."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import opencc
from opencc import OpenCC

_T2S = OpenCC("t2s")


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese (投訴 → 投诉)."""
    return _T2S.convert(text)


def fold(text: str) -> str:
    """Comparable form: NFKC (full-width → half-width), lower case, Simplified, no spaces or punctuation."""
    text = to_simplified(unicodedata.normalize("NFKC", text)).lower()
    return "".join(ch for ch in text if not unicodedata.category(ch)[0] in "PZSC")


def fold_for_browser(text: str, traditional_to_simplified: dict[str, str]) -> str:
    """The fold text-fold.js applies, character by character, so build-time and browser sides agree."""
    out = []
    for raw in text:
        for ch in unicodedata.normalize("NFKC", raw).lower():
            ch = traditional_to_simplified.get(ch, ch)
            if unicodedata.category(ch)[0] not in "PZSC":
                out.append(ch)
    return "".join(out)


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
