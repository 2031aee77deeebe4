"""Regex fragments and word tables for Vietnamese time expressions (matched case-insensitively, NFC)."""
from __future__ import annotations

import re


def alternation(words) -> str:
    """A regex alternation of `words`, longest first, spaces matching any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def squeeze(text: str) -> str:
    """Lowercased `text` with runs of spaces made single, the key for the word tables."""
    return " ".join(text.lower().split())


# Parts of day: TIMEX3 codes.
PARTS = {
    "rạng sáng": "MO", "sáng sớm": "MO", "sáng": "MO", "trưa": "MI", "chiều": "AF",
    "tối": "EV", "đêm": "NI", "khuya": "NI", "nửa đêm": "NI",
}
# "thứ Hai" ... "chủ nhật": Monday = 0.
WEEKDAYS = {
    "hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "4": 2, "năm": 3, "5": 3,
    "sáu": 4, "6": 4, "bảy": 5, "7": 5,
}
SUNDAY = 6
# Month names as papers capitalise them ("tháng Tư"); lowercase "tháng năm" is left alone.
MONTH_NAMES = {
    "Giêng": 1, "Một": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6, "Bảy": 7,
    "Tám": 8, "Chín": 9, "Mười": 10, "Mười Một": 11, "Mười Hai": 12, "Chạp": 12,
}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}
MODS = {"đầu": "START", "giữa": "MID", "cuối": "END"}
# Offsets in days of "hôm qua" etc.; "nay/qua/mai" follow a part of day ("tối qua").
DAY_OFFSETS = {
    "hôm nay": 0, "bữa nay": 0, "ngày hôm nay": 0, "hôm qua": -1, "bữa qua": -1, "ngày hôm qua": -1,
    "hôm kia": -2, "ngày hôm kia": -2, "ngày mai": 1, "ngày kia": 2,
}
PART_DAY_OFFSETS = {"nay": 0, "hôm nay": 0, "qua": -1, "hôm qua": -1, "mai": 1, "ngày mai": 1}
UNITS = {"ngày": "day", "tuần": "week", "tháng": "month", "năm": "year", "quý": "quarter"}
# "tuần trước" etc.: unit word -> relation word -> offset in units ("tuần qua": last week).
UNIT_RELATIONS = {
    "tuần": {"này": 0, "nay": 0, "trước": -1, "qua": -1, "vừa qua": -1, "tới": 1, "sau": 1, "sắp tới": 1, "tới đây": 1, "kế tiếp": 1},
    "tháng": {"này": 0, "nay": 0, "trước": -1, "qua": -1, "vừa qua": -1, "tới": 1, "sau": 1, "sắp tới": 1, "tới đây": 1},
    "năm": {"nay": 0, "này": 0, "ngoái": -1, "trước": -1, "qua": -1, "vừa qua": -1, "tới": 1, "sau": 1, "sắp tới": 1},
    "quý": {"này": 0, "nay": 0, "trước": -1, "vừa qua": -1, "tới": 1, "sau": 1},
}
FUTURE_WORDS = ("tới", "sắp tới", "tới đây")
PAST_WORDS = ("vừa qua", "vừa rồi")

W_START = r"(?<!\w)"
W_END = r"(?!\w)"
# Numbers glued to other numbers, codes or decimals are not dates: "15/2013/NĐ-CP", "3.500", "17.4%".
NUM_START = r"(?<![\w/.,:\-–])"
NUM_END = r"(?![\w/]|[.,:\-–]\d|\s*%)"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:19\d\d|20\d\d)"
PART = alternation(PARTS)
WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
CLOCK = r"(?:lúc\s+)?(?P<hh>[01]?\d|2[0-3])\s*(?:h|giờ|:)\s*(?P<mm>[0-5]\d)?(?:\s*phút)?"
# What may stand before a day: clock, part of day, weekday, "ngày"/"hôm". Each is a cue that digits are a date.
DAY_PREFIX = (
    rf"(?:{CLOCK}\s*,?\s*)?(?:(?P<part>{PART})\s+)?(?:(?P<wd>{WEEKDAY})\s*,?\s*)?(?:(?P<cue>ngày|hôm\s+nay|hôm)\s+)?"
)
DIRECTION = (
    r"(?:\s+(?P<dir>tới\s+đây|sắp\s+tới|tới|vừa\s+qua|vừa\s+rồi)"
    r"(?!\w)(?!\s*(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng|tháng|năm|\d)))?"
)
RELATIVE_YEAR = r"(?:\s*,?\s+năm\s+(?P<ryear>nay|này|ngoái|trước|qua|tới|sau)(?!\w)(?!\s+đó))?"
MOD = r"(?:(?P<mod>đầu|giữa|cuối)\s+)?"
MONTH_NAME = "(?-i:" + alternation(MONTH_NAMES) + ")"


def month_token(then: str = NUM_END, suffix: str = "") -> str:
    """A month number or capitalised name, groups m{suffix} / mw{suffix}; `then` guards the number."""
    return rf"(?:(?P<m{suffix}>{MONTH}){then}|(?P<mw{suffix}>{MONTH_NAME}){W_END})"


# Words that make "a/b" a score, fraction, code or address rather than a date.
NOT_DATE_BEFORE = re.compile(
    r"(?<!\w)(?:tỷ số|tỉ số|tỷ lệ|tỉ lệ|số|thắng|thua|hòa|hoà|gỡ|nhà|phòng|hẻm|ngõ|ngách|kiệt|lô|căn|tổ|"
    r"điểm|đạt|được|chỉ|nghị định|quyết định|thông tư|nghị quyết|công văn|chỉ thị|luật|điều|khoản|"
    r"phiên bản|bản|ios|android|windows|macos|version|ver|v|phục vụ|hoạt động|trực|mở cửa|làm việc|"
    r"hỗ trợ|tổng đài|hotline|kết quả|bàn|lớp|trên|chiếm|khoảng|gần|hơn)\s*$"
)
NOT_DATE_AFTER = re.compile(
    r"^\s*(?:(?:số|điểm|phiếu|thí sinh|người|học sinh|sinh viên|trường|tỉnh|thành phố|đội|câu|trận|ván|"
    r"lần|phần|bàn|ca|hộ|xã|huyện|đơn vị|dự án|chỉ tiêu|tiêu chí|thành viên|quốc gia|nước|doanh nghiệp|"
    r"đường|phố|sao|tổng|trong số|mục tiêu|vụ|dân|cử tri|đại biểu|tầng|cái|chiếc|con|km|kg|m|cm|tấn|"
    r"thôn|ấp|bản|làng|phường|quận|trạm|cơ sở|bệnh viện|bv|sở|ngành|môn|trẻ|em|mẫu|lượt|hồ sơ|gia đình|thửa)(?!\w)|%)"
)
# "phục vụ 24/7": round-the-clock, not 24 July, unless a cue says date.
IDIOMS = frozenset({"24/7"})
# Words before a bare year or a weekday number that make it a date ("từ 2018", "vào thứ 2").
CUE_BEFORE = re.compile(
    r"(?<!\w)(?:từ|đến|tới|vào|trước|sau|hồi|giai đoạn|cuối|đầu|giữa|hôm|ngày|hết|kể từ|"
    r"sáng|trưa|chiều|tối|đêm|khuya)\s*$"
)
FUTURE_CONTEXT = re.compile(r"(?<!\w)(?:sẽ|sắp|dự kiến|dự định|kế hoạch)(?!\w)")
COUNT_AFTER = re.compile(
    r"^\s*(?:người|đồng|usd|tỷ|triệu|nghìn|ngàn|lần|lượt|ca|chiếc|tấn|kg|km|ha|m|%|ngày|tháng|năm|đợt|kỳ)(?!\w)"
)
# Words before "a-b" that make it a score ("Tỷ số tạm thời là 2-1").
SCORE_BEFORE = re.compile(r"(?<!\w)(?:tỷ số|tỉ số|thắng|thua|hòa|hoà|dẫn|gỡ|ghi bàn|bàn thắng|chiến thắng|trận)(?!\w)")
# Words before a bare 19xx/20xx that make it a quantity or a code, not a year.
NOT_YEAR_BEFORE = re.compile(
    r"(?<!\w)(?:số|khoảng|gần|hơn|trên|dưới|đạt|còn|lên|xuống|giảm|tăng|top|hạng|mã|tổng đài|hotline|quốc lộ|ql|"
    r"tỉnh lộ|lô|elo|chiếm|có|với|bằng|mất|thu|bán|mua|nộp|trả|giá|cao|dài|rộng|sâu|nặng)\s*$|[\d.,]\s*$"
)
THIS_YEAR = re.compile(r"(?<!\w)năm nay(?!\w)")
