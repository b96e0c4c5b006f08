"""`partnergraph serve` as users run it, in a process of its own over the test session's Neo4j (local mode: the
state dir and Bolt port of the session's server, which `serve` finds running and reuses)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from gateway.local_neo4j import free_port
from gateway.settings import Settings

REPO = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 180  # a bound against hanging, not a measurement: a busy machine starts slowly


class ServeProcess:
    """`partnergraph serve --workers N` on a free loopback port; its combined output in a file, read by `log()`."""

    def __init__(self, settings: Settings, workers: int = 1, **env: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.output = tempfile.NamedTemporaryFile(prefix="partnergraph-serve-", suffix=".log", delete=False)
        environment = {
            **os.environ,
            "PARTNERGRAPH_STATE_DIR": str(settings.state_dir),
            "PARTNERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port),
            "PARTNERGRAPH_JWT_SECRET": settings.jwt_secret or "",
            "PARTNERGRAPH_WEBHOOK_WORKER": "false",
            "PARTNERGRAPH_LOG_FORMAT": "text",
            **env,
        }
        # The CLI of this checkout (the working directory comes first on sys.path), as `partnergraph serve`.
        command = [sys.executable, "-c", "from gateway.cli import app; app()", "serve", "--port", str(self.port),
                   "--workers", str(workers)]
        # A session of its own: `close` takes the workers down with the supervisor, whatever happened.
        self.process = subprocess.Popen(command, cwd=REPO, env=environment, stdout=self.output,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def log(self) -> str:
        return Path(self.output.name).read_text(errors="replace")

    def wait_for(self, text: str, count: int = 1) -> None:
        """Until the output holds `text` `count` times (the process's own progress, polled)."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while self.log().count(text) < count:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited with {self.process.returncode}:\n{self.log()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"serve did not log {text!r} {count} time(s):\n{self.log()}")
            time.sleep(0.1)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(self.url + "/readyz").status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"serve did not get ready:\n{self.log()}")

    def terminate(self) -> int:
        """SIGTERM, and the exit code once it exits (killed after STARTUP_SECONDS, which fails the caller)."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=STARTUP_SECONDS)
        except subprocess.TimeoutExpired:
            self.close()
            raise

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        self.output.close()
        os.unlink(self.output.name)
