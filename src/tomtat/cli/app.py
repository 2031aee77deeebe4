"""The `tomtat` command group; each module of this package adds its commands to it."""
from __future__ import annotations

import click


@click.group()
@click.version_option(package_name="tomtat")
def main() -> None:
    """Summaries, with sources, of Vietnamese news stories told by many articles."""
