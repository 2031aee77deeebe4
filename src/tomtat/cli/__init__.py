"""The `tomtat` command line: a thin layer over the library that turns errors into clean messages."""
from tomtat.cli import summaries  # noqa: F401  registers its commands
from tomtat.cli import stories  # noqa: F401
from tomtat.cli import timeline  # noqa: F401
from tomtat.cli import entities  # noqa: F401
from tomtat.cli import extract  # noqa: F401
from tomtat.cli import serve  # noqa: F401
from tomtat.cli import conflicts  # noqa: F401
from tomtat.cli import corpus  # noqa: F401
from tomtat.cli.app import main

__all__ = ["main"]
