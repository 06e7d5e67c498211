"""Scale-out: the same pipeline mapped over partitions of the input by Dask, locally or on a cluster.

    from tacitus.scale import Manifest, ParquetSink, dask_client, plan_partitions, run_partitions

    partitions = plan_partitions(["corpus.jsonl"], partition_size=100)
    sink = ParquetSink("out/")
    with dask_client(workers=2) as client:
        summary = run_partitions(client, partitions, sink, Manifest(sink.manifest_path))

Needs the ``scale`` extra (dask, distributed): ``pip install 'tacitus[scale]'``.
"""

from tacitus.scale.manifest import MANIFEST_NAME, Manifest
from tacitus.scale.parquet import ParquetSink, publication_month
from tacitus.scale.partitions import PARTITION_SIZE, Partition, Slice, plan_partitions, read_partition
from tacitus.scale.runner import FailedPartition, RunSummary, Sink, dask_client, run_partitions
from tacitus.scale.worker import PartitionResult, article_record, code_partition, content_hash, worker_pipeline

__all__ = [
    "FailedPartition", "MANIFEST_NAME", "Manifest", "PARTITION_SIZE", "ParquetSink", "Partition",
    "PartitionResult", "RunSummary", "Sink", "Slice", "article_record", "code_partition", "content_hash", "dask_client",
    "plan_partitions", "publication_month", "read_partition", "run_partitions", "worker_pipeline",
]
