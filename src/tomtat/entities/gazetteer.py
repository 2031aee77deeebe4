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
Nigeria, Kenya, Ethiopia, Maroc, Algeria, Hong Kong, Kazakhstan, Uzbekistan, Jordan, Bahrain, Oman, Libya, Tunisia, Sudan, Nam Sudan, Somalia, Uganda, Tanzania, Ghana, Senegal, Mali, Niger,
Angola, Mozambique, Zimbabwe, Madagascar, Cameroon, Congo, Rwanda, Ecuador, Bolivia, Paraguay, Uruguay, Panama,
Costa Rica, Guatemala, Honduras, Nicaragua, Haiti, Jamaica, Iceland, Luxembourg, Monaco, Malta, Síp, Slovenia,
Bosnia, Albania, Macedonia, Montenegro, Kosovo, Kyrgyzstan, Tajikistan, Turkmenistan, Bhutan, Maldives,
UAE, Lebanon, Fiji, Papua New Guinea, Thụy Sỹ, Ấn Độ Dương, Scotland, Anh quốc, Nhật, Triều Tiên, CHDCND Triều Tiên, Cộng hòa Séc, Slovakia, Croatia, Bulgaria,
Litva, Latvia, Estonia, Gruzia, Armenia, Azerbaijan, Moldova, Đông Bắc Á, Trung Đông, Đông Bắc,
Tây Nam Bộ, Nam Bộ, Bắc Bộ, Trung Bộ, Nam Trung Bộ, Bắc Trung Bộ, ĐBSCL, Crimea, Donbass, Đông Ukraine
"""
CITIES = """
Texas, California, Florida, Alaska, Hawaii, Virginia, Georgia, Ohio, Michigan, Arizona, Nevada, Oregon, Utah,
Colorado, Illinois, Pennsylvania, Massachusetts, New Jersey, North Carolina, South Carolina, Tennessee, Kentucky,
Louisiana, Alabama, Missouri, Minnesota, Wisconsin, Iowa, Kansas, Oklahoma, Indiana, Maryland, Connecticut,
Chicago, Houston, Boston, Seattle, San Francisco, Miami, Atlanta, Philadelphia, Las Vegas, Detroit, Toronto,
Vancouver, Montreal, Melbourne, Brisbane, Perth, Auckland, Manchester, Liverpool, Birmingham, Glasgow, Edinburgh,
Milan, Napoli, Venice, Barcelona, Munich, Frankfurt, Hamburg, Vienna, Amsterdam, Stockholm, Oslo, Copenhagen,
Helsinki, Warsaw, Prague, Budapest, Athens, Istanbul, Ankara, Cairo, Riyadh, Abu Dhabi, Baghdad, Damascus, Kabul,
Islamabad, Mumbai, Kolkata, Dhaka, Yangon, Naypyidaw, Vientiane, Siem Reap, Pattaya, Phuket, Chiang Mai, Bali,
Cebu, Taipei, Macau, Ma Cao, Hàng Châu, Nam Kinh, Thiên Tân, Trùng Khánh, Thành Đô, Quảng Tây, Vân Nam, Quảng Đông,
Sơn Đông, Phúc Kiến, Hồ Bắc, Incheon, Yokohama, Nagoya, Fukushima, Kobe, Pyongyang, Vladivostok, Saint Petersburg,
St. Petersburg, Kharkiv, Odessa, Mariupol, Lviv, Donetsk, Luhansk, Rio de Janeiro, Sao Paulo, Buenos Aires, Lima,
Bogota, Santiago, Mexico City, Johannesburg, Cape Town, Lagos, Nairobi, Châu Mỹ, Bắc Mỹ, Nam Mỹ, Mỹ Latinh,
Trung Á, Nam Á, Tây Á, Đông Á, Đông Âu, Tây Âu, Bắc Âu, Nam Âu, Bắc Phi, Trung Phi, Nam Cực, Bắc Cực, Địa Trung Hải,
Bắc Băng Dương, Biển Đen, Biển Hoa Đông, Hoa Nam, Hoa Bắc, Siberia, Scandinavia, Balkan, Kashmir, Sinai,
Hà Nội, Hồ Chí Minh, TP.HCM, TPHCM, TP HCM, TP. HCM, TP. Hồ Chí Minh, TP Hồ Chí Minh, Sài Gòn, Hải Phòng, Đà Nẵng, Cần Thơ, Huế, Tokyo, Osaka, Kyoto, Seoul,
Busan, Bình Nhưỡng, Bắc Kinh, Thượng Hải, Đài Bắc, Bangkok, Viêng Chăn, Phnom Penh, Jakarta,
Manila, Kuala Lumpur, New Delhi, Moscow, Kiev, Kyiv, Berlin, Paris, London, Rome, Madrid, Brussels,
Geneva, Washington, New York, Los Angeles, Ottawa, Canberra, Sydney, Dubai, Doha, Tehran,
Jerusalem, Gaza, Thâm Quyến, Quảng Châu, Vũ Hán, Tây Tạng, Tân Cương, Mumbai, Istanbul, Hiroshima, Nagasaki, Okinawa, Hokkaido, Châu Á, Châu Âu, Châu Phi, Đông Nam Á,
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
Tây Nguyên, Đồng bằng sông Cửu Long, Vũng Tàu, Nha Trang, Đà Lạt, Sa Pa, Hạ Long, Phú Quốc, Côn Đảo,
Quy Nhơn, Vinh, Buôn Ma Thuột, Pleiku, Biên Hòa, Thủ Dầu Một, Mỹ Tho, Rạch Giá, Long Xuyên, Châu Đốc, Phan Thiết, Mũi Né, Hội An, Mỹ Sơn, Phong Nha, Tam Đảo, Điện Biên Phủ, Móng Cái, Vân Đồn, Cát Bà,
Thủ Đức, Cầu Giấy, Hoàn Kiếm, Ba Đình, Đống Đa, Hai Bà Trưng, Tây Hồ, Long Biên, Hoàng Mai, Thanh Xuân, Nam Từ Liêm, Bắc Từ Liêm, Gò Vấp, Bình Thạnh, Tân Bình, Tân Phú, Phú Nhuận, Bình Tân, Củ Chi, Hóc Môn, Nhà Bè,
Cần Giờ, Bình Chánh, Sóc Sơn, Đông Anh, Gia Lâm, Thanh Trì
"""
ORGANISATIONS = """
Liên Hợp Quốc, Liên hợp quốc, Liên Hiệp Quốc, LHQ, Bộ Chính trị, Trung ương Đảng, Quân ủy Trung ương, Ban Bí thư, ASEAN, NATO, EU, Liên minh châu Âu,
WHO, IMF, WTO, APEC, G7, G20, UNESCO, UNICEF, Nhà Trắng, Lầu Năm Góc, Điện Kremlin, Vietnam Airlines,
Vietcombank, Vingroup, Viettel, EVN, Petrolimex, TTXVN, VTV, FIFA, Interpol, FBI, CIA, NASA, OPEC, UEFA, AFF, VFF,
AFC, IOC, ADB, WB, OECD, KCNA, AFP, AP, CNN, BBC, VOV, VNA, FED, Fed, ECB, PVN, BIDV, VNPT, FPT,
Agribank, Vietinbank, VietinBank, Techcombank, VPBank, Sacombank, ACB, SHB, HDBank, Vinamilk, Masan, Hòa Phát,
Vietjet, Vietjet Air, Bamboo Airways, Saigontourist, Vietravel, Apple, Google, Facebook, Twitter,
TikTok, YouTube, Youtube, Microsoft, Amazon, Samsung, Sony, Toyota, Honda, Hyundai, Kia, Ford,
Tesla, Huawei, Xiaomi, Oppo, Intel, Nvidia, Netflix, Alibaba, Tencent, Mitsubishi, Suzuki, Nissan, Mazda, BMW,
Mercedes, Volkswagen, Boeing, Airbus, Grab, Shopee, Lazada, Tiki, Uber, Pfizer, Moderna, AstraZeneca, Sina, Weibo,
Reuters, Bloomberg, Xinhua, Tân Hoa Xã, Yonhap, Kyodo, NHK, Sputnik, TASS, CNBC, CBS, NBC, ABC, Fox News, Al Jazeera,
Washington Post, New York Times, Wall Street Journal, Financial Times, Guardian, VnExpress, Zing,
Zing News, Tuổi Trẻ, Thanh Niên, Tiền Phong, Lao Động, Người Lao Động, Công Lý, Vietnamnet, VietNamNet, Kinh tế & Đô thị,
MU, M.U, Man Utd, Man United, Manchester United, Man City, Manchester City, Chelsea, Arsenal, Liverpool, Tottenham,
Barcelona, Barca, Real Madrid, Atletico Madrid, Bayern Munich, Bayern, Juventus, AC Milan, Inter Milan, PSG, Dortmund,
Crystal Palace, Leicester, Everton, Hoàng Anh Gia Lai, HAGL, Hà Nội FC, Viettel FC, G7, G20, Quad, BRICS, Hamas, Taliban, IS
"""


def _names(block: str) -> list[str]:
    return [name.strip() for name in block.replace("\n", " ").split(",") if name.strip()]


PLACES = frozenset(_names(COUNTRIES) + _names(CITIES) + _names(PROVINCES))
ORG_NAMES = frozenset(_names(ORGANISATIONS))

# Capitalised place words kept inside a LOC span ("tỉnh Quảng Ninh", "sông Hồng"), matched caselessly.
PLACE_WORDS = (
    "tỉnh", "thành phố", "TP.", "TP", "Tp.", "Tp", "huyện", "H.", "quận", "Q.", "xã", "phường", "P.", "thị xã", "thị trấn",
    "xóm", "khu phố",
    "thôn", "bản", "ấp", "làng", "khối", "tổ dân phố", "bang", "xứ", "châu", "miền", "sông", "đảo", "quần đảo",
    "bán đảo", "vịnh", "núi", "đèo", "hồ", "biển", "đường", "phố", "ngõ", "hẻm", "chợ", "cầu", "cảng", "sân bay",
    "sân", "sân vận động", "vòng xoay", "nút giao", "nút giao thông", "quảng trường", "nhà hát", "hội trường",
    "nhà thờ", "chùa", "đền", "cửa khẩu", "khu công nghiệp", "KCN", "khu du lịch", "vườn quốc gia",
)
# Administrative place words (lower-cased), left out of a place's story-level name ("tỉnh Lào Cai" is "Lào Cai";
# "sông Hồng" stays "sông Hồng").
ADMINISTRATIVE_WORDS = frozenset({
    "tỉnh", "thành phố", "tp.", "tp", "huyện", "h.", "quận", "q.", "xã", "phường", "p.", "thị xã", "thị trấn", "thôn",
    "bản", "ấp", "làng", "khối", "xóm", "khu phố", "bang", "xứ",
})
# Place words a number may follow: "quận 2", "phường 9", "Q.7".
# (compared lower-cased)
NUMBERED_PLACE_WORDS = frozenset({"quận", "phường", "q.", "p.", "xóm", "thôn", "ấp", "khu phố", "khối"})
# Words ending a foreign organisation name ("Incheon United", "Korea Times", "Sun Group").
ORG_SUFFIXES = frozenset("""
United City FC CF Club Times Post News Group Motors Airlines Airways Bank Corp Corporation Inc Ltd Co Foundation
Institute University Agency Council Association Holdings Capital Partners Media Press Herald Journal Daily Telegraph
Tribune Network Research Company Plus Energy Pharma Technologies Technology Tech Labs Studio Studios Entertainment
Economics Observatory Fund Trust Alliance Party
""".split())
# Words that name nothing alone: all-caps units, indicators and documents; "Đảng", "Nhà nước", "Tổ quốc".
NOT_NAMES = frozenset("""
USD VND VNĐ EUR GDP CPI FDI ODA PPP BOT GMT UTC GPS QR ID DN CP TP TT ATGT BHYT BHXH THPT THCS HĐND UBND CLB MC DJ MV
TV PC NXB KHCN KT XH ĐH CĐ TS GS PGS ThS BS HLV VĐV SXH COVID SARS VIP CEO CFO IT AI OK
Đảng Nhà Tổ Bác Chính
""".split())
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
    "Nghị viện", "Lực lượng", "Không quân", "Hải quân", "Cảnh sát", "Phòng", "Tổ chức", "Hội đồng", "Quân ủy",
    "NXB", "Nhà xuất bản", "Bưu điện", "Quân chủng", "Binh chủng", "Ủy ban nhân dân", "Đơn vị",
)
# Heads that lower-case words may describe before the name: "Đoàn nghệ thuật dân tộc Lào Cai".
DESCRIBED_HEADS = frozenset({
    "Đoàn", "Hiệp hội", "Nhà máy", "Trung tâm", "Bệnh viện", "Viện", "Quỹ", "Hội đồng", "Liên đoàn", "Tổng công ty",
    "Công ty", "Tập đoàn", "Ngân hàng", "Trường", "Hội", "Câu lạc bộ", "Học viện",
})
# Lower-case words inside an organisation name: qualifiers, and links that need a name after them.
ORG_QUALIFIERS = (
    "nhân dân", "tối cao", "quốc gia", "quốc tế", "trung ương", "cấp cao", "cổ phần",
    "trách nhiệm hữu hạn", "nhà nước", "hàng không", "nông thôn", "thống nhất", "thế giới", "liên bang",
    "đại học", "phòng chống", "thương mại", "xây dựng", "cảnh sát biển", "dự phòng",
)
ORG_LINKS = ("thành phố", "tỉnh", "huyện", "quận", "xã", "phường", "thị xã", "TP.", "TP", "và", "&", "khu vực", "vùng")
# Lower-case words before an organisation's own name: "tập đoàn Nippon Steel".
ORG_TRIGGERS = (
    "tập đoàn", "công ty", "hãng", "hãng tin", "ngân hàng", "tờ báo", "báo", "tạp chí", "đài",
    "tổ chức", "đảng", "liên minh", "nhóm", "câu lạc bộ", "CLB", "đội", "đội tuyển", "thương hiệu",
    "hãng thông tấn", "hãng tin", "kênh", "kênh truyền hình", "trang", "trang tin", "tờ", "nhật báo", "siêu thị",
    "nhà hàng", "khách sạn", "quán", "spa", "cửa hàng", "hãng xe", "nhà mạng", "ban nhạc", "nhóm nhạc",
)
# Triggers whose name may go on with a compound ("đảng Cộng hòa", "đảng Dân chủ").
PARTY_TRIGGERS = frozenset({"đảng", "Đảng"})
# Triggers for news media, which may be named after a place ("báo Thái Nguyên").
MEDIA_TRIGGERS = frozenset({"báo", "tờ", "tờ báo", "nhật báo", "trang", "trang tin", "kênh", "đài"})
# Lower-case words before a place name that stay outside its span ("thủ đô Seoul" is "Seoul").
PLACE_TRIGGERS = ("thủ đô", "vùng", "khu vực", "đặc khu", "nước", "đất nước", "quốc gia")
# Prepositions after which an unknown capitalised name is a place.
PLACE_PREPOSITIONS = frozenset({"tại", "ở", "đến", "tới", "từ", "về", "sang", "qua", "khắp"})
SURNAMES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đào Mai Cao Lâm
Lương Tạ Thái Trương Chu Hà Tô Kiều Đoàn Vương Quách Lưu Tăng Triệu Khổng La Tôn Thân Mạc
""".split())
