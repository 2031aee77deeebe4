"""Input problems: reported with file and line, then skipped, never fatal alone."""
from __future__ import annotations

from dataclasses import dataclass


def located(message: str, path: str, line: int | None) -> str:
    """"path:line: message", or the message alone when there is no path or line."""
    where = path + (f":{line}" if line is not None else "")
    return f"{where}: {message}" if where else message


class InputError(ValueError):
    """An input that cannot be used; carries where it came from."""

    def __init__(self, message: str, path: str = "", line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        return located(self.message, self.path, self.line)


@dataclass
class Problem:
    """One reported input: skipped, or (`skipped` False) used in part, as the message says."""

    path: str
    line: int | None
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return located(self.message, self.path, self.line)


class ProblemLog(list):
    """A list of `Problem`s that readers append to instead of raising."""

    def add(self, error: InputError) -> None:
        """An input skipped because of `error`."""
        self.append(Problem(error.path, error.line, error.message))

    def note(self, error: InputError) -> None:
        """An input used in part (cut, or read without its date), as `error` says."""
        self.append(Problem(error.path, error.line, error.message, skipped=False))
