"""Cleaning: crawl-noise removal (both directions) and Unicode normalisation."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tomtat.clean import clean_text, noise_rule, normalize_text, normalize_tones, remove_noise

SHARED = Path(__file__).parents[1] / ".." / "shared"
SEEDS = SHARED / "seeds"

BODY_1 = "Ngày 17/4, Nhật Bản và Hàn Quốc đã nhất trí tăng cường hợp tác an ninh."
BODY_2 = "Các cuộc tham vấn an ninh song phương đã bị đình chỉ vào năm 2018."


def wrap(noise: str) -> str:
    """`noise` as one line between two real body lines."""
    return f"{BODY_1}\n{noise}\n{BODY_2}"


# ---------------------------------------------------------------- (a) noise is removed

@pytest.mark.parametrize(
    "noise",
    [
        "Nhật Bản và Hàn Quốc tham vấn an ninh lần đầu tiên sau 5 năm ảnh 1",
        "Quang cảnh buổi tham vấn ảnh 12",
        "[Hàn Quốc-Nhật Bản bình thường hóa chia sẻ bảo mật thông tin quân sự]",
        "(TTXVN/Vietnam+)",
        "(TTXVN)",
        "(Vietnam+)",
        "Ảnh: Minh Anh/TTXVN",
        "Ảnh: TTXVN",
        "Thủ tướng phát biểu tại hội nghị. (Ảnh: TTXVN)",
        "Lực lượng cứu hộ tìm kiếm người mất tích (Ảnh: Dương Giang/TTXVN)",
        "Xem thêm: Giá vàng hôm nay tăng mạnh",
        "Video: Lũ quét cuốn trôi nhà dân ở Lào Cai",
        "Thứ Hai, 17/04/2023 10:30 (GMT+7)",
        "Chủ nhật, 16/4/2023 08:00",
        "* * *",
    ],
)
def test_noise_line_between_body_lines_is_removed(noise):
    assert noise_rule(normalize_text(noise)) is not None
    assert clean_text(wrap(noise)) == f"{BODY_1}\n{BODY_2}"


@pytest.mark.parametrize("marker", ["Tin cùng chuyên mục", "Tin liên quan", "Có thể bạn quan tâm:", "TIN CÙNG CHUYÊN MỤC"])
def test_navigation_marker_cuts_it_and_every_line_after(marker):
    text = f"{BODY_1}\n{marker}\nHà Nội mưa lớn, nhiều tuyến phố ngập sâu.\nGiá xăng giảm lần thứ ba liên tiếp."
    assert clean_text(text) == BODY_1


def test_end_mark_glued_to_last_sentence_is_trimmed():
    text = f"{BODY_1}\nÔng đã bày tỏ mong muốn cải thiện quan hệ với Nhật Bản./."
    assert clean_text(text) == f"{BODY_1}\nÔng đã bày tỏ mong muốn cải thiện quan hệ với Nhật Bản."
    # also when the crawler wrote it as "./" or left a trailing space
    assert clean_text("Hai nước nhất trí hợp tác./ ").endswith("hợp tác.")
    assert clean_text("Hai nước nhất trí hợp tác. /.") == "Hai nước nhất trí hợp tác."


def test_agency_glued_to_the_end_of_a_sentence_is_trimmed():
    assert clean_text("Hai nước nhất trí tăng cường hợp tác. (TTXVN)") == "Hai nước nhất trí tăng cường hợp tác."
    assert clean_text("Hai nước nhất trí tăng cường hợp tác. (TTXVN/Vietnam+)") == (
        "Hai nước nhất trí tăng cường hợp tác."
    )


def test_agency_followed_by_end_mark_is_trimmed():
    text = f"{BODY_1}\nHai nước nhất trí tăng cường hợp tác. (TTXVN)/."
    out = clean_text(text)
    assert out == f"{BODY_1}\nHai nước nhất trí tăng cường hợp tác."
    assert remove_noise(out) == out


@pytest.mark.parametrize(
    "prefix", ["Hà Nội (TTXVN) - ", "Seoul (TTXVN) – ", "(Dân trí) - ", "TP.HCM (PLO) — ", "(TTXVN)- "]
)
def test_dateline_prefix_is_removed(prefix):
    assert clean_text(prefix + BODY_1) == BODY_1


@pytest.mark.parametrize("byline", ["Minh Anh (TTXVN)", "Theo Báo Lao Động", "PV", "Theo VOV", "Hồng Hạnh", "Nguyễn Văn A/TTXVN"])
def test_author_line_at_the_end_is_removed(byline):
    assert clean_text(f"{BODY_1}\n{BODY_2}\n{byline}") == f"{BODY_1}\n{BODY_2}"


def test_several_noise_lines_at_the_end_are_all_removed():
    text = f"{BODY_1}\nÔng nói thêm về kế hoạch hợp tác./.\n\n(TTXVN/Vietnam+)\nMinh Anh\nTin cùng chuyên mục\nBài khác."
    assert clean_text(text) == f"{BODY_1}\nÔng nói thêm về kế hoạch hợp tác."


# ------------------------------------------------------ (b) look-alike body lines are kept

@pytest.mark.parametrize(
    "line",
    [
        "Báo chí đưa tin nhiều.",
        "Mưa lớn đã ảnh hưởng đến hơn 300 hộ dân ở huyện Bát Xát.",
        "Ảnh hưởng của bão số 3 khiến nhiều tuyến đường bị chia cắt.",
        "Theo ông A, giá tăng 3,5% trong tháng 4.",
        "Chỉ số [VN-Index] tăng mạnh trong phiên sáng nay.",
        "Phóng viên TTXVN tại Seoul cho biết hai bên đã nhất trí.",
        "Hội nghị sẽ diễn ra tại Seoul vào ngày 17/4.",
        "Video clip ghi lại cảnh lũ quét được chia sẻ rộng rãi trên mạng xã hội.",
        "Xem xét lại toàn bộ quy trình là việc cần làm ngay.",
        "Thứ Hai, 17/4/2023 là ngày đầu tiên áp dụng quy định mới.",
        "Tin cùng chuyên mục được nhiều người đọc nhất là bài về giá vàng.",
        "Hai nước bình thường hóa quan hệ năm 1965 (Nhật Bản).",
        "Báo Nhân Dân hôm nay đăng bài xã luận về cải cách hành chính.",
    ],
)
def test_look_alike_body_line_is_kept(line):
    assert noise_rule(line) is None
    assert clean_text(wrap(line)) == f"{BODY_1}\n{line}\n{BODY_2}"
    assert clean_text(f"{BODY_1}\n{line}") == f"{BODY_1}\n{line}", "kept as the last line too"


def test_source_citation_at_the_end_of_a_body_sentence_is_kept():
    # a statistic with its source in brackets is article text, not a photo caption
    line = "GDP quý I tăng 3,32% so với cùng kỳ năm trước (nguồn: Tổng cục Thống kê)."
    assert clean_text(wrap(line)) == f"{BODY_1}\n{line}\n{BODY_2}"


def test_ttxvn_inside_a_line_is_not_trimmed():
    line = "Theo phóng viên (TTXVN) tại Seoul, hai bên đã nhất trí nối lại đối thoại."
    assert clean_text(line) == line


# ------------------------------------------------------------------------- seed files

SEED_NOISE = [
    "ảnh 1",
    "[Hàn Quốc-Nhật Bản bình thường hóa chia sẻ bảo mật thông tin quân sự]",
    "(TTXVN/Vietnam+)",
    "Tin cùng chuyên mục",
    "/.",
]

SEED_BODY = [
    "Ngày 17/4, Nhật Bản và Hàn Quốc đã nhất trí tăng cường hợp tác an ninh, khi hai nước tổ chức cuộc tham vấn "
    "an ninh cấp chuyên viên đầu tiên ở thủ đô Seoul trong hơn 5 năm qua.",
    "Trước đó, ngày 14/4, Bộ Ngoại giao Nhật Bản thông báo hầu hết các nguyên đơn Hàn Quốc trong vụ kiện liên quan "
    "cáo buộc cưỡng bức lao động trong thời chiến đã chấp nhận khoản bồi thường thiệt hại thông qua \"Quỹ Thanh niên "
    "tương lai,\" do Hàn Quốc và Nhật Bản thống nhất thành lập nhằm giải quyết vấn đề này.",
    "Tuy nhiên, sau khi Tổng thống Hàn Quốc Yoon Suk-yeol lên nắm quyền vào tháng 5 năm ngoái, ông đã bày tỏ mong "
    "muốn và có nhiều nỗ lực để cải thiện quan hệ với Nhật Bản.",
    "Đánh giá về chuyến thăm sắp tới của Tổng thống Hàn Quốc, người phát ngôn Bộ Ngoại giao Mỹ Ned Price ngày 14/3 "
    "cho biết các quan chức Mỹ “rất hoan nghênh” cuộc gặp thượng đỉnh giữa các nhà lãnh đạo Nhật Bản và Hàn Quốc "
    "trong tuần này.",
    "Ông Price cũng nhấn mạnh rằng 3 nước hiện có mối quan hệ ba bên đặc biệt quan trọng, giúp ứng phó hiệu quả hơn "
    "các thách thức chính tại khu vực Ấn Độ Dương-Thái Bình Dương và xa hơn.",
]


def test_seed_files_lose_their_noise_and_keep_their_body():
    if not SEEDS.is_dir():
        pytest.skip(f"shared seed files not found at {SEEDS.resolve()} (../shared is absent)")
    files = sorted(SEEDS.glob("*.txt"))
    assert files, f"no seed .txt files in {SEEDS}"
    cleaned = "\n".join(clean_text(f.read_text(encoding="utf-8")) for f in files)
    lines = cleaned.split("\n")
    for noise in SEED_NOISE:
        assert noise not in cleaned, noise
    assert not any(line.endswith("ảnh 1") for line in lines)
    for sentence in SEED_BODY:
        assert any(sentence in line for line in lines), sentence[:60]
    # the seed text is already NFC with one tone placement
    assert cleaned == normalize_text(cleaned)


# ---------------------------------------------------------------------------- Unicode

@pytest.mark.parametrize(
    ("given_", "expected"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("HOÀ", "HÒA"), ("Hoà Bình", "Hòa Bình"),
     ("tuỳ", "tùy"), ("hoạ", "họa"), ("nguỵ", "ngụy"), ("Thuỷ điện Hoà Bình", "Thủy điện Hòa Bình")],
)
def test_tone_moves_to_the_first_vowel_of_oa_oe_uy(given_, expected):
    assert normalize_text(given_) == expected
    assert normalize_text(unicodedata.normalize("NFD", given_)) == expected


@pytest.mark.parametrize("word", ["quý", "QUÝ", "hoàn", "ngoài", "quỳnh", "khuya", "thuở", "hòa", "thủy", "Quỳ"])
def test_words_that_keep_their_tone_are_unchanged(word):
    assert normalize_text(word) == word


def test_output_is_nfc():
    nfd = unicodedata.normalize("NFD", "Người dân khỏe mạnh trở về nhà.")
    assert nfd != unicodedata.normalize("NFC", nfd)
    out = normalize_text(nfd)
    assert out == "Người dân khỏe mạnh trở về nhà."
    assert unicodedata.is_normalized("NFC", out)


def test_line_breaks_become_newlines():
    assert normalize_text("một\r\nhai\rba\nbốn\u2028năm") == "một\nhai\nba\nbốn\nnăm"


def test_nbsp_and_zero_width_characters_are_removed_and_spaces_collapsed():
    text = "Hà\u00a0Nội\u200b mưa \u200clớn\ufeff,  \t gió\u00ad mạnh "
    assert normalize_text(text) == "Hà Nội mưa lớn, gió mạnh"


# ----------------------------------------------------------------------------- properties

VIET = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
WORDS = ["hoà", "hòa", "thuỷ", "khoẻ", "quý", "quỳnh", "HOÀ", "Nguỵ", "tuỳ", "ngoài", "oà", "xoè", "khuya"]
any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
viet_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet=VIET + VIET.upper() + "bcdghklmnpqrstvx ,.\n\r\t", max_size=12)),
    max_size=12,
).map(" ".join)
mixed_text = st.one_of(any_text, viet_text)


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@settings(max_examples=300)
@given(mixed_text)
def test_normalize_text_properties(text):
    out = normalize_text(text)
    assert normalize_text(out) == out
    assert unicodedata.is_normalized("NFC", out)
    assert "\r" not in out
    assert "  " not in out


@settings(max_examples=300)
@given(mixed_text)
def test_normalize_tones_only_moves_tone_marks(text):
    text = unicodedata.normalize("NFC", text)
    out = normalize_tones(text)
    assert len(re.findall(r"\w+", out)) == len(re.findall(r"\w+", text))
    assert _strip_marks(out) == _strip_marks(text)


NOISY_LINES = [
    "Quang cảnh buổi tham vấn ảnh 1", "[Tin liên quan về quan hệ Nhật-Hàn]", "(TTXVN/Vietnam+)", "(TTXVN)",
    "Tin cùng chuyên mục", "Ảnh: TTXVN", "Xem thêm: Giá vàng", "Video: Lũ quét", "Minh Anh (TTXVN)",
    "Theo Báo Lao Động", "PV", "Thứ Hai, 17/04/2023 10:30 (GMT+7)", "", "  ",
    BODY_1, BODY_2, "Báo chí đưa tin nhiều.", "Theo ông A, giá tăng 3,5% trong tháng 4.",
]
GLUED = st.tuples(
    st.sampled_from(["", "Hà Nội (TTXVN) - "]),
    st.sampled_from([BODY_1, BODY_2, "Mưa lớn ảnh hưởng tới 300 hộ dân."]),
    st.sampled_from(["", "/.", " (TTXVN)", "./"]),
).map("".join)
article_text = st.lists(st.one_of(st.sampled_from(NOISY_LINES), GLUED, any_text), max_size=10).map("\n".join)


@settings(max_examples=300)
@given(article_text)
def test_remove_noise_is_idempotent_and_never_invents_text(text):
    clean = normalize_text(text)
    out = remove_noise(clean)
    assert remove_noise(out) == out
    input_lines = clean.split("\n")
    for line in out.split("\n") if out else []:
        assert line and any(line in source for source in input_lines), line
