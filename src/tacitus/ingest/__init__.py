"""Tacitus ingest stage."""
