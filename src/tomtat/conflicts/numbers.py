"""Vietnamese numbers in text, normalised: "3,5 tỷ" and "3.5 tỷ đồng" are both 3 500 000 000.

Written forms: a decimal comma ("3,5"), dots grouping thousands ("1.200"), a decimal dot that does
not group three digits ("3.5"), number words ("hai", "mười") and scale words ("tỷ", "triệu",
"nghìn"/"ngàn", "trăm").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
          "mười": 10, "chục": 10}
SCALES = {"tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3, "trăm": 1e2}
_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:[.,]\d+)?"
_SCALE = r"(?:\s+(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm))*"
# A number word counts only before a noun it counts, so "năm" (year) and "ba" (father) are not numbers.
_WORD_HEADS = r"(?=\s+(?:người|ngôi|căn|ngày|tháng|nạn|hộ|chiếc|con|thi|học|chiến|trẻ|cháu|tàu|xe|đối|bị|phiếu))"
NUMBER = re.compile(rf"(?<![\w.,/:-])(?:(?P<digits>{_DIGITS})|(?P<word>{'|'.join(_WORDS)}){_WORD_HEADS})"
                    rf"(?P<scale>{_SCALE})(?![\w/:]|[.,]\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number in a text: its span, its surface and its value."""

    text: str
    start: int
    end: int
    value: float


def parse_digits(digits: str) -> float:
    """The value of a written number: "1.200" is 1200, "3,5" and "3.5" are 3.5, "1,200,000" a million."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        return float(digits.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", digits):
        return float(digits.replace(",", ""))
    return float(digits.replace(",", "."))


def find_numbers(text: str) -> list[Number]:
    """The numbers of `text`, scale words included in their span and value."""
    numbers = []
    for match in NUMBER.finditer(text):
        value = parse_digits(match["digits"]) if match["digits"] else float(_WORDS[match["word"].lower()])
        for scale in match["scale"].split():
            value *= SCALES[scale.lower()]
        numbers.append(Number(match.group(), match.start(), match.end(), value))
    return numbers


def display(value: float) -> str:
    """A value as Vietnamese writes it: "1.200", "3,5"."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".rstrip("0").replace(",", " ").replace(".", ",").replace(" ", ".")
