"""The bulk export's benchmark: every lineage of the bench channel exported as the enterprise through the CLI code
path (`partnergraph export lineages`) in a subprocess, as NDJSON and as Parquet, beside the floor: the same keyset
batch Cypher run through the driver with no formatting. Prints lineages/s, the exporting process's peak RSS
(its own rusage, from wait4) and the ratio to the floor.

    python -m bench.export [--partners 50000] [--batch-size 5000]

The bench channel's Neo4j is started (and seeded when empty) as bench.run does, and stopped at the end unless
BENCH_KEEP_NEO4J=1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.run import bench_settings, prepare_database
from gateway.exports.exporter import BATCH_SIZE
from gateway.exports.viewers import ENTERPRISE
from gateway.settings import Settings
from graph.shared import cypher_files

FORMATS = ("ndjson", "parquet")


async def floor(client, batch_size: int) -> tuple[int, float]:
    """Rows and seconds of the batch Cypher through the driver, batch after batch, nothing else."""
    text = cypher_files.query("selling/reads/lineage_export")
    rows, after, started = 0, "", time.perf_counter()
    async with client.driver.session(database=client.database) as session:
        while True:
            result = await session.run(text, {"after": after, "currency": "USD", "limit": batch_size,
                                              "scope": ENTERPRISE.scope})
            batch = (await result.single())["rows"]
            rows += len(batch)
            if len(batch) < batch_size:
                return rows, time.perf_counter() - started
            after = batch[-1]["registrationId"]


def cli_export(settings: Settings, export_format: str, out: Path, batch_size: int) -> dict:
    """One `partnergraph export lineages` in a subprocess: wall time and its own peak RSS (wait4's rusage)."""
    env = {**os.environ, "PARTNERGRAPH_STATE_DIR": str(settings.state_dir),
           "PARTNERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port)}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", "from gateway.cli import app; app()", "export", "lineages",
                                "--format", export_format, "--out", str(out), "--batch-size", str(batch_size)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode:
        raise RuntimeError(f"the {export_format} export failed:\n{stderr}")
    rows = int(stderr.rsplit("exported ", 1)[1].split()[0])
    return {"format": export_format, "rows": rows, "seconds": round(seconds, 2), "rate": rows / seconds,
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "bytes": out.stat().st_size}


async def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.export")
    parser.add_argument("--partners", type=int, default=int(os.environ.get("BENCH_PARTNERS", "50000")))
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    args = parser.parse_args(argv)
    settings = bench_settings(args.partners)
    server, client, _ = await prepare_database(settings, args.partners, 1)
    try:
        await floor(client, args.batch_size)  # untimed: plans compiled, the page cache warm
        floor_rows, floor_seconds = await floor(client, args.batch_size)
        floor_rate = floor_rows / floor_seconds
        with tempfile.TemporaryDirectory(prefix="partnergraph-export-bench-") as folder:
            runs = [await asyncio.to_thread(cli_export, settings, f, Path(folder) / f"lineages.{f}", args.batch_size)
                    for f in FORMATS]
    finally:
        await client.close()
        if os.environ.get("BENCH_KEEP_NEO4J") != "1":
            server.stop()
    print(f"\n**{args.partners} partners**, batches of {args.batch_size} (`python -m bench.export "
          f"--partners {args.partners}`)\n")
    print("| export | lineages | seconds | lineages/s | peak RSS MB | file MB | floor lineages/s | export / floor |")
    print("|---|---|---|---|---|---|---|---|")
    for run in runs:
        same = "" if run["rows"] == floor_rows else f" (floor read {floor_rows})"
        print(f"| {run['format']} (CLI) | {run['rows']}{same} | {run['seconds']} | {run['rate']:,.0f} | "
              f"{run['peak_rss_mb']} | {run['bytes'] / 2**20:.1f} | {floor_rate:,.0f} | "
              f"{run['rate'] / floor_rate:.2f} |")


if __name__ == "__main__":
    asyncio.run(main())
