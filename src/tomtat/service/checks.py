"""Input checks of the service: safe article ids, article length, article count, summary budget."""
from __future__ import annotations

import re
import unicodedata

from tomtat.options import LimitOptions
from tomtat.summarizers.budget import Budget

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$"
ID_RULE = "1 to 200 of A-Z a-z 0-9 . _ : -, starting with a letter or digit"
_SAFE_ID = re.compile(ID_PATTERN)
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9._:-]+")


def safe_id(name: str) -> str:
    """`name` as a safe id: diacritics dropped (đ as d), other characters in runs as "-"; "" if nothing is left."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _UNSAFE_RUN.sub("-", ascii_only).strip("-._:")[:200].rstrip("-._:")


def is_safe_id(article_id: str) -> bool:
    return _SAFE_ID.match(article_id) is not None


def syllables(text: str) -> int:
    """Syllables of Vietnamese text: its space-separated tokens."""
    return len(text.split())


def text_problem(text: str, limits: LimitOptions) -> str | None:
    """Why an article text is refused (no letter or digit, too long), or None."""
    if re.search(r"\w", text) is None:
        return "the article has no text (only spaces or punctuation)"
    count = syllables(text)
    if count > limits.article_syllables:
        return f"the article has {count} syllables, over the limit of {limits.article_syllables}"
    return None


def count_problem(count: int, limits: LimitOptions) -> str | None:
    """Why a request with `count` articles is refused, or None."""
    if count > limits.articles:
        return f"{count} articles in one request, over the limit of {limits.articles}: send them in parts"
    return None


def bounded_budget(spec: str, limits: LimitOptions) -> Budget:
    """The budget of `spec`; ValueError when unreadable or over the limits."""
    budget = Budget.parse(spec)
    if budget.unit == "sentences" and budget.amount > limits.budget_sentences:
        raise ValueError(f"budget {spec!r} is over the limit of {limits.budget_sentences} sentences")
    if budget.unit in ("syllables", "words") and budget.amount > limits.budget_syllables:
        raise ValueError(f"budget {spec!r} is over the limit of {limits.budget_syllables} {budget.unit}")
    return budget
