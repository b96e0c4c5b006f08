"""A local Neo4j 5.26 Community server run from Maven Central jars, bound to 127.0.0.1.

The jars are resolved once by `mvn` (pinned in neo4j/pom.xml) into a cache outside the repository;
each server keeps its home (conf, data, logs, pid) in a folder of its own, so `make serve` keeps
data across restarts while every test session gets a throwaway one.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

import neo4j

REPO = Path(__file__).resolve().parent.parent
POM = REPO / "neo4j" / "pom.xml"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"

log = logging.getLogger("partnergraph.local_neo4j")

# The flags Neo4j's own launcher passes to the JVM (Java 17 needs the --add-opens).
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
]


class LocalNeo4jError(RuntimeError):
    """A one-line, user-facing reason why the local server cannot be used."""


def neo4j_version() -> str:
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", POM.read_text())
    if not match:
        raise LocalNeo4jError(f"{POM} does not pin <neo4j.version>")
    return match.group(1)


def _require(tool: str, why: str) -> str:
    path = shutil.which(tool)
    if not path:
        raise LocalNeo4jError(f"{tool} not found on PATH: {why}")
    return path


def _java() -> str:
    java = _require("java", "install a Java 17 or 21 runtime (apt-get install openjdk-17-jre-headless)")
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)', out)
    if not match or int(match.group(1)) < 17:
        raise LocalNeo4jError("Neo4j 5.26 needs Java 17 or newer; `java -version` says: "
                              f"{out.splitlines()[0] if out else '?'}")
    return java


def ensure_jars(cache_dir: Path) -> Path:
    """Resolve the pinned server's jars from Maven Central into the cache once; return the lib folder."""
    lib = cache_dir / f"neo4j-{neo4j_version()}" / "lib"
    if lib.is_dir() and any(lib.glob("neo4j-*.jar")):
        return lib
    mvn = _require("mvn", "install Maven (apt-get install maven) to fetch Neo4j from Maven Central")
    lib.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=lib.parent, prefix="lib-"))
    result = subprocess.run(
        [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies", f"-DoutputDirectory={staging}"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        tail = (result.stdout + result.stderr).strip().splitlines()[-1:] or ["no output"]
        raise LocalNeo4jError(f"mvn could not resolve Neo4j {neo4j_version()}: {tail[0]}")
    # Rename into place so a half-finished download is never mistaken for a cache.
    try:
        staging.rename(lib)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # another process won the race
    return lib


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LocalNeo4j:
    """One server home: `home/conf`, `home/data`, `home/logs`, `home/neo4j.pid`."""

    home: Path
    cache_dir: Path
    bolt_port: int
    password: str
    heap: str = "1g"
    pagecache: str = "512m"
    start_timeout: float = 90.0

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "neo4j.log"

    @property
    def console_log(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def pid_file(self) -> Path:
        return self.home / "neo4j.pid"

    def pid(self) -> int | None:
        """The running server's pid; a pid file naming anything else is stale and removed."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if self._runs_here(pid):
            return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    def _runs_here(self, pid: int) -> bool:
        """Whether `pid` is a live Neo4j of this home: not gone, not a zombie nobody reaped, not a reused pid."""
        try:
            process = psutil.Process(pid)
            if process.status() in (psutil.STATUS_ZOMBIE, psutil.STATUS_DEAD):
                return False
            cmdline = process.cmdline()
        except (psutil.NoSuchProcess, psutil.AccessDenied):  # ZombieProcess is a NoSuchProcess
            return False
        return ENTRY_POINT in cmdline and f"--home-dir={self.home}" in cmdline

    def bolt_answers(self) -> bool:
        try:
            with neo4j.GraphDatabase.driver(self.uri, auth=("neo4j", self.password)) as driver:
                driver.verify_connectivity()
            return True
        except Exception:
            return False

    def status(self) -> str:
        pid = self.pid()
        if pid is None:
            return "stopped"
        return f"running (pid {pid}, {self.uri})" if self.bolt_answers() else f"starting (pid {pid})"

    def _write_conf(self) -> Path:
        conf = self.home / "conf"
        for sub in ("conf", "data", "logs", "run", "plugins", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (conf / "neo4j.conf").write_text(
            "\n".join(
                [
                    "# Written by partnergraph; edits are overwritten on the next start.",
                    "server.default_listen_address=127.0.0.1",
                    "server.default_advertised_address=127.0.0.1",
                    f"server.bolt.listen_address=127.0.0.1:{self.bolt_port}",
                    "server.bolt.tls_level=DISABLED",
                    "server.http.enabled=false",
                    "server.https.enabled=false",
                    "dbms.security.auth_enabled=true",
                    f"server.directories.data={self.home / 'data'}",
                    f"server.directories.logs={self.home / 'logs'}",
                    f"server.directories.run={self.home / 'run'}",
                    f"server.directories.plugins={self.home / 'plugins'}",
                    f"server.directories.import={self.home / 'import'}",
                    f"server.memory.heap.initial_size={self.heap}",
                    f"server.memory.heap.max_size={self.heap}",
                    f"server.memory.pagecache.size={self.pagecache}",
                    "dbms.usage_report.enabled=false",
                    "",
                ]
            )
        )
        return conf

    def _set_initial_password(self, java: str, lib: Path, conf: Path) -> None:
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(conf)}
        result = subprocess.run(
            [java, "-cp", f"{lib}/*", ADMIN_TOOL, "dbms", "set-initial-password", self.password],
            capture_output=True,
            text=True,
            env=env,
        )
        if result.returncode != 0:
            raise LocalNeo4jError(f"could not set the Neo4j password: {result.stderr.strip()[:200]}")

    def start(self) -> bool:
        """Start the server and wait until Bolt answers. Returns False when it was already running."""
        if self.pid() is not None:
            self._wait_for_bolt()
            return False
        java = _java()
        lib = ensure_jars(self.cache_dir)
        if port_in_use(self.bolt_port):
            raise LocalNeo4jError(
                f"port {self.bolt_port} is taken by another process; stop it or set PARTNERGRAPH_NEO4J_BOLT_PORT"
            )
        conf = self._write_conf()
        if not (self.home / "data" / "dbms" / "auth.ini").exists() and not (self.home / "data" / "databases").exists():
            self._set_initial_password(java, lib, conf)
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(conf)}
        with open(self.console_log, "ab") as console:
            process = subprocess.Popen(
                [java, f"-Xmx{self.heap}", *JVM_FLAGS, "-cp", f"{lib}/*", ENTRY_POINT,
                 f"--home-dir={self.home}", f"--config-dir={conf}"],
                stdout=console,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,  # Ctrl-C on the gateway must not kill the shared server
            )
        self.pid_file.write_text(str(process.pid))
        try:
            self._wait_for_bolt(process)
        finally:
            # After the start's own poll() (Popen.wait holds the lock poll needs): whenever the server exits,
            # killed or stopped, this process reaps it rather than keeping a zombie the pid file names.
            threading.Thread(target=self._reap, args=(process,), name="neo4j-reaper", daemon=True).start()
        return True

    def _reap(self, process: subprocess.Popen) -> None:
        code = process.wait()
        log.log(logging.INFO if code == 0 else logging.WARNING, "the local Neo4j (pid %d) exited with code %d",
                process.pid, code)
        try:
            if self.pid_file.read_text().strip() == str(process.pid):
                self.pid_file.unlink(missing_ok=True)
        except FileNotFoundError:
            pass

    def _wait_for_bolt(self, process: subprocess.Popen | None = None) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise LocalNeo4jError(f"Neo4j exited with code {process.returncode} while starting; see "
                                      f"{self.log_file} and {self.console_log}")
            if self.bolt_answers():
                return
            time.sleep(0.5)
        raise LocalNeo4jError(f"Neo4j did not answer on {self.uri} within {self.start_timeout:.0f}s; see "
                              f"{self.log_file}")

    def stop(self, timeout: float = 60.0) -> bool:
        pid = self.pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pid() is not None:
            time.sleep(0.2)
        if self.pid() is not None:
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True
