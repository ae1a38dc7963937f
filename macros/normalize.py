"""Fold text so that spacing, punctuation, full-width forms and Traditional characters do not hide a match."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

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
