"""`partnergraph seed`: a deterministic, realistic generated channel for benchmarks and load tests."""
