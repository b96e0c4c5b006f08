"""Bulk exports of deal lineages and change records (docs/CHANGES.md, "Bulk export"): keyset batches from Neo4j
written as NDJSON, CSV or Parquet, streamed over HTTP (`http`) or written to a file by the CLI (`files`)."""
