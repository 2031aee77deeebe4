"""Summary length: syllables (default unit), words, sentences, or a percentage."""
from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "": "syllables", "syl": "syllables", "syllable": "syllables", "syllables": "syllables",
    "âm tiết": "syllables", "w": "words", "word": "words", "words": "words", "từ": "words",
    "sent": "sentences", "sentence": "sentences", "sentences": "sentences", "câu": "sentences",
    "%": "percent",
}
_SPEC = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([^\d\s].*?)?\s*$")


@dataclass(frozen=True)
class Budget:
    """How long a summary may be.

    `percent` is a share of the mean input article length in syllables: "20%" asks for a
    summary a fifth as long as an average article of the story.
    """

    amount: float
    unit: str = "syllables"

    @classmethod
    def parse(cls, spec: str | int | Budget) -> Budget:
        """Budget from 200, "200", "200 syllables", "80w", "5 sentences", "5 câu" or "20%"."""
        if isinstance(spec, Budget):
            return spec
        match = _SPEC.match(str(spec))
        unit = _UNITS.get((match.group(2) or "").lower()) if match else None
        if match is None or unit is None:
            raise ValueError(
                f"unreadable budget {spec!r}: give a number of syllables (200), words (80w), "
                "sentences (5 sentences) or a percentage (20%)"
            )
        amount = float(match.group(1))
        if amount <= 0 or (unit == "percent" and amount > 100) or (unit != "percent" and amount != int(amount)):
            raise ValueError(f"budget {spec!r} out of range: a whole count > 0, or a percentage in (0, 100]")
        return cls(amount, unit)

    def resolve(self, article_syllables: list[int]) -> Budget:
        """A percentage turned into syllables for articles of these lengths; others unchanged."""
        if self.unit != "percent":
            return self
        mean = sum(article_syllables) / max(1, len(article_syllables))
        return Budget(max(1, round(mean * self.amount / 100)), "syllables")

    def __str__(self) -> str:
        amount = f"{self.amount:g}"
        if self.unit == "percent":
            return f"{amount}%"
        return f"{amount} {self.unit[:-1] if self.amount == 1 else self.unit}"
