"""Ingest: text, HTML, JSONL, folders and stdin; every bad input is a Problem, never a crash."""
from __future__ import annotations

import base64
import datetime as dt
import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from tomtat.ingest import read_articles, read_clusters
from tomtat.ingest.dates import parse_date, parse_dateline
from tomtat.problems import ProblemLog

BODY = "Lũ quét ở Hòa Bình làm thiệt hại nặng nề cho người dân.\nNgười dân khỏe mạnh đã trở về nhà sau trận lũ."
TONES = "\u0300\u0301\u0309\u0303\u0323"
# a real 1x1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

HTML = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Lũ quét ở Lào Cai | Báo X</title>
<meta property="og:title" content="Lũ quét ở Lào Cai làm 3 người mất tích">
<meta property="article:published_time" content="2023-04-17T10:30:00+07:00">
</head><body><header><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav></header>
<article><h1>Lũ quét ở Lào Cai làm 3 người mất tích</h1>
<p>Mưa lớn kéo dài từ đêm 16/4 đã gây lũ quét tại huyện Bát Xát, tỉnh Lào Cai, làm 3 người mất tích và nhiều nhà dân bị cuốn trôi.</p>
<p>Chính quyền địa phương đã huy động hàng trăm cán bộ, chiến sĩ tham gia tìm kiếm người mất tích và hỗ trợ người dân di dời.</p>
<p>Theo Ban Chỉ huy phòng chống thiên tai tỉnh, thiệt hại ban đầu ước tính khoảng 20 tỷ đồng.</p>
</article><footer>Bản quyền thuộc về Báo X</footer></body></html>"""


def cp1258_bytes(text: str) -> bytes:
    """`text` in Windows-1258: base letters precomposed (â, ơ, đ...), tone marks as combining characters.

    Full NFD cannot be encoded (cp1258 has no combining circumflex/horn), so only the tones are decomposed.
    """
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def read(paths, problems=None):
    problems = ProblemLog() if problems is None else problems
    return read_articles([str(p) for p in paths], problems), problems


def write_jsonl(path: Path, objects) -> Path:
    path.write_text("\n".join(o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objects) + "\n",
                    encoding="utf-8")
    return path


# --------------------------------------------------------------------------- good input

def test_text_file_title_dateline_and_body(tmp_path):
    f = tmp_path / "bai-1.txt"
    f.write_text(f"Lũ quét ở Hòa Bình\nThứ Hai, 17/04/2023 10:30 (GMT+7)\n\n{BODY}\n", encoding="utf-8")
    (article,), problems = read([f])
    assert problems == []
    assert article.id == "bai-1"
    assert article.title == "Lũ quét ở Hòa Bình"
    assert article.date == dt.date(2023, 4, 17)
    assert article.text == BODY
    assert article.source == str(f)


def test_text_file_without_dateline_keeps_second_line_in_body(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Tiêu đề\n{BODY}", encoding="utf-8")
    (article,), _ = read([f])
    assert article.date is None
    assert article.text == BODY


def test_html_page_title_date_and_main_text(tmp_path):
    f = tmp_path / "trang.html"
    f.write_text(HTML, encoding="utf-8")
    (article,), problems = read([f])
    assert problems == []
    assert article.id == "trang"
    assert article.title == "Lũ quét ở Lào Cai làm 3 người mất tích"
    assert article.date == dt.date(2023, 4, 17)
    assert "huyện Bát Xát, tỉnh Lào Cai" in article.text
    assert "khoảng 20 tỷ đồng" in article.text
    assert "Trang chủ" not in article.text and "Bản quyền" not in article.text


def test_folder_of_mixed_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "01.txt").write_text(f"Tựa một\n{BODY}", encoding="utf-8")
    (tmp_path / "02.html").write_text(HTML, encoding="utf-8")
    write_jsonl(tmp_path / "sub" / "03.jsonl", [{"id": "j1", "title": "Tựa ba", "text": "Nội dung ba."}])
    (tmp_path / ".hidden.txt").write_text("Ẩn\nKhông đọc.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    articles, problems = read([tmp_path])
    assert [a.id for a in articles] == ["01", "02", "j1"]
    assert [(Path(p.path).name, p.line) for p in problems] == [("notes.pdf", None)]
    assert "not an article file" in problems[0].message


def test_jsonl_articles(tmp_path):
    f = write_jsonl(tmp_path / "arts.jsonl", [
        {"id": "a1", "title": "Tựa 1 ", "text": "Nội dung một.", "date": "2023-04-17", "source": "vnexpress.net"},
        {"title": "Không id", "text": "Nội dung hai.", "date": "15/03/2023"},
    ])
    (first, second), problems = read([f])
    assert problems == []
    assert (first.id, first.title, first.text, first.date, first.source) == (
        "a1", "Tựa 1", "Nội dung một.", dt.date(2023, 4, 17), "vnexpress.net")
    assert (second.id, second.date, second.source) == ("arts:2", dt.date(2023, 3, 15), None)


class FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(f"Tựa từ stdin\n{BODY}".encode()))
    (article,), problems = read(["-"])
    assert problems == []
    assert (article.title, article.text) == ("Tựa từ stdin", BODY)


def test_stdin_jsonl(monkeypatch):
    line = json.dumps({"id": "s1", "title": "T", "text": "Nội dung."}, ensure_ascii=False)
    monkeypatch.setattr(sys, "stdin", FakeStdin(line.encode("utf-8")))
    (article,), _ = read(["-"])
    assert (article.id, article.text) == ("s1", "Nội dung.")


# ------------------------------------------------------------------------ encodings

def test_cp1258_vietnamese(tmp_path):
    f = tmp_path / "cu.txt"
    f.write_bytes(cp1258_bytes(f"Tiêu đề\n{BODY}"))
    with pytest.raises(UnicodeDecodeError):
        f.read_bytes().decode("utf-8")
    (article,), problems = read([f])
    assert problems == []
    assert unicodedata.normalize("NFC", article.title) == "Tiêu đề"
    assert unicodedata.normalize("NFC", article.text) == BODY


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_with_and_without_bom_and_utf8_bom(tmp_path, encoding):
    f = tmp_path / "u.txt"
    f.write_bytes(f"Tiêu đề\n{BODY}".encode(encoding))
    (article,), problems = read([f])
    assert problems == []
    assert (article.title, article.text) == ("Tiêu đề", BODY)


# --------------------------------------------------- bad input: a Problem, the rest is read

def test_bad_files_are_reported_and_good_ones_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(f"Tựa\n{BODY}", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\n ", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "broken.html").write_text("<html><body><div>", encoding="utf-8")
    (tmp_path / "title-only.txt").write_text("Chỉ có tựa\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    articles, problems = read([tmp_path, missing])
    assert [a.id for a in articles] == ["good"]
    by_file = {Path(p.path).name: p for p in problems}
    assert set(by_file) == {"empty.txt", "blank.txt", "image.txt", "broken.html", "title-only.txt", "missing.txt"}
    assert "empty" in by_file["empty.txt"].message
    assert "empty" in by_file["blank.txt"].message
    assert "binary" in by_file["image.txt"].message
    assert "no article text" in by_file["broken.html"].message
    assert by_file["title-only.txt"].line == 1
    assert "no such file" in by_file["missing.txt"].message
    assert all(str(p).startswith(p.path) for p in problems)


def test_png_signature_alone_is_binary(tmp_path):
    f = tmp_path / "sig.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n")
    articles, problems = read([f])
    assert articles == []
    assert [Path(p.path).name for p in problems] == ["sig.txt"]


def test_bad_jsonl_lines_are_reported_with_their_line(tmp_path):
    f = write_jsonl(tmp_path / "arts.jsonl", [
        {"id": "ok1", "title": "T", "text": "Nội dung một."},
        "{not json",
        {"id": "no-text", "title": "T"},
        {"id": "bad-date", "title": "T", "text": "Nội dung ba.", "date": "hôm qua"},
        {"id": "c1", "docs": [{"text": "x"}], "summaries": ["y"]},
        "[1, 2]",
        {"id": "bad-title", "title": 5, "text": "x"},
        {"id": "ok2", "title": "T", "text": "Nội dung bảy."},
    ])
    articles, problems = read([f])
    assert [(a.id, a.date) for a in articles] == [("ok1", None), ("bad-date", None), ("ok2", None)]
    assert [(p.path, p.line) for p in problems] == [(str(f), n) for n in (2, 3, 4, 5, 6, 7)]
    messages = [p.message for p in problems]
    assert "not JSON" in messages[0]
    assert "no 'text'" in messages[1]
    assert "hôm qua" in messages[2] and "date left empty" in messages[2]
    assert "tomtat batch" in messages[3]


def test_missing_path_is_a_problem(tmp_path):
    articles, problems = read([tmp_path / "nowhere"])
    assert articles == []
    assert len(problems) == 1 and problems[0].path.endswith("nowhere")


# ----------------------------------------------------------------------------- datasets

def cluster(cid, docs, summaries=("Tóm tắt.",), meta=None):
    obj = {"id": cid, "docs": docs, "summaries": list(summaries)}
    if meta is not None:
        obj["meta"] = meta
    return obj


def test_read_clusters_leads_and_bad_lines(tmp_path):
    leads = ["Sapo một.", "Sapo hai."]
    f = write_jsonl(tmp_path / "ds.jsonl", [
        cluster("k1", [{"title": "T1", "text": "Thân một."}, {"title": "T2", "text": "Thân hai."}],
                meta={"doc_anchor_texts": json.dumps(leads, ensure_ascii=False)}),
        cluster("empty", []),
        cluster("k3", [{"title": "T", "text": "Thân ba."}], summaries=["", "Tóm tắt ba."],
                meta={"doc_anchor_texts": str(["Sapo ba."])}),
        "not json",
        cluster("k5", [{"title": "T", "text": ""}]),
        cluster("k6", [{"title": "T", "text": "Thân sáu."}], meta={"doc_anchor_texts": "[broken"}),
    ])
    problems = ProblemLog()
    clusters = list(read_clusters(str(f), problems))
    assert [c.id for c in clusters] == ["k1", "k3", "k6"]
    k1, k3, k6 = clusters
    assert [a.text for a in k1.articles] == ["Sapo một.\nThân một.", "Sapo hai.\nThân hai."]
    assert [a.id for a in k1.articles] == ["k1/0", "k1/1"]
    assert k1.references == ["Tóm tắt."]
    assert k3.articles[0].text == "Sapo ba.\nThân ba."  # Python-literal list
    assert k3.references == ["Tóm tắt ba."]
    assert k6.articles[0].text == "Thân sáu."
    lines = [(p.line, p.message) for p in problems]
    assert [line for line, _ in lines] == [2, 4, 5, 5, 6]
    assert "'empty' has no 'docs'" in lines[0][1]
    assert "no usable article" in lines[3][1]
    assert "doc_anchor_texts" in lines[4][1]
    assert all(p.path == str(f) for p in problems)


def test_read_clusters_missing_file():
    problems = ProblemLog()
    assert list(read_clusters("/nonexistent/ds.jsonl", problems)) == []
    assert problems[0].path == "/nonexistent/ds.jsonl" and "cannot read" in problems[0].message


@pytest.mark.parametrize("meta", [{"doc_anchor_texts": 5}, ["not", "a", "dict"]])
def test_malformed_meta_is_a_problem_not_a_crash(tmp_path, meta):
    f = write_jsonl(tmp_path / "ds.jsonl", [
        cluster("bad", [{"title": "T", "text": "Thân."}], meta=meta),
        cluster("good", [{"title": "T", "text": "Thân tốt."}]),
    ])
    problems = ProblemLog()
    clusters = list(read_clusters(str(f), problems))
    assert "good" in [c.id for c in clusters]
    assert problems and problems[0].line == 1


def test_anchor_texts_that_are_not_a_list_do_not_become_characters(tmp_path):
    f = write_jsonl(tmp_path / "ds.jsonl", [
        cluster("k", [{"title": "T", "text": "Thân."}], meta={"doc_anchor_texts": json.dumps("Sapo")}),
    ])
    problems = ProblemLog()
    (only,) = list(read_clusters(str(f), problems))
    assert only.articles[0].text in {"Thân.", "Sapo\nThân."}


# -------------------------------------------------------------------------------- dates

@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Hai, 17/04/2023 10:30 (GMT+7)", dt.date(2023, 4, 17)),
        ("thứ hai, 17/4/2023", dt.date(2023, 4, 17)),
        ("Chủ nhật, 16/4/2023 08:00", dt.date(2023, 4, 16)),
        ("Thứ 2, 17/04/2023 - 10:30", dt.date(2023, 4, 17)),
        ("17/04/2023 10h30 GMT+7", dt.date(2023, 4, 17)),
        ("  17/4/2023  ", dt.date(2023, 4, 17)),
        ("31/02/2023", None),
        ("Ngày 17/4/2023, hai nước họp.", None),
        ("17/4", None),
        ("Lũ quét ở Hòa Bình", None),
    ],
)
def test_parse_dateline(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-04-17", dt.date(2023, 4, 17)),
        ("2023-04-17T10:30:00+07:00", dt.date(2023, 4, 17)),
        ("2023-04-17 10:30", dt.date(2023, 4, 17)),
        ("17/04/2023", dt.date(2023, 4, 17)),
        ("17.4.2023", dt.date(2023, 4, 17)),
        ("17-04-2023", dt.date(2023, 4, 17)),
        (" 1/2/2023 ", dt.date(2023, 2, 1)),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["hôm qua", "2023-02-30", "31/02/2023", "", "17/4", "04/17/2023"])
def test_parse_date_rejects_with_the_value(value):
    with pytest.raises(ValueError, match="YYYY-MM-DD") as info:
        parse_date(value)
    assert repr(value) in str(info.value)
