"""The README's scaling section documents every option that scale-out adds to `tacitus ingest`."""

from __future__ import annotations

import re
from pathlib import Path

import click

from tacitus.scale.cli import scale_options

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_scale_option_is_documented():
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Scaling out.*?\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, "README has a 'Scaling out' section"
    command = scale_options(click.command()(lambda **kwargs: None))
    options = [opt for param in command.params for opt in param.opts + param.secondary_opts]
    assert len(options) >= 6
    for option in options:
        assert option in match.group(1), f"{option} is not in the README's scaling section"
