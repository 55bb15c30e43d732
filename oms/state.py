"""Where the OMS harness keeps things (`Settings`) and what it records for other processes (the JSON
state file: pids, ports, base URL, key, seeded ids, timings)."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from oms.admin_api import OmsError

ROOT = Path(__file__).resolve().parent.parent
PROJECT_DIR = ROOT / "oms" / "medusa"
DEFAULT_VAR_DIR = ROOT / "var" / "oms"
LOOPBACK = "127.0.0.1"
STATE_VERSION = 1


class HarnessError(OmsError):
    """The OMS could not be installed, started or stopped; the message says why."""


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).resolve() if value else default


@dataclasses.dataclass
class Settings:
    """Where things live. Every field can be overridden from the environment or the command line."""

    var_dir: Path = dataclasses.field(
        default_factory=lambda: _env_path("POSRETURNS_OMS_VAR", DEFAULT_VAR_DIR)
    )
    pg_dir: Path | None = None  # default: <var_dir>/pg (POSRETURNS_OMS_PG_DIR)
    project_dir: Path = PROJECT_DIR
    db_name: str = "medusa"
    pg_port: int | None = None  # default: a free port
    medusa_port: int | None = None  # default: a free port
    admin_email: str = "admin@posreturns.test"
    admin_password: str = "Posreturns-admin-1"
    start_timeout: float = 180.0
    # Node processes of Medusa (`medusa start --cluster N` when > 1, with PostgreSQL locking);
    # POSRETURNS_OMS_WORKERS
    workers: int = dataclasses.field(default_factory=lambda: int(os.environ.get("POSRETURNS_OMS_WORKERS") or 1))

    def __post_init__(self) -> None:
        self.var_dir = Path(self.var_dir).resolve()
        if self.pg_dir is None:
            self.pg_dir = _env_path("POSRETURNS_OMS_PG_DIR", self.var_dir / "pg")
        self.pg_dir = Path(self.pg_dir).resolve()

    @property
    def pg_data(self) -> Path:
        assert self.pg_dir is not None
        return self.pg_dir / "data"

    @property
    def state_file(self) -> Path:
        return self.var_dir / "state.json"

    @property
    def medusa_log(self) -> Path:
        return self.var_dir / "medusa.log"

    @property
    def pg_log(self) -> Path:
        assert self.pg_dir is not None
        return self.pg_dir / "postgres.log"

    @property
    def server_dir(self) -> Path:
        return self.project_dir / ".medusa" / "server"


def load_state(settings: Settings) -> dict[str, Any]:
    try:
        return dict(json.loads(settings.state_file.read_text()))
    except FileNotFoundError:
        return {}


def save_state(settings: Settings, state: Mapping[str, Any]) -> None:
    """Write the state file atomically, so a reader never sees half of it."""
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    tmp = settings.state_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=2, sort_keys=True) + "\n")
    os.replace(tmp, settings.state_file)


def say(message: str) -> None:
    print(f"[oms] {message}", file=sys.stderr, flush=True)


class Timer:
    """Measures a phase and records it under state["timings"]."""

    def __init__(self, state: dict[str, Any], name: str) -> None:
        self.state, self.name = state, name

    def __enter__(self) -> None:
        self.start = time.monotonic()

    def __exit__(self, *exc: object) -> None:
        elapsed = round(time.monotonic() - self.start, 1)
        self.state.setdefault("timings", {})[self.name] = elapsed
        say(f"{self.name}: {elapsed} s")


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
