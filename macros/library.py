"""Load every quiz and phrase file, validate each one and the rules that span files.

The result is either a complete, consistent `Library` or a `DataError` listing every problem:
a bad file never reaches a page.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .contract import BANK_QUIZ_IDS
from .errors import DataError, Problem
from .models import (
    ID_PATTERN,
    Lexicon,
    Phrase,
    PhraseFile,
    Quiz,
    RolePlay,
    Situation,
    Synonyms,
    Taboo,
    Thesaurus,
    Vocabulary,
)
from .normalize import taboo_hits
from .question_types import question_type
from .validation import item_label, validate
from .yaml_source import SourceFile, read_yaml

VOCABULARY_FILE = "vocabulary.yml"
SYNONYMS_FILE = "synonyms.yml"
LEXICON_FILE = "lexicon.yml"
THESAURUS_FILE = "thesaurus.yml"
_LOOKS_LIKE_ID = re.compile(ID_PATTERN)


@dataclass
class Library:
    """All course data, validated."""

    quizzes: dict[str, Quiz] = field(default_factory=dict)
    quiz_files: dict[str, str] = field(default_factory=dict)  # quiz id → file shown in messages
    phrases: list[Phrase] = field(default_factory=list)
    taboo: list[Taboo] = field(default_factory=list)
    vocabulary: Vocabulary | None = None
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    situations: list[Situation] = field(default_factory=list)
    thesaurus: dict[str, list[str]] = field(default_factory=dict)
    roleplays: dict[str, RolePlay] = field(default_factory=dict)
    # (quiz id, question id) → (file, line of its ref), for problems found after loading.
    ref_lines: dict[tuple[str, str], tuple[str, int | None]] = field(default_factory=dict)

    def taboo_patterns(self) -> list[tuple[str, list[str]]]:
        """(id, phrasings) of each taboo phrase: its text and the fragments that also count as it."""
        return [(entry.id, [entry.text, *entry.match]) for entry in self.taboo]

    def find_taboo(self, text: str) -> Taboo | None:
        """The first taboo phrase (in library order) that `text` contains, as the browser finds it."""
        hits = taboo_hits(text, self.taboo_patterns())
        return next((entry for entry in self.taboo if entry.id in hits[:1]), None)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _data_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yml", ".yaml"))


def load_library(root: Path, quizzes_dir: str = "quizzes", phrases_dir: str = "phrases",
                 docs_dir: str = "docs", roleplays_dir: str = "roleplays") -> Library:
    """Read and check everything under `root`; raise DataError with every problem found."""
    root = Path(root)
    library = Library()
    problems: list[Problem] = []
    _load_quizzes(library, root / quizzes_dir, root, problems)
    _load_phrases(library, root / phrases_dir, root, problems)
    _load_roleplays(library, root / roleplays_dir, root / docs_dir, root, problems)
    _check_questions(library, problems)
    _check_refs(library, root / docs_dir, problems)
    if problems:
        raise DataError(problems)
    return library


def _valid_files(folder: Path, root: Path, model, problems: list[Problem], skip: tuple[str, ...] = ()):
    """(source, parsed) for each data file in `folder` that reads and validates; problems for the rest."""
    for path in _data_files(folder):
        if path.name in skip:
            continue
        source, read_problems = read_yaml(path, _display(path, root))
        problems += read_problems
        if source is None:
            continue
        parsed, found = validate(source, model)
        problems += found
        if parsed is not None:
            yield source, parsed


def _unknown_name(name: str, known: list[str], what: str) -> tuple[str, str]:
    """Message and fix for a name missing from the vocabulary, with the closest one suggested."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.3)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown {what} '{name}'", hint + f"use a name from phrases/{VOCABULARY_FILE} or add it there"


def _load_quizzes(library: Library, folder: Path, root: Path, problems: list[Problem]) -> None:
    for source, quiz in _valid_files(folder, root, Quiz, problems):
        seen: dict[str, int] = {}
        for index, question in enumerate(quiz.questions):
            if question.id in seen:
                problems.append(Problem(
                    source.display, f"duplicate question id (also question #{seen[question.id] + 1})",
                    "give every question in a quiz its own id",
                    source.line_of(("questions", index, "id")), f"question {question.id}"))
            seen.setdefault(question.id, index)
        if quiz.id in BANK_QUIZ_IDS:
            problems.append(Problem(
                source.display, f"quiz id '{quiz.id}' is the site's own (the 错题本 and the exam use {', '.join(BANK_QUIZ_IDS)})",
                "give the quiz another id", source.line_of(("id",))))
            continue
        if quiz.id in library.quizzes:
            problems.append(Problem(
                source.display, f"quiz id '{quiz.id}' is already used by {library.quiz_files[quiz.id]}",
                "give every quiz its own id", source.line_of(("id",))))
            continue
        library.quizzes[quiz.id] = quiz
        library.quiz_files[quiz.id] = source.display
        for index, question in enumerate(quiz.questions):
            library.ref_lines[(quiz.id, question.id)] = (source.display, source.line_of(("questions", index, "ref")))


def _optional_file(path: Path, model, root: Path, problems: list[Problem]):
    """(source, parsed) of a data file the library can do without; (None, None) when absent or bad."""
    if not path.exists():
        return None, None
    source, read_problems = read_yaml(path, _display(path, root))
    problems += read_problems
    if source is None:
        return None, None
    parsed, found = validate(source, model)
    problems += found
    return source, parsed


def _load_phrases(library: Library, folder: Path, root: Path, problems: list[Problem]) -> None:
    vocab_path = folder / VOCABULARY_FILE
    sources: list[tuple[SourceFile, PhraseFile]] = []
    if vocab_path.exists():
        source, read_problems = read_yaml(vocab_path, _display(vocab_path, root))
        problems += read_problems
        if source is not None:
            library.vocabulary, found = validate(source, Vocabulary)
            problems += found
    else:
        problems.append(Problem(_display(vocab_path, root), "the vocabulary file is missing",
                                "create it with the lists 'scenarios' and 'customer_types'"))
    _, synonyms = _optional_file(folder / SYNONYMS_FILE, Synonyms, root, problems)
    if synonyms is not None:
        library.synonyms = synonyms.synonyms
    lexicon_source, lexicon = _optional_file(folder / LEXICON_FILE, Lexicon, root, problems)
    if lexicon is not None:
        library.situations = lexicon.situations
    _, thesaurus = _optional_file(folder / THESAURUS_FILE, Thesaurus, root, problems)
    if thesaurus is not None:
        library.thesaurus = thesaurus.words
    sources += _valid_files(folder, root, PhraseFile, problems,
                            skip=(VOCABULARY_FILE, SYNONYMS_FILE, LEXICON_FILE, THESAURUS_FILE))

    owners: dict[str, str] = {}
    for source, parsed in sources:
        for key, entries in (("phrases", parsed.phrases), ("taboo", parsed.taboo)):
            for index, entry in enumerate(entries):
                if entry.id in owners:
                    problems.append(Problem(
                        source.display, f"id '{entry.id}' is already used in {owners[entry.id]}",
                        "give every phrase and taboo phrase its own id",
                        source.line_of((key, index, "id")), item_label(source, (key, index))))
                    continue
                owners[entry.id] = source.display
                (library.phrases if key == "phrases" else library.taboo).append(entry)

    if library.vocabulary is not None:
        for source, parsed in sources:
            _check_vocabulary(library.vocabulary, source, parsed, problems)
    for source, parsed in sources:
        _check_taboo_free(library, source, parsed, problems)
        _check_instead(library, source, parsed, problems)
    if lexicon_source is not None and library.situations:
        _check_lexicon(library, lexicon_source, problems)


def _check_lexicon(library: Library, source: SourceFile, problems: list[Problem]) -> None:
    """Every name the lexicon leads to exists: a scenario or type in the vocabulary, a word in some phrase."""
    vocabulary = library.vocabulary
    allowed = {"scenarios": vocabulary.scenarios if vocabulary else [],
               "customer_types": vocabulary.customer_types if vocabulary else []}
    said = "|".join(p.text + "|" + "|".join(p.tags) for p in library.phrases)
    for index, situation in enumerate(library.situations):
        label = f"situation {situation.name}"
        for field_name, names in allowed.items():
            for position, name in enumerate(getattr(situation, field_name)):
                if name not in names:
                    message, fix = _unknown_name(name, names, field_name[:-1].replace("_", " "))
                    problems.append(Problem(source.display, message, fix,
                                            source.line_of(("situations", index, field_name, position)), label))
        for position, word in enumerate(situation.finds):
            if word not in said:
                problems.append(Problem(
                    source.display, f"'finds' word '{word}' is in no phrase's text or tags, so it finds nothing",
                    "use a word the phrase library uses, or add it to a phrase's tags",
                    source.line_of(("situations", index, "finds", position)), label))


def _check_vocabulary(vocabulary: Vocabulary, source: SourceFile, parsed: PhraseFile, problems: list[Problem]) -> None:
    allowed = {"scenarios": vocabulary.scenarios, "customer_types": vocabulary.customer_types}
    for index, phrase in enumerate(parsed.phrases):
        for field_name, names in allowed.items():
            for position, name in enumerate(getattr(phrase, field_name)):
                if name not in names:
                    message, fix = _unknown_name(name, names, field_name[:-1].replace("_", " "))
                    problems.append(Problem(source.display, message, fix,
                                            source.line_of(("phrases", index, field_name, position)),
                                            f"phrase {phrase.id}"))


def _check_taboo_free(library: Library, source: SourceFile, parsed: PhraseFile, problems: list[Problem]) -> None:
    for index, phrase in enumerate(parsed.phrases):
        hit = library.find_taboo(phrase.text)
        if hit is not None:
            problems.append(Problem(
                source.display, f"the recommended text contains the taboo phrase '{hit.text}' ({hit.id})",
                "rephrase it: " + hit.why, source.line_of(("phrases", index, "text")), f"phrase {phrase.id}"))


def _check_instead(library: Library, source: SourceFile, parsed: PhraseFile, problems: list[Problem]) -> None:
    known = {phrase.id for phrase in library.phrases}
    for index, entry in enumerate(parsed.taboo):
        for position, alternative in enumerate(entry.instead):
            line = source.line_of(("taboo", index, "instead", position))
            if _LOOKS_LIKE_ID.match(alternative) and "-" in alternative:
                if alternative not in known:
                    close = difflib.get_close_matches(alternative, sorted(known), n=1)
                    hint = f"did you mean '{close[0]}'?" if close else "use an existing phrase id or a plain sentence"
                    problems.append(Problem(source.display, f"'instead' names unknown phrase id '{alternative}'",
                                            hint, line, f"taboo phrase {entry.id}"))
                continue
            hit = library.find_taboo(alternative)
            if hit is not None:
                problems.append(Problem(
                    source.display, f"the replacement '{alternative}' itself contains the taboo phrase '{hit.text}'",
                    "rephrase the replacement", line, f"taboo phrase {entry.id}"))


def _check_refs(library: Library, docs: Path, problems: list[Problem]) -> None:
    ref_lines = library.ref_lines
    for quiz in library.quizzes.values():
        for question in quiz.questions:
            if question.ref and not (docs / question.ref.split("#")[0]).is_file():
                file, line = ref_lines.get((quiz.id, question.id), (library.quiz_files[quiz.id], None))
                problems.append(Problem(file, f"ref '{question.ref}' points to a page that does not exist",
                                        f"use a path under {docs.name}/, e.g. modules/handling-steps.md#golden-rules",
                                        line, f"question {question.id}"))


def _load_roleplays(library: Library, folder: Path, docs: Path, root: Path, problems: list[Problem]) -> None:
    known_types = library.vocabulary.customer_types if library.vocabulary else []
    for source, card in _valid_files(folder, root, RolePlay, problems):
        label = f"role-play {card.id}"
        if card.id in library.roleplays:
            problems.append(Problem(source.display, f"role-play id '{card.id}' is already used",
                                    "give every card its own id", source.line_of(("id",)), label))
            continue
        for position, name in enumerate(card.customer.psychology):
            if name not in known_types:
                message, fix = _unknown_name(name, known_types, "customer type")
                problems.append(Problem(source.display, message, fix,
                                        source.line_of(("customer", "psychology", position)), label))
        if card.ref and not (docs / card.ref.split("#")[0]).is_file():
            problems.append(Problem(source.display, f"ref '{card.ref}' points to a page that does not exist",
                                    f"use a path under {docs.name}/", source.line_of(("ref",)), label))
        library.roleplays[card.id] = card


def _check_questions(library: Library, problems: list[Problem]) -> None:
    """The rules of a question type that need the rest of the library (a reply's model answer and the taboo list)."""
    for quiz in library.quizzes.values():
        for question in quiz.questions:
            file, _ = library.ref_lines[(quiz.id, question.id)]
            for message, fix in question_type(question.type).check(question, library.find_taboo):
                problems.append(Problem(file, message, fix, None, f"question {question.id}"))
