"""Light sentence trimming that keeps meaning: leading discourse connectives only.

"Trong khi đó, giá vàng tăng." says no more than "Giá vàng tăng." once it stands alone in a
summary. Attributions ("Theo ông A, ...") and time links ("Trước đó, ...") carry facts and are
kept.
"""
from __future__ import annotations

import re

CONNECTIVES = (
    "trong khi đó", "theo đó", "tuy nhiên", "ngoài ra", "bên cạnh đó", "đồng thời", "mặt khác",
    "do đó", "vì vậy", "vì thế", "như vậy", "cụ thể", "thêm vào đó", "hơn nữa", "đặc biệt",
)
_LEADING = re.compile(r"^(?:" + "|".join(re.escape(c) for c in CONNECTIVES) + r")\s*,\s*", re.IGNORECASE)


def trim_sentence(text: str) -> str:
    """`text` without a leading discourse connective, its next letter capitalised."""
    match = _LEADING.match(text)
    if not match or match.end() >= len(text):
        return text
    rest = text[match.end():]
    return rest[0].upper() + rest[1:]
