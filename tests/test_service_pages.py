"""`GET /api/stories` search and paging: exact pages, totals and matches."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service needs fastapi (pip install fastapi uvicorn python-multipart httpx)")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

from fastapi.testclient import TestClient  # noqa: E402

from tomtat.service import create_app  # noqa: E402

MADE_UP = Path(__file__).parent / "fixtures" / "made_up_stories.jsonl"
DEMO = Path(__file__).resolve().parents[1] / "src" / "tomtat" / "demo"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """Eleven made-up stories (the metro one has two articles), then the demo flood story."""
    client = TestClient(create_app(tmp_path_factory.mktemp("pages") / "t.db"))
    articles = [json.loads(line) for line in MADE_UP.read_text(encoding="utf-8").splitlines()]
    assert client.post("/api/articles", json=articles).status_code == 201
    files = [("files", (path.name, path.read_bytes())) for path in sorted(DEMO.iterdir())]
    assert client.post("/api/articles/upload", files=files).status_code == 201
    return client


def _ids(client: TestClient, **params: str | int) -> tuple[list[str], str]:
    response = client.get("/api/stories", params=params)
    assert response.status_code == 200, response.text
    return [story["id"] for story in response.json()], response.headers["X-Total-Count"]


def test_without_parameters_the_whole_list_oldest_first_with_its_total(client: TestClient) -> None:
    assert _ids(client) == ([f"s{n}" for n in range(1, 11)] + ["s12", "s11"], "12")  # s12: November, s11: December


def test_paging_by_limit_and_offset(client: TestClient) -> None:
    assert _ids(client, limit=5) == (["s1", "s2", "s3", "s4", "s5"], "12")
    assert _ids(client, limit=5, offset=10) == (["s12", "s11"], "12")
    assert _ids(client, limit=5, offset=12) == ([], "12")
    assert _ids(client, order="newest", limit=3) == (["s11", "s12", "s10"], "12")


def test_search_ignores_case_and_diacritics(client: TestClient) -> None:
    flood = client.get("/api/stories", params={"q": "lu quet"}).json()
    assert [(s["id"], s["article_count"]) for s in flood] == [("s12", 4)]
    assert _ids(client, q="LŨ QUÉT") == (["s12"], "1")
    assert _ids(client, q="ca phe") == (["s2"], "1")
    assert _ids(client, q="Dak lak") == (["s2"], "1")  # đ folds to d


def test_search_reads_every_article_title_not_only_the_label(client: TestClient) -> None:
    metro = client.get("/api/stories/s4").json()
    other = next(a["title"] for a in metro["articles"] if a["title"] != metro["label"])
    assert _ids(client, q=other) == (["s4"], "1")
    assert _ids(client, q="suoi tien") == (["s4"], "1")


def test_search_words_anywhere_the_last_one_as_typed_so_far(client: TestClient) -> None:
    assert _ids(client, q="lao cai 41 ho") == (["s12"], "1")
    assert _ids(client, q="Festival ẩm th") == (["s11"], "1")
    assert _ids(client, q="ẩm th festival") == ([], "0")  # only the last word may be a beginning
    assert _ids(client, q="rua bien", limit=1, offset=1) == ([], "1")
    assert _ids(client, q="khong co dau") == ([], "0")


def test_bad_paging_parameters_are_422_naming_the_field(client: TestClient) -> None:
    for params, field in (({"limit": 0}, "limit"), ({"offset": -1}, "offset"), ({"order": "az"}, "order"),
                          ({"q": "x" * 201}, "q")):
        response = client.get("/api/stories", params=params)
        assert response.status_code == 422
        assert response.json()["error"].startswith(f"field '{field}'")


def test_the_page_writes_data_as_text_only_and_keeps_to_its_csp(client: TestClient) -> None:
    page = client.get("/")
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    static = Path(__file__).resolve().parents[1] / "src" / "tomtat" / "service" / "static"
    modules = sorted(path.name for path in static.glob("*.js"))
    assert "app.js" in modules and "timeline.js" in modules
    for name in modules:
        script = client.get(f"/static/{name}")
        assert script.status_code == 200 and "javascript" in script.headers["content-type"]
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in script.text, f"{name} uses {sink}"
    assert '<script type="module" src="/static/app.js"></script>' in page.text
    assert "<script>" not in page.text and "style=" not in page.text and "<style" not in page.text
