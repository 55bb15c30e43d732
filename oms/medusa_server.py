"""The Medusa project in oms/medusa: installed with npm, with the posreturns plugin built and
installed, built, migrated, its admin user and secret API key created, started on loopback and seeded.
Each step is skipped when what it would produce is already there (markers hold the hash of its inputs)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import requests

from oms.admin_api import AdminClient
from oms.postgres import psql
from oms.process import cmdline, exit_code, free_port, pid_alive, run, sha256_files, spawn, stop_pid, tail
from oms.seed import Seeder
from oms.state import LOOPBACK, ROOT, HarnessError, Settings, Timer, now_iso, save_state, say

PLUGIN_DIR = ROOT / "oms" / "medusa-plugin"
PLUGIN_NAME = "@posreturns/medusa-plugin"
PLUGIN_MARKER = ".posreturns-plugin.sha256"  # inside the installed plugin: the sources it was built from
NPM_CI = ["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"]
LOCK_MARKER = ".posreturns-lock.sha256"  # inside node_modules: the lock file it was installed from
BUILD_MARKER = ".posreturns-build.sha256"  # inside .medusa/server: the inputs it was built from
BUILD_INPUTS = ("medusa-config.ts", "tsconfig.json", "package-lock.json")


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
        say("node_modules matches package-lock.json; npm ci skipped")
        return False
    check_node()
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    with Timer(state, "npm_ci"):
        run(NPM_CI, cwd=settings.project_dir, log=settings.var_dir / "npm.log", timeout=1800)
    marker.write_text(wanted + "\n")
    return True


def plugin_hash() -> str:
    sources = [PLUGIN_DIR / "package.json", PLUGIN_DIR / "tsconfig.json", *(PLUGIN_DIR / "src").rglob("*.ts")]
    return sha256_files(p for p in sources if p.is_file())


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
        say("the posreturns plugin is installed from the same sources; plugin build skipped")
        return False
    link = PLUGIN_DIR / "node_modules"
    if not link.exists():
        link.symlink_to(os.path.relpath(settings.project_dir / "node_modules", PLUGIN_DIR))
    shutil.rmtree(PLUGIN_DIR / ".medusa", ignore_errors=True)
    log = settings.var_dir / "npm.log"
    with Timer(state, "plugin_build"):
        run([str(PLUGIN_DIR / "node_modules" / ".bin" / "tsc"), "-p", "tsconfig.json"], cwd=PLUGIN_DIR, log=log)
    with Timer(state, "plugin_install"):
        run(["npm", "install", "--no-save", "--install-links", "--no-audit", "--no-fund", "--prefer-offline",
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
    return sha256_files(p for p in inputs if p.exists())


def build(settings: Settings, state: dict[str, Any]) -> bool:
    """``medusa build`` unless .medusa/server was built from the same inputs. True if it ran."""
    marker = settings.server_dir / BUILD_MARKER
    wanted = _build_hash(settings)
    if (
        marker.exists()
        and marker.read_text().strip() == wanted
        and (settings.server_dir / "medusa-config.js").exists()
    ):
        say(".medusa/server is up to date; medusa build skipped")
        return False
    with Timer(state, "medusa_build"):
        run(
            [str(medusa_bin(settings)), "build"],
            cwd=settings.project_dir,
            env=medusa_env(settings, state),
            log=settings.var_dir / "medusa-cli.log",
        )
    # The built server needs node_modules; a symlink to the project's avoids a second npm install.
    link = settings.server_dir / "node_modules"
    if not link.exists():
        link.symlink_to(Path("..") / ".." / "node_modules")
    marker.write_text(wanted + "\n")
    return True


def medusa_bin(settings: Settings) -> Path:
    return settings.project_dir / "node_modules" / ".bin" / "medusa"


def medusa_env(settings: Settings, state: Mapping[str, Any], production: bool = False) -> dict[str, str]:
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
    if settings.workers > 1:  # Medusa's own locks shared by its processes (medusa-config.ts)
        env["POSRETURNS_MEDUSA_LOCKING"] = "postgres"
    if "medusa" in state:
        origin = state["medusa"]["base_url"]
        env.update(ADMIN_CORS=origin, AUTH_CORS=origin, STORE_CORS=origin)
    return env


def migrate(settings: Settings, state: dict[str, Any]) -> None:
    with_locking = lock_hash(settings) + ":locking-postgres"  # the locking table too (cluster mode)
    wanted = with_locking if settings.workers > 1 else lock_hash(settings)
    if state.get("migrated") in (wanted, with_locking):
        say("database already migrated with this package-lock.json; db:migrate skipped")
        return
    with Timer(state, "medusa_db_migrate"):
        run(
            [str(medusa_bin(settings)), "db:migrate"],
            cwd=settings.project_dir,
            env=medusa_env(settings, state),
            log=settings.var_dir / "medusa-cli.log",
        )
    state["migrated"] = wanted
    save_state(settings, state)


def create_admin_user(settings: Settings, state: dict[str, Any]) -> None:
    pg = state["postgres"]
    email = settings.admin_email.replace("'", "''")
    exists = psql(
        settings,
        pg["port"],
        f"select count(*) from \"user\" where email = '{email}' and deleted_at is null",
        db=pg["database"],
    )
    if exists != "0":
        say(f"admin user {settings.admin_email} exists")
    else:
        with Timer(state, "medusa_user"):
            run(
                [
                    str(medusa_bin(settings)),
                    "user",
                    "-e",
                    settings.admin_email,
                    "-p",
                    settings.admin_password,
                ],
                cwd=settings.project_dir,
                env=medusa_env(settings, state),
                log=settings.var_dir / "medusa-cli.log",
            )
    state["admin"] = {"email": settings.admin_email, "password": settings.admin_password}
    save_state(settings, state)


def health(base_url: str) -> bool:
    try:
        return requests.get(f"{base_url}/health", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def start_medusa(settings: Settings, state: dict[str, Any]) -> None:
    """``medusa start`` the built server on loopback (or reuse a live one) and wait for /health."""
    old = state.get("medusa") or {}
    if pid_alive(old.get("pid")) and health(old.get("base_url", "")):
        if old.get("workers", 1) == settings.workers:
            say(f"Medusa already running (pid {old['pid']}, {old['base_url']})")
            return
        stop_medusa(old)
    port = settings.medusa_port or free_port(old.get("port"))
    base_url = f"http://{LOOPBACK}:{port}"
    state["medusa"] = {
        "pid": None,
        "port": port,
        "host": LOOPBACK,
        "base_url": base_url,
        "log": str(settings.medusa_log),
        "workers": settings.workers,
    }
    cmd = [
        str(settings.server_dir / "node_modules" / ".bin" / "medusa"),
        "start",
        "-H",
        LOOPBACK,
        "-p",
        str(port),
        *(["--cluster", str(settings.workers)] if settings.workers > 1 else []),
    ]
    with Timer(state, "medusa_start"):
        with settings.medusa_log.open("a") as log:
            log.write(f"\n--- {now_iso()} medusa start on {base_url}\n")
        pid = spawn(
            cmd,
            settings.medusa_log,
            cwd=settings.server_dir,
            env=medusa_env(settings, state, production=True),
        )
        state["medusa"]["pid"] = pid
        save_state(settings, state)
        deadline = time.monotonic() + settings.start_timeout
        while not health(base_url):
            if not pid_alive(pid):
                raise HarnessError(
                    f"medusa start exited with {exit_code(pid)} before /health answered. "
                    f"End of {settings.medusa_log}:\n{tail(settings.medusa_log)}"
                )
            if time.monotonic() > deadline:
                raise HarnessError(
                    f"Medusa /health not 200 after {settings.start_timeout:.0f} s at {base_url}. "
                    f"End of {settings.medusa_log}:\n{tail(settings.medusa_log)}"
                )
            time.sleep(0.3)


def stop_medusa(medusa: Mapping[str, Any]) -> bool:
    """Stop a Medusa this harness started; in cluster mode its whole process group (the primary only
    notes a SIGTERM and waits for its workers to end)."""
    pid = medusa.get("pid")
    if medusa.get("workers", 1) > 1 and pid_alive(pid) and "medusa" in cmdline(pid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
    return stop_pid(pid, "medusa", signal.SIGTERM, timeout=20)


def ensure_api_keys(state: dict[str, Any]) -> None:
    """A secret Admin API key (HTTP Basic, key as user name) for the connector, verified to work."""
    base_url = state["medusa"]["base_url"]
    key = state.get("api_key")
    if key and key_works(base_url, key):
        say("secret API key from the state file still works")
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
        if not key_works(base_url, state["api_key"]):
            raise HarnessError("the new secret API key is refused by GET /admin/orders")
    with AdminClient(base_url, state["api_key"]) as client:
        publishable = client.get("/admin/api-keys", type="publishable", limit=1, fields="id,token")[
            "api_keys"
        ]
    state["publishable_key"] = publishable[0]["token"] if publishable else None
    state["publishable_key_id"] = publishable[0]["id"] if publishable else None


def key_works(base_url: str, key: str) -> bool:
    with AdminClient(base_url, key) as client:
        return client.ok()


def seed(settings: Settings, state: dict[str, Any]) -> dict[str, Any]:
    with AdminClient(state["medusa"]["base_url"], state["api_key"]) as client, Timer(state, "seed"):
        state["seed"] = Seeder(client).run()
    save_state(settings, state)
    return dict(state["seed"])
