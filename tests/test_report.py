"""The story report: one pipeline for every part, one serializer per format, the same JSON everywhere."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import tomtat
from conftest import ROOT
from tomtat.cli import main
from tomtat.ingest import read_articles
from tomtat.problems import ProblemLog

DEMO = ROOT / "src" / "tomtat" / "demo"
STORY = [
    {"id": "a", "title": "Cầu <mới> & đường", "date": "2024-08-20", "source": "javascript:alert(1)",
     "text": "Cây cầu mới bắc qua sông Hồng sẽ thông xe vào ngày 2/9 sau ba năm xây dựng."},
    {"id": "b", "title": "Cầu mới thông xe", "date": "2024-09-02", "source": "https://tin.example.vn/cau-moi",
     "text": "Sáng 2/9, cây cầu mới bắc qua sông Hồng chính thức thông xe.\nCầu dài 1,5 km với sáu làn xe <b>mới</b>."},
]


def test_only_the_parts_asked_for_are_computed() -> None:
    report = tomtat.summarize_story(STORY, parts={"timeline"})
    assert report.summary is None and report.entities is None and report.keyphrases is None
    assert [e.date for e in report.timeline] == ["2024-09-02"]
    full = tomtat.summarize_story(STORY, parts=tomtat.PARTS)
    assert full.summary is not None and full.entities and full.keyphrases is not None and full.timeline


@pytest.mark.parametrize("parts", [set(), {"summary", "abstract"}])
def test_unknown_or_no_parts_are_refused(parts: set[str]) -> None:
    with pytest.raises(ValueError, match="parts must be some of summary, timeline, entities, keyphrases"):
        tomtat.summarize_story(STORY, parts=parts)


def test_json_data_has_a_key_per_part_after_the_summary() -> None:
    data = tomtat.report_data(tomtat.summarize_story(STORY, parts={"summary", "entities", "timeline"}))
    assert list(data) == ["text", "method", "budget", "sentences", "articles", "problems", "entities", "timeline"]
    assert tomtat.report_data(tomtat.summarize_story(STORY, parts={"timeline"})) == data["timeline"]
    only_entities = tomtat.report_data(tomtat.summarize_story(STORY, parts={"entities", "keyphrases"}))
    assert list(only_entities) == ["entities", "keyphrases"] and only_entities["entities"] == data["entities"]


def test_html_escapes_text_and_links_only_web_addresses() -> None:
    # without the headline fact first, both articles are cited: both sources' escaping is checked
    options = tomtat.Options(budget="2 sentences", selection=tomtat.SelectionOptions(lead_fact=False))
    page = tomtat.render(tomtat.summarize_story(STORY, options, {"summary", "timeline"}), "html")
    assert page.startswith("<!doctype html>\n<html lang=\"vi\">") and page.endswith("</body></html>\n")
    assert "<title>Cầu &lt;mới&gt; &amp; đường</title>" in page
    body = page[page.index("<h1>"):]
    assert body == """<h1>Cầu &lt;mới&gt; &amp; đường</h1>
<section><h2>Summary</h2><ol class="summary">
<li>Cây cầu mới bắc qua sông Hồng sẽ thông xe vào ngày 2/9 sau ba năm xây dựng. <sup><a href="#source-1">[1]</a></sup></li>
<li>Cầu dài 1,5 km với sáu làn xe &lt;b&gt;mới&lt;/b&gt;. <sup><a href="#source-2">[2]</a></sup></li>
</ol><h2>Sources</h2><ol class="sources">
<li id="source-1" value="1"><strong>Cầu &lt;mới&gt; &amp; đường</strong> (2024-08-20) javascript:alert(1)</li>
<li id="source-2" value="2"><strong>Cầu mới thông xe</strong> (2024-09-02) <a href="https://tin.example.vn/cau-moi">https://tin.example.vn/cau-moi</a></li>
</ol></section>
<section><h2>Timeline</h2><ul class="timeline">
<li><time>2024-09-02</time> Cây cầu mới bắc qua sông Hồng sẽ thông xe vào ngày 2/9 sau ba năm xây dựng. <small>(a, b)</small></li>
</ul></section>
</body></html>
"""


def test_selection_settings_are_options() -> None:
    articles = read_articles([str(DEMO)], ProblemLog())
    cited = {}
    for bonus in (0.0, 1.0):
        options = tomtat.Options(budget="150", selection=tomtat.SelectionOptions(article_bonus=bonus))
        cited[bonus] = len({s.article_id for s in tomtat.summarize(articles, options=options).sentences})
    assert cited == {0.0: 3, 1.0: 4}


def test_cli_json_and_api_json_are_the_same_object(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from tomtat.service import create_app

    articles = read_articles([str(DEMO)], ProblemLog())
    client = TestClient(create_app(tmp_path / "t.db"))
    added = client.post("/api/articles", json=[
        {"id": a.id, "title": a.title, "text": a.text, "date": a.date.isoformat(), "source": a.source} for a in articles])
    assert added.status_code == 201, added.text
    [story] = {a["story"] for a in added.json()["articles"]}
    api = client.get(f"/api/stories/{story}/summary", params={"budget": "120", "format": "json"})
    result = CliRunner().invoke(main, ["summarize", str(DEMO), "--budget", "120", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert api.json() == json.loads(result.output)
    assert api.json()["entities"] and len(api.json()["sentences"]) >= 3
    for fmt in ("text", "markdown", "html"):
        page = client.get(f"/api/stories/{story}/summary", params={"budget": "120", "format": fmt})
        cli = CliRunner().invoke(main, ["summarize", str(DEMO), "--budget", "120", "--format", fmt])
        assert page.text == cli.output, fmt


def test_timeline_and_entities_routes_give_the_cli_json(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from tomtat.service import create_app

    client = TestClient(create_app(tmp_path / "t.db"))
    story = client.post("/api/articles", json={**STORY[1], "source": None}).json()["articles"][0]["story"]
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({**STORY[1], "source": None}, ensure_ascii=False) + "\n", encoding="utf-8")
    for route, command in (("timeline", "timeline"), ("entities", "entities")):
        cli = CliRunner().invoke(main, [command, str(path), "--format", "json"])
        assert client.get(f"/api/stories/{story}/{route}").json() == json.loads(cli.output), route


def test_readme_python_example_prints_what_it_says(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Python API\n\n```python\n", 1)[1].split("```", 1)[0]
    expected = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    exec(compile(block, "README.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == expected


def test_markdown_makes_article_html_and_links_inert() -> None:
    story = [{"id": "x", "title": "Tin <b>nóng</b>", "date": "2024-09-02",
              "text": "Cầu mới thông xe <script>alert(1)</script> sáng nay, xem [tại đây](javascript:alert(1)) nhé."}]
    page = tomtat.render(tomtat.summarize_story(story, tomtat.Options(budget="1 sentence")), "markdown")
    assert "<script>" not in page
    assert re.search(r"(?<!\\)\]\(javascript:", page) is None  # every bracket of the article's link is escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "\\[tại đây\\](javascript:alert(1))" in page
    assert "**Tin &lt;b&gt;nóng&lt;/b&gt;**" in page
