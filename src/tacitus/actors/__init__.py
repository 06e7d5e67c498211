"""Tacitus actors stage."""
