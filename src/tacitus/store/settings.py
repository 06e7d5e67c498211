"""Store settings shared by the library and the command line (no heavy imports here)."""

DEFAULT_PATH = "tacitus.duckdb"
ENV_PATH = "TACITUS_DB"
DEFAULT_BATCH_SIZE = 64
DEFAULT_LOCK_TIMEOUT = 30.0
EXPORT_FORMATS = ("parquet", "csv", "jsonl", "gdelt")
