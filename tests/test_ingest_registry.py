"""The ingest registry: one door (`read_bytes`) for paths, stdin, uploads and `tomtat cluster`."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import sys
import tempfile
import unicodedata
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_ingest import HTML, PNG, cp1258_bytes

from tomtat.cli import main
from tomtat.ingest import read_articles, read_bytes, reader_for
from tomtat.ingest.jsonl import DATASET_REFUSED
from tomtat.model import Article
from tomtat.problems import InputError, ProblemLog
from tomtat.service.uploads import UploadError, articles_from_file

DEMO = Path(__file__).resolve().parents[1] / "src" / "tomtat" / "demo"
TITLE = "Khánh thành cầu Bến Nghé"
BODY = "Sáng 12/3, tỉnh Quảng Trị khánh thành cầu Bến Nghé.\nCầu dài 320 mét."
LINK = "https://tin.example.vn/cau-ben-nghe"


def rss(encoding: str) -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>Tin</title>'
            f"<item><title>{TITLE}</title><link>{LINK}</link>"
            f"<description><![CDATA[<p>{BODY.replace(chr(10), '</p><p>')}</p>]]></description>"
            "<pubDate>Wed, 12 Mar 2025 08:00:00 +0700</pubDate></item></channel></rss>")


FEED_ARTICLE = Article(id=LINK, title=TITLE, text=BODY, date=dt.date(2025, 3, 12), source=LINK)


def nfc(article: Article) -> Article:
    return dataclasses.replace(article, title=unicodedata.normalize("NFC", article.title),
                               text=unicodedata.normalize("NFC", article.text))


def read_one(name: str, data: bytes, **options) -> tuple[list[Article], ProblemLog]:
    problems = ProblemLog()
    return read_bytes(name, data, problems, **options), problems


# ------------------------------------------------------------------- choosing a reader

@pytest.mark.parametrize(("name", "text", "reader"), [
    ("tin.rss", "không phải XML", "feed"),  # a known suffix wins
    ("trang.txt", HTML, "text"),  # an HTML page named .txt is read as text
    ("TRANG.HTM", "Tiêu đề\nThân bài.", "html"),
    ("tin.jsonl", "Tiêu đề\nThân bài.", "jsonl"),
    ("tin.json", '{"text": "x"}', "jsonl"),
    ("tin.json", "Tiêu đề\nThân bài.", "text"),
    ("<stdin>", '<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
    ("tin", '  <feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ("tin", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
    ("tin", '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html>', "html"),
    ("tin", "<!doctype html><title>x</title>", "html"),
    ("tin", "<div><body><p>x</p>", "html"),
    ("tin", '{"id": "c1", "docs": []}', "jsonl"),
    ("bao.tuoitre.vn-2025", "<rss>", "feed"),  # a dotted name says nothing: sniffed
    ("tin", "Tiêu đề <rss> giữa dòng\nThân bài.", "text"),
])
def test_reader_by_suffix_else_by_content(name: str, text: str, reader: str) -> None:
    assert reader_for(name, text).name == reader


def test_json_and_no_suffix_are_sniffed() -> None:
    line = json.dumps({"id": "j1", "title": "Tựa", "text": "Nội dung.", "date": "2025-03-12"}, ensure_ascii=False)
    (from_json,), problems = read_one("tin.json", line.encode())
    assert problems == [] and from_json == Article("j1", "Tựa", "Nội dung.", dt.date(2025, 3, 12), None)
    (from_html,), problems = read_one("trang", HTML.encode())
    assert problems == [] and (from_html.id, from_html.title) == ("trang", "Lũ quét ở Lào Cai làm 3 người mất tích")
    (text,), _ = read_one("ghi-chu.2025", "Tiêu đề\nThân bài.".encode())
    assert (text.id, text.title, text.text, text.source) == ("ghi-chu", "Tiêu đề", "Thân bài.", "ghi-chu.2025")


def test_an_html_page_named_txt_is_text_not_html() -> None:
    (article,), problems = read_one("trang.txt", HTML.encode())
    assert problems == [] and article.title.startswith("<!DOCTYPE html>") and "<article>" in article.text


@pytest.mark.parametrize(("name", "data", "message"), [
    ("bai.pdf", b"%PDF-1.4", "bai.pdf: unsupported file type '.pdf': give .atom, .htm, .html, .jsonl, .md, "
                             ".rss, .text, .txt, .xml"),
    ("anh.txt", PNG, "anh.txt: binary file, not text or HTML: skipped (give .txt, .html or .jsonl)"),
    ("rong.docx", b" \n", "rong.docx: empty file: nothing to read"),
    ("tin.xml", b"<rss></rss>", "tin.xml: no feed entries found: skipped"),
])
def test_unusable_bytes_are_one_problem(name: str, data: bytes, message: str) -> None:
    articles, problems = read_one(name, data)
    assert articles == [] and [str(p) for p in problems] == [message]


# ---------------------------------------------------------------------------- feeds

def test_a_cp1258_rss_file_is_decoded_like_any_file(tmp_path: Path) -> None:
    feed = tmp_path / "tin.rss"
    feed.write_bytes(cp1258_bytes(rss("windows-1258")))
    with pytest.raises(UnicodeDecodeError):
        feed.read_bytes().decode("utf-8")
    problems = ProblemLog()
    assert [nfc(a) for a in read_articles([str(feed)], problems)] == [FEED_ARTICLE] and problems == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_feed_with_or_without_bom(encoding: str) -> None:
    declared = "utf-16" if encoding == "utf-16" else encoding
    assert read_one("tin.xml", rss(declared).encode(encoding)) == ([FEED_ARTICLE], [])


def test_a_feed_on_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": io.BytesIO(rss("utf-8").encode())})())
    problems = ProblemLog()
    assert read_articles(["-"], problems) == [FEED_ARTICLE] and problems == []


def test_a_feed_holding_a_url_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []

    def record(*args: object, **kwargs: object) -> None:
        opened.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", record)
    articles, problems = read_one("tin.rss", b"https://tin.example.vn/rss")
    assert articles == [] and opened == [] and "no feed entries found" in problems[0].message


def test_cluster_reads_a_cp1258_feed_and_a_folder(tmp_path: Path) -> None:
    (tmp_path / "tin.rss").write_bytes(cp1258_bytes(rss("windows-1258")))
    result = CliRunner().invoke(main, ["cluster", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stories"][0]["articles"] == [LINK]


# ------------------------------------------------------------------------- datasets

DATASET = json.dumps({"id": "k1", "docs": [{"title": "T1", "text": "Thân một."}, {"title": "T2", "text": 5}],
                      "summaries": ["Tóm tắt."], "meta": {"doc_anchor_texts": '["Sapo một.", "Sapo hai."]'}},
                     ensure_ascii=False)


def test_dataset_lines_are_refused_or_flattened_by_one_parameter() -> None:
    data = (DATASET + "\n" + json.dumps({"id": "a", "text": "Bài rời."}) + "\n").encode()
    articles, problems = read_one("ds.jsonl", data)
    assert [a.id for a in articles] == ["a"]
    assert [str(p) for p in problems] == [f"ds.jsonl:1: {DATASET_REFUSED}"]
    articles, problems = read_one("ds.jsonl", data, flatten_datasets=True)
    assert [(a.id, a.text) for a in articles] == [("k1/0", "Sapo một.\nThân một."), ("a", "Bài rời.")]
    assert [str(p) for p in problems] == ["ds.jsonl:1: cluster 'k1' doc 1: field 'text' must be a string"]


def test_summarize_points_to_batch_and_cluster_flattens(tmp_path: Path) -> None:
    data = tmp_path / "ds.jsonl"
    data.write_text(DATASET + "\n", encoding="utf-8")
    summarized = CliRunner().invoke(main, ["summarize", str(data)])
    assert summarized.exit_code == 1 and f"tomtat: skipped {data}:1: {DATASET_REFUSED}" in summarized.stderr
    clustered = CliRunner().invoke(main, ["cluster", str(data)])
    assert clustered.exit_code == 0 and json.loads(clustered.stdout)["stories"][0]["articles"] == ["k1/0"]


# ------------------------------------------------------------------ Article.from_dict

def test_from_dict_reports_or_raises_a_bad_date() -> None:
    problems = ProblemLog()
    article = Article.from_dict({"id": 7, "title": " Tựa ", "text": "x", "date": "hôm qua"}, "d", problems, "f", 3)
    assert article == Article("7", "Tựa", "x", None, None)
    assert [str(p) for p in problems] == ["f:3: unreadable date 'hôm qua' (use YYYY-MM-DD); date left empty"]
    with pytest.raises(InputError, match="unreadable date 'hôm qua'"):
        Article.from_dict({"text": "x", "date": "hôm qua"}, "d")
    assert Article.from_dict({"text": "x", "date": "12/03/2025", "source": ""}, "d") == Article(
        "d", "", "x", dt.date(2025, 3, 12), None)


@pytest.mark.parametrize(("obj", "message"), [
    ({"title": "T"}, "f:2: article has no 'text'"),
    ({"text": "  "}, "f:2: article has no 'text'"),
    ({"text": ["x"]}, "f:2: field 'text' must be a string"),
    ({"text": "x", "source": 1}, "f:2: field 'source' must be a string"),
])
def test_from_dict_refuses_what_is_not_an_article(obj: dict, message: str) -> None:
    with pytest.raises(InputError) as info:
        Article.from_dict(obj, "d", ProblemLog(), "f", 2)
    assert str(info.value) == message


# ------------------------------------------- one article whatever the door it comes by

@pytest.mark.parametrize("name", ["01_lu-quet-ta-nam-lu.txt", "04_thong-tuyen-di-dan.html"])
def test_the_same_file_gives_the_same_article_by_path_bytes_and_upload(tmp_path: Path, name: str) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from tomtat.service import create_app

    path = DEMO / name
    problems = ProblemLog()
    [by_path] = read_articles([str(path)], problems)
    [by_bytes] = read_bytes(str(path), path.read_bytes(), problems)
    assert problems == [] and by_bytes == by_path
    client = TestClient(create_app(tmp_path / "t.db"))
    response = client.post("/api/articles/upload", files=[("files", (name, path.read_bytes()))])
    [added] = response.json()["articles"]
    stored = client.get(f"/api/articles/{added['id']}").json()
    uploaded = Article(stored["id"], stored["title"], stored["text"],
                       dt.date.fromisoformat(stored["date"]) if stored["date"] else None, stored["source"])
    # The file name is not a source: a text file's source is the path on the command line, none when uploaded.
    assert uploaded == dataclasses.replace(by_path, source=None if by_path.source == str(path) else by_path.source)


def test_an_upload_is_refused_whole_at_its_first_problem() -> None:
    lines = b'{"id": "a", "text": "x"}\n{"id": "b", "text": "y", "date": "hom qua"}\n'
    with pytest.raises(UploadError, match=r"^line 2: unreadable date 'hom qua'"):
        articles_from_file("tin.jsonl", lines)
    assert articles_from_file("dir/tin.jsonl", lines[:25]) == [Article("a", "", "x")]


FRAGMENTS = st.sampled_from([
    "<rss>", "<feed>", "<?xml version='1.0'?>", "<html>", "<!doctype html>", "<body>", "<item><title>Tin</title>",
    "<entry>", "<p>", "{", "}", '{"docs": [', '{"text": "Nội dung."}', '"title": ', "\n", " ", "Tiêu đề",
    "Thứ Hai, 03/11/2025 10:30", "đ", "\x00", "\ufeff",
])
TEXTS = st.lists(FRAGMENTS | st.text(max_size=20), max_size=12).map("".join)
NAMES = st.sampled_from(["tin", "tin.json", "tin.txt", "tin.html", "tin.jsonl", "tin.rss", "tin.pdf", "a.b.c"])
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1258"])


@settings(max_examples=300, deadline=None)
@given(name=NAMES, data=st.binary(max_size=300) | st.tuples(TEXTS, ENCODINGS).map(
    lambda pair: pair[0].encode(pair[1], errors="ignore")), flatten=st.booleans())
def test_any_bytes_give_articles_or_problems_never_an_exception(name: str, data: bytes, flatten: bool) -> None:
    articles, problems = read_one(name, data, flatten_datasets=flatten)
    assert all(isinstance(a, Article) and a.text.strip() for a in articles)
    assert articles or problems
    assert all(p.path == name and p.message for p in problems)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_the_format_is_recognised_the_same_by_path_stdin_and_upload(text: str) -> None:
    data = text.encode("utf-8")
    by_stdin, stdin_problems = read_one("<stdin>", data, stem="stdin")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stdin"
        path.write_bytes(data)
        path_problems = ProblemLog()
        by_path = read_articles([str(path)], path_problems)
    same_source = {"<stdin>": None, str(path): None}
    assert [dataclasses.replace(a, source=same_source.get(a.source, a.source)) for a in by_stdin] == \
        [dataclasses.replace(a, source=same_source.get(a.source, a.source)) for a in by_path]
    assert [(p.line, p.message) for p in stdin_problems] == [(p.line, p.message) for p in path_problems]
    try:
        uploaded = articles_from_file("stdin", data)
    except UploadError:
        assert stdin_problems or not by_stdin
    else:
        assert stdin_problems == [] and uploaded == [
            dataclasses.replace(a, source=same_source.get(a.source, a.source)) for a in by_stdin]


@pytest.mark.parametrize("data", [b"\xfe\xff", b"\xff\xfe", b"\xef\xbb\xbf", "\ufeff \n".encode("utf-16")])
def test_a_byte_order_mark_alone_is_an_empty_file(data: bytes) -> None:
    articles, problems = read_one("tin.jsonl", data)
    assert articles == [] and [p.message for p in problems] == ["empty file: nothing to read"]
