"""Real-page noise, each class tested both ways (the noise goes, real sentences stay), and
`tomtat extract` on pages written here, modelled on how outlets build theirs."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from tomtat.clean import clean_text
from tomtat.cli import main
from tomtat.ingest.html import metadata_date, page_title

BODY_1 = "Chiều 23/3, Chi cục Thủy sản tỉnh Khánh Hòa cho biết đã cấp mã số cho 12 vùng nuôi."
BODY_2 = "Giá tôm hùm bông hiện khoảng 1,2 triệu đồng/kg, tăng 15% so với cùng kỳ năm ngoái."


@pytest.mark.parametrize("caption", [
    "Người dân chăm sóc tôm hùm trong lồng nuôi ở xã Cam Lập. Ảnh: Thanh Tùng",
    "Toàn cảnh công trường nhìn từ phía Bến Tre - Ảnh: Hoàng Nam",
    "Lực lượng cứu hộ tìm kiếm người mất tích. Video: Minh Anh/VTV",
    "Diễn biến mưa lớn trong ba ngày qua. Đồ họa: Khánh Linh",
])
def test_a_caption_ending_with_its_credit_goes(caption: str) -> None:
    assert clean_text(f"{BODY_1}\n{caption}\n{BODY_2}") == f"{BODY_1}\n{BODY_2}"


@pytest.mark.parametrize("sentence", [
    "Triển lãm trưng bày hơn 200 bức ảnh về biển đảo quê hương.",
    "Ông cho biết: ảnh hưởng của bão sẽ kéo dài đến hết tuần.",
    "Phóng viên đã ghi lại nhiều hình ảnh: người dân dọn dẹp, trẻ em trở lại trường.",
])
def test_sentences_about_photos_stay(sentence: str) -> None:
    assert clean_text(f"{BODY_1}\n{sentence}") == f"{BODY_1}\n{sentence}"


@pytest.mark.parametrize("byline", ["Hà Thu (tổng hợp)", "Minh Anh (theo Reuters)", "Thanh Hương (TTXVN)"])
def test_a_byline_with_a_note_in_brackets_goes(byline: str) -> None:
    assert clean_text(f"{BODY_1}\n{BODY_2}\n{byline}") == f"{BODY_1}\n{BODY_2}"


def test_a_last_sentence_ending_in_brackets_stays() -> None:
    last = "Giá điện tăng 4,8% từ hôm nay (theo quyết định của Bộ Công Thương)"
    assert clean_text(f"{BODY_1}\n{last}") == f"{BODY_1}\n{last}"


def test_a_promotion_after_the_body_goes_with_the_byline_before_it() -> None:
    promo = 'Sách hay: Mời quý độc giả đón đọc cuốn "Biển và người" tại các nhà sách trên toàn quốc.'
    text = f"{BODY_1}\n{BODY_2}\nHà Thu (tổng hợp)\n{promo}\nĐặt mua tại hotline 1900 0000."
    assert clean_text(text) == f"{BODY_1}\n{BODY_2}"


def test_related_links_above_and_below_the_body_go_but_a_list_inside_it_stays() -> None:
    links = "- Tôm hùm mất giá, người nuôi lao đao\n- Cam Ranh quy hoạch lại vùng nuôi biển"
    inside = "- Hỗ trợ 3 triệu đồng cho mỗi hộ có lồng bị hư hỏng."
    text = f"{links}\n{BODY_1}\n{inside}\n{BODY_2}\n- Xuất khẩu tôm sang Trung Quốc tăng mạnh"
    assert clean_text(text) == f"{BODY_1}\n{inside}\n{BODY_2}"


@pytest.mark.parametrize(("value", "date"), [
    ("3/24/2024 7:12:35 AM", dt.date(2024, 3, 24)),
    ("12/5/2023 11:00 PM", dt.date(2023, 12, 5)),
    ("2024-03-24T07:12:35+07:00", dt.date(2024, 3, 24)),
    ("05/12/2023 11:00", dt.date(2023, 12, 5)),  # day first without AM/PM, as Vietnamese pages write it
    ("13/24/2024 7:12 AM", None),
    ("hôm qua", None),
])
def test_metadata_dates(value: str, date: dt.date | None) -> None:
    assert metadata_date(value) == date


def test_the_h1_wins_when_it_rewords_the_og_title_but_not_when_it_is_the_site_name() -> None:
    import lxml.html

    page = "<html><body><h1>Khánh Hòa: Tôm hùm lồng trên vịnh Cam Ranh được cấp mã số vùng nuôi</h1></body></html>"
    tree = lxml.html.document_fromstring(page)
    assert page_title(tree, "Tôm hùm lồng ở Khánh Hòa có mã số vùng nuôi").startswith("Khánh Hòa: Tôm hùm lồng")
    site = lxml.html.document_fromstring("<html><body><h1>Báo Sông Nước</h1></body></html>")
    assert page_title(site, "Tôm hùm lồng ở Khánh Hòa có mã số vùng nuôi") == "Tôm hùm lồng ở Khánh Hòa có mã số vùng nuôi"


def test_extract_reads_each_page_right(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(main, ["extract", "pages"])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert list(first) == ["file", "title", "date", "source", "lead", "text", "sentences"]
    assert (first["file"], first["date"], first["source"]) == ("pages/bao-song-nuoc.html", "2024-03-24", "pages/bao-song-nuoc.html")
    assert first["title"] == "Khánh Hòa: Tôm hùm lồng trên vịnh Cam Ranh lần đầu được cấp mã số vùng nuôi"
    assert first["sentences"][0].startswith("Hơn 300 lồng nuôi tôm hùm") and first["lead"] == first["sentences"][0]
    assert first["sentences"][-1] == BODY_2 and first["text"].endswith(BODY_2)
    assert len(first["sentences"]) == 4 and not any("Ảnh:" in s for s in first["sentences"])
    assert second["title"] == "Cầu Rạch Miễu 2 hợp long nhịp chính sớm hơn kế hoạch một tháng"
    assert second["date"] == "2024-03-24" and second["source"].startswith("https://tinnhanhmientay.example.vn/")
    assert second["sentences"][0].startswith("Sáng 24/3, đơn vị thi công đã hợp long")
    assert second["sentences"][-1] == "Ông Lê Văn Tâm, Phó Giám đốc Ban Quản lý dự án, cho biết cầu dự kiến thông xe vào cuối năm 2025."


def test_extract_of_nothing_readable_fails_cleanly(tmp_path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1 and "nothing to extract" in result.stderr and "Traceback" not in result.output


def test_a_file_over_the_size_limit_is_skipped_unread(tmp_path) -> None:
    from tomtat import ProblemLog
    from tomtat.ingest import read_articles

    big = tmp_path / "big.txt"
    big.write_text("Tiêu đề\n" + "Nội dung bài báo rất dài. " * 100, encoding="utf-8")
    problems = ProblemLog()
    assert read_articles([str(big)], problems, max_bytes=1000) == []
    assert [p.message for p in problems] == [f"{big.stat().st_size:,} bytes, over the 1,000-byte limit: skipped"]
