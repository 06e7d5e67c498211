"""Tacitus quotes stage."""
