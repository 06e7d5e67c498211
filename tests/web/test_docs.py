"""The README documents the web app: every API route, page and `tacitus serve` option."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

README = Path(__file__).resolve().parents[2] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Web UI and API\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, "README has a 'Web UI and API' section"
    return match.group(1)


def test_every_api_route_is_documented(app):
    section = _section()
    for path in app.openapi()["paths"]:
        documented = re.sub(r"\{[^}]+\}", "", path).rstrip("/")
        assert documented in section, f"{path} is not in the README"


def test_every_page_is_documented(app):
    section = _section()
    pages = {route.path for route in app.routes if getattr(route, "include_in_schema", True) is False
             and route.path not in ("/", "/static")}
    for path in pages:
        assert re.sub(r"/\{[^}]+\}", "/", path) in section, f"page {path} is not in the README"


def test_every_serve_option_is_documented():
    from tacitus.web.cli import serve_command

    section = _section()
    for param in serve_command.params:
        for option in param.opts:
            assert option in section, f"tacitus serve {option} is not in the README"
