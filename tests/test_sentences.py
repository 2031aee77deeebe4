"""Sentence splitting: one test per fix over underthesea's `sent_tokenize`.

Each test states in a comment what underthesea 9.x does with the same input. Where it
already gets the case right the comment says so: the test then guards the cases our
splitter must not lose (abbreviations, numbers, dates) while it fixes the others.
The `TestUnderthesea*` tests at the end pin underthesea's wrong output, to document why
tomtat has its own splitter; if one starts failing, underthesea changed and the reason
for the replacement should be rechecked.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tomtat.nlp import split_line, split_sentences


# ------------------------------------------------------------------------- boundaries

def test_newlines_are_boundaries():
    # underthesea: ["Dòng một không có dấu chấm\nDòng hai cũng vậy"] (one sentence across lines)
    text = "Dòng một không có dấu chấm\nDòng hai cũng vậy\n\nDòng ba."
    assert split_sentences(text) == ["Dòng một không có dấu chấm", "Dòng hai cũng vậy", "Dòng ba."]


@pytest.mark.parametrize("quote", [('"', '"'), ("“", "”")])
def test_closing_quote_stays_with_its_sentence(quote):
    # underthesea: ['Ông A nói: "Tôi sẽ đi.', '" Sau đó ông rời đi.'] (the quote opens the next sentence)
    opening, closing = quote
    line = f"Ông A nói: {opening}Tôi sẽ đi.{closing} Sau đó ông rời đi."
    assert split_line(line) == [f"Ông A nói: {opening}Tôi sẽ đi.{closing}", "Sau đó ông rời đi."]


def test_closing_bracket_stays_with_its_sentence():
    # underthesea gets this one right; guard it
    assert split_line("Tổng thống Mỹ (ông Biden). Ông nói.") == ["Tổng thống Mỹ (ông Biden).", "Ông nói."]


# ------------------------------------------------------------ abbreviations and numbers

@pytest.mark.parametrize(
    ("line", "first"),
    [
        # underthesea right on TP.HCM (no space after the period): guard
        ("Ông đến TP.HCM vào sáng nay. Ông ở lại hai ngày.", "Ông đến TP.HCM vào sáng nay."),
        # "TP. Hồ Chí Minh": the period of "TP." is followed by an uppercase name
        ("Ông đến TP. Hồ Chí Minh vào sáng nay. Ông ở lại hai ngày.", "Ông đến TP. Hồ Chí Minh vào sáng nay."),
        # underthesea: ['Theo PGS.TS.', 'Nguyễn Văn A, giá tăng.', ...] (splits after the title)
        ("Theo PGS.TS. Nguyễn Văn A, giá tăng. Điều này đúng.", "Theo PGS.TS. Nguyễn Văn A, giá tăng."),
        # underthesea: ['Theo GS.TSKH.', 'Lê A, giá tăng.'] (same flaw with another title)
        ("Theo GS.TSKH. Lê A, giá tăng. Điều này đúng.", "Theo GS.TSKH. Lê A, giá tăng."),
        # underthesea right on "PGS. TS." with a space: guard
        ("Tài liệu do PGS. TS. Lê Văn A viết. Sách bán chạy.", "Tài liệu do PGS. TS. Lê Văn A viết."),
        # underthesea right on "Th.S" and "ThS.": guard
        ("Theo Th.S Nguyễn Văn B, giá tăng. Điều này đúng.", "Theo Th.S Nguyễn Văn B, giá tăng."),
        ("Theo ThS. Nguyễn Văn B, giá tăng. Điều này đúng.", "Theo ThS. Nguyễn Văn B, giá tăng."),
        # underthesea right on "U.23": guard
        ("Đội tuyển U.23 Việt Nam thắng. Trận sau đá tối nay.", "Đội tuyển U.23 Việt Nam thắng."),
    ],
)
def test_abbreviations_do_not_split(line, first):
    sentences = split_line(line)
    assert sentences[0] == first
    assert len(sentences) == 2


def test_vv_does_not_split_inside_a_sentence():
    # underthesea right inside the sentence: guard. After "v.v." an uppercase start is a
    # new sentence (underthesea keeps "v.v. Sau đó ..." as one sentence; we split there).
    assert split_line("Hà Nội, Huế, v.v. đều có mưa lớn.") == ["Hà Nội, Huế, v.v. đều có mưa lớn."]
    assert split_line("Họ mua gạo, muối, v.v. Sau đó họ về nhà.") == ["Họ mua gạo, muối, v.v.", "Sau đó họ về nhà."]


@pytest.mark.parametrize(
    "line",
    [
        # underthesea right on decimals and thousands: guard
        "Giá tăng 3,5% và đạt 3.500 đồng mỗi kg. Sau đó giảm.",
        # underthesea right on dates "17/4" and "19.5": guard
        "Ngày 17/4 và ngày 19.5 là hai mốc quan trọng. Sau đó nghỉ.",
    ],
)
def test_numbers_and_dates_do_not_split(line):
    assert split_line(line) == [line.rsplit(" Sau", 1)[0], "Sau đó " + line.rsplit("Sau đó ", 1)[1]]


def test_date_at_the_end_of_a_sentence_ends_it():
    # underthesea right: guard ("19.5." ends a sentence when an uppercase word follows)
    assert split_line("Lễ kỷ niệm diễn ra ngày 19.5. Sau đó nghỉ.") == ["Lễ kỷ niệm diễn ra ngày 19.5.", "Sau đó nghỉ."]
    assert split_line("Ông đến vào năm 2023. 5 người bị thương.") == ["Ông đến vào năm 2023.", "5 người bị thương."]


def test_domain_does_not_split():
    # underthesea: ['Theo báo vnexpress.', 'net đưa tin.', ...] (splits inside the domain)
    assert split_line("Theo báo vnexpress.net đưa tin. Sau đó nghỉ.") == ["Theo báo vnexpress.net đưa tin.", "Sau đó nghỉ."]
    assert split_line("Bài đăng trên Dantri.com.vn sáng nay.") == ["Bài đăng trên Dantri.com.vn sáng nay."]


def test_initials_do_not_split():
    # underthesea right on "G. Bush": guard
    assert split_line("Ông G. Bush đến thăm Hà Nội. Sau đó về nước.") == ["Ông G. Bush đến thăm Hà Nội.", "Sau đó về nước."]
    assert split_line("Ông J. Smith nói.") == ["Ông J. Smith nói."]


# ------------------------------------------------------------------------- quotations

def test_no_split_inside_a_quotation():
    # underthesea: ['Ông nói “Tôi đi.', 'Anh ở lại.', '” rồi bước ra.']
    line = "Ông nói “Tôi đi. Anh ở lại.” rồi bước ra."
    assert split_line(line) == [line]


def test_quotation_ending_a_sentence_then_a_new_sentence():
    # underthesea moves the closing quote to the next sentence (see above)
    assert split_line('Anh nói: "Đi đi. Về đi." Chị cười.') == ['Anh nói: "Đi đi. Về đi."', "Chị cười."]


def test_very_long_quotation_is_split_like_running_text():
    inner = " ".join(["Câu trích dẫn rất dài."] * 25)  # > 400 characters
    sentences = split_line(f"Ông nói: “{inner}” Hết.")
    assert len(sentences) > 2


# ---------------------------------------------------------------- end punctuation

def test_exclamation_question_and_ellipsis_split_before_uppercase():
    # underthesea right here: guard
    line = "Thật tuyệt! Mọi người vui. Có đúng không? Đúng vậy... Rồi sao… Hết."
    assert split_line(line) == ["Thật tuyệt!", "Mọi người vui.", "Có đúng không?", "Đúng vậy...", "Rồi sao…", "Hết."]


@pytest.mark.parametrize(
    "line",
    ["Ông ấy đi. rồi quay lại.", "Trời mưa! rồi tạnh.", "Ai biết? chẳng ai cả.", "Ông ấy đi... rồi quay lại."],
)
def test_no_split_before_a_lowercase_continuation(line):
    # underthesea: ['Ông ấy đi.', 'rồi quay lại.'], ['Trời mưa!', 'rồi tạnh.'] (splits anyway);
    # it keeps "đi... rồi" together.
    assert split_line(line) == [line]


def test_quoted_lowercase_start_is_a_new_sentence():
    # an opening quote before the next word marks a new sentence even when it is lowercase
    assert split_line('Ông đi. "anh ở lại" là câu cuối.') == ["Ông đi.", '"anh ở lại" là câu cuối.']


def test_empty_and_blank_input():
    assert split_sentences("") == []
    assert split_sentences("\n\n") == []
    assert split_line("   ") == []


# ------------------------------------------------------------------------- properties

TOKENS = [
    "Ông", "bà", "Hà", "Nội", "TP.HCM", "PGS.TS.", "ThS.", "v.v.", "U.23", "3,5%", "3.500", "17/4", "19.5.",
    "vnexpress.net", "G.", "nói:", "“Tôi", "đi.”", '"Anh', 'về."', "đi.", "về!", "sao?", "vậy...", "ừ…", "(Hà",
    "Nội).", "rồi", "A.", "5", "Đà", "[1]", "-", "–", "«", "»", "'", ".", "?",
]
token_lines = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=25).map(" ".join)
char_lines = st.text(
    alphabet="aăâbcdđeêioôơuưyAĐÔƯÝàáạảã .!?…,:;\"'“”‘’«»()[]-–0123456789/",
    max_size=120,
).map(lambda s: " ".join(s.split()))
lines = st.one_of(token_lines, char_lines)


@settings(max_examples=400)
@given(lines)
def test_sentences_of_a_line_join_back_to_the_line(line):
    sentences = split_line(line)
    assert " ".join(sentences) == line
    assert all(s and s == s.strip() for s in sentences)


@settings(max_examples=200)
@given(st.lists(lines, max_size=6).map("\n".join))
def test_split_sentences_never_returns_empty_strings_nor_crosses_lines(text):
    sentences = split_sentences(text)
    assert all(s.strip() for s in sentences)
    assert all("\n" not in s for s in sentences)
    assert len(sentences) >= sum(1 for line in text.split("\n") if line.strip())


# ------------------------------------------------- documented underthesea behaviour

class TestUndertheseaDocumentedFlaws:
    """underthesea's own output on the inputs above, pinned to document the replacement."""

    @pytest.fixture(autouse=True)
    def _tokenize(self):
        self.sent_tokenize = pytest.importorskip("underthesea").sent_tokenize

    def test_underthesea_merges_lines(self):
        assert self.sent_tokenize("Dòng một không có dấu chấm\nDòng hai cũng vậy") == [
            "Dòng một không có dấu chấm\nDòng hai cũng vậy"
        ]

    def test_underthesea_moves_the_closing_quote(self):
        assert self.sent_tokenize("Ông A nói: “Tôi sẽ đi.” Sau đó ông rời đi.") == [
            "Ông A nói: “Tôi sẽ đi.", "” Sau đó ông rời đi."
        ]

    def test_underthesea_splits_after_pgs_ts(self):
        assert self.sent_tokenize("Theo PGS.TS. Nguyễn Văn A, giá tăng.")[0] == "Theo PGS.TS."

    def test_underthesea_splits_domains(self):
        assert self.sent_tokenize("Theo báo vnexpress.net đưa tin.")[0] == "Theo báo vnexpress."

    def test_underthesea_splits_inside_quotations(self):
        assert len(self.sent_tokenize("Ông nói “Tôi đi. Anh ở lại.” rồi bước ra.")) == 3

    def test_underthesea_splits_before_lowercase(self):
        assert self.sent_tokenize("Ông ấy đi. rồi quay lại.") == ["Ông ấy đi.", "rồi quay lại."]
