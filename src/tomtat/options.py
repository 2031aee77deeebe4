"""The options object passed down the pipeline instead of long flag lists."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tomtat.summarizers import DEFAULT_METHOD
from tomtat.summarizers.budget import Budget


@dataclass
class Options:
    """Everything the pipeline can be told; defaults are what `tomtat summarize` uses.

    method: a name from `tomtat.summarizers.METHODS`.
    budget: summary length (see `Budget.parse`): "200" syllables, "80w", "5 sentences", "20%".
    redundancy: a candidate whose TF-IDF cosine to an already selected sentence is at least
        this is skipped (0..1; lower removes more).
    coverage: a candidate whose IDF-weighted syllables are at least this share already in the
        summary is skipped: it says again, in other words, what was said (0..1).
    fill: let the last sentence cross the budget and cut the text at exactly the budget
        (for ROUGE runs, where the protocol truncates anyway); otherwise whole sentences only.
    min_syllables / max_syllables: sentences outside this length are never selected.
    query: a query-focused summary: sentences are ranked mostly by their similarity to it, and
        sentences sharing nothing with it are left out (unless none shares anything).
    trim: drop leading discourse connectives ("Trong khi đó,", "Tuy nhiên,") from sentences
        before selection, so more content fits the budget.
    since: an update summary: only articles published after this date are summarized, and
        what they repeat from the earlier articles is left out. Undated articles count as earlier.
    model: a model file made by `tomtat train`, for the supervised method (the shipped one when None).
    """

    method: str = DEFAULT_METHOD
    budget: Budget = field(default_factory=lambda: Budget.parse("200"))
    redundancy: float = 0.5
    coverage: float = 0.6
    fill: bool = False
    min_syllables: int = 6
    max_syllables: int = 90
    trim: bool = False
    query: str | None = None
    since: dt.date | None = None
    model: Path | None = None

    def __post_init__(self) -> None:
        if isinstance(self.budget, (str, int)):
            self.budget = Budget.parse(self.budget)
        for name in ("redundancy", "coverage"):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], got {getattr(self, name)}")
        if self.query is not None and not self.query.strip():
            raise ValueError("query is empty: give words to focus the summary on, or no query")
        if self.min_syllables < 1 or self.max_syllables < self.min_syllables:
            raise ValueError(
                f"need 1 <= min_syllables <= max_syllables, got {self.min_syllables}, {self.max_syllables}"
            )
