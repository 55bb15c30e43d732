"""Create the project's virtual environment, even where Debian's python3-venv is missing.

Debian splits ensurepip out of python3.11; without it `python3 -m venv` fails. We then create the
venv without pip and install pip from its wheel on PyPI (the only registry a till integrator
reliably reaches), so `make run` and `make test` need nothing but Python 3.11 and make.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

PYPI_PIP = "https://pypi.org/pypi/pip/json"


def venv_python(target: Path) -> Path:
    return target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def has_pip(python: Path) -> bool:
    return subprocess.run([python, "-m", "pip", "--version"], capture_output=True).returncode == 0


def bootstrap_pip(python: Path) -> None:
    with urllib.request.urlopen(PYPI_PIP, timeout=60) as reply:
        release = json.load(reply)
    wheel = next(f for f in release["urls"] if f["packagetype"] == "bdist_wheel")
    with tempfile.TemporaryDirectory() as tmp:
        wheel_path = Path(tmp) / wheel["filename"]
        urllib.request.urlretrieve(wheel["url"], wheel_path)
        subprocess.run([python, str(wheel_path / "pip"), "install", "--quiet", str(wheel_path)], check=True)


def main(target: str) -> int:
    path = Path(target)
    python = venv_python(path)
    if python.exists() and has_pip(python):
        return 0
    try:
        venv.EnvBuilder(with_pip=True, upgrade_deps=False).create(path)
    except (subprocess.CalledProcessError, OSError):
        venv.EnvBuilder(with_pip=False, clear=True).create(path)
    if not has_pip(python):
        print("ensurepip is missing here; installing pip into the venv from PyPI…", file=sys.stderr)
        bootstrap_pip(python)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".venv"))
