"""`tomtat serve`: the HTTP API and web page over one SQLite file."""
from __future__ import annotations

import ipaddress

import click

from tomtat.cli.app import main


def is_loopback(host: str) -> bool:
    """Whether binding `host` keeps the server on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@main.command("serve")
@click.option("--db", "db_path", default="tomtat.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite file holding the articles, stories and cached summaries (created if missing).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback only by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", envvar="TOMTAT_TOKEN", default=None,
              help="Require 'Authorization: Bearer TOKEN' for writes (env TOMTAT_TOKEN); needed beyond loopback.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also serve requests whose Host header is NAME (repeatable); IP addresses, localhost and "
                   "--host are always served.")
def serve_command(db_path: str, host: str, port: int, token: str | None, allow_hosts: tuple[str, ...]) -> None:
    """Serve the web page and the JSON API (/api, schema at /openapi.json) until interrupted."""
    if not is_loopback(host) and not token:
        raise click.ClickException(
            f"refusing to listen on {host} without a token: anyone on the network could add and delete "
            "articles. Give --token TOKEN (or set TOMTAT_TOKEN), or listen on 127.0.0.1")
    import uvicorn  # server dependencies load only for this command

    from tomtat.service.api import create_app

    try:
        app = create_app(db_path, hosts=(host, *allow_hosts), token=token or None)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    writes = "writes need the token" if token else "no token"
    click.echo(f"tomtat: serving {db_path} on http://{host}:{port}/ ({writes}; Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
