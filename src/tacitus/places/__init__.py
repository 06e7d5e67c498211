"""Tacitus places stage."""
