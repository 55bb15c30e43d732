"""The Windows installer script, compiled here by Debian's makensis against the frozen app of
`make dist` (a Linux build: the file names differ, the script is the same): it must compile, and the
code-signing hook must be called on both the installer and its uninstaller. Running it needs
Windows: .github/workflows/windows.yml installs, upgrades and uninstalls it on a Windows runner."""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from helpers.packaging import ROOT, VERSION

APP = ROOT / "dist" / "posreturns"
SCRIPT = ROOT / "installer" / "windows" / "posreturns.nsi"


def makensis(tmp_path: Path, *defines: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("makensis")
    assert tool, "makensis is missing: `make package-check` installs Debian's nsis package"
    return subprocess.run([tool, "-V2", f"-DVERSION={VERSION}", f"-DAPPDIR={APP}", f"-DOUTDIR={tmp_path}", *defines,
                           str(SCRIPT)], capture_output=True, text=True, timeout=900)


@pytest.mark.timeout(900)
def test_the_installer_compiles_and_signs_itself_and_its_uninstaller(tmp_path: Path) -> None:
    signer, log = tmp_path / "sign.sh", tmp_path / "signed.log"
    signer.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> {log}\n', encoding="utf-8")
    signer.chmod(signer.stat().st_mode | stat.S_IXUSR)
    done = makensis(tmp_path, f"-DSIGN_COMMAND={signer}", "-DQUICK_COMPRESSION")
    assert done.returncode == 0, done.stdout + done.stderr
    setup = tmp_path / f"posreturns-{VERSION}-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ" and setup.stat().st_size > 20_000_000  # the whole app is inside
    signed = log.read_text(encoding="utf-8").split()
    assert len(signed) == 2 and str(setup) in signed  # the uninstaller first, then the installer


def test_the_script_refuses_to_build_without_a_version(tmp_path: Path) -> None:
    tool = shutil.which("makensis")
    assert tool
    done = subprocess.run([tool, "-V2", f"-DAPPDIR={APP}", f"-DOUTDIR={tmp_path}", str(SCRIPT)], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode != 0 and "Give the version" in done.stdout + done.stderr
