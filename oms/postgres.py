"""The harness's private PostgreSQL: found on the machine, initialised in the var folder, started on a
loopback port with durability off (a throw-away test database), its database created."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from oms.process import as_postgres, cmdline, free_port, is_root, pid_alive, run, spawn, tail
from oms.state import LOOPBACK, HarnessError, Settings, Timer, save_state, say


def pg_bin_dir() -> Path:
    """The PostgreSQL server binaries: $POSRETURNS_PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or PATH."""
    if os.environ.get("POSRETURNS_PG_BIN"):
        return Path(os.environ["POSRETURNS_PG_BIN"])
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise HarnessError(
        "PostgreSQL server binaries not found: apt-get install postgresql "
        "(or set POSRETURNS_PG_BIN to the folder holding initdb and postgres)"
    )


def psql(settings: Settings, port: int, sql: str, db: str = "postgres") -> str:
    cmd = [
        str(pg_bin_dir() / "psql"),
        "-h",
        LOOPBACK,
        "-p",
        str(port),
        "-U",
        "postgres",
        "-d",
        db,
        "-v",
        "ON_ERROR_STOP=1",
        "-Atqc",
        sql,
    ]
    return run(cmd, env={**os.environ, "PGCONNECT_TIMEOUT": "5"}).strip()


def postmaster_pid(settings: Settings) -> tuple[int, int] | None:
    """(pid, port) of a postmaster already running on our data folder, from its postmaster.pid."""
    try:
        lines = (settings.pg_data / "postmaster.pid").read_text().splitlines()
        pid, port = int(lines[0]), int(lines[3])
    except (OSError, ValueError, IndexError):
        return None
    return (pid, port) if pid_alive(pid) and "postgres" in cmdline(pid) else None


def start_postgres(settings: Settings, state: dict[str, Any]) -> None:
    """Start (or reuse) the private PostgreSQL and make sure the database exists."""
    assert settings.pg_dir is not None
    bindir = pg_bin_dir()
    if not (settings.pg_data / "PG_VERSION").exists():
        settings.pg_dir.mkdir(parents=True, exist_ok=True)
        if is_root():
            shutil.chown(settings.pg_dir, "postgres", "postgres")
        with Timer(state, "pg_initdb"):
            run(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(settings.pg_data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                ],
                postgres=True,
            )
    running = postmaster_pid(settings)
    if running:
        pid, port = running
        say(f"PostgreSQL already running (pid {pid}, port {port})")
    else:
        port = settings.pg_port or free_port((state.get("postgres") or {}).get("port"))
        with Timer(state, "pg_start"):
            # fsync off: this is a throw-away test database, and it makes db:migrate much faster.
            cmd = [
                str(bindir / "postgres"),
                "-D",
                str(settings.pg_data),
                "-p",
                str(port),
                "-c",
                f"listen_addresses={LOOPBACK}",
                "-c",
                f"unix_socket_directories={settings.pg_dir}",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=100",
            ]
            if (bindir.parent / "lib" / "pg_stat_statements.so").exists():
                # counts the SQL statements per query shape (make bench-sync prints them per return)
                cmd += ["-c", "shared_preload_libraries=pg_stat_statements"]
            pid = spawn(cmd, settings.pg_log, **as_postgres())
            deadline = time.monotonic() + 60
            while True:
                if not pid_alive(pid):
                    raise HarnessError(f"PostgreSQL exited at start:\n{tail(settings.pg_log)}")
                try:
                    psql(settings, port, "select 1")
                    break
                except HarnessError:
                    if time.monotonic() > deadline:
                        raise HarnessError(
                            f"PostgreSQL not ready after 60 s:\n{tail(settings.pg_log)}"
                        ) from None
                    time.sleep(0.2)
    state["postgres"] = {
        "pid": pid,
        "port": port,
        "host": LOOPBACK,
        "database": settings.db_name,
        "data_dir": str(settings.pg_data),
        "log": str(settings.pg_log),
        "url": f"postgres://postgres@{LOOPBACK}:{port}/{settings.db_name}",
    }
    save_state(settings, state)
    if psql(settings, port, f"select 1 from pg_database where datname = '{settings.db_name}'") != "1":
        psql(settings, port, f'create database "{settings.db_name}"')
        state.pop("migrated", None)
        state.pop("seed", None)
        state.pop("api_key", None)
