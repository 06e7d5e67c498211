"""Tacitus time stage."""
