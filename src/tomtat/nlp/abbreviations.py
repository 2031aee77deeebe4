"""Common Vietnamese abbreviations written out: "TP.HCM" is "thành phố Hồ Chí Minh", "UBND" is
"Ủy ban nhân dân". Used where two texts must be compared as facts (the fact guard, roles)."""
from __future__ import annotations

import re

# (pattern, written out); the longer forms first. Patterns match whole words, case as written.
_TABLE: list[tuple[str, str]] = [
    (r"TP\.?\s?HCM|TPHCM|Tp\.?\s?HCM|TP\.?\s?Hồ Chí Minh|Tp\.?\s?Hồ Chí Minh", "thành phố Hồ Chí Minh"),
    (r"TP\.?\s?HN|TPHN", "thành phố Hà Nội"), (r"HCM", "Hồ Chí Minh"),
    (r"Bộ\s+GD\s?(?:&|-|và)\s?ĐT|Bộ\s+GDĐT", "Bộ Giáo dục và Đào tạo"),
    (r"Bộ\s+NN\s?(?:&|-|và)\s?PTNT|Bộ\s+NNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
    (r"Bộ\s+TN\s?(?:&|-|và)\s?MT|Bộ\s+TNMT", "Bộ Tài nguyên và Môi trường"),
    (r"Bộ\s+LĐ\s?-?\s?TB\s?(?:&|và)\s?XH|Bộ\s+LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
    (r"Bộ\s+KH\s?(?:&|-|và)\s?ĐT|Bộ\s+KHĐT", "Bộ Kế hoạch và Đầu tư"),
    (r"Bộ\s+KH\s?(?:&|-|và)\s?CN|Bộ\s+KHCN", "Bộ Khoa học và Công nghệ"),
    (r"Bộ\s+TT\s?(?:&|-|và)\s?TT|Bộ\s+TTTT", "Bộ Thông tin và Truyền thông"),
    (r"Bộ\s+VH\s?,?-?\s?TT\s?(?:&|và)\s?DL|Bộ\s+VHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
    (r"GTVT", "Giao thông vận tải"),
    (r"UBND", "Ủy ban nhân dân"), (r"HĐND", "Hội đồng nhân dân"), (r"MTTQ", "Mặt trận Tổ quốc"),
    (r"TAND", "Tòa án nhân dân"), (r"VKSND", "Viện kiểm sát nhân dân"), (r"BCH", "Ban Chấp hành"),
    (r"TW|T\.Ư|T\.W|TƯ", "Trung ương"), (r"ĐBQH", "đại biểu Quốc hội"), (r"CSGT", "cảnh sát giao thông"),
    (r"PCCC", "phòng cháy chữa cháy"), (r"THPT", "trung học phổ thông"), (r"THCS", "trung học cơ sở"),
    (r"BHXH", "Bảo hiểm xã hội"), (r"BHYT", "Bảo hiểm y tế"), (r"NXB", "Nhà xuất bản"), (r"VN", "Việt Nam"),
]
_ABBREVIATION = re.compile("|".join(f"(?P<a{i}>{pattern})" for i, (pattern, _) in enumerate(_TABLE))
                           .join([r"(?<![\w.])(?:", r")(?!\w)"]))
_CITY = re.compile(r"(?<![\w.])TP\.?\s?(?=[A-ZĐ])")  # "TP.Nha Trang", "TP Đà Nẵng"


def expand(text: str) -> str:
    """`text` with the abbreviations of the table written out."""
    text = _ABBREVIATION.sub(lambda m: _TABLE[int(str(m.lastgroup)[1:])][1], text)
    return _CITY.sub("thành phố ", text)
