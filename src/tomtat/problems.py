"""Input problems: reported with file and line, then skipped, never fatal alone."""
from __future__ import annotations

from dataclasses import dataclass


class InputError(ValueError):
    """An input that cannot be used; carries where it came from."""

    def __init__(self, message: str, path: str = "", line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line is not None else "")
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Problem:
    """One reported, skipped input."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line is not None else "")
        return f"{where}: {self.message}" if where else self.message


class ProblemLog(list):
    """A list of `Problem`s that readers append to instead of raising."""

    def add(self, error: InputError) -> None:
        self.append(Problem(error.path, error.line, error.message))
