"""The README's `curl` examples, run against a real `tomtat serve` this test starts."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from conftest import ROOT, serve_tomtat

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
    """The address (host:port) of a real `tomtat serve` on a fresh file."""
    serving = serve_tomtat(tmp_path_factory.mktemp("serve"))
    yield next(serving).removeprefix("http://")
    serving.close()


def test_the_readme_has_curl_examples() -> None:
    assert len(curl_examples()) >= 6


def test_curl_examples_print_what_the_readme_shows(server: str) -> None:
    for command, expected in curl_examples():
        result = subprocess.run(command.replace(README_PORT, server), shell=True, cwd=ROOT, capture_output=True,
                                text=True, timeout=120)
        assert result.stdout.replace("\r\n", "\n") == expected, command  # header lines end with CRLF
