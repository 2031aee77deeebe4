"""The README's `curl` examples, run against a real `tomtat serve` this test starts."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest

from conftest import ROOT

README_PORT = "127.0.0.1:8765"

if shutil.which("curl") is None:
    pytest.skip("curl is missing: the README's curl examples need it", allow_module_level=True)


def curl_examples() -> list[tuple[str, str]]:
    """(command, expected output) of each `$ curl` line of the README's sh blocks, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples: list[tuple[str, str]] = []
    for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.DOTALL):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.MULTILINE):
            command, _, output = chunk.partition("\n")
            if command.startswith("$ curl"):
                examples.append((command[2:], output))
    return examples


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("serve")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (folder / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "tomtat", "serve", "--db", str(folder / "t.db"), "--port",
                                str(port)], stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    address = f"127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://{address}/api/stories", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"tomtat serve did not start:\n{(folder / 'server.log').read_text()}")
                time.sleep(0.2)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_the_readme_has_curl_examples() -> None:
    assert len(curl_examples()) >= 6


def test_curl_examples_print_what_the_readme_shows(server: str) -> None:
    for command, expected in curl_examples():
        result = subprocess.run(command.replace(README_PORT, server), shell=True, cwd=ROOT, capture_output=True,
                                text=True, timeout=120)
        assert result.stdout.replace("\r\n", "\n") == expected, command  # header lines end with CRLF
