"""The integrator's commands: `--version` from the package metadata, `config import FILE` setting up
a till all or nothing, and the window's log in the data folder."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

PROVISIONING = """
language = "en"
[till]
id = "T7"
[store]
id = "PARIS-01"
[printer]
url = "tcp://127.0.0.1:9100"
profile = "generic-58mm"
[scanner]
mode = "serial"
port = "/dev/ttyACM0"
"""


def posreturns(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "posreturns", "--data-dir", str(data_dir), *args], input=stdin,
                          capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(data_dir)})


ADMIN_PIN = "135790"
AS_ADMIN = ("--user", "root", "--pin-stdin")  # with ADMIN_PIN first on stdin


def first_admin(data_dir: Path) -> None:
    added = posreturns(data_dir, "user", "add", "root", "--name", "Root", "--role", "admin", "--first-admin",
                       "--pin-stdin", stdin=ADMIN_PIN + "\n")
    assert added.returncode == 0, added.stderr


def settings(data_dir: Path) -> dict[str, str]:
    listed = posreturns(data_dir, "--json", "config", "list")
    assert listed.returncode == 0, listed.stderr
    return json.loads(listed.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("where", [[], ["config"], ["gui"]])
def test_version_is_the_package_metadata_anywhere_on_the_line(tmp_path: Path, where: list[str]) -> None:
    done = posreturns(tmp_path, *where, "--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"posreturns {version('posreturns')}")
    assert not (tmp_path / "posreturns.db").exists()


def test_config_import_sets_up_the_till_from_a_file(tmp_path: Path) -> None:
    data = tmp_path / "till"
    (tmp_path / "till.toml").write_text(PROVISIONING, encoding="utf-8")
    dry = posreturns(data, "--json", "config", "import", str(tmp_path / "till.toml"), "--dry-run")
    assert dry.returncode == 0 and json.loads(dry.stdout)["changed"]["till.id"] == "T7"
    assert settings(data).get("till.id") != "T7"
    refused = posreturns(data, "config", "import", str(tmp_path / "till.toml"))
    assert refused.returncode == 2 and "needs the ID and PIN of" in refused.stderr
    first_admin(data)
    done = posreturns(data, "config", "import", str(tmp_path / "till.toml"), *AS_ADMIN, stdin=ADMIN_PIN + "\n")
    assert done.returncode == 0 and "setting(s) changed." in done.stdout and "till.id = T7" in done.stdout
    values = settings(data)
    assert {key: values[key] for key in ("till.id", "store.id", "printer.url", "printer.profile", "scanner.mode",
                                         "scanner.port", "language")} == {
        "till.id": "T7", "store.id": "PARIS-01", "printer.url": "tcp://127.0.0.1:9100",
        "printer.profile": "generic-58mm", "scanner.mode": "serial", "scanner.port": "/dev/ttyACM0", "language": "en"}
    again = posreturns(data, "--json", "--till", "T8", "config", "import", "-", *AS_ADMIN,
                       stdin=ADMIN_PIN + "\n" + PROVISIONING)  # the PIN first, then the file
    assert json.loads(again.stdout)["changed"] == {"till.id": "T8"}  # one shared file, the till id on the line
    audited = sqlite3.connect(data / "posreturns.db").execute(
        "SELECT actor, detail_json FROM audit_log WHERE action = 'settings.changed' ORDER BY id").fetchall()
    assert [actor for actor, _detail in audited] == ["root", "root"]
    assert json.loads(audited[-1][1])["changes"] == {"till.id": {"from": "T7", "to": "T8"}}


@pytest.mark.parametrize(("line", "words"), [
    ('url = "lpt1:"', "The printer address 'lpt1:' is not valid"),
    ('profile = "epson-tm-9000"', "epson-tm-9000"),
])
def test_a_bad_device_in_the_file_changes_nothing(tmp_path: Path, line: str, words: str) -> None:
    data = tmp_path / "till"
    first_admin(data)
    assert posreturns(data, "config", "set", "till.id", "T1", *AS_ADMIN, stdin=ADMIN_PIN + "\n").returncode == 0
    before = settings(data)
    bad = PROVISIONING.replace('url = "tcp://127.0.0.1:9100"' if line.startswith("url") else 'profile = "generic-58mm"',
                               line)
    done = posreturns(data, "config", "import", "-", *AS_ADMIN, stdin=ADMIN_PIN + "\n" + bad)
    assert done.returncode == 2 and words in done.stderr and done.stderr.count("\n") == 1
    assert settings(data) == before


def test_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    done = posreturns(tmp_path, "config", "import", str(tmp_path / "nowhere.toml"), *AS_ADMIN, stdin=ADMIN_PIN + "\n")
    assert done.returncode == 2 and done.stderr.startswith("posreturns: Cannot read") and "Traceback" not in done.stderr


def test_an_older_version_refuses_a_database_a_newer_one_migrated(tmp_path: Path) -> None:
    assert posreturns(tmp_path, "init").returncode == 0
    connection = sqlite3.connect(tmp_path / "posreturns.db")
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    done = posreturns(tmp_path, "config", "list")
    assert done.returncode == 2 and "written by a newer version of posreturns (schema 0099)" in done.stderr
    assert "Traceback" not in done.stderr
