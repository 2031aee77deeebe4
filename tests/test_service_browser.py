"""The web page in a real browser: Debian's chromium driven by Playwright against `tomtat serve`.

Skipped when /usr/bin/chromium or the playwright package is missing (never `playwright install`).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "tomtat" / "demo"
SCREENSHOT = ROOT / "docs" / "screenshot-story.png"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser test",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is missing: pip install playwright "
                               "(the browser is Debian's chromium; never run `playwright install`)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "tomtat", "serve", "--db", str(tmp_path / "t.db"),
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/stories", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"tomtat serve did not start:\n{(tmp_path / 'server.log').read_text()}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_add_the_demo_articles_and_read_the_story(server: str) -> None:
    first, *others = sorted(DEMO.iterdir())
    title, dateline, *body = first.read_text(encoding="utf-8").splitlines()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 375, "height": 800}, device_scale_factor=1)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(server)
            sync_api.expect(page.locator("#empty")).to_be_visible()

            page.fill("#paste-title", title)
            page.fill("#paste-date", "2025-11-03")
            page.fill("#paste-text", "\n".join(body).strip())
            page.click("#paste-form button")
            sync_api.expect(page.locator("#status")).to_have_text("Đã thêm 1 bài.")

            page.set_input_files("#upload-files", [str(path) for path in others])
            page.click("#upload-form button")
            sync_api.expect(page.locator("#status")).to_have_text(f"Đã thêm {len(others)} bài.")

            story = page.locator("#stories li").filter(has_text="4 bài").first  # the whole demo is one story
            sync_api.expect(story).to_be_visible()
            story.locator("a").click()
            sync_api.expect(page.locator("#summary p").first).to_be_visible()
            assert page.locator("#summary p").count() >= 2
            sync_api.expect(page.locator("#summary sup a").first).to_have_text("[1]")
            sync_api.expect(page.locator("#sources li").first).to_be_visible()
            sync_api.expect(page.locator("#timeline li").filter(has_text="2025-11-02")).not_to_have_count(0)
            sync_api.expect(page.locator("#entities li").first).to_be_visible()
            assert "Tả Nậm Lư" in page.locator("#summary").inner_text()
            assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways at 375px"
            assert errors == []
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
        finally:
            browser.close()
