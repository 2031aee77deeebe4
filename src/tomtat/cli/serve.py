"""`tomtat serve`: the HTTP API and web page over one SQLite file."""
from __future__ import annotations

import click

from tomtat.cli.app import main


@main.command("serve")
@click.option("--db", "db_path", default="tomtat.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite file holding the articles, stories and cached summaries (created if missing).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback only by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def serve_command(db_path: str, host: str, port: int) -> None:
    """Serve the web page and the JSON API (/api, schema at /openapi.json) until interrupted."""
    import uvicorn  # server dependencies load only for this command

    from tomtat.service.api import create_app

    try:
        app = create_app(db_path)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"tomtat: serving {db_path} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
