"""Fused summaries: backends, the fact guard both ways, a loopback OpenAI-compatible server."""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tomtat import summarize_story
from tomtat.cli import main
from tomtat.fusion import Generated, SourceSentence, get_backend, register_backend
from tomtat.fusion.guard import check
from tomtat.nlp.abbreviations import expand
from tomtat.output import render

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = [{"id": "a", "date": "2025-09-08", "text": "Đêm 7/9, lũ quét làm 3 người chết ở xã Kim Nọi. "
             "Ông Giàng A Hải cho biết thiệt hại ước tính 3,5 tỷ đồng."}]
FAITHFUL = '{"text": "Lũ quét đêm 7/9 làm 3 người chết, thiệt hại 3.5 tỷ đồng theo ông Giàng A Hải.", "sources": [0, 1]}'
UNFAITHFUL = '{"text": "Lũ quét ngày 8/9 làm 5 người chết.", "sources": [0]}'


class _Handler(BaseHTTPRequestHandler):
    reply = FAITHFUL
    requests: ClassVar[list[dict]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Handler.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        answer = json.dumps({"choices": [{"message": {"role": "assistant", "content": _Handler.reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.requests.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def _fused(url: str, reply: str) -> list:
    _Handler.reply = reply
    report = summarize_story(ARTICLES, parts={"summary"}, backend=get_backend("openai", url, "m"))
    assert report.fused is not None
    return report.fused


def test_faithful_rewrite_passes_the_guard(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOMTAT_LLM_KEY", "secret")
    fused = _fused(server, FAITHFUL)
    assert [(s.text, s.sources, s.fallback) for s in fused] == [
        ("Lũ quét đêm 7/9 làm 3 người chết, thiệt hại 3.5 tỷ đồng theo ông Giàng A Hải.", [0, 1], False)]
    request = _Handler.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["body"]["model"] == "m"
    assert request["auth"] == "Bearer secret"
    assert "[0] Đêm 7/9" in request["body"]["messages"][1]["content"]


def test_unfaithful_rewrite_falls_back_to_its_sources(server: str) -> None:
    fused = _fused(server, UNFAITHFUL)
    assert len(fused) == 1 and fused[0].fallback
    assert fused[0].text == "Đêm 7/9, lũ quét làm 3 người chết ở xã Kim Nọi."
    assert fused[0].reason == "date not in sources: 2025-09-08"


def test_guard_reasons() -> None:
    sources = ["Trận lũ làm 3 người chết, thiệt hại 3,5 tỷ đồng.", "Ông Giàng A Hải cho biết ngày 7/9 lũ tràn qua."]
    assert check("Ngày 7/9 lũ làm 3 người chết, thiệt hại 3.5 tỷ đồng, theo ông Giàng A Hải.", sources) is None
    assert check("Lũ làm 4 người chết.", sources) == "number not in sources: 4"
    assert check("Ông Nguyễn Văn Nam cho biết lũ tràn qua.", sources) == "name not in sources: Nguyễn Văn Nam"
    assert check("Lũ tràn qua.", []) == "cites no source sentence"


@pytest.mark.parametrize("written, source", [
    ("Tại TPHCM, lũ làm ngập 20 tuyến đường.", "Mưa lớn ở thành phố Hồ Chí Minh làm ngập 20 tuyến đường."),
    ("Tại thành phố Hồ Chí Minh, lũ làm ngập 20 tuyến đường.", "Mưa lớn ở TP.HCM làm ngập 20 tuyến đường."),
    ("Tại TP HCM, lũ làm ngập 20 tuyến đường.", "Mưa lớn ở TP. Hồ Chí Minh làm ngập 20 tuyến đường."),
    ("Hội nghị Trung ương 5 khai mạc.", "Hội nghị TW 5 khai mạc sáng nay."),
    ("Ủy ban nhân dân tỉnh Lào Cai họp khẩn.", "UBND tỉnh Lào Cai họp khẩn trong đêm."),
    ("HĐND thành phố Đà Nẵng họp.", "Hội đồng nhân dân TP Đà Nẵng họp."),
    ("Bộ Giáo dục và Đào tạo công bố đề thi.", "Bộ GD&ĐT công bố đề thi."),
])
def test_guard_reads_abbreviations_as_written_out(written: str, source: str) -> None:
    assert check(written, [source]) is None


def test_guard_abbreviations_do_not_pass_another_name() -> None:
    assert check("Tại TP Đà Nẵng, lũ làm ngập 20 tuyến đường.", ["Mưa lớn ở TP.HCM làm ngập 20 tuyến đường."]) == \
        "name not in sources: Đà Nẵng"
    assert check("UBND tỉnh Yên Bái họp khẩn.", ["UBND tỉnh Lào Cai họp khẩn."]) == "name not in sources: UBND tỉnh Yên Bái"


_PIECES = ["TPHCM", "TP.HCM", "TP Đà Nẵng", "UBND", "HĐND", "TW", "Bộ GD&ĐT", "Bộ NN&PTNT", "xã", "Lào Cai", "họp", ", "]


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map(" ".join))
def test_abbreviations_expand_once(text: str) -> None:
    once = expand(text)
    assert expand(once) == once
    assert not any(short in once.split() for short in ("UBND", "HĐND", "TW", "TPHCM"))


@given(st.text(alphabet="abcdđeêhnoơuưy áàạ.,&-"))
def test_text_without_capitals_is_unchanged(text: str) -> None:
    assert expand(text) == text


def test_unreachable_endpoint_keeps_the_extractive_summary() -> None:
    report = summarize_story(ARTICLES, parts={"summary"}, backend=get_backend("openai", "http://127.0.0.1:9/v1", "m", 2))
    assert report.fused is not None and [s.text for s in report.fused] == [s.text for s in report.summary.sentences]
    assert "fusion: backend failed, extractive sentences kept: http://127.0.0.1:9/v1/chat/completions unreachable" in str(report.problems[-1])


def test_registered_callable_backend_and_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    def shout(sentences: list[SourceSentence]) -> list[Generated]:
        return [Generated(" ".join(s.text for s in sentences), [s.id for s in sentences]),
                Generated("Ông Trần Văn Bảy nói 9 người chết.", [0])]

    register_backend("join", shout)
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(main, ["summarize", "flood/a.txt", "-b", "2 sentences", "--backend", "join", "-f", "json"])
    assert result.exit_code == 0, result.output
    fused = json.loads(result.stdout)["fused"]
    assert [s["fallback"] for s in fused] == [False, True]
    assert fused[1]["reason"].startswith("number not in sources: 9")


def test_openai_backend_needs_url_and_model() -> None:
    result = CliRunner().invoke(main, ["summarize", str(FIXTURES / "flood"), "--backend", "openai"])
    assert result.exit_code == 2 and "the openai backend needs --llm-url and --llm-model" in result.output


def test_html_shows_the_fused_summary_and_its_fallbacks() -> None:
    def rewrite(sentences: list[SourceSentence]) -> list[Generated]:
        return [Generated("Lũ quét đêm 7/9 làm 3 người chết ở xã Kim Nọi.", [0]),
                Generated("Ông Giàng A Hải cho biết thiệt hại ước tính 5 tỷ đồng.", [1])]

    register_backend("rewrite-two", rewrite)
    report = summarize_story(ARTICLES, parts={"summary"}, backend=get_backend("rewrite-two"))
    page = render(report, "html")
    section = page[page.index("<section><h2>Fused summary</h2>"):]
    section = section[:section.index("</section>") + len("</section>")]
    assert section == (
        "<section><h2>Fused summary</h2>\n"
        "<p>1 of 2 sentences rewritten; 1 fell back to their extractive source (the fact guard found a number, "
        "date or name not in the sources).</p><ol class=\"fused\">\n"
        "<li>Lũ quét đêm 7/9 làm 3 người chết ở xã Kim Nọi. <sup><a href=\"#source-1\">[1]</a></sup></li>\n"
        "<li class=\"fallback\">Ông Giàng A Hải cho biết thiệt hại ước tính 3,5 tỷ đồng. <sup><a href=\"#source-1\">[1]"
        "</a></sup> <em>(extractive fallback: number not in sources: 5 tỷ)</em></li>\n"
        "</ol></section>")
    assert page.index("<h2>Summary</h2>") < page.index("<h2>Fused summary</h2>")
    assert "Fused summary" not in render(summarize_story(ARTICLES, parts={"summary"}), "html")
