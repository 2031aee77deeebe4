"""Shared fixtures: paths to the bundled fixtures and to ../shared (skipped when absent)."""
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
from hypothesis import settings
import underthesea  # noqa: F401  imported before any CliRunner swaps sys.stderr: it keeps a handle to it

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): the seed and dataset tests need it")
    return SHARED

# Property tests draw the same examples on every run (CI is reproducible); bounded per test.
settings.register_profile("tomtat", derandomize=True, deadline=None, max_examples=200)
settings.load_profile("tomtat")


def serve_tomtat(folder: Path) -> Iterator[str]:
    """`tomtat serve` (the tomtat under test) on a fresh file in `folder` and a free port: its
    base URL once it answers, until the generator is closed."""
    import tomtat

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log_path = folder / "server.log"
    log = log_path.open("w")
    sources = str(Path(tomtat.__file__).resolve().parents[1])
    process = subprocess.Popen([sys.executable, "-m", "tomtat", "serve", "--db", str(folder / "t.db"), "--port",
                                str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=folder,
                               env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": sources})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/stories", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"tomtat serve did not start:\n{log_path.read_text()}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
