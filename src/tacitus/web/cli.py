"""`tacitus serve`: run the web app with uvicorn. Parses flags, opens the store, hands over; nothing else."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from ..errors import TacitusError
from ..parse import DEFAULT_MODEL
from ..store.settings import DEFAULT_PATH, ENV_PATH
from .settings import DEFAULT_HOST, DEFAULT_MAX_BODY_BYTES, DEFAULT_PORT, DEFAULT_TIMEOUT_S


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), envvar=ENV_PATH, default=DEFAULT_PATH,
              show_default=True, show_envvar=True,
              help="The store to serve, opened read-only. When the file is missing only coding works.")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Interface to bind. Anything but loopback exposes the server to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option("--model", default=DEFAULT_MODEL, show_default=True,
              help="spaCy pipeline for POST /code and Try it (loaded on the first article).")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT_S, show_default=True,
              help="Seconds a request may run before it is answered 504.")
@click.option("--max-body", "max_body_bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BODY_BYTES,
              show_default=True, help="Largest request body in bytes; larger ones are answered 413.")
def serve_command(db, host, port, model, timeout_s, max_body_bytes):
    """Serve the REST API and the web pages (events explorer, dyad timeline, actor network, Try it).

    Open http://HOST:PORT/ in a browser; the API reference is at /docs, the schema at /openapi.json.
    """
    try:
        import uvicorn

        from .app import create_app
    except ImportError as exc:
        raise click.ClickException(f"tacitus serve needs the serve extra ({exc.name} is missing): "
                                   "pip install 'tacitus[serve]'") from exc

    store = None
    if db.exists():
        from ..store import Store

        try:
            Store(db, read_only=True).close()  # check it once at start-up
        except TacitusError as exc:
            raise click.ClickException(str(exc)) from exc
        # Opened per request, so that `tacitus ingest` can write the file between requests.
        store = db
    else:
        click.echo(f"no store at {db}: serving without one (only POST /code and Try it work); "
                   "create one with `tacitus ingest`", err=True)
    if not is_loopback(host):
        click.echo(f"warning: binding {host} makes the server reachable from other machines", err=True)
    app = create_app(store, model=model, timeout_s=timeout_s, max_body_bytes=max_body_bytes)
    uvicorn.run(app, host=host, port=port, log_level="info")
