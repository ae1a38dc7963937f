"""The data the phrase finder (通话速查) searches in the browser, computed once at build time.

Pinyin and the Traditional → Simplified character map are prepared here so the page does no
dictionary work: it only compares strings. Lists are positional to keep the page small.
"""

from __future__ import annotations

import hashlib
import json

from pypinyin import Style, lazy_pinyin

from .library import Library
from .models import CHANNELS, STAGES, Phrase
from .normalize import browser_rules, pairs_for

FORMAT_VERSION = 4
# Buffer lines shown above the results, each on Alt+1 … Alt+6.
BUFFER_SLOTS = 6
# What only a search that finds nothing as typed needs (homophone typos, the thesaurus): a file of its own,
# loaded after the first such search, so the page's first load stays small.
EXTRA_KEYS = ("sounds", "thesaurus")


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _readings(text: str) -> list[str]:
    """Pinyin of each character in context ('' for characters that are not Han)."""
    chars = list(text)
    syllables = iter(lazy_pinyin([c for c in chars if _is_han(c)], style=Style.NORMAL, errors="ignore"))
    return [next(syllables, "") if _is_han(c) else "" for c in chars]


class PinyinTable:
    """Pinyin sent once per character, plus the few places where a phrase reads a character otherwise.

    A per-character table is a fraction of the size of per-phrase pinyin; polyphonic characters
    (还 hai/huan, 行 xing/hang) keep their reading in context through the exceptions.
    """

    def __init__(self, texts: list[str]):
        counts: dict[str, dict[str, int]] = {}
        self._readings = {text: _readings(text) for text in texts}
        for text, readings in self._readings.items():
            for char, reading in zip(text, readings):
                if reading:
                    counts.setdefault(char, {}).setdefault(reading, 0)
                    counts[char][reading] += 1
        self.table = {char: max(r, key=lambda k: (r[k], k)) for char, r in sorted(counts.items())}

    def exceptions(self, text: str) -> str:
        """'index:reading,…' where `text` reads a character differently from the table."""
        pairs = [f"{i}:{reading}" for i, (char, reading) in enumerate(zip(text, self._readings[text]))
                 if reading and reading != self.table[char]]
        return ",".join(pairs)


def _common_characters() -> str:
    """The 3,755 characters of GB 2312 level 1: what a mistyped query is almost always made of."""
    chars = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


def sounds_of(common: str, table: dict[str, str]) -> dict[str, str]:
    """Syllable → the common characters outside `table` read that way, so a homophone typo (征心 for 征信)
    can be read out in the browser and land on the library's word."""
    sounds: dict[str, str] = {}
    for char in common:
        if char in table or not _is_han(char):
            continue
        reading = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
        if reading:
            sounds[reading[0]] = sounds.get(reading[0], "") + char
    return dict(sorted(sounds.items()))


def by_syllable(table: dict[str, str]) -> dict[str, str]:
    """Character → syllable turned round, syllable → its characters: half the size as JSON."""
    grouped: dict[str, str] = {}
    for char, syllable in table.items():
        grouped[syllable] = grouped.get(syllable, "") + char
    return dict(sorted(grouped.items()))


def situations_data(library: Library, scenarios: list[str], types: list[str]) -> list[list]:
    """The situation lexicon, positional: [says, finds, scenario indexes, type indexes, stage indexes, sentences]."""
    return [[s.says, s.finds, [scenarios.index(n) for n in s.scenarios if n in scenarios],
             [types.index(n) for n in s.customer_types if n in types], [STAGES.index(n) for n in s.stages],
             s.sentences] for s in library.situations]


def lexicon_words(library: Library) -> list[str]:
    return [w for s in library.situations for w in (*s.says, *s.finds, *s.sentences)]


def thesaurus_data(thesaurus: dict[str, list[str]]) -> dict[str, str]:
    """The thesaurus turned round, a third of the size: 'library words' → 'the words leading to them'
    (each list joined by spaces)."""
    grouped: dict[str, list[str]] = {}
    for word, leads in thesaurus.items():
        grouped.setdefault(" ".join(leads), []).append(word)
    return {leads: " ".join(words) for leads, words in grouped.items()}


def buffer_phrases(library: Library) -> list[Phrase]:
    """The stalling lines an agent copies with Alt+1…6 while looking something up: the first of stage 缓冲."""
    return [p for p in library.phrases if p.stage == "缓冲"][:BUFFER_SLOTS]


def finder_data(library: Library) -> dict:
    vocabulary = library.vocabulary
    scenarios = list(vocabulary.scenarios) if vocabulary else []
    types = list(vocabulary.customer_types) if vocabulary else []
    pinyin = PinyinTable([p.text for p in library.phrases] + [t for p in library.phrases for t in p.tags]
                         + [*library.synonyms, *(w for words in library.synonyms.values() for w in words)]
                         + lexicon_words(library) + scenarios + types)
    phrases = []
    for p in library.phrases:
        phrases.append([
            p.id, p.text, STAGES.index(p.stage),
            [scenarios.index(s) for s in p.scenarios], [types.index(t) for t in p.customer_types],
            [CHANNELS.index(c) for c in p.channels], p.tags, p.note or "", pinyin.exceptions(p.text),
        ])
    # A better line is sent as its phrase id when it is one (the engine looks its text up): no text twice.
    taboo = [[t.id, t.text, [t.text, *t.match], t.why, list(t.instead)] for t in library.taboo]
    all_text = "".join([*(p.text + "".join(p.tags) for p in library.phrases),
                        *(t.text + "".join(t.match) for t in library.taboo), *library.synonyms,
                        *(w for words in library.synonyms.values() for w in words), *lexicon_words(library)])
    return {
        "v": FORMAT_VERSION,
        "stages": list(STAGES), "scenarios": scenarios, "types": types, "channels": list(CHANNELS),
        "phrases": phrases, "taboo": taboo, "synonyms": library.synonyms,
        "buffer": [p.id for p in buffer_phrases(library)],
        "pinyin": by_syllable(pinyin.table),
        "sounds": sounds_of(_common_characters(), pinyin.table),
        "situations": situations_data(library, scenarios, types),
        "thesaurus": thesaurus_data(library.thesaurus),
        "t2s": pairs_for([all_text]),
        # The folding and placeholder rules travel with the data, so the engine runs without a page
        "text": browser_rules(),
    }


def _script(stem: str, variable: str, data: dict) -> tuple[str, str]:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Same data, no markup-looking or line-breaking characters: the file stays inert even if it were
    # ever inlined into a page or opened as text.
    for char in "<>\u2028\u2029":  # only ever inside JSON strings, where \uXXXX means the same
        text = text.replace(char, f"\\u{ord(char):04x}")
    content = f"window.{variable}={text};\n"
    digest = hashlib.sha1(content.encode("utf-8")).hexdigest()[:10]
    return f"assets/javascripts/{stem}.{digest}.js", content


def finder_scripts(library: Library) -> list[tuple[str, str]]:
    """(file name, content) of the scripts that hand the finder its data: the data, then the extra
    (EXTRA_KEYS), whose file name the data carries (`extra`, beside the data file).

    Separate files rather than inline data: Material's instant navigation re-runs inline scripts as
    JavaScript, they cache across visits, and a <script src> also loads from file:// (offline copies).
    The names carry a content hash so intranet caches never serve stale phrases.
    """
    data = finder_data(library)
    extra = _script("finder-extra", "__kesutongFinderExtra", {key: data.pop(key) for key in EXTRA_KEYS})
    data["extra"] = extra[0].rsplit("/", 1)[1]
    return [_script("finder-data", "__kesutongFinderData", data), extra]
