"""The web page in a real browser: Debian's chromium driven by Playwright against `tomtat serve`.

Each page is checked at phone (375 px) and desktop (1280 px) width for what a person sees.
Screenshots go to the test's tmp_path; with TOMTAT_SCREENSHOTS=docs they replace the
README's docs/screenshot-story-{375,1280}.png. Skipped when /usr/bin/chromium or the
playwright package is missing (never `playwright install`).
"""
from __future__ import annotations

import json
import os
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import serve_tomtat
from tomtat.timex.values import value_days

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "tomtat" / "demo"
MADE_UP = Path(__file__).parent / "fixtures" / "made_up_stories.jsonl"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDTHS = [375, 1280]

if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser test",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is missing: pip install playwright "
                               "(the browser is Debian's chromium; never run `playwright install`)")
expect = sync_api.expect


def _get(url: str) -> object:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """An empty service."""
    yield from serve_tomtat(tmp_path)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A service holding eleven made-up stories and the demo flood story; its URL, the flood's id and its data."""
    for url in serve_tomtat(tmp_path_factory.mktemp("newsroom")):
        made_up = [json.loads(line) for line in MADE_UP.read_text(encoding="utf-8").splitlines()]
        request = urllib.request.Request(f"{url}/api/articles", json.dumps(made_up).encode(),
                                         {"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=120).close()
        boundary = "tomtat-test-boundary"
        body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{path.name}\"\r\n"
                        f"Content-Type: application/octet-stream\r\n\r\n".encode() + path.read_bytes() + b"\r\n"
                        for path in sorted(DEMO.iterdir())) + f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(f"{url}/api/articles/upload", body,
                                         {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with urllib.request.urlopen(request, timeout=120) as response:
            flood = json.load(response)["articles"][0]["story"]
        base = f"{url}/api/stories/{flood}"
        yield {"url": url, "flood": flood, "summary": _get(f"{base}/summary?format=json"),
               "timeline": _get(f"{base}/timeline"), "conflicts": _get(f"{base}/conflicts")["conflicts"]}


@pytest.fixture
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _page(browser, width: int, errors: list[str]):
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1,
                                  has_touch=width < 600)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page


def _no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width, f"the page scrolls sideways at {width}px"


def _screenshot_folder(tmp_path: Path) -> Path:
    """docs/ when TOMTAT_SCREENSHOTS=docs (to refresh the README's images), the test's tmp_path otherwise."""
    return ROOT / "docs" if os.environ.get("TOMTAT_SCREENSHOTS") == "docs" else tmp_path


def _tab_to(page, selector: str, most: int = 80) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_story_page_at_phone_and_desktop_width(browser, newsroom: dict, width: int, tmp_path: Path) -> None:
    errors: list[str] = []
    page = _page(browser, width, errors)
    page.goto(f"{newsroom['url']}/#/story/{newsroom['flood']}")
    sentences = newsroom["summary"]["sentences"]
    expect(page.locator("#summary p")).to_have_count(len(sentences))

    # The strip: one mark per dated main event, left to right in date order; a period is a bar.
    main = [e for e in newsroom["timeline"] if not e["background"]]
    background = [e for e in newsroom["timeline"] if e["background"]]
    assert main and background
    marks = page.locator("#strip .mark")
    expect(marks).to_have_count(len(main))
    placed = []
    for index in range(len(main)):
        mark = marks.nth(index)
        box = mark.bounding_box()
        is_bar = "bar" in mark.get_attribute("class")
        placed.append((box["x"] if is_bar else box["x"] + box["width"] / 2, mark.get_attribute("data-date"), box))
    by_position = [date for _, date, _ in sorted(placed, key=lambda p: p[0])]
    assert by_position == sorted(by_position, key=lambda d: value_days(d)[0])
    week = next(box for _, date, box in placed if "-W" in date)
    day = next(box for _, date, box in placed if len(date) == 10)
    assert week["width"] > 2 * day["width"], "a week-long event is drawn as a span"
    expect(page.locator("#timeline .event")).to_have_count(len(main))
    expect(page.locator("#background .event")).to_have_count(len(background))
    expect(page.locator("#background .event").first).to_contain_text("năm 2008")
    assert page.locator("#strip [data-date='2008']").count() == 0, "background events stay off the strip"

    # A summary sentence shows its source on hover (on a tap at phone width), on focus, and Escape closes it.
    tip = page.locator("#tip")
    first = page.locator("#summary p").first
    if width < 600:
        first.tap()
    else:
        first.hover()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(sentences[0]["title"])
    expect(tip).to_contain_text(sentences[0]["date"])
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    page.mouse.move(0, 0)
    last = page.locator("#summary p").last
    last.focus()
    expect(tip).to_contain_text(sentences[-1]["title"])
    expect(tip).to_contain_text("tinvungcao.example.vn")  # the outlet: the host of the source URL
    assert last.get_attribute("aria-describedby") == "tip"
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()

    # Numbered citations lead to the sources, which give date and outlet.
    last.locator("a.cite").click()
    expect(page.locator("#sources li:focus")).to_contain_text(sentences[-1]["title"])
    expect(page.locator("#sources li:focus")).to_contain_text("tinvungcao.example.vn")
    expect(page.locator("#sources li:focus")).to_contain_text(sentences[-1]["date"])

    # Where the sources disagree: each conflict with its values, the sentences saying each and their
    # articles as numbered sources; an update ("đã tăng lên") is marked as one, with its later value.
    # The demo's disagreements are all updates (its 2008 flood and its night-to-dawn range are none).
    conflicts = newsroom["conflicts"]
    assert conflicts and all(c["update"] for c in conflicts)
    expect(page.locator("#conflicts-part")).to_be_visible()
    items = page.locator("#conflicts > li")
    expect(items).to_have_count(len(conflicts))
    for index, conflict in enumerate(conflicts):
        item = items.nth(index)
        expect(item.locator(".subject")).to_have_text(conflict["subject"])
        expect(item.locator(".value")).to_have_count(len(conflict["values"]))
        for row, value in enumerate(conflict["values"]):
            expect(item.locator(".value").nth(row).locator(".label strong")).to_have_text(value["value"])
            for sentence in value["sentences"]:
                expect(item.locator(".value").nth(row)).to_contain_text(sentence)
        expect(item).to_have_class("conflict update" if conflict["update"] else "conflict")
    update = next(i for i, c in enumerate(conflicts) if c["update"])
    expect(items.nth(update).locator(".badge")).to_have_text(f"cập nhật: số mới là {conflicts[update]['later']}")
    expect(items.nth(update).locator(".value.later .label strong")).to_have_text(conflicts[update]["later"])
    titles = {a["id"]: a["title"] for a in newsroom["summary"]["articles"]}
    first_value = conflicts[update]["values"][0]
    items.nth(update).locator(".value a.cite").first.click()
    expect(page.locator("#sources li:focus")).to_contain_text(titles[first_value["articles"][0]])

    # An entity chip, reached and pressed from the keyboard, filters the timeline; Bỏ lọc restores it.
    entity = next(e for e in newsroom["summary"]["entities"] if e["name"] == "Giàng A Chư")
    forms = [form.lower() for form in [entity["name"], *entity["mentions"]]]
    expected = [e for e in main if any(form in e["text"].lower() for form in forms)]
    assert 0 < len(expected) < len(main)
    chip = page.locator(".chip", has_text=entity["name"])
    page.locator("#timeline-heading").scroll_into_view_if_needed()
    page.focus("#summary p >> nth=0")
    _tab_to(page, ".chip")
    while not page.evaluate("document.activeElement.textContent.includes('Giàng A Chư')"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(chip).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#strip .mark:visible")).to_have_count(len(expected))
    expect(page.locator("#timeline .event:visible")).to_have_count(len(expected))
    for event in expected:
        expect(page.locator("#timeline .event:visible", has_text=event["text"])).to_have_count(1)
    expect(page.locator("#filter-note")).to_contain_text(entity["name"])
    page.click("#clear-filter")
    expect(chip).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#strip .mark:visible")).to_have_count(len(main))

    # Each mark is reachable by Tab and shows its event, with its sources.
    _tab_to(page, "#strip .mark")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(main[0]["text"][:40])
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()

    _no_sideways_scroll(page, width)
    assert errors == []
    page.evaluate("document.activeElement.blur()")
    page.locator("#summary p").first.hover()
    folder = _screenshot_folder(tmp_path)
    if width < 600:  # the phone screenshot stops under the strip: summary, chips and strip
        page.locator("#summary p").first.tap()
        bottom = page.evaluate("document.getElementById('strip').getBoundingClientRect().bottom + window.scrollY")
        page.screenshot(path=str(folder / f"screenshot-story-{width}.png"), full_page=True,
                        clip={"x": 0, "y": 0, "width": width, "height": bottom + 12})
    else:
        page.screenshot(path=str(folder / f"screenshot-story-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_story_list_searches_and_pages(browser, newsroom: dict, width: int) -> None:
    errors: list[str] = []
    page = _page(browser, width, errors)
    page.goto(newsroom["url"])
    items = page.locator("#stories li")
    expect(items).to_have_count(10)
    expect(page.locator("#list-count")).to_have_text("12 sự kiện")
    expect(page.locator("#page-info")).to_have_text("Trang 1/2")
    expect(items.first).to_contain_text("Festival ẩm thực Huế")  # newest first
    expect(page.locator("#prev-page")).to_be_disabled()
    first_page = items.all_inner_texts()

    page.click("#next-page")
    expect(page.locator("#page-info")).to_have_text("Trang 2/2")
    expect(items).to_have_count(2)
    assert not set(items.all_inner_texts()) & set(first_page)
    expect(items.last).to_contain_text("Cầu Vàm Xáng")  # the oldest
    expect(page.locator("#next-page")).to_be_disabled()
    page.go_back()
    expect(page.locator("#page-info")).to_have_text("Trang 1/2")

    page.fill("#search", "lu quet")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text(re.compile("lũ quét", re.IGNORECASE))  # the label is a headline
    expect(items.first).to_contain_text("4 bài")
    expect(page.locator("#pager")).to_be_hidden()
    page.fill("#search", "Đà Lạt")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("mai anh đào")
    page.fill("#search", "khong co su kien nay")
    expect(items).to_have_count(0)
    expect(page.locator("#empty")).to_contain_text("Không tìm thấy")
    page.fill("#search", "")
    expect(items).to_have_count(10)
    _no_sideways_scroll(page, width)
    assert errors == []


def test_add_articles_with_the_forms_and_read_the_story(browser, server: str) -> None:
    first, *others = sorted(DEMO.iterdir())
    title, dateline, *body = first.read_text(encoding="utf-8").splitlines()
    errors: list[str] = []
    page = _page(browser, 375, errors)
    page.goto(server)
    expect(page.locator("#empty")).to_be_visible()

    page.fill("#paste-title", title)
    page.fill("#paste-date", "2025-11-03")
    page.fill("#paste-text", "\n".join(body).strip())
    page.click("#paste-form button")
    expect(page.locator("#status")).to_have_text("Đã thêm 1 bài.")

    page.set_input_files("#upload-files", [str(path) for path in others])
    page.click("#upload-form button")
    expect(page.locator("#status")).to_have_text(f"Đã thêm {len(others)} bài.")

    story = page.locator("#stories li").filter(has_text="4 bài").first  # the whole demo is one story
    expect(story).to_be_visible()
    story.locator("a").click()
    expect(page.locator("#summary p").first).to_be_visible()
    assert "Tả Nậm Lư" in page.locator("#summary").inner_text()
    expect(page.locator("#summary a.cite").first).to_have_text("[1]")
    expect(page.locator("#sources li")).to_have_count(4)
    expect(page.locator("#timeline .event", has_text="2/11/2025")).not_to_have_count(0)
    expect(page.locator(".chip").first).to_be_visible()
    _no_sideways_scroll(page, 375)
    assert errors == []


def test_a_story_whose_sources_disagree_shows_the_conflict_as_one(browser, server: str) -> None:
    planted = json.loads((Path(__file__).parent / "fixtures" / "planted_conflicts.jsonl").read_text(encoding="utf-8").splitlines()[0])
    articles = [{"id": f"{planted['id']}-{d['id']}", "title": d.get("title", ""), "text": d["text"], "date": d["date"]}
                for d in planted["docs"]]
    request = urllib.request.Request(f"{server}/api/articles", json.dumps(articles).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        story = json.load(response)["articles"][0]["story"]
    conflicts = _get(f"{server}/api/stories/{story}/conflicts")["conflicts"]
    disagreement = next(c for c in conflicts if not c["update"])
    errors: list[str] = []
    page = _page(browser, 375, errors)
    page.goto(f"{server}/#/story/{story}")
    items = page.locator("#conflicts > li")
    expect(items).to_have_count(len(conflicts))
    item = items.nth(conflicts.index(disagreement))
    expect(item).to_have_class("conflict")
    expect(item.locator(".badge")).to_have_count(0)
    expect(item.locator(".value .label strong")).to_have_text([v["value"] for v in disagreement["values"]])
    assert not errors, errors
