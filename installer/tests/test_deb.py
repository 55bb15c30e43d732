"""The .deb built by `make deb`, on this machine as on a till: install, run the installed app
headless, upgrade over itself, remove, purge — and the till's data is still there after each step.
It installs and removes the real package, so it runs as root (CI does, in `make package-check`)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from helpers.packaging import ROOT, VERSION, check_installed_app, clean_env, run

pytestmark = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0 or shutil.which("dpkg") is None,
                                reason="installs a real package: needs root on Debian/Ubuntu")


def deb_file() -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    return ROOT / "dist" / f"posreturns_{VERSION}_{arch}.deb"


def dpkg(*args: str) -> str:
    done = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    assert done.returncode == 0, f"dpkg {' '.join(args)}: {done.stdout}\n{done.stderr}"
    return done.stdout


def installed() -> bool:
    return subprocess.run(["dpkg-query", "-W", "-f=${Status}", "posreturns"], capture_output=True,
                          text=True).stdout.endswith(" installed")


def fingerprint(database: Path) -> str:
    connection = sqlite3.connect(database)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()


def test_the_package_lays_out_the_app_the_menu_entry_and_the_device_rules() -> None:
    deb = deb_file()
    assert deb.is_file(), f"{deb} is missing: run `make deb` first"
    listing = dpkg("--contents", str(deb))
    for path in ("./opt/posreturns/posreturns", "./opt/posreturns/posreturns-till", "./usr/bin/posreturns",
                 "./usr/share/applications/posreturns.desktop",
                 "./usr/share/icons/hicolor/scalable/apps/posreturns.svg",
                 "./usr/share/posreturns/posreturns-till-autostart.desktop",
                 "./usr/lib/udev/rules.d/70-posreturns.rules"):
        assert path in listing
    assert "/home" not in listing and ".local/share" not in listing
    fields = dpkg("--field", str(deb), "Package", "Version", "Depends")
    assert f"Version: {VERSION}" in fields and "libxcb-cursor0" in fields


def test_the_menu_entries_are_valid_desktop_files() -> None:
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate is missing: `make package-check` installs desktop-file-utils"
    for name in ("posreturns.desktop", "posreturns-till-autostart.desktop"):
        done = subprocess.run([validate, str(ROOT / "installer" / "linux" / name)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_install_run_upgrade_remove_and_purge_keep_the_till_data(tmp_path: Path) -> None:
    if installed():
        dpkg("--purge", "posreturns")
    deb = deb_file()
    apt = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", str(deb)], capture_output=True,
                         text=True, timeout=900, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    assert apt.returncode == 0, apt.stdout + apt.stderr
    try:
        assert Path("/usr/bin/posreturns").resolve() == Path("/opt/posreturns/posreturns")
        check_installed_app(["/usr/bin/posreturns"], ["/usr/bin/posreturns-till"], tmp_path)
        home = tmp_path / "home"
        env = clean_env(home)
        run(["posreturns", "demo"], tmp_path, env)  # the default data folder of this user
        database = home / ".local" / "share" / "posreturns" / "posreturns.db"
        before = fingerprint(database)

        dpkg("--install", str(deb))  # the upgrade path: a package over an installed one
        assert run(["posreturns", "--version"], tmp_path, env).strip() == f"posreturns {VERSION}"
        assert fingerprint(database) == before
        run(["posreturns", "order", "show", "PA01-000102"], tmp_path, env)

        dpkg("--remove", "posreturns")
        assert not Path("/opt/posreturns").exists() and not Path("/usr/bin/posreturns").exists()
        assert fingerprint(database) == before
        dpkg("--purge", "posreturns")
        assert fingerprint(database) == before
        assert (tmp_path / "till-data" / "logs" / "posreturns.log").exists()  # the window's log, also kept
    finally:
        if installed():
            dpkg("--purge", "posreturns")
