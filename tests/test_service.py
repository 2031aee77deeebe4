"""`tomtat serve`: the HTTP API through FastAPI's TestClient over its SQLite file."""
from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service needs fastapi (pip install fastapi uvicorn python-multipart httpx)")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from tomtat.cli import main  # noqa: E402
from tomtat.model import Article  # noqa: E402
from tomtat.service import StoryService, create_app  # noqa: E402
from tomtat.store import SCHEMA_VERSION, StoryDatabase  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "src" / "tomtat" / "demo"
FLOOD = {"id": "lu-1", "title": "Lũ quét tại Tả Nậm Lư", "date": "2025-11-03",
         "text": "Mưa lớn từ đêm 2/11 đã gây lũ quét tại thôn Khe Mạ, xã Tả Nậm Lư, tỉnh Lào Cai. "
                 "Ba người mất tích và 17 ngôi nhà bị hư hỏng. Lực lượng cứu hộ đang tìm kiếm người mất tích."}


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(tmp_path / "t.db"))


def _upload(client: TestClient, *names: str):
    return client.post("/api/articles/upload", files=[("files", (n, (DEMO / n).read_bytes())) for n in names])


def _demo_story(client: TestClient) -> str:
    response = _upload(client, *sorted(p.name for p in DEMO.iterdir()))
    assert response.status_code == 201, response.text
    stories = [a["story"] for a in response.json()["articles"]]
    return max(set(stories), key=stories.count)


# Articles and stories


def test_add_list_get_delete(client: TestClient) -> None:
    response = client.post("/api/articles", json=FLOOD)
    assert response.status_code == 201
    [added] = response.json()["articles"]
    assert added["id"] == "lu-1" and added["date"] == "2025-11-03"
    stories = client.get("/api/stories").json()
    assert stories == [{"id": added["story"], "label": FLOOD["title"], "first_date": "2025-11-03",
                        "last_date": "2025-11-03", "article_count": 1}]
    story = client.get(f"/api/stories/{added['story']}").json()
    assert [a["id"] for a in story["articles"]] == ["lu-1"]
    assert client.get("/api/articles/lu-1").json()["text"] == FLOOD["text"]
    assert client.delete("/api/articles/lu-1").status_code == 204
    assert client.get("/api/stories").json() == []
    assert client.get(f"/api/stories/{added['story']}").status_code == 404
    assert client.delete("/api/articles/lu-1").status_code == 404


def test_a_list_without_ids_gets_generated_ids_and_one_story(client: TestClient) -> None:
    articles = [{"title": f"Lũ quét Lào Cai, tin {i}", "text": FLOOD["text"] + f" Cập nhật số {i}."} for i in range(3)]
    response = client.post("/api/articles", json=articles)
    assert response.status_code == 201
    added = response.json()["articles"]
    assert len({a["id"] for a in added}) == 3 and len({a["story"] for a in added}) == 1


def test_upload_text_html_and_jsonl(client: TestClient) -> None:
    story = _demo_story(client)
    detail = client.get(f"/api/stories/{story}").json()
    assert detail["article_count"] >= 3 and detail["first_date"] == "2025-11-03"
    html = client.get("/api/articles/04_thong-tuyen-di-dan").json()
    assert html["source"].startswith("https://") and html["date"] == "2025-11-10"
    lines = "\n".join(json.dumps({"id": f"j{i}", "title": "Tin", "text": FLOOD["text"]}, ensure_ascii=False)
                      for i in range(2))
    response = client.post("/api/articles/upload", files=[("files", ("tin.jsonl", lines.encode()))])
    assert [a["id"] for a in response.json()["articles"]] == ["j0", "j1"]


def test_summary_formats_timeline_and_entities(client: TestClient) -> None:
    story = _demo_story(client)
    summary = client.get(f"/api/stories/{story}/summary", params={"budget": "80"})
    assert summary.headers["content-type"].startswith("application/json")
    data = summary.json()
    assert data["sentences"] and data["budget"] == "80 syllables"
    markdown = client.get(f"/api/stories/{story}/summary", params={"format": "markdown"})
    assert markdown.text.startswith("## Summary") and "text/markdown" in markdown.headers["content-type"]
    text = client.get(f"/api/stories/{story}/summary", params={"format": "text"}).text
    assert "[1]" in text
    events = client.get(f"/api/stories/{story}/timeline").json()
    assert any(e["date"] == "2025-11-02" for e in events)
    assert set(events[0]) == {"date", "precision", "text", "sources", "background"}
    entities = client.get(f"/api/stories/{story}/entities").json()
    assert any(e["name"] == "Tả Nậm Lư" or "Tả Nậm Lư" in e["name"] for e in entities["entities"])
    assert entities["keyphrases"]


def test_summary_is_cached_until_the_story_changes(client: TestClient) -> None:
    first = client.post("/api/articles", json=FLOOD).json()["articles"][0]["story"]
    url = f"/api/stories/{first}/summary"
    assert client.get(url).headers["x-tomtat-cache"] == "miss"
    assert client.get(url).headers["x-tomtat-cache"] == "hit"
    assert client.get(url, params={"format": "text"}).headers["x-tomtat-cache"] == "miss"
    more = dict(FLOOD, id="lu-2", text=FLOOD["text"] + " Chiều 4/11, hai người đã được tìm thấy an toàn.")
    assert client.post("/api/articles", json=more).json()["articles"][0]["story"] == first
    again = client.get(url)
    assert again.headers["x-tomtat-cache"] == "miss"
    assert {a["id"] for a in again.json()["articles"]} == {"lu-1", "lu-2"}
    assert client.get(url).headers["x-tomtat-cache"] == "hit"
    client.delete("/api/articles/lu-2")
    gone = client.get(url)
    assert gone.headers["x-tomtat-cache"] == "miss" and [a["id"] for a in gone.json()["articles"]] == ["lu-1"]


def test_a_deleted_id_can_be_added_again(client: TestClient) -> None:
    client.post("/api/articles", json=FLOOD)
    client.delete("/api/articles/lu-1")
    assert client.post("/api/articles", json=FLOOD).status_code == 201


def test_the_database_survives_a_restart(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "t.db")) as first:
        story = _demo_story(first)
    reopened = TestClient(create_app(tmp_path / "t.db"))
    assert reopened.get(f"/api/stories/{story}").json()["article_count"] >= 3
    added = reopened.post("/api/articles", json=dict(FLOOD, id="late", date="2025-11-05")).json()["articles"][0]
    assert added["story"] == story


# Background jobs


def test_a_large_upload_runs_as_a_job(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "t.db", job_threshold=5))
    articles = [dict(FLOOD, id=f"j{i}", text=FLOOD["text"] + f" Tin số {i}.") for i in range(12)]
    response = client.post("/api/articles", json=articles)
    assert response.status_code == 202
    job = response.json()
    assert job["total"] == 12 and job["url"] == f"/api/jobs/{job['job']}"
    status = _wait(client, job["url"])
    assert status == {"id": job["job"], "status": "done", "done": 12, "total": 12, "error": None}
    assert sum(s["article_count"] for s in client.get("/api/stories").json()) == 12


def test_a_job_that_meets_a_taken_id_fails_with_the_reason(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "t.db", job_threshold=1))
    client.post("/api/articles", json=FLOOD)
    articles = [dict(FLOOD, id="x"), dict(FLOOD, id="lu-1")]
    response = client.post("/api/articles", json=articles)
    assert response.status_code == 202
    status = _wait(client, response.json()["url"])
    assert status["status"] == "failed" and "'lu-1' already exists" in status["error"]


def test_a_job_left_running_resumes_at_start_up_and_stores_each_article_once(tmp_path: Path) -> None:
    service = StoryService(tmp_path / "t.db")
    articles = [Article(f"r{i}", "Lũ quét Lào Cai", FLOOD["text"] + f" Tin số {i}.", None, None) for i in range(6)]
    service.add(service.featurize(articles[:2]))
    job = service.db.create_job("left", articles)  # as a process stopped before the job ran leaves it
    with service.database.transaction() as db:
        db.execute("UPDATE jobs SET done = 2 WHERE id = ?", (job.id,))  # its first two were committed
    service.close()
    client = TestClient(create_app(tmp_path / "t.db"))
    assert _wait(client, "/api/jobs/left") == {"id": "left", "status": "done", "done": 6, "total": 6, "error": None}
    assert sum(s["article_count"] for s in client.get("/api/stories").json()) == 6
    with sqlite3.connect(tmp_path / "t.db") as db:
        assert db.execute("SELECT COUNT(*) FROM job_articles").fetchone() == (0,)


def _wait(client: TestClient, url: str) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = client.get(url).json()
        if status["status"] != "running":
            return status
        time.sleep(0.05)
    raise AssertionError(f"job {url} still running")


# Errors


@pytest.mark.parametrize("path", ["/api/stories/s99", "/api/stories/s99/summary", "/api/stories/s99/timeline",
                                  "/api/stories/s99/entities", "/api/articles/nope", "/api/jobs/nope"])
def test_unknown_things_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"].startswith("no ")


@pytest.mark.parametrize(("body", "message"), [
    ("{bad", "request body is not valid JSON"),
    ("", "request body is not valid JSON"),
    ("[]", "a non-empty list"),
    ('"text"', "an article object"),
    ('{"title": "x"}', "field 'text': Field required"),
    ('{"text": ""}', "field 'text'"),
    ('[{"text": "x"}, {"text": "y", "title": 3}]', "field '1.title'"),
    ('{"text": "x", "date": "hôm qua"}', "field 'date'"),
    ('{"text": "x", "colour": "red"}', "field 'colour'"),
    ('{"text": "!!! ???"}', "no text"),
])
def test_bad_articles_are_422_naming_the_field(client: TestClient, body: str, message: str) -> None:
    response = client.post("/api/articles", content=body.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert message in response.json()["error"]


def test_duplicate_ids_are_409(client: TestClient) -> None:
    client.post("/api/articles", json=FLOOD)
    response = client.post("/api/articles", json=FLOOD)
    assert response.status_code == 409 and "'lu-1' already exists" in response.json()["error"]
    twice = client.post("/api/articles", json=[dict(FLOOD, id="a"), dict(FLOOD, id="a")])
    assert twice.status_code == 409 and "twice" in twice.json()["error"]
    assert client.get("/api/stories").json()[0]["article_count"] == 1


def test_bodies_over_the_limit_are_413(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "t.db", max_body=1000))
    big = json.dumps(dict(FLOOD, text="lũ " * 1000)).encode()
    declared = client.post("/api/articles", content=big, headers={"content-type": "application/json"})
    assert declared.status_code == 413 and "too large" in declared.json()["error"]
    streamed = client.post("/api/articles", content=iter([big[:600], big[600:]]),
                           headers={"content-type": "application/json"})
    assert streamed.status_code == 413 and "too large" in streamed.json()["error"]
    assert client.get("/api/stories").json() == []


@pytest.mark.parametrize(("name", "data", "message"), [
    ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("sai.txt", b"Ti\xc3\xaau \x81\x8d\x8f\x90 \x9d \xff", "not UTF-8"),
    ("bai.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
    ("rong.txt", b"   \n", "empty file"),
    ("chi-tieu-de.txt", "Chỉ có tiêu đề".encode(), "only a title line"),
    ("tin.jsonl", b'{"id": "a", "text": "x"}\n{not json', "not JSON"),
    ("trang.html", b"<html><body></body></html>", "no article text"),
])
def test_bad_uploads_are_422(client: TestClient, name: str, data: bytes, message: str) -> None:
    response = client.post("/api/articles/upload", files=[("files", (name, data))])
    assert response.status_code == 422
    assert response.json()["error"].startswith(f"file {name!r}: ") and message in response.json()["error"]


def test_an_upload_without_files_is_422(client: TestClient) -> None:
    response = client.post("/api/articles/upload", data={"other": "x"})
    assert response.status_code == 422 and "field 'files'" in response.json()["error"]


@pytest.mark.parametrize(("query", "message"), [
    ({"budget": "nhiều"}, "field 'budget': unreadable budget"),
    ({"budget": "0"}, "field 'budget': budget '0' out of range"),
    ({"format": "pdf"}, "field 'format'"),
])
def test_bad_summary_queries_are_422(client: TestClient, query: dict, message: str) -> None:
    story = client.post("/api/articles", json=FLOOD).json()["articles"][0]["story"]
    response = client.get(f"/api/stories/{story}/summary", params=query)
    assert response.status_code == 422 and message in response.json()["error"]


def test_an_internal_error_is_500_without_details(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(tmp_path / "t.db")
    client = TestClient(app, raise_server_exceptions=False)
    story = client.post("/api/articles", json=FLOOD).json()["articles"][0]["story"]

    def broken(story_id: str) -> list:
        raise RuntimeError("secret detail")

    app.state.service.timeline = broken
    response = client.get(f"/api/stories/{story}/timeline")
    assert response.status_code == 500 and response.json() == {"error": "internal error"}
    assert "secret" not in response.text and "secret detail" in caplog.text


def test_openapi_schema_and_page(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/upload", "/api/stories", "/api/stories/{story_id}/summary",
            "/api/jobs/{job_id}"} <= set(schema["paths"])
    page = client.get("/")
    assert page.status_code == 200 and '<html lang="vi">' in page.text and 'charset="utf-8"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "textContent" in client.get("/static/app.js").text
    assert "innerHTML" not in client.get("/static/app.js").text


# The SQLite file


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(ValueError, match="newer than this tomtat"):
        StoryDatabase(path)
    result = CliRunner().invoke(main, ["serve", "--db", str(path), "--port", "0"])
    assert result.exit_code == 1 and "newer than this tomtat" in result.output


def test_service_and_story_tables_share_the_file(client: TestClient, tmp_path: Path) -> None:
    client.post("/api/articles", json=FLOOD)
    with sqlite3.connect(tmp_path / "t.db") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"articles", "stories", "settings", "summaries", "jobs", "job_articles", "sqlite_sequence"}
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("t.db")) == []
    assert (tmp_path / "t.db.lock").read_text() == str(os.getpid())


def test_cluster_state_and_serve_see_the_same_stories(tmp_path: Path) -> None:
    lines = [dict(FLOOD, id=f"lu-{i}", text=FLOOD["text"] + f" Cập nhật số {i}.") for i in range(3)]
    (tmp_path / "tin.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in lines),
                                         encoding="utf-8")
    result = CliRunner().invoke(main, ["cluster", str(tmp_path / "tin.jsonl"), "--state", str(tmp_path / "t.db")])
    assert result.exit_code == 0, result.output
    [story] = json.loads(result.stdout)["stories"]
    with TestClient(create_app(tmp_path / "t.db")) as client:
        assert [(s["id"], s["article_count"]) for s in client.get("/api/stories").json()] == [(story["id"], 3)]
        assert client.get("/api/articles/lu-2").json()["text"] == lines[2]["text"]
        added = client.post("/api/articles", json=dict(FLOOD, id="lu-9")).json()["articles"][0]
    assert added["story"] == story["id"]
    again = CliRunner().invoke(main, ["cluster", str(tmp_path / "tin.jsonl"), "--state", str(tmp_path / "t.db")])
    assert sorted(json.loads(again.stdout)["stories"][0]["articles"]) == ["lu-0", "lu-1", "lu-2", "lu-9"]


def test_serve_help() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--db" in result.output and "127.0.0.1" in result.output


# Concurrency

TOPICS = [("Hà Nội", "cháy chung cư mini"), ("Đà Nẵng", "bão số 5 đổ bộ"), ("Cần Thơ", "sạt lở bờ sông Hậu"),
          ("Huế", "lễ hội áo dài"), ("Quảng Ninh", "chìm tàu du lịch"), ("Nghệ An", "dịch sốt xuất huyết"),
          ("Lâm Đồng", "giá cà phê tăng kỷ lục"), ("Hải Phòng", "khánh thành cầu Hoàng Văn Thụ")]


def _synthetic(number: int, rng: random.Random) -> dict:
    place, event = TOPICS[number % len(TOPICS)]
    sentences = [f"Vụ {event} tại {place} đang được dư luận đặc biệt quan tâm trong tuần này.",
                 f"Chính quyền {place} đã họp khẩn để bàn phương án xử lý {event}.",
                 f"Theo báo cáo nhanh số {number}, lực lượng chức năng {place} đã có mặt tại hiện trường {event}.",
                 f"Người dân {place} được khuyến cáo theo dõi thông tin mới nhất về {event}.",
                 f"Phóng viên ghi nhận lúc {number % 24} giờ, tình hình {event} ở {place} đã tạm ổn định."]
    rng.shuffle(sentences)
    return {"id": f"c{number}", "title": f"{event.capitalize()} tại {place} (tin {number})",
            "text": " ".join(sentences), "date": f"2025-11-{1 + number % 5:02d}"}


def test_parallel_writers_store_every_article_once_and_summaries_stay_in_their_story(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "t.db"))
    rng = random.Random(7)
    articles = [_synthetic(n, rng) for n in range(500)]

    def post(chunk: list[dict]) -> list[int]:
        return [client.post("/api/articles", json=chunk[i:i + 4]).status_code for i in range(0, len(chunk), 4)]

    with ThreadPoolExecutor(8) as pool:
        codes = [code for codes in pool.map(post, [articles[i::8] for i in range(8)]) for code in codes]
    assert set(codes) == {201}
    with sqlite3.connect(tmp_path / "t.db") as db:
        ids = [row[0] for row in db.execute("SELECT id FROM articles")]
    assert sorted(ids) == sorted(a["id"] for a in articles)
    texts = {a["id"]: a["text"] for a in articles}
    stories = client.get("/api/stories").json()
    assert sum(s["article_count"] for s in stories) == 500
    for story in stories:
        members = {a["id"] for a in client.get(f"/api/stories/{story['id']}").json()["articles"]}
        summary = client.get(f"/api/stories/{story['id']}/summary").json()
        assert summary["sentences"] and {a["id"] for a in summary["articles"]} == members
        for sentence in summary["sentences"]:
            assert sentence["article"] in members and sentence["text"] in texts[sentence["article"]]


def test_a_deleted_article_leaves_the_tracker_and_stays_gone_after_a_restart(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "t.db"))
    later = dict(FLOOD, id="lu-2", title="Tìm thấy hai người mất tích sau lũ quét ở Tả Nậm Lư", date="2025-11-04",
                 text=FLOOD["text"] + " Chiều 4/11, hai người đã được tìm thấy an toàn.")
    story = client.post("/api/articles", json=[FLOOD, later]).json()["articles"][0]["story"]
    service = client.app.state.service
    assert client.get(f"/api/stories/{story}").json()["article_count"] == 2
    assert client.delete("/api/articles/lu-1").status_code == 204
    detail = client.get(f"/api/stories/{story}").json()
    assert [a["id"] for a in detail["articles"]] == ["lu-2"] and detail["label"] == later["title"]
    assert detail["first_date"] == "2025-11-04"
    summary = client.get(f"/api/stories/{story}/summary").json()
    assert {a["id"] for a in summary["articles"]} == {"lu-2"}
    assert "lu-1" not in service.tracker.state.articles and service.tracker.state.stories[story].first_date.day == 4
    service.close()
    reopened = TestClient(create_app(tmp_path / "t.db"))
    state = reopened.app.state.service.tracker.state
    assert "lu-1" not in state.articles and state.stories[story].articles == ["lu-2"]
    assert reopened.get(f"/api/stories/{story}").json()["label"] == later["title"]
    copy = reopened.post("/api/articles", json=dict(FLOOD, id="lu-3")).json()["articles"][0]
    assert copy["story"] == story and len(state.articles) == 2
