"""Web settings shared by the app and the command line (no heavy imports: `tacitus --help` reads them)."""

# Largest request body, in bytes (an article of 1,000,000 characters is the ingest limit too).
DEFAULT_MAX_BODY_BYTES = 1_000_000
# Seconds a request may run; coding one long article takes a few seconds on a laptop.
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
