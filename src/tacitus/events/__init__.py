"""Tacitus events stage."""
