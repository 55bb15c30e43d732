"""What every installed form of the app must do (wheels in a fresh venv, the frozen app, the .deb):
print its version, load the demo, complete a return from the command line with the version on the
receipt and in the OMS events, and open its French window with style and icons."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """No PYTHONPATH, no venv, a home of its own: nothing of the checkout can leak in."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    env.update({key: os.environ[key] for key in ("SYSTEMROOT", "TMPDIR") if key in os.environ})
    return {**env, **extra}


def run(command: list[str], cwd: Path, env: dict[str, str], stdin: str = "", timeout: float = 120) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def check_installed_app(cli: list[str], till: list[str], work: Path) -> dict[str, Any]:
    """Runs the checks with `cli` (the posreturns command) and `till` (the window launcher) from
    `work`, a folder outside the repository; returns the window's self-check report."""
    home, data = work / "home", work / "till-data"
    home.mkdir(exist_ok=True)
    env = clean_env(home)
    assert run([*cli, "--version"], work, env).strip() == f"posreturns {VERSION}"
    db = [*cli, "--data-dir", str(data)]
    run([*db, "demo"], work, env)
    # the demo's manager
    run([*db, "config", "set", "language", "fr", "--user", "sophie", "--pin-stdin"], work, env, stdin="1234\n")
    order = json.loads(run([*db, "--json", "order", "show", "PA01-000101"], work, env))
    line = next(item for item in order["lines"] if item["returnable"] > 0)
    request = {"receipt": "PA01-000101", "till_id": "T1", "cashier": "camille", "refund_method": "original",
               "idempotency_key": "packaging-1",
               "lines": [{"code": line["sku"], "qty": 1, "reason": "WRONG_SIZE", "condition": "NEW_WITH_TAGS"}]}
    receipt = work / "receipt.bin"
    done = json.loads(run([*db, "--json", "--printer", f"file:{receipt}", "return", "complete", "--user", "camille",
                           "--pin-stdin"], work, env, stdin="2580\n" + json.dumps(request)))
    assert done["status"] == "allowed" and done["print"]["printed"] is True
    assert f"posreturns {VERSION}".encode() in receipt.read_bytes()
    events = json.loads(run([*db, "--json", "outbox", "list"], work, env))["events"]
    assert events and {event["payload"]["device"]["app_version"] for event in events} == {VERSION}
    report = json.loads(run([*till, "--data-dir", str(data), "--self-check", "3"], work, env).strip().splitlines()[-1])
    assert report["ok"] is True, report
    assert (report["language"], report["settings_button"], report["version"]) == ("fr", "Réglages", VERSION)
    assert (data / "logs" / "posreturns.log").read_text(encoding="utf-8").count("session started: "
                                                                                f"posreturns {VERSION},") == 1
    return report
