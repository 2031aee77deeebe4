"""A role given to two people: "Bộ trưởng Bộ Y tế Nguyễn Văn Xuân" in one article, "Bộ trưởng Bộ
Y tế Trần Văn Yên" in another.

A role is a title with what it heads ("Chủ tịch UBND tỉnh Lào Cai"), written just before a
person's name or after it between commas ("ông Giàng A Hải, Chủ tịch xã Kim Nọi,"). A bare title
("Thủ tướng Abe") names no one role, and a former or acting holder ("nguyên Bộ trưởng") none
that is held now. An article naming both people for one role (an old and a new holder) makes no
conflict.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from tomtat.clean import normalize_text
from tomtat.conflicts.names import variants
from tomtat.entities import tag
from tomtat.model import Document
from tomtat.nlp.abbreviations import expand

if TYPE_CHECKING:
    from tomtat.conflicts import Conflict

_TITLES = (r"(?:Phó\s+)?(?:Tổng\s+Bí\s+thư|Bí\s+thư|Chủ\s+tịch|Tổng\s+giám\s+đốc|Giám\s+đốc|Bộ\s+trưởng|Thứ\s+trưởng"
           r"|Thủ\s+tướng|Tổng\s+thống|Chánh\s+án|Viện\s+trưởng|Tổng\s+cục\s+trưởng|Cục\s+trưởng|Vụ\s+trưởng"
           r"|Trưởng\s+phòng|Trưởng\s+ban|Trưởng\s+công\s+an|Chủ\s+nhiệm|Đại\s+sứ|Hiệu\s+trưởng|Thống\s+đốc"
           r"|Ngoại\s+trưởng|Người\s+phát\s+ngôn|Chỉ\s+huy\s+trưởng|Tư\s+lệnh|Chánh\s+văn\s+phòng)")
_ROLE = rf"(?P<role>{_TITLES}\s+[^\s,;:()\"“”]+(?:\s+[^\s,;:()\"“”]+){{0,7}}?)"
# A holder who no longer or not yet holds the role, or someone near it.
_NOT_HELD = r"(?:nguyên|cựu|quyền|tân|từng|trợ lý|thư ký|vợ|chồng|con|con trai|con gái|ứng viên)\s+$"
# What a role's head part cannot hold: a second title or a word joining it to something else.
_JOINED = re.compile(rf"\s(?:và|cùng|với|cho|gặp|tiếp|thăm|là)\s|\s{_TITLES}(?!\w)", re.IGNORECASE)
_BEFORE = re.compile(rf"(?:^|[,;:(]\s*|\s){_ROLE}\s*(?:,\s*)?(?:ông|bà)?\s*$", re.IGNORECASE)
_AFTER = re.compile(rf"^\s*,\s*{_ROLE}\s*(?:[,;:()]|$)", re.IGNORECASE)


def _key(role: str) -> str:
    return " ".join(expand(normalize_text(role)).lower().split())


def sentence_roles(sentence: str) -> list[tuple[str, str]]:
    """(role as written, person) for each person the sentence gives a held role."""
    found = []
    for mention in tag(sentence):
        if mention.type != "PER" or not re.search(r"\w{3}", mention.name):
            continue  # not a person, or a name cut to its initials ("A." of "A.Tkachyov")
        before = _BEFORE.search(sentence[:mention.start])
        match = before or _AFTER.match(sentence[mention.end:])
        if match is None:
            continue
        start = match.start("role") + (0 if before else mention.end)
        if re.search(_NOT_HELD, sentence[max(0, start - 12):start], re.IGNORECASE) or _JOINED.search(match["role"]):
            continue
        found.append((match["role"], mention.name))
    return found


_HONORIFIC = frozenset({"ông", "bà", "ngài", "tướng", "tiến sĩ", "ts", "gs"})


def _same_person(a: str, b: str) -> bool:
    """One name, or a short form of it ("Hải" / "Giàng A Hải", "Didi" / "Didi Dache"), or one
    spelled two ways ("Nguyễn Văn Hải" / "Nguyễn Văn Hài", "Antoni Macherevich" / "Antoni
    Macierewicz": one word differing after its first three letters); honorifics ("Ngài") aside."""
    x, y = ([w for w in name.lower().split() if w not in _HONORIFIC] for name in (a, b))
    shorter, longer = sorted((x, y), key=len)
    rest = iter(longer)
    if all(word in rest for word in shorter):  # the shorter name's words, in order, within the longer
        return True
    differing = [(p, q) for p, q in zip(x, y) if p != q]
    return variants(a, b) or (len(x) == len(y) > 1 and len(differing) == 1
                              and min(map(len, differing[0])) >= 5 and differing[0][0][:3] == differing[0][1][:3])


def role_conflicts(documents: list[Document]) -> list[Conflict]:
    """Roles whose holder is one person in some articles and another in others."""
    from tomtat.conflicts import Conflict, ConflictValue

    written: dict[str, str] = {}
    holders: dict[str, dict[str, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))  # role -> name -> doc -> sentence
    for index, document in enumerate(documents):
        for sentence in document.sentences:
            for role, name in sentence_roles(sentence.text):
                written.setdefault(_key(role), role)
                holders[_key(role)][name].setdefault(index, sentence.text)
    conflicts = []
    for key, people in holders.items():
        names = sorted(people, key=lambda n: min(people[n]))
        pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]
                 if not _same_person(a, b) and not set(people[a]) & set(people[b])]
        if not pairs:
            continue
        shown = list(dict.fromkeys(name for pair in pairs for name in pair))
        conflicts.append(Conflict("role", written[key], [
            ConflictValue(name, [documents[d].article.id for d in people[name]], list(people[name].values()),
                          list(people[name])) for name in shown]))
    return conflicts
