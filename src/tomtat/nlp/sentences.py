"""Sentence splitting for Vietnamese news.

underthesea's `sent_tokenize` merges lines, splits after "PGS.TS." and domains ("vnexpress.
net"), and moves a closing quote to the next sentence. This splitter replaces it: newlines
are boundaries, and inside a line a boundary is end punctuation (with any closing quotes or
brackets, which stay with their sentence) followed by whitespace and a sentence start. It
does not split after title abbreviations, single-letter initials, or inside a quotation.
"""
from __future__ import annotations

import re

# Abbreviations that precede a name or a number, so a period after them never ends a sentence.
ABBREVIATIONS = frozenset(
    """TP Tp GS PGS TS ThS Th.S TSKH BS BSCKI BSCKII CKI CKII KS CN NSND NSƯT NGND NGƯT ĐH
    Q P TT TX H X Mr Mrs Ms Dr Prof St Jr Sr Co Ltd Inc No Gen Lt Col Capt Sgt Rev Hon
    Tr tr Th đ/c Đ/c""".split()
)
_CLOSERS = "\"”’»)]'"
_OPENERS = "\"“‘«([-–—'"
_BOUNDARY = re.compile(r"(?:[.!?…]+|\.\.\.)[" + re.escape(_CLOSERS) + r"]*\s+")
_QUOTE_PAIRS = re.compile(r"“[^“”]*”|\"[^\"]*\"|«[^«»]*»")
_MAX_PROTECTED_QUOTE = 400  # longer quotations are split like running text


def _protected_spans(line: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in _QUOTE_PAIRS.finditer(line)
        if m.end() - m.start() <= _MAX_PROTECTED_QUOTE
    ]


def _starts_sentence(rest: str) -> bool:
    head = rest.lstrip(_OPENERS)
    if not head:
        return False
    return head[0].isupper() or head[0].isdigit() or (head is not rest and head[0].isalpha())


def _ends_with_abbreviation(text: str) -> bool:
    """True when the period at the end of `text` belongs to an abbreviation or an initial."""
    token = text.rsplit(None, 1)[-1].lstrip(_OPENERS)[:-1]
    if not token:
        return False
    if token in ABBREVIATIONS:
        return True
    parts = token.split(".")
    if len(parts) > 1 and all(part in ABBREVIATIONS for part in parts):  # "PGS.TS."
        return True
    return len(token) == 1 and token.isupper()  # initial: "J. Smith"


def split_line(line: str) -> list[str]:
    """Split one paragraph line into sentences."""
    spans = _protected_spans(line)
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        end = match.end()
        if not _starts_sentence(line[end:]):
            continue
        boundary = match.start() + len(match.group().rstrip())
        if any(a < boundary < b for a, b in spans):
            continue
        punctuation_end = match.group().rstrip().rstrip(_CLOSERS)
        if punctuation_end == "." and _ends_with_abbreviation(line[start : match.start() + 1]):
            continue
        sentence = line[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    tail = line[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_sentences(text: str) -> list[str]:
    """Split cleaned text (one paragraph per line) into sentences; newlines always split."""
    return [s for line in text.split("\n") for s in split_line(line)]
