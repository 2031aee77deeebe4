"""Quantity facts: a number, the thing it counts and the event it is about ("3 người chết").

A fact's key is (counted noun, event): "3 người tử vong" and "ba người thiệt mạng" share the key
("người", "chết"), so two articles giving 3 and 4 for it disagree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tomtat.conflicts.numbers import SCALES, find_numbers

# Counted nouns, first matching wins: the surface after the number -> the noun head of the key.
_HEADS: list[tuple[str, str]] = [
    (r"(?:tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|vnd|vnđ)", "đồng"), (r"(?:tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:usd|đô la)", "USD"),
    (r"người|nạn nhân|thi thể|ngư dân|công nhân|học sinh|chiến sĩ|trẻ em|cháu|hành khách|du khách|thuyền viên", "người"),
    (r"(?:ngôi|căn)\s+nhà|nhà(?:\s+dân)?", "nhà"), (r"hộ(?:\s+dân|\s+gia đình)?", "hộ"),
    (r"phiếu|đại biểu", "phiếu"), (r"ha|hecta|héc-ta", "ha"), (r"tấn", "tấn"),
    (r"(?:chiếc\s+)?(?:ô tô|xe)", "xe"), (r"(?:chiếc\s+)?(?:tàu|thuyền)", "tàu"),
    (r"đối tượng|bị can|nghi phạm", "đối tượng"),
]
_HEAD = [(re.compile(rf"\s*(?:{pattern})(?!\w)", re.IGNORECASE), head) for pattern, head in _HEADS]
# Event predicates near the number -> the event of the key.
_EVENTS: list[tuple[str, str]] = [
    (r"chết|tử vong|thiệt mạng|tử nạn|thương vong|qua đời|tử thương|thi thể", "chết"),
    (r"bị thương|trọng thương|nhập viện|cấp cứu", "bị thương"), (r"mất tích", "mất tích"),
    (r"sập|hư hỏng|hư hại|tốc mái|bị ngập|ngập|cuốn trôi|bị cháy|cháy rụi", "hư hỏng"),
    (r"thiệt hại|tổn thất", "thiệt hại"), (r"tán thành|đồng ý|ủng hộ", "tán thành"),
    (r"sơ tán|di dời", "sơ tán"), (r"giải cứu|cứu sống|được cứu", "cứu"),
    (r"bắt giữ|bắt|tạm giữ|khởi tố", "bắt"), (r"chiếm đoạt|lừa đảo|tham ô|tham nhũng", "chiếm đoạt"),
]
_EVENT = [(re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), event) for pattern, event in _EVENTS]
# Words that make a count a part, an estimate of something else, or no count at all.
_NOT_A_TOTAL = re.compile(r"(?<!\w)(?:trong đó|gồm|hơn|trên|khoảng|gần|ít nhất|tối thiểu|hàng)\s*$", re.IGNORECASE)
UPDATE_CUE = re.compile(r"(?<!\w)(?:đã tăng lên|tăng lên|nâng tổng số|nâng số|đến nay|cập nhật|tính đến|hiện đã)(?!\w)",
                        re.IGNORECASE)
CUMULATIVE = frozenset({"chết", "bị thương", "mất tích", "hư hỏng", "thiệt hại", "sơ tán", "cứu", "bắt"})
WINDOW = 40  # characters around the number searched for the event


@dataclass(frozen=True)
class Fact:
    """A quantity fact of a sentence: its key, value, the number's span in the sentence and its qualifier."""

    head: str
    event: str
    value: float
    text: str  # the number with its counted noun, as written
    start: int
    end: int
    approximate: bool  # "hơn 3 người", "khoảng 20 ha": a bound, not a count

    @property
    def key(self) -> tuple[str, str]:
        return self.head, self.event


def _event(sentence: str, start: int, end: int) -> str | None:
    """The event predicate nearest the number: after it within the window first, then before it."""
    after = re.split(r"[,;:]", sentence[end:end + WINDOW])[0]
    following = [(m.start(), event) for pattern, event in _EVENT for m in pattern.finditer(after)]
    if following:
        return min(following)[1]
    before = re.split(r"[,;:]", sentence[max(0, start - 2 * WINDOW):start])[-1]
    found = [(m.end(), event) for pattern, event in _EVENT for m in pattern.finditer(before)]
    return max(found)[1] if found else None


def sentence_facts(sentence: str) -> list[Fact]:
    """The quantity facts of one sentence that have a counted noun and an event."""
    facts = []
    for number in find_numbers(sentence):
        rest = sentence[number.end:]
        for pattern, head in _HEAD:
            match = pattern.match(rest)
            if match:
                break
        else:
            continue
        end = number.end + match.end()
        if number.value >= 1900 and number.value <= 2100 and head not in ("đồng", "USD", "ha", "tấn"):
            continue  # a year
        event = _event(sentence, number.start, end)
        if event is None:
            continue
        scaled = head in ("đồng", "USD")
        value = number.value * _scale(match.group()) if scaled else number.value
        approximate = bool(_NOT_A_TOTAL.search(sentence[:number.start]))
        facts.append(Fact(head, event, value, sentence[number.start:end], number.start, end, approximate))
    return facts


def _scale(unit: str) -> float:
    """The scale word inside a money unit ("tỷ đồng" is 1e9), 1 without one."""
    words = unit.lower().split()
    return next((SCALES[word] for word in words if word in SCALES), 1.0)
