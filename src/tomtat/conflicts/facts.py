"""Quantity facts: a number, the thing it counts and the event it is about ("3 người chết").

A fact's key is (counted noun, event): "3 người tử vong" and "ba người thiệt mạng" share the key
("người", "chết"), so two articles giving 3 and 4 for it disagree. The event is as fine as the
text is: "nhà bị sập" and "nhà tốc mái" are two keys, "48 nhà bị tốc mái và sập đổ" a third.
A count of people found or rescued ("tìm thấy 2 người mất tích", "cứu được 5 ngư dân") is keyed
("người", FOUND), not by the event of its noun: it is a part of the missing, not their number.
A fact keeps its bound ("hơn 14 tấn" is more than 14, "khoảng 80 tấn" about 80) and the place
or sub-group it is scoped to ("riêng huyện Lục Yên", "tại xã Tân Lập"), if its clause names one.
A sentence about an earlier event gives no facts: it opens with "Trước đó" or "hồi", or with a date
ending more than `BACKGROUND_DAYS` before the article's ("Năm 2008, ..."), or it says the thing
had once happened ("từng cuốn trôi 9 ngôi nhà"; not "chưa từng", which is news).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tomtat.conflicts.numbers import SCALES, find_numbers
from tomtat.timex import find_timexes, value_days

# Counted nouns, first matching wins: the surface after the number -> the noun head of the key.
_HEADS: list[tuple[str, str]] = [
    (r"(?:tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|vnd|vnđ)", "đồng"), (r"(?:tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:usd|đô la)", "USD"),
    (r"người|nạn nhân|thi thể|ngư dân|công nhân|học sinh|chiến sĩ|trẻ em|cháu|hành khách|du khách|thuyền viên", "người"),
    (r"nhà\s+bếp", "nhà bếp"), (r"nhà\s+(?:kho|xưởng)", "nhà xưởng"), (r"nhà\s+(?:bạt|tạm)", "nhà tạm"),
    (r"(?:ngôi|căn)\s+nhà(?:\s+(?:dân|ở))?|nhà(?:\s+(?:dân|ở))?", "nhà"), (r"hộ(?:\s+dân|\s+gia đình)?", "hộ"),
    (r"phiếu|đại biểu", "phiếu"), (r"ha|hecta|héc-ta", "ha"), (r"tấn", "tấn"),
    (r"(?:chiếc\s+)?(?:ô tô|xe)", "xe"), (r"(?:chiếc\s+)?(?:tàu|thuyền)", "tàu"),
    (r"đối tượng|bị can|nghi phạm", "đối tượng"),
]
_HEAD = [(re.compile(rf"\s*(?:{pattern})(?!\w)", re.IGNORECASE), head) for pattern, head in _HEADS]
# Event predicates near the number -> the event of the key.
FOUND = "được tìm thấy/cứu"  # those found or rescued
_EVENTS: list[tuple[str, str]] = [
    (r"chết(?!\s+não)|tử vong|thiệt mạng|tử nạn|thương vong|qua đời|tử thương|thi thể", "chết"),
    (r"bị thương|trọng thương|nhập viện|cấp cứu", "bị thương"), (r"mất tích", "mất tích"),
    (r"sập|đổ sập|sập đổ", "sập"), (r"tốc mái", "tốc mái"), (r"cuốn trôi|bị trôi", "cuốn trôi"), (r"ngập", "ngập"),
    (r"cháy|cháy rụi", "cháy"), (r"hư hỏng|hư hại", "hư hỏng"),
    (r"thiệt hại|tổn thất", "thiệt hại"), (r"tán thành|đồng ý|ủng hộ", "tán thành"),
    (r"sơ tán|di dời", "sơ tán"), (r"giải cứu|cứu sống|được cứu|được tìm thấy", FOUND),
    (r"bắt giữ|bắt|tạm giữ|khởi tố", "bắt"), (r"chiếm đoạt|lừa đảo|tham ô|tham nhũng", "chiếm đoạt"),
]
_EVENT = [(re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), event) for pattern, event in _EVENTS]
# A verb of finding or rescuing before a count of people, up to four words before it in its
# clause: "đã tìm thấy 2 người mất tích", "cứu được hơn 20 người", "đưa ra khỏi đống đổ nát 3
# người"; not after a negation ("vẫn chưa tìm thấy 1 người" is still missing).
_FOUND = re.compile(r"(?<!\w)(?:tìm thấy|tìm được|cứu được|cứu sống|giải cứu|cứu thoát|vớt được|đưa ra khỏi)"
                    r"(?:\s+[^\W\d]+){0,4}\s+$", re.IGNORECASE)
_NEGATION = re.compile(r"(?<!\w)(?:chưa|không)(?:\s+(?:thể|được))?\s+$", re.IGNORECASE)
DAMAGE = frozenset({"sập", "tốc mái", "cuốn trôi", "ngập", "cháy", "hư hỏng"})
# Words before a number that make it a bound: a lower one ("hơn 14") or an estimate ("khoảng 80").
_BOUND = re.compile(r"(?<!\w)(?P<word>hơn|trên|ít nhất|tối thiểu|hàng|khoảng|gần|chừng|xấp xỉ)\s*$", re.IGNORECASE)
MORE, ABOUT = "hơn", "khoảng"
_BOUNDS = {"hơn": MORE, "trên": MORE, "ít nhất": MORE, "tối thiểu": MORE, "hàng": MORE}
# A rate, not a count: "7 triệu đồng cho mỗi hộ", "2 triệu đồng/người".
_RATE = re.compile(r"^\s*(?:/|(?:cho\s+)?mỗi\s|một\s+(?:người|hộ|tháng|năm|ngày)(?!\w))", re.IGNORECASE)
# The place or sub-group a count is about: "riêng huyện Lục Yên", "tại xã Tân Lập", "ở tỉnh Yên Bái".
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())  # Latin capitals, Vietnamese ones included
_SCOPE = re.compile(r"(?<!\w)(?i:riêng|tại|ở|thuộc)\s+(?i:các\s+)?(?i:huyện|xã|thôn|bản|phường|quận|thị xã|thị trấn|tỉnh"
                    rf"|thành phố|TP\.?|khu vực|địa bàn)?\s*(?P<place>(?:[{_UPPER}][\w-]*\s?){{1,4}})")
# A sentence about an earlier, other event: "Trước đó, sân bay Brussels bị đánh bom ... 31 người thiệt mạng".
BACKGROUND = re.compile(r"^\W*(?:trước đó|trước đây|hồi)(?!\w)", re.IGNORECASE)
# "từng" before a verb is "had once" ("từng cuốn trôi", "từng bị"); before a noun it is "each" ("từng hộ").
_ONCE = re.compile(r"(?<!\w)(?<!chưa )(?<!không )(?<!chẳng )từng\s+(?:bị|được|có|làm|khiến|gây|xảy ra|ghi nhận"
                   r"|xuất hiện|đổ bộ|tàn phá|cuốn|quét|hứng chịu|chứng kiến|chết|tử vong|thiệt mạng|sập|ngập|cháy)(?!\w)",
                   re.IGNORECASE)
# A date opening the sentence, at most two words in ("Năm 2008,", "Vào tháng 9/2020,"), dates it.
_OPENING = re.compile(r"^\W*(?:[^\W\d]+\s+){0,2}$")
BACKGROUND_DAYS = 31  # a sentence opening with a date ending this long before the article's is background
UPDATE_CUE = re.compile(r"(?<!\w)(?:đã tăng lên|tăng lên|nâng tổng số|nâng số|đến nay|cập nhật|tính đến|hiện đã"
                        r"|đã lên đến|đã lên tới)(?!\w)", re.IGNORECASE)
CUMULATIVE = frozenset({"chết", "bị thương", "mất tích", "thiệt hại", "sơ tán", FOUND, "bắt"} | DAMAGE)
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
    bound: str = ""  # "" for a count, MORE for "hơn 3 người", ABOUT for "khoảng 20 ha"
    scope: str | None = None  # the place or sub-group named in the count's clause

    @property
    def key(self) -> tuple[str, str]:
        return self.head, self.event


def _found(sentence: str, start: int) -> bool:
    """Whether the number at `start` counts those found or rescued: a finding verb before it, not negated."""
    verb = _FOUND.search(sentence[max(0, start - 2 * WINDOW):start])
    return verb is not None and not _NEGATION.search(sentence[:start - len(verb.group())])


def _event(sentence: str, start: int, end: int) -> str | None:
    """The event predicate of the number: FOUND when it is among the events right after its noun
    ("2 người mất tích được tìm thấy"), else those events, up to the next number ("tốc mái và
    sập" when it names two), else the nearest one before it in its clause."""
    after = re.split(r"[,;:(]", sentence[end:end + WINDOW])[0]
    if not re.match(r"\s*(?:và|hoặc|cùng)(?!\w)", after, re.IGNORECASE):
        following = find_numbers(after)
        after = after[:following[0].start] if following else after
        found = sorted((m.start(), event) for pattern, event in _EVENT for m in pattern.finditer(after))
        events = list(dict.fromkeys(event for _, event in found))
        if FOUND in events:
            return FOUND
        if events:
            return " và ".join(events)
    before = re.split(r"[,;:]", sentence[max(0, start - 2 * WINDOW):start])[-1]
    found = sorted((m.end(), event) for pattern, event in _EVENT for m in pattern.finditer(before))
    return found[-1][1] if found else None


def _scope(sentence: str, start: int, end: int) -> str | None:
    """The place or sub-group named in the number's clause, before it or right after its noun."""
    clause = re.split(r"[,;:]", sentence[max(0, start - 2 * WINDOW):start])[-1] + " " + \
        re.split(r"[,;:]", sentence[end:end + WINDOW])[0]
    match = _SCOPE.search(clause)
    return match["place"].strip() if match else None


def is_background(sentence: str, published: dt.date | None) -> bool:
    """Whether the sentence is about an earlier event: a background opener, "từng" before its verb,
    or an opening date ending more than `BACKGROUND_DAYS` before `published`."""
    if BACKGROUND.match(sentence) or _ONCE.search(sentence):
        return True
    if published is None:
        return False
    timexes = [t for t in find_timexes(sentence, published) if t.value is not None and t.type in ("DATE", "TIME", "RANGE")]
    opening = next((t for t in timexes if _OPENING.match(sentence[:t.start])), None)
    return opening is not None and value_days(opening.value)[1] < published - dt.timedelta(days=BACKGROUND_DAYS)


def sentence_facts(sentence: str, published: dt.date | None = None) -> list[Fact]:
    """The quantity facts of one sentence that have a counted noun and an event (none in a
    sentence about an earlier event, see `is_background`; `published` is the article's date)."""
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
        found = head == "người" and _found(sentence, number.start)
        event = FOUND if found else _event(sentence, number.start, end)
        if event is None or _RATE.match(sentence[end:]):
            continue
        scaled = head in ("đồng", "USD")
        value = number.value * _scale(match.group()) if scaled else number.value
        bound = _BOUND.search(sentence[:number.start])
        facts.append(Fact(head, event, value, sentence[number.start:end], number.start, end,
                          _BOUNDS.get(bound["word"].lower(), ABOUT) if bound else "", _scope(sentence, number.start, end)))
    return [] if facts and is_background(sentence, published) else facts


def _scale(unit: str) -> float:
    """The scale word inside a money unit ("tỷ đồng" is 1e9), 1 without one."""
    words = unit.lower().split()
    return next((SCALES[word] for word in words if word in SCALES), 1.0)
