"""Light sentence trimming that keeps meaning: leading connectives only.

"Trong khi đó, giá vàng tăng." says no more than "Giá vàng tăng." once it stands alone in a
summary. Attributions ("Theo ông A, ...") and time links ("Trước đó, ...") carry facts and are
kept. Back references ("Như đã đưa tin, ...") point at an earlier report the summary reader has
not seen: the summarizer always trims them.
"""
from __future__ import annotations

import re

CONNECTIVES = (
    "trong khi đó", "theo đó", "tuy nhiên", "ngoài ra", "bên cạnh đó", "đồng thời", "mặt khác",
    "do đó", "vì vậy", "vì thế", "như vậy", "cụ thể", "thêm vào đó", "hơn nữa", "đặc biệt",
)
BACK_REFERENCES = (
    "như đã đưa tin", "như đã thông tin", "như báo đã đưa tin", "như tin đã đưa", "như đã nói",
    "ngoài ra", "bên cạnh đó", "thêm vào đó",
)


def _opener(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(re.escape(c) for c in phrases) + r")\s*,\s*", re.IGNORECASE)


_CONNECTIVE = _opener(CONNECTIVES)
_BACK_REFERENCE = _opener(BACK_REFERENCES)


def _trim(text: str, opener: re.Pattern[str]) -> str:
    match = opener.match(text)
    if not match or match.end() >= len(text):
        return text
    rest = text[match.end():]
    return rest[0].upper() + rest[1:]


def trim_sentence(text: str) -> str:
    """`text` without a leading discourse connective, its next letter capitalised."""
    return _trim(text, _CONNECTIVE)


def opens_with_back_reference(text: str) -> bool:
    """Whether `text` opens with one of `BACK_REFERENCES` ("Như đã đưa tin, ...")."""
    return bool(_BACK_REFERENCE.match(text))


def trim_back_reference(text: str) -> str:
    """`text` without a back-referring opener ("Như đã đưa tin,", "Ngoài ra,"), capitalised."""
    return _trim(text, _BACK_REFERENCE)
