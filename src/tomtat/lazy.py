"""Package attributes imported on first use, so that `tomtat --help` loads no numerical library."""
from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(package: str, where: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package` that imports each name of `where` from its module when
    first asked for (PEP 562)."""

    def attribute(name: str) -> object:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(where[name]), name)

    return attribute
