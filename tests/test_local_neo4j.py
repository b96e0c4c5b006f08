"""The local Neo4j: loopback only, generated password kept 0600, reuse, and one-line errors."""

from __future__ import annotations

import stat

import pytest

from gateway.local_neo4j import LocalNeo4j, LocalNeo4jError, ensure_jars
from tests.conftest import port_owner


def test_password_file_is_private(settings, neo4j_server):
    mode = stat.S_IMODE(settings.local_password_file.stat().st_mode)
    assert mode == 0o600
    assert neo4j_server.password == settings.local_password_file.read_text().strip()
    assert len(neo4j_server.password) >= 32


def test_bound_to_loopback_with_auth(neo4j_server):
    conf = (neo4j_server.home / "conf" / "neo4j.conf").read_text()
    assert f"server.bolt.listen_address=127.0.0.1:{neo4j_server.bolt_port}" in conf
    assert "dbms.security.auth_enabled=true" in conf
    assert "server.http.enabled=false" in conf
    wrong = LocalNeo4j(neo4j_server.home, neo4j_server.cache_dir, neo4j_server.bolt_port, "wrong-password")
    assert not wrong.bolt_answers()


def test_start_reuses_a_running_server(neo4j_server):
    assert neo4j_server.start() is False
    assert neo4j_server.status().startswith("running")


def test_port_taken_is_a_clear_error(tmp_path, neo4j_server):
    sock, port = port_owner()
    try:
        server = LocalNeo4j(tmp_path / "home", neo4j_server.cache_dir, port, "pw-" + "a" * 30)
        with pytest.raises(LocalNeo4jError, match=f"port {port} is taken"):
            server.start()
    finally:
        sock.close()


def test_missing_java_is_a_clear_error(tmp_path, monkeypatch, neo4j_server):
    monkeypatch.setenv("PATH", str(tmp_path))
    server = LocalNeo4j(tmp_path / "home", neo4j_server.cache_dir, 1, "pw")
    with pytest.raises(LocalNeo4jError, match="java not found on PATH"):
        server.start()


def test_missing_maven_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LocalNeo4jError, match="mvn not found on PATH"):
        ensure_jars(tmp_path / "empty-cache")


def test_failed_start_names_the_log(tmp_path, neo4j_server):
    server = LocalNeo4j(tmp_path / "home", neo4j_server.cache_dir, 1, "pw-" + "b" * 30, heap="1k", start_timeout=60)
    with pytest.raises(LocalNeo4jError) as failure:
        server.start()
    assert str(tmp_path / "home" / "logs") in str(failure.value)
