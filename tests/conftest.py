"""Shared fixtures: paths to the bundled fixtures and to ../shared (skipped when absent)."""
from __future__ import annotations

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
