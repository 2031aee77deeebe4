"""Hand-written word lists for the entity tagger: places, title and trigger words, surnames."""
from __future__ import annotations

COUNTRIES = """
Việt Nam, Lào, Campuchia, Thái Lan, Myanmar, Malaysia, Singapore, Indonesia, Philippines, Brunei,
Đông Timor, Trung Quốc, Nhật Bản, Hàn Quốc, Triều Tiên, Đài Loan, Mông Cổ, Ấn Độ, Pakistan,
Bangladesh, Sri Lanka, Nepal, Afghanistan, Iran, Iraq, Syria, Israel, Palestine, Liban, Jordan,
Ả Rập Xê Út, Saudi Arabia, Qatar, Kuwait, Yemen, Thổ Nhĩ Kỳ, Nga, Ukraine, Belarus, Ba Lan, Đức, Pháp, Anh,
Italy, Ý, Tây Ban Nha, Bồ Đào Nha, Hà Lan, Bỉ, Thụy Sĩ, Thụy Điển, Na Uy, Phần Lan, Đan Mạch,
Áo, Séc, Hungary, Romania, Hy Lạp, Serbia, Ireland, Mỹ, Hoa Kỳ, Canada, Mexico, Cuba, Brazil,
Argentina, Chile, Peru, Colombia, Venezuela, Australia, Úc, New Zealand, Ai Cập, Nam Phi,
Nigeria, Kenya, Ethiopia, Maroc, Algeria, Hong Kong, Kazakhstan, Uzbekistan
"""
CITIES = """
Hà Nội, Hồ Chí Minh, TP.HCM, Sài Gòn, Hải Phòng, Đà Nẵng, Cần Thơ, Huế, Tokyo, Osaka, Kyoto, Seoul,
Busan, Bình Nhưỡng, Bắc Kinh, Thượng Hải, Đài Bắc, Bangkok, Viêng Chăn, Phnom Penh, Jakarta,
Manila, Kuala Lumpur, New Delhi, Moscow, Kiev, Kyiv, Berlin, Paris, London, Rome, Madrid, Brussels,
Geneva, Washington, New York, Los Angeles, Ottawa, Canberra, Sydney, Dubai, Doha, Tehran,
Jerusalem, Gaza, Hiroshima, Nagasaki, Okinawa, Hokkaido, Châu Á, Châu Âu, Châu Phi, Đông Nam Á,
Biển Đông, Hoàng Sa, Trường Sa, Thái Bình Dương, Đại Tây Dương, Ấn Độ Dương, Mê Kông, Mekong
"""
PROVINCES = """
An Giang, Bà Rịa - Vũng Tàu, Bà Rịa-Vũng Tàu, Bắc Giang, Bắc Kạn, Bạc Liêu, Bắc Ninh, Bến Tre, Bình Định,
Bình Dương, Bình Phước, Bình Thuận, Cà Mau, Cao Bằng, Đắk Lắk, Đắk Nông, Điện Biên, Đồng Nai,
Đồng Tháp, Gia Lai, Hà Giang, Hà Nam, Hà Tĩnh, Hải Dương, Hậu Giang, Hòa Bình, Hưng Yên,
Khánh Hòa, Kiên Giang, Kon Tum, Lai Châu, Lâm Đồng, Lạng Sơn, Lào Cai, Long An, Nam Định,
Nghệ An, Ninh Bình, Ninh Thuận, Phú Thọ, Phú Yên, Quảng Bình, Quảng Nam, Quảng Ngãi,
Quảng Ninh, Quảng Trị, Sóc Trăng, Sơn La, Tây Ninh, Thái Bình, Thái Nguyên, Thanh Hóa,
Thừa Thiên Huế, Thừa Thiên - Huế, Tiền Giang, Trà Vinh, Tuyên Quang, Vĩnh Long, Vĩnh Phúc, Yên Bái,
Tây Nguyên, Đồng bằng sông Cửu Long, Vũng Tàu, Nha Trang, Đà Lạt, Sa Pa, Hạ Long, Phú Quốc, Côn Đảo
"""
ORGANISATIONS = """
Liên Hợp Quốc, LHQ, Quốc hội, Chính phủ, Bộ Chính trị, Ban Bí thư, ASEAN, NATO, EU, Liên minh châu Âu,
WHO, IMF, WTO, APEC, G7, G20, UNESCO, UNICEF, Nhà Trắng, Lầu Năm Góc, Điện Kremlin, Vietnam Airlines,
Vietcombank, Vingroup, Viettel, EVN, Petrolimex, TTXVN, VTV, FIFA, Interpol
"""


def _names(block: str) -> list[str]:
    return [name.strip() for name in block.replace("\n", " ").split(",") if name.strip()]


PLACES = frozenset(_names(COUNTRIES) + _names(CITIES) + _names(PROVINCES))
ORG_NAMES = frozenset(_names(ORGANISATIONS))

# Titles before a person's name (matched case-insensitively; longest first).
PERSON_TITLES = (
    "ông", "bà", "anh", "chị", "cô", "chú", "bác", "em", "cụ", "cháu", "ngài", "thầy", "cô giáo",
    "tổng thống", "phó tổng thống", "thủ tướng", "phó thủ tướng", "chủ tịch", "phó chủ tịch",
    "bộ trưởng", "thứ trưởng", "giám đốc", "phó giám đốc", "tổng giám đốc", "người phát ngôn",
    "ngoại trưởng", "đại sứ", "tổng bí thư", "bí thư", "phó bí thư", "trưởng phòng", "trưởng ban",
    "phó trưởng ban", "chánh văn phòng", "tổng thư ký", "thư ký", "nghị sĩ", "thượng nghị sĩ",
    "hạ nghị sĩ", "thống đốc", "thị trưởng", "tướng", "đại tướng", "thượng tướng", "trung tướng",
    "thiếu tướng", "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "nhà vua", "hoàng tử",
    "công chúa", "giáo sư", "tiến sĩ", "bác sĩ", "luật sư", "kỹ sư", "nhà báo", "ca sĩ", "diễn viên",
    "cầu thủ", "huấn luyện viên", "HLV", "chủ nhiệm", "viện trưởng", "hiệu trưởng", "chánh án",
    "trưởng công an", "người đứng đầu", "lãnh đạo", "tân", "cựu", "nữ", "thẩm phán",
    "GS.", "PGS.", "TS.", "ThS.", "BS.", "GS.TS.", "PGS.TS.", "TS.BS.", "ThS.BS.", "nghị phó", "nghị trưởng",
)
# Portfolios between a title and a name: "Bộ trưởng Ngoại giao Nhật Bản Yoshimasa Hayashi".
PORTFOLIOS = (
    "Ngoại giao", "Quốc phòng", "Tài chính", "Y tế", "Công an", "Tư pháp", "Giáo dục", "Nội vụ",
    "Công Thương", "Công thương", "Giao thông", "Xây dựng", "Thương mại", "Kinh tế", "Năng lượng",
    "Văn hóa", "Lao động", "Nông nghiệp", "Tài nguyên", "Thống nhất", "An ninh", "Quốc hội",
)
# Words that open an organisation name (matched case-sensitively: "Bộ", not "bộ").
ORG_HEADS = (
    "Bộ", "Ủy ban", "Uỷ ban", "UBND", "HĐND", "Tòa án", "Toà án", "TAND", "Viện kiểm sát", "VKSND",
    "Công ty", "Tập đoàn", "Tổng công ty", "Ngân hàng", "Đại học", "Trường Đại học", "Trường", "Học viện",
    "Sở", "Quỹ", "Báo", "Tạp chí", "Đài", "Hội", "Hiệp hội", "Liên đoàn", "Viện", "Cục", "Tổng cục",
    "Chi cục", "Bệnh viện", "Trung tâm", "Ban", "Văn phòng", "Công an", "Bộ Chỉ huy", "Bộ Tư lệnh",
    "Quân đội", "Đảng", "Đảng ủy", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Cảng vụ", "Hãng", "Nhà máy",
    "Quốc hội", "Chính phủ", "Mặt trận", "Đoàn", "Cơ quan", "Tòa án Tối cao", "Hạ viện", "Thượng viện",
    "Nghị viện", "Lực lượng", "Không quân", "Hải quân", "Cảnh sát", "Phòng",
)
# Lower-case words inside an organisation name: qualifiers, and links that need a name after them.
ORG_QUALIFIERS = (
    "nhân dân", "tối cao", "quốc gia", "quốc tế", "trung ương", "cấp cao", "cổ phần",
    "trách nhiệm hữu hạn", "nhà nước", "hàng không",
)
ORG_LINKS = ("thành phố", "tỉnh", "huyện", "quận", "xã", "phường", "thị xã", "TP.", "TP", "và")
# Lower-case words before an organisation's own name: "tập đoàn Nippon Steel".
ORG_TRIGGERS = (
    "tập đoàn", "công ty", "hãng", "hãng tin", "ngân hàng", "tờ báo", "báo", "tạp chí", "đài",
    "tổ chức", "đảng", "liên minh", "nhóm", "câu lạc bộ", "CLB", "đội", "đội tuyển", "thương hiệu",
)
# Lower-case words before a place name; the name alone is the entity.
PLACE_TRIGGERS = (
    "tỉnh", "thành phố", "TP.", "TP", "huyện", "xã", "thôn", "bản", "ấp", "làng", "thủ đô", "sông",
    "đảo", "quần đảo", "bán đảo", "quận", "phường", "thị xã", "thị trấn", "bang", "vịnh", "núi",
    "đèo", "hồ", "biển", "vùng", "khu vực", "châu", "đặc khu", "cảng", "sân bay", "nước", "miền",
)
# Prepositions after which an unknown capitalised name is a place.
PLACE_PREPOSITIONS = frozenset({"tại", "ở", "đến", "tới", "từ", "về", "sang", "qua", "khắp"})
SURNAMES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đào Mai Cao Lâm
Lương Tạ Thái Trương Chu Hà Tô Kiều Đoàn Vương Quách Lưu Tăng Triệu Khổng La Tôn Thân Mạc
""".split())
