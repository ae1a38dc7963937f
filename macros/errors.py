"""Problems found in data files, and the exception that stops the build."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place, phrased so an author can fix it without reading code."""

    file: str
    message: str
    fix: str = ""
    line: int | None = None
    item: str = ""  # e.g. "question golden-rules", "phrase apology-wait"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        item = f" {self.item}:" if self.item else ""
        fix = f" — {self.fix}" if self.fix else ""
        return f"{where}:{item} {self.message}{fix}"


class DataError(Exception):
    """Raised when any data file is invalid; the message lists every problem, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        head = "1 problem in the course data:" if count == 1 else f"{count} problems in the course data:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
