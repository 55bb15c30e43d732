"""A real Medusa v2 OMS on loopback, for the connector tests and for ``make oms``.

The harness runs a private PostgreSQL and the Medusa project in ``oms/medusa`` on 127.0.0.1, creates a
secret Admin API key, seeds a small French shop through the Admin API, and records everything another
process needs (pids, ports, base URL, key, seeded ids) in a JSON state file.

Command line (run from anywhere)::

    python oms/harness.py up        # install (if needed), start PostgreSQL + Medusa, seed; leave them running
    python oms/harness.py down      # stop both by process id (same as ``stop``)
    python oms/harness.py install | start | seed | status | stop

Everything is stdlib + ``requests``. Servers are stopped by the pids in the state file, never by name.
See oms/README.md for the seeded data and the Admin API calls the connector relies on.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script, python oms/harness.py: make the oms package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oms.admin_api import AdminApiError, AdminClient, OmsError
from oms.medusa_server import (
    build,
    create_admin_user,
    ensure_api_keys,
    health,
    install,
    install_plugin,
    key_works,
    migrate,
    plugin_hash,
    seed,
    start_medusa,
    stop_medusa,
)
from oms.postgres import postmaster_pid, start_postgres
from oms.process import pid_alive, stop_pid
from oms.seed import Seeder
from oms.state import (
    DEFAULT_VAR_DIR,
    ROOT,
    STATE_VERSION,
    HarnessError,
    Settings,
    Timer,
    load_state,
    now_iso,
    save_state,
    say,
)

# The harness's API for the tests and bench/ (tests/oms/conftest.py, tests/medusa_support.py).
__all__ = [
    "AdminApiError",
    "AdminClient",
    "HarnessError",
    "OmsError",
    "Seeder",
    "Settings",
    "load_state",
    "pid_alive",
    "save_state",
    "seed",
    "start",
    "start_cluster",
    "start_medusa",
    "status",
    "stop",
    "stop_medusa",
    "up",
]


def start(settings: Settings, *, fresh: bool = False) -> dict[str, Any]:
    """Start PostgreSQL and Medusa (installing and building as needed); returns the state."""
    if fresh:
        stop(settings)
        _remove_var(settings)
    state = load_state(settings)
    state.setdefault("version", STATE_VERSION)
    state.setdefault("secrets", {"jwt": secrets.token_hex(24), "cookie": secrets.token_hex(24)})
    state.update(var_dir=str(settings.var_dir), project_dir=str(settings.project_dir), timings={})
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    install(settings, state)
    plugin_changed = install_plugin(settings, state)
    start_postgres(settings, state)
    try:
        migrate(settings, state)
        create_admin_user(settings, state)
        build(settings, state)
        running = state.get("medusa") or {}
        # a running Medusa has the plugin it started with loaded: the `up` of another var folder (tests,
        # bench, `make oms` share oms/medusa) may have installed a newer one meanwhile
        if (plugin_changed or running.get("plugin") != plugin_hash()) and pid_alive(running.get("pid")):
            stop_medusa(running)
        start_medusa(settings, state)
        state["medusa"]["plugin"] = plugin_hash()
        with Timer(state, "api_key"):
            ensure_api_keys(state)
    except BaseException:
        save_state(settings, state)
        raise
    state["started_at"] = now_iso()
    save_state(settings, state)
    return state


def start_cluster(state: Mapping[str, Any], workers: int) -> dict[str, Any]:
    """Another Medusa on the database of `state`'s (already migrated and seeded), in cluster mode with
    `workers` Node processes and PostgreSQL locking: tests of cluster mode. Stop it with
    ``stop_medusa(returned["medusa"])``."""
    var_dir = Path(state["var_dir"]) / f"cluster-{workers}"
    settings = Settings(var_dir=var_dir, pg_dir=Path(state["postgres"]["data_dir"]).parent, workers=workers)
    cluster = {key: state[key] for key in ("version", "secrets", "postgres", "api_key", "seed") if key in state}
    cluster.update(var_dir=str(var_dir), project_dir=str(settings.project_dir), timings={})
    var_dir.mkdir(parents=True, exist_ok=True)
    migrate(settings, cluster)  # the locking module's table
    start_medusa(settings, cluster)
    save_state(settings, cluster)
    return cluster


def _remove_var(settings: Settings) -> None:
    """Delete the var folder (database included). Refuses anything that does not look like ours."""
    if settings.var_dir.exists():
        if settings.var_dir in (Path("/"), ROOT, Path.home()):
            raise HarnessError(f"refusing to delete {settings.var_dir}")
        shutil.rmtree(settings.var_dir)
    assert settings.pg_dir is not None
    if settings.pg_dir.exists() and not settings.pg_dir.is_relative_to(settings.var_dir):
        shutil.rmtree(settings.pg_dir)


def stop(settings: Settings) -> dict[str, bool]:
    """Stop Medusa then PostgreSQL by the pids in the state file; already-dead processes are fine."""
    state = load_state(settings)
    stopped = {"medusa": False, "postgres": False}
    medusa = state.get("medusa") or {}
    if medusa.get("pid"):
        stopped["medusa"] = stop_medusa(medusa)
        medusa["pid"] = None
    pg = state.get("postgres") or {}
    pg_pid = pg.get("pid")
    running = postmaster_pid(settings)  # also stops one whose state file entry was lost
    if running and running[0] != pg_pid:
        stop_pid(running[0], "postgres", signal.SIGINT)
    if pg_pid:
        stopped["postgres"] = stop_pid(pg_pid, "postgres", signal.SIGINT)  # SIGINT = fast shutdown
        pg["pid"] = None
    if state:
        state["stopped_at"] = now_iso()
        save_state(settings, state)
    return stopped


def status(settings: Settings) -> dict[str, Any]:
    state = load_state(settings)
    medusa, pg = state.get("medusa") or {}, state.get("postgres") or {}
    return {
        "state_file": str(settings.state_file),
        "postgres": {"pid": pg.get("pid"), "port": pg.get("port"), "running": pid_alive(pg.get("pid"))},
        "medusa": {
            "pid": medusa.get("pid"),
            "base_url": medusa.get("base_url"),
            "running": pid_alive(medusa.get("pid")),
            "healthy": bool(medusa.get("base_url")) and health(medusa["base_url"]),
        },
        "api_key_works": bool(
            state.get("api_key")
            and medusa.get("base_url")
            and key_works(medusa["base_url"], state["api_key"])
        ),
        "seeded": bool(state.get("seed")),
    }


def up(settings: Settings, *, fresh: bool = False) -> dict[str, Any]:
    state = start(settings, fresh=fresh)
    seed(settings, state)
    return state


def till_commands(settings: Settings, state: Mapping[str, Any], data_dir: str = "/tmp/till") -> str:
    """For a person: the commands that point a till (data folder `data_dir`) at this OMS, to paste
    from the repository's folder. The key is read from the state file, never printed."""

    def short(path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    python = Path(sys.executable)
    script = python.parent / ("posreturns.exe" if os.name == "nt" else "posreturns")
    posreturns = f"{short(script)} --data-dir {data_dir}" if script.exists() else f"posreturns --data-dir {data_dir}"
    key = f"{short(python)} -c \"import json;print(json.load(open('{short(settings.state_file)}'))['api_key'])\""
    return "\n".join([
        "Point a till at this OMS (any empty folder will do for the data):",
        f"  {key} | {posreturns} oms connect --url {state['medusa']['base_url']} --api-key-stdin",
        f"  {posreturns} config set store.id PARIS-01",
        f"  {posreturns} sync --once",
        "Then complete a return of a pulled order and sync again (docs/sync.md, \"Trying it by hand\").",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="oms/harness.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["install", "start", "seed", "status", "stop", "up", "down"])
    parser.add_argument("--var-dir", type=Path, help=f"state, logs, database (default {DEFAULT_VAR_DIR})")
    parser.add_argument("--pg-dir", type=Path, help="PostgreSQL folder (default <var-dir>/pg)")
    parser.add_argument("--pg-port", type=int, help="PostgreSQL port (default: a free one)")
    parser.add_argument("--port", type=int, help="Medusa port (default: a free one)")
    parser.add_argument("--fresh", action="store_true", help="start/up: stop and delete the database first")
    args = parser.parse_args(argv)
    kwargs: dict[str, Any] = {}
    if args.var_dir:
        kwargs["var_dir"] = args.var_dir
    settings = Settings(**kwargs, pg_dir=args.pg_dir, pg_port=args.pg_port, medusa_port=args.port)
    try:
        if args.command == "install":
            install(settings)
            install_plugin(settings, {})
        elif args.command in ("start", "up"):
            state = (up if args.command == "up" else start)(settings, fresh=args.fresh)
            print(
                json.dumps(
                    {
                        "base_url": state["medusa"]["base_url"],
                        "state_file": str(settings.state_file),
                        "timings": state.get("timings", {}),
                    },
                    indent=2,
                ),
                flush=True,
            )
            if args.command == "up":
                print(till_commands(settings, state), file=sys.stderr, flush=True)
        elif args.command == "seed":
            state = load_state(settings)
            if not state.get("api_key") or not health(state.get("medusa", {}).get("base_url", "")):
                raise HarnessError("Medusa is not running: run `python oms/harness.py start` first")
            print(json.dumps(seed(settings, state), indent=2))
        elif args.command == "status":
            report = status(settings)
            print(json.dumps(report, indent=2))
            return 0 if report["medusa"]["healthy"] else 3
        else:
            print(json.dumps(stop(settings)))
    except OmsError as exc:
        say(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
