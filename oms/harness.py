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
import dataclasses
import datetime as _dt
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import requests

if __package__ in (None, ""):  # run as a script, python oms/harness.py: make the oms package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oms.admin_api import AdminApiError, AdminClient, OmsError
from oms.seed import Seeder

__all__ = [
    "AdminApiError",
    "AdminClient",
    "HarnessError",
    "OmsError",
    "Seeder",
    "Settings",
    "start",
    "status",
    "stop",
    "up",
]

ROOT = Path(__file__).resolve().parent.parent
PROJECT_DIR = ROOT / "oms" / "medusa"
PLUGIN_DIR = ROOT / "oms" / "medusa-plugin"
PLUGIN_NAME = "@posreturns/medusa-plugin"
PLUGIN_MARKER = ".posreturns-plugin.sha256"  # inside the installed plugin: the sources it was built from
DEFAULT_VAR_DIR = ROOT / "var" / "oms"
LOOPBACK = "127.0.0.1"
STATE_VERSION = 1
NPM_CI = ["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"]
LOCK_MARKER = ".posreturns-lock.sha256"  # inside node_modules: the lock file it was installed from
BUILD_MARKER = ".posreturns-build.sha256"  # inside .medusa/server: the inputs it was built from
BUILD_INPUTS = ("medusa-config.ts", "tsconfig.json", "package-lock.json")


class HarnessError(OmsError):
    """The OMS could not be installed, started or stopped; the message says why."""


# --------------------------------------------------------------------------------------------------
# Settings and state


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


def _log(message: str) -> None:
    print(f"[oms] {message}", file=sys.stderr, flush=True)


class _Timer:
    """Measures a phase and records it under state["timings"]."""

    def __init__(self, state: dict[str, Any], name: str) -> None:
        self.state, self.name = state, name

    def __enter__(self) -> None:
        self.start = time.monotonic()

    def __exit__(self, *exc: object) -> None:
        elapsed = round(time.monotonic() - self.start, 1)
        self.state.setdefault("timings", {})[self.name] = elapsed
        _log(f"{self.name}: {elapsed} s")


# --------------------------------------------------------------------------------------------------
# Processes


def free_port(preferred: int | None = None) -> int:
    """``preferred`` if it is free on loopback (so a restart keeps its URL), else any free port."""
    for port in ([preferred] if preferred else []) + [0]:
        with socket.socket() as sock:
            try:
                sock.bind((LOOPBACK, port))
            except OSError:
                continue
            return int(sock.getsockname()[1])
    raise HarnessError("no free port on 127.0.0.1")


# Servers started by this process, by pid: kept so that they are reaped when they stop, and so that
# Popen does not warn "subprocess is still running" when its object is garbage-collected.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


def _spawn(cmd: list[str], log: Path, **kwargs: Any) -> int:
    with log.open("ab") as fh:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )
    _CHILDREN[proc.pid] = proc
    return proc.pid


def pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    if pid in _CHILDREN:
        return _CHILDREN[pid].poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def stop_pid(pid: int | None, expect: str, first: signal.Signals, timeout: float = 30.0) -> bool:
    """Stop one process by id; True if it was running. ``expect`` guards against a recycled pid."""
    if not pid_alive(pid):
        _CHILDREN.pop(pid or 0, None)
        return False
    assert pid is not None
    try:
        return _stop_pid(pid, expect, first, timeout)
    finally:
        if pid in _CHILDREN and _CHILDREN[pid].poll() is not None:
            del _CHILDREN[pid]


def _stop_pid(pid: int, expect: str, first: signal.Signals, timeout: float) -> bool:
    if expect not in _cmdline(pid):
        _log(f"pid {pid} is no longer {expect!r} ({_cmdline(pid)[:80]!r}); not touching it")
        return False
    for sig, wait in ((first, timeout), (signal.SIGKILL, 10.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return True
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not pid_alive(pid):
                return True
            time.sleep(0.1)
        _log(f"pid {pid} ({expect}) still alive after {sig.name}")
    return not pid_alive(pid)


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {path})"


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _as_postgres() -> dict[str, Any]:
    """Popen arguments to run a command as the ``postgres`` user: PostgreSQL refuses to run as root."""
    return {"user": "postgres", "group": "postgres", "extra_groups": []} if _is_root() else {}


def _run(
    cmd: list[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    log: Path | None = None,
    postgres: bool = False,
    timeout: float = 900,
) -> str:
    """Run a command to completion; on failure raise HarnessError with the end of its output."""
    extra = _as_postgres() if postgres else {}
    if postgres and _is_root():
        env = {**(env or os.environ), "HOME": "/var/lib/postgresql", "USER": "postgres"}
    proc = subprocess.run(
        cmd,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
        **extra,
    )
    if log is not None:
        with log.open("a") as fh:
            fh.write(f"\n$ {' '.join(cmd)}\n{proc.stdout}")
    if proc.returncode != 0:
        last = "\n".join(proc.stdout.splitlines()[-30:])
        raise HarnessError(f"{' '.join(cmd)} exited {proc.returncode} in {cwd or os.getcwd()}:\n{last}")
    return proc.stdout


def _sha256_files(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------------
# npm install and medusa build


def lock_hash(settings: Settings) -> str:
    return hashlib.sha256((settings.project_dir / "package-lock.json").read_bytes()).hexdigest()


def install(settings: Settings, state: dict[str, Any] | None = None) -> bool:
    """``npm ci`` the Medusa project unless node_modules already matches the lock file. True if it ran."""
    state = {} if state is None else state
    node_modules = settings.project_dir / "node_modules"
    marker = node_modules / LOCK_MARKER
    wanted = lock_hash(settings)
    medusa_bin = node_modules / ".bin" / "medusa"
    if medusa_bin.exists() and marker.exists() and marker.read_text().strip() == wanted:
        _log("node_modules matches package-lock.json; npm ci skipped")
        return False
    check_node()
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    with _Timer(state, "npm_ci"):
        _run(NPM_CI, cwd=settings.project_dir, log=settings.var_dir / "npm.log", timeout=1800)
    marker.write_text(wanted + "\n")
    return True


def plugin_hash() -> str:
    sources = [PLUGIN_DIR / "package.json", PLUGIN_DIR / "tsconfig.json", *(PLUGIN_DIR / "src").rglob("*.ts")]
    return _sha256_files(p for p in sources if p.is_file())


def install_plugin(settings: Settings, state: dict[str, Any]) -> bool:
    """Build the posreturns Medusa plugin and install it into the project with npm, from its folder,
    unless the installed copy was built from the same sources. True if it ran.

    The plugin is compiled with the project's own TypeScript and Medusa packages (its node_modules is a
    link to the project's: the same versions, and no second 700 MB install), then `npm install
    --install-links` copies it into the project's node_modules as a retailer's install would."""
    installed = settings.project_dir / "node_modules" / PLUGIN_NAME
    wanted = plugin_hash()
    marker = installed / PLUGIN_MARKER
    if marker.exists() and marker.read_text().strip() == wanted:
        _log("the posreturns plugin is installed from the same sources; plugin build skipped")
        return False
    link = PLUGIN_DIR / "node_modules"
    if not link.exists():
        link.symlink_to(os.path.relpath(settings.project_dir / "node_modules", PLUGIN_DIR))
    shutil.rmtree(PLUGIN_DIR / ".medusa", ignore_errors=True)
    log = settings.var_dir / "npm.log"
    with _Timer(state, "plugin_build"):
        _run([str(PLUGIN_DIR / "node_modules" / ".bin" / "tsc"), "-p", "tsconfig.json"], cwd=PLUGIN_DIR, log=log)
    with _Timer(state, "plugin_install"):
        _run(["npm", "install", "--no-save", "--install-links", "--no-audit", "--no-fund", "--prefer-offline",
              str(PLUGIN_DIR)], cwd=settings.project_dir, log=log, timeout=900)
    marker.write_text(wanted + "\n")
    return True


MIN_NODE = (20, 19)  # @medusajs/medusa 2.21 declares "node": "^20.19.0 || >=22.12.0"


def check_node() -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise HarnessError("node/npm not on PATH: Medusa 2.21 needs Node.js >= 20.19 with npm")
    version = subprocess.run(
        ["node", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    parts = tuple(int(p) for p in version.lstrip("v").split(".")[:2] if p.isdigit())
    if parts < MIN_NODE:
        raise HarnessError(
            f"node {version} is too old: Medusa 2.21 needs Node.js >= 20.19 "
            "(Debian 12's nodejs package is 18; use NodeSource's or a newer Debian's)"
        )


def _build_hash(settings: Settings) -> str:
    inputs = [settings.project_dir / name for name in BUILD_INPUTS]
    src = settings.project_dir / "src"
    if src.is_dir():
        inputs += [p for p in src.rglob("*") if p.is_file()]
    return _sha256_files(p for p in inputs if p.exists())


def build(settings: Settings, state: dict[str, Any]) -> bool:
    """``medusa build`` unless .medusa/server was built from the same inputs. True if it ran."""
    marker = settings.server_dir / BUILD_MARKER
    wanted = _build_hash(settings)
    if (
        marker.exists()
        and marker.read_text().strip() == wanted
        and (settings.server_dir / "medusa-config.js").exists()
    ):
        _log(".medusa/server is up to date; medusa build skipped")
        return False
    with _Timer(state, "medusa_build"):
        _run(
            [str(_medusa_bin(settings)), "build"],
            cwd=settings.project_dir,
            env=_medusa_env(settings, state),
            log=settings.var_dir / "medusa-cli.log",
        )
    # The built server needs node_modules; a symlink to the project's avoids a second npm install.
    link = settings.server_dir / "node_modules"
    if not link.exists():
        link.symlink_to(Path("..") / ".." / "node_modules")
    marker.write_text(wanted + "\n")
    return True


def _medusa_bin(settings: Settings) -> Path:
    return settings.project_dir / "node_modules" / ".bin" / "medusa"


def _medusa_env(settings: Settings, state: Mapping[str, Any], production: bool = False) -> dict[str, str]:
    pg = state["postgres"]
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@{LOOPBACK}:{pg['port']}/{pg['database']}",
        "JWT_SECRET": state["secrets"]["jwt"],
        "COOKIE_SECRET": state["secrets"]["cookie"],
        "MEDUSA_DISABLE_TELEMETRY": "true",
        "NODE_ENV": "production" if production else "development",
        "NO_UPDATE_NOTIFIER": "1",
    }
    if "medusa" in state:
        origin = state["medusa"]["base_url"]
        env.update(ADMIN_CORS=origin, AUTH_CORS=origin, STORE_CORS=origin)
    return env


# --------------------------------------------------------------------------------------------------
# PostgreSQL


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


def _psql(settings: Settings, port: int, sql: str, db: str = "postgres") -> str:
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
    return _run(cmd, env={**os.environ, "PGCONNECT_TIMEOUT": "5"}).strip()


def _postmaster_pid(settings: Settings) -> tuple[int, int] | None:
    """(pid, port) of a postmaster already running on our data folder, from its postmaster.pid."""
    try:
        lines = (settings.pg_data / "postmaster.pid").read_text().splitlines()
        pid, port = int(lines[0]), int(lines[3])
    except (OSError, ValueError, IndexError):
        return None
    return (pid, port) if pid_alive(pid) and "postgres" in _cmdline(pid) else None


def start_postgres(settings: Settings, state: dict[str, Any]) -> None:
    """Start (or reuse) the private PostgreSQL and make sure the database exists."""
    assert settings.pg_dir is not None
    bindir = pg_bin_dir()
    if not (settings.pg_data / "PG_VERSION").exists():
        settings.pg_dir.mkdir(parents=True, exist_ok=True)
        if _is_root():
            shutil.chown(settings.pg_dir, "postgres", "postgres")
        with _Timer(state, "pg_initdb"):
            _run(
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
    running = _postmaster_pid(settings)
    if running:
        pid, port = running
        _log(f"PostgreSQL already running (pid {pid}, port {port})")
    else:
        port = settings.pg_port or free_port((state.get("postgres") or {}).get("port"))
        with _Timer(state, "pg_start"):
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
            pid = _spawn(cmd, settings.pg_log, **_as_postgres())
            deadline = time.monotonic() + 60
            while True:
                if not pid_alive(pid):
                    raise HarnessError(f"PostgreSQL exited at start:\n{tail(settings.pg_log)}")
                try:
                    _psql(settings, port, "select 1")
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
    if _psql(settings, port, f"select 1 from pg_database where datname = '{settings.db_name}'") != "1":
        _psql(settings, port, f'create database "{settings.db_name}"')
        state.pop("migrated", None)
        state.pop("seed", None)
        state.pop("api_key", None)


# --------------------------------------------------------------------------------------------------
# Medusa


def migrate(settings: Settings, state: dict[str, Any]) -> None:
    if state.get("migrated") == lock_hash(settings):
        _log("database already migrated with this package-lock.json; db:migrate skipped")
        return
    with _Timer(state, "medusa_db_migrate"):
        _run(
            [str(_medusa_bin(settings)), "db:migrate"],
            cwd=settings.project_dir,
            env=_medusa_env(settings, state),
            log=settings.var_dir / "medusa-cli.log",
        )
    state["migrated"] = lock_hash(settings)
    save_state(settings, state)


def create_admin_user(settings: Settings, state: dict[str, Any]) -> None:
    pg = state["postgres"]
    email = settings.admin_email.replace("'", "''")
    exists = _psql(
        settings,
        pg["port"],
        f"select count(*) from \"user\" where email = '{email}' and deleted_at is null",
        db=pg["database"],
    )
    if exists != "0":
        _log(f"admin user {settings.admin_email} exists")
    else:
        with _Timer(state, "medusa_user"):
            _run(
                [
                    str(_medusa_bin(settings)),
                    "user",
                    "-e",
                    settings.admin_email,
                    "-p",
                    settings.admin_password,
                ],
                cwd=settings.project_dir,
                env=_medusa_env(settings, state),
                log=settings.var_dir / "medusa-cli.log",
            )
    state["admin"] = {"email": settings.admin_email, "password": settings.admin_password}
    save_state(settings, state)


def _health(base_url: str) -> bool:
    try:
        return requests.get(f"{base_url}/health", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def start_medusa(settings: Settings, state: dict[str, Any]) -> None:
    """``medusa start`` the built server on loopback (or reuse a live one) and wait for /health."""
    old = state.get("medusa") or {}
    if pid_alive(old.get("pid")) and _health(old.get("base_url", "")):
        _log(f"Medusa already running (pid {old['pid']}, {old['base_url']})")
        return
    port = settings.medusa_port or free_port(old.get("port"))
    base_url = f"http://{LOOPBACK}:{port}"
    state["medusa"] = {
        "pid": None,
        "port": port,
        "host": LOOPBACK,
        "base_url": base_url,
        "log": str(settings.medusa_log),
    }
    cmd = [
        str(settings.server_dir / "node_modules" / ".bin" / "medusa"),
        "start",
        "-H",
        LOOPBACK,
        "-p",
        str(port),
    ]
    with _Timer(state, "medusa_start"):
        with settings.medusa_log.open("a") as log:
            log.write(f"\n--- {_now_iso()} medusa start on {base_url}\n")
        pid = _spawn(
            cmd,
            settings.medusa_log,
            cwd=settings.server_dir,
            env=_medusa_env(settings, state, production=True),
        )
        state["medusa"]["pid"] = pid
        save_state(settings, state)
        deadline = time.monotonic() + settings.start_timeout
        while not _health(base_url):
            if not pid_alive(pid):
                raise HarnessError(
                    f"medusa start exited with {_CHILDREN[pid].returncode} before /health answered. "
                    f"End of {settings.medusa_log}:\n{tail(settings.medusa_log)}"
                )
            if time.monotonic() > deadline:
                raise HarnessError(
                    f"Medusa /health not 200 after {settings.start_timeout:.0f} s at {base_url}. "
                    f"End of {settings.medusa_log}:\n{tail(settings.medusa_log)}"
                )
            time.sleep(0.3)


def _now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def ensure_api_keys(state: dict[str, Any]) -> None:
    """A secret Admin API key (HTTP Basic, key as user name) for the connector, verified to work."""
    base_url = state["medusa"]["base_url"]
    key = state.get("api_key")
    if key and _key_works(base_url, key):
        _log("secret API key from the state file still works")
    else:
        admin = state["admin"]
        resp = requests.post(f"{base_url}/auth/user/emailpass", json=admin, timeout=30)
        if resp.status_code != 200:
            raise HarnessError(f"admin login failed: {resp.status_code} {resp.text[:300]}")
        jwt = resp.json()["token"]
        resp = requests.post(
            f"{base_url}/admin/api-keys",
            json={"title": "posreturns-connector", "type": "secret"},
            headers={"Authorization": f"Bearer {jwt}"},
            timeout=30,
        )
        if resp.status_code != 200:
            raise HarnessError(f"creating the secret API key failed: {resp.status_code} {resp.text[:300]}")
        api_key = resp.json()["api_key"]
        state["api_key"], state["api_key_id"] = api_key["token"], api_key["id"]
        if not _key_works(base_url, state["api_key"]):
            raise HarnessError("the new secret API key is refused by GET /admin/orders")
    with AdminClient(base_url, state["api_key"]) as client:
        publishable = client.get("/admin/api-keys", type="publishable", limit=1, fields="id,token")[
            "api_keys"
        ]
    state["publishable_key"] = publishable[0]["token"] if publishable else None
    state["publishable_key_id"] = publishable[0]["id"] if publishable else None


def _key_works(base_url: str, key: str) -> bool:
    with AdminClient(base_url, key) as client:
        return client.ok()


def seed(settings: Settings, state: dict[str, Any]) -> dict[str, Any]:
    with AdminClient(state["medusa"]["base_url"], state["api_key"]) as client, _Timer(state, "seed"):
        state["seed"] = Seeder(client).run()
    save_state(settings, state)
    return dict(state["seed"])


# --------------------------------------------------------------------------------------------------
# Commands


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
        running = (state.get("medusa") or {}).get("pid")
        if plugin_changed and pid_alive(running):  # a running Medusa has the old plugin loaded
            stop_pid(running, "medusa", signal.SIGTERM, timeout=20)
        start_medusa(settings, state)
        with _Timer(state, "api_key"):
            ensure_api_keys(state)
    except BaseException:
        save_state(settings, state)
        raise
    state["started_at"] = _now_iso()
    save_state(settings, state)
    return state


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
        stopped["medusa"] = stop_pid(medusa["pid"], "medusa", signal.SIGTERM, timeout=20)
        medusa["pid"] = None
    pg = state.get("postgres") or {}
    pg_pid = pg.get("pid")
    running = _postmaster_pid(settings)  # also stops one whose state file entry was lost
    if running and running[0] != pg_pid:
        stop_pid(running[0], "postgres", signal.SIGINT)
    if pg_pid:
        stopped["postgres"] = stop_pid(pg_pid, "postgres", signal.SIGINT)  # SIGINT = fast shutdown
        pg["pid"] = None
    if state:
        state["stopped_at"] = _now_iso()
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
            "healthy": bool(medusa.get("base_url")) and _health(medusa["base_url"]),
        },
        "api_key_works": bool(
            state.get("api_key")
            and medusa.get("base_url")
            and _key_works(medusa["base_url"], state["api_key"])
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
            if not state.get("api_key") or not _health(state.get("medusa", {}).get("base_url", "")):
                raise HarnessError("Medusa is not running: run `python oms/harness.py start` first")
            print(json.dumps(seed(settings, state), indent=2))
        elif args.command == "status":
            report = status(settings)
            print(json.dumps(report, indent=2))
            return 0 if report["medusa"]["healthy"] else 3
        else:
            print(json.dumps(stop(settings)))
    except OmsError as exc:
        _log(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
