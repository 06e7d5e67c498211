"""Tacitus: political event data from news text — who did what to whom, when and where."""

__version__ = "0.1.0"
