"""`tomtat serve` against hostile input and hostile pages: limits, ids, Host, cross-origin writes, token."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service needs fastapi (pip install fastapi uvicorn python-multipart httpx)")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from tomtat.cli import main  # noqa: E402
from tomtat.options import LimitOptions, Options  # noqa: E402
from tomtat.service import create_app  # noqa: E402
from tomtat.service.checks import safe_id  # noqa: E402
from tomtat.service.uploads import articles_from_file  # noqa: E402

BASE = "http://127.0.0.1:8777"
TEXT = "Mưa lớn gây lũ quét tại thôn Khe Mạ, xã Tả Nậm Lư. Ba người mất tích và nhiều ngôi nhà bị hư hỏng nặng."
ARTICLE = {"title": "Lũ quét", "text": TEXT, "date": "2025-11-03"}


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    """A client of an app that checks the Host (as `tomtat serve` does) at 127.0.0.1:8777."""
    return TestClient(create_app(tmp_path / "t.db", hosts=["127.0.0.1"]), base_url=BASE)


def _error(response) -> str:
    return response.json()["error"]


# Limits and ids


@pytest.mark.parametrize("article_id", ["../../x/y", "a/b", "a\u0000", ".hidden", "a b", "x" * 201, "lũ"])
def test_unsafe_ids_are_422_naming_id(client: TestClient, article_id: str) -> None:
    response = client.post("/api/articles", json={**ARTICLE, "id": article_id})
    assert response.status_code == 422
    assert _error(response).startswith("field 'id'")


def test_safe_ids_are_kept_and_fetchable(client: TestClient) -> None:
    assert client.post("/api/articles", json={**ARTICLE, "id": "vnx:2025-11.lu_1"}).status_code == 201
    assert client.get("/api/articles/vnx:2025-11.lu_1").status_code == 200
    assert client.delete("/api/articles/vnx:2025-11.lu_1").status_code == 204


def test_upload_names_are_made_safe_or_refused(client: TestClient) -> None:
    body = f"Lũ quét\n{TEXT}".encode()
    response = client.post("/api/articles/upload", files=[("files", ("a\x00.txt", body)),
                                                          ("files", ("Lũ quét ở Đà Lạt.txt", body))])
    assert response.status_code == 201, response.text
    assert [a["id"] for a in response.json()["articles"]] == ["a-00", "Lu-quet-o-Da-Lat"]  # httpx sends "a%00.txt"
    assert [a.id for a in articles_from_file("a\x00.txt", body)] == ["a"]
    refused = client.post("/api/articles/upload", files=[("files", ("???.txt", body))])
    assert refused.status_code == 422 and "file '???.txt': no article id" in _error(refused)
    assert safe_id("../../x/y") == "x-y"


@pytest.mark.parametrize("text", ["   ", "\n\t \u00a0"])
def test_whitespace_text_is_422_naming_text(client: TestClient, text: str) -> None:
    response = client.post("/api/articles", json={"title": "Có tiêu đề", "text": text})
    assert response.status_code == 422 and _error(response).startswith("field 'text'")


def test_a_long_article_is_refused_before_any_work(client: TestClient) -> None:
    limit = LimitOptions().article_syllables
    response = client.post("/api/articles", json={**ARTICLE, "text": "lũ " * 20_000})
    assert response.status_code == 422
    assert _error(response) == f"field 'text': the article has 20000 syllables, over the limit of {limit}"
    upload = client.post("/api/articles/upload", files=[("files", ("dai.txt", ("Dài\n" + "lũ " * 20_000).encode()))])
    assert upload.status_code == 422 and "over the limit" in _error(upload)
    assert Options().limits.article_syllables == limit


def test_too_many_articles_in_one_request(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "t.db", limits=LimitOptions(articles=3)))
    response = client.post("/api/articles", json=[ARTICLE] * 4)
    assert response.status_code == 422
    assert _error(response) == "request body: 4 articles in one request, over the limit of 3: send them in parts"


@pytest.mark.parametrize(("budget", "limit"), [("1000000000000000000", "5000 syllables"), ("6000w", "5000 words"),
                                               ("201 sentences", "200 sentences")])
def test_budget_is_bounded(client: TestClient, budget: str, limit: str) -> None:
    story = client.post("/api/articles", json=ARTICLE).json()["articles"][0]["story"]
    response = client.get(f"/api/stories/{story}/summary", params={"budget": budget})
    assert response.status_code == 422
    assert _error(response) == f"field 'budget': budget {budget!r} is over the limit of {limit}"
    assert client.get(f"/api/stories/{story}/summary", params={"budget": "5000"}).status_code == 200


def test_chunked_oversize_multipart_is_413(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "t.db", max_body=1000))

    def chunks():
        yield b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n"
        for _ in range(50):
            yield b"x" * 100

    response = client.post("/api/articles/upload", content=chunks(),
                           headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413
    assert _error(response) == "request body too large: the limit is 1000 bytes"


# Browser-facing safety


def test_cross_origin_text_plain_post_is_refused(client: TestClient) -> None:
    response = client.post("/api/articles", content=b'{"text": "x"}', headers={
        "content-type": "text/plain", "origin": "http://evil.example"})
    assert response.status_code == 403 and _error(response).startswith("cross-origin write refused")
    same_origin = client.post("/api/articles", content=b'{"text": "x"}', headers={"content-type": "text/plain"})
    assert same_origin.status_code == 415
    assert _error(same_origin) == "Content-Type must be application/json, not 'text/plain'"
    assert client.get("/api/stories").json() == []


@pytest.mark.parametrize("headers", [{"origin": "http://evil.example"}, {"origin": "null"},
                                     {"referer": "http://evil.example/page.html"},
                                     {"origin": "http://127.0.0.1:9999"}])
def test_cross_origin_upload_is_403(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post("/api/articles/upload", headers=headers,
                           files=[("files", ("a.txt", f"Lũ\n{TEXT}".encode()))])
    assert response.status_code == 403
    assert client.delete("/api/articles/a", headers=headers).status_code == 403


def test_same_origin_upload_works(client: TestClient) -> None:
    for headers in ({"origin": BASE}, {"referer": f"{BASE}/"}, {}):
        response = client.post("/api/articles/upload", headers=headers,
                               files=[("files", (f"a{len(headers)}{list(headers)}.txt", f"Lũ\n{TEXT}".encode()))])
        assert response.status_code == 201, response.text


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8777", "127.0.0.1.evil.example"])
def test_a_foreign_host_is_400(client: TestClient, host: str) -> None:
    for response in (client.get("/api/stories", headers={"host": host}), client.get("/", headers={"host": host})):
        assert response.status_code == 400
        assert "--allow-host" in _error(response)


def test_loopback_ip_and_allowed_hosts_are_served(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "t.db", hosts=["news.team.lan"]), base_url=BASE)
    for host in ("localhost:8777", "127.0.0.1", "[::1]:8777", "192.168.1.20:8777", "News.Team.LAN:8777"):
        assert client.get("/api/stories", headers={"host": host}).status_code == 200, host


def test_token_is_required_for_writes_when_set(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "t.db", token="s3cret"))
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": "s3cret"}):
        response = client.post("/api/articles", json=ARTICLE, headers=headers)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
        assert "Authorization: Bearer TOKEN" in _error(response)
    added = client.post("/api/articles", json={**ARTICLE, "id": "lu"}, headers={"authorization": "Bearer s3cret"})
    assert added.status_code == 201
    assert client.get("/api/stories").status_code == 200  # reads stay open
    assert client.delete("/api/articles/lu").status_code == 401
    assert client.delete("/api/articles/lu", headers={"authorization": "Bearer s3cret"}).status_code == 204


def test_no_cdn_in_any_served_html(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").status_code == 200
    page = client.get("/")
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert not re.findall(r"(?:src|href)=\"(?:https?:)?//", page.text)


def test_serve_refuses_beyond_loopback_without_token(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "t.db"), "--host", "0.0.0.0"], env={"TOMTAT_TOKEN": ""})
    assert result.exit_code != 0
    assert "refusing to listen on 0.0.0.0 without a token" in result.output
    assert not (tmp_path / "t.db").exists()
