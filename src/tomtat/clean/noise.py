"""Crawl noise of Vietnamese news pages, removed line by line.

Each rule names one kind of noise seen in crawled articles. Rules look at whole lines (the
crawler keeps captions, related links and sign-offs on lines of their own) and only trim
inside a line for marks glued to a real sentence ("/." end marks, "Hà Nội (TTXVN) -" datelines).
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# Everything from one of these lines on is navigation, not article.
_CUT_MARKERS = re.compile(
    r"^(tin cùng chuyên mục|tin liên quan|bài liên quan|tin khác|các tin khác|tin mới nhất|"
    r"đọc nhiều nhất|tin nổi bật|có thể bạn quan tâm|bình luận|ý kiến bạn đọc)\W*$",
    _I,
)

# Each rule: its name, its pattern and a text every match holds (in the lower-cased line), so that
# the patterns that scan a whole paragraph for an end-anchored match only run where they can match.
_DROP_LINE_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("image caption ending in 'ảnh N'", re.compile(r"(^|\s)ảnh \d{1,2}$", _I), "ảnh "),
    ("bracketed related link", re.compile(r"^\[[^\[\]]+\]$"), "["),
    (
        "agency sign-off",
        re.compile(
            r"^[(\[]?(TTXVN|Vietnam\+|VNA|VOV|VTV|Chinhphu\.vn|Báo(?: [A-ZĐ]\w*){1,4}|"
            r"[\w .]{2,30}/(?:TTXVN|Vietnam\+|VOV))(?:/Vietnam\+)?[)\]]?\.?$"
        ),
        "",
    ),
    ("photo or video credit", re.compile(r"^(ảnh|nguồn ảnh|video|clip|đồ họa|infographic)\s*:", _I), ":"),
    ("caption with photo credit", re.compile(r"\((ảnh|ảnh minh họa)(\s*:[^()]*)?\)\W*$", _I), "(ảnh"),
    # (only a caption-sized line: a paragraph that ends so keeps its text, see _GLUED_CREDIT)
    ("caption ending with its credit", re.compile(
        r"^(?=(?:\S+\s+){0,40}\S+$).*(?:[.!?…]\s+|\s[-–—]\s)"
        r"(?:ảnh|ảnh minh họa|video|clip|đồ họa|infographic)\s*:\s*[^.!?:;]{1,50}$", _I), ":"),
    ("read-more link", re.compile(r"^(xem thêm|đọc thêm|xem tiếp|mời xem|>>)\s*:?", _I), ""),
    ("publication dateline", re.compile(
        r"^(thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật),? \d{1,2}/\d{1,2}/\d{4}\b[^.!?]{0,40}$", _I), "/"),
    ("separator", re.compile(r"^[\W_]+$"), ""),
)

# A short unpunctuated line at the very end: author or outlet ("Minh Anh (TTXVN)", "Theo VOV").
_TRAILING_BYLINE = re.compile(r"^(theo\s+)?[\w .,&/()+-]{1,60}$", _I)
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]$")
# A name with its note in brackets: "Hà Thu (tổng hợp)", "Minh Anh (theo Reuters)".
_NAME_WITH_NOTE = re.compile(r"^(?:[A-ZĐ\u00C0-\u1EF9][\w.-]*\s+){0,4}[A-ZĐ\u00C0-\u1EF9][\w.-]*\s*\([^()]{1,40}\)$")
# Promotion boxes and calls to action after the article.
_PROMO = re.compile(r"(đón đọc|đặt mua|mời quý độc giả|mời bạn đọc|hotline|đăng ký nhận|tải ứng dụng|"
                    r"^sách hay\s*:|liên hệ quảng cáo)", _I)
# A related-article link as a list item: "- Title of another story" (no sentence end).
_LINK_ITEM = re.compile(r"^[-–•»+]\s+\S.{0,150}(?<![.!?…:;\"”)])$")
_END_MARK = re.compile(r"\s*/\.\s*$|(?<=\.)/\s*$")
_DATELINE_PREFIX = re.compile(
    r"^(?:[\w .]{0,30}\s)?\((?:TTXVN|Dân trí|Dân Việt|PLO|VOV|VTV|NLĐO|TTO|Vietnam\+|VnExpress|PV)\)\s*[-–—]+\s*",
    _I,
)
# A photo credit glued to the end of a long paragraph: trimmed, the paragraph kept.
_GLUED_CREDIT = re.compile(r"(?<=[.!?…])\s+(?:ảnh|ảnh minh họa|video|clip|đồ họa)\s*:\s*[^.!?:;]{1,50}$", _I)
_TRAILING_AGENCY = re.compile(r"\s*\((?:TTXVN(?:/Vietnam\+)?|Vietnam\+|VNA)\)\s*$", _I)


def noise_rule(line: str) -> str | None:
    """The name of the rule that makes `line` noise, or None for an article line."""
    if _CUT_MARKERS.match(line):
        return "end-of-article navigation"
    lowered = line.lower()
    for name, pattern, held in _DROP_LINE_RULES:
        if held in lowered and pattern.search(line):
            return name
    return None


def _is_byline(line: str) -> bool:
    if len(line.split()) > 8:
        return False
    return bool(_NAME_WITH_NOTE.match(line)) or (not _SENTENCE_END.search(line) and bool(_TRAILING_BYLINE.match(line)))


def _is_trailer(line: str) -> bool:
    """A line after the article's last sentence: byline, promotion, related link."""
    short = len(line.split()) <= 40
    return _is_byline(line) or (short and bool(_PROMO.search(line))) or bool(_LINK_ITEM.match(line))


def _trimmed(line: str) -> str:
    """The line without the marks glued to it, trimmed until none is left ("(TTXVN) (TTXVN)")."""
    while True:
        trimmed = line
        if "(" in trimmed:
            trimmed = _DATELINE_PREFIX.sub("", trimmed)
        if ":" in trimmed:
            trimmed = _GLUED_CREDIT.sub("", trimmed)
        if "/" in trimmed:
            trimmed = _END_MARK.sub("", trimmed)
        if ")" in trimmed:
            trimmed = _TRAILING_AGENCY.sub("", trimmed)
        if "/" in trimmed:
            trimmed = _END_MARK.sub("", trimmed)
        trimmed = trimmed.strip()
        if trimmed == line:
            return line
        line = trimmed


def remove_noise(text: str) -> str:
    """Drop noise lines and trim glued marks; `text` is normalised, one paragraph per line."""
    kept: list[str] = []
    for line in text.split("\n"):
        if not line:
            continue
        if _CUT_MARKERS.match(line):
            break
        if noise_rule(line):
            continue
        trimmed = _trimmed(line)
        if trimmed == line or (trimmed and not noise_rule(trimmed)):  # an unchanged line was checked above
            kept.append(trimmed)
    while kept and _is_trailer(kept[-1]):
        kept.pop()
    start = 0
    while start < len(kept) and _LINK_ITEM.match(kept[start]):
        start += 1  # related-article links above the body
    return "\n".join(kept[start:])
