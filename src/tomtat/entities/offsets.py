"""Tagging text as given: NFC for the tagger, offsets mapped back to the original string."""
from __future__ import annotations

import unicodedata

from tomtat.entities.tagger import tag


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """`text` in NFC and, for every offset into it (its length included), the offset into `text`.

    Each base character is normalised together with the combining marks after it, so offsets
    inside a composed letter map to the start of its original sequence."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    pieces: list[str] = []
    back: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue
        piece = unicodedata.normalize("NFC", text[start:index])
        pieces.append(piece)
        back.extend([start] * len(piece))
        start = index
    back.append(len(text))
    return "".join(pieces), back


def entity_spans(text: str) -> list[dict]:
    """Entities of `text` as {"text", "type", "start", "end"} with offsets into `text` itself (end exclusive)."""
    normal, back = nfc_with_offsets(text)
    spans = []
    for mention in tag(normal):
        start, end = back[mention.start], back[mention.end]
        spans.append({"text": text[start:end], "type": mention.type, "start": start, "end": end})
    return spans
