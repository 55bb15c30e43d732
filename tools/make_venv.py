"""Create the project's virtual environment with pip in it, on a machine with only Python 3.11 and make.

Where the interpreter has `ensurepip`, the standard library does it all (`python -m venv`). Debian
splits ensurepip out of its python3.11 package (into python3.11-venv); there, in this order:
  1. `python -m virtualenv`, when the virtualenv package is installed (it carries its own pip);
  2. the interpreter's own pip, when it has one (Debian's python3-pip), installs pip into the venv;
  3. as root on Debian, `apt-get install python3.X-venv`, then the standard library again.
Packages always come through pip with pip's own configuration (index, proxy, certificates): no
registry address is written here. When nothing works, one sentence says what to install (exit 2).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path


def venv_python(target: Path) -> Path:
    return target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def runs(*command: str | Path) -> bool:
    return subprocess.run([str(part) for part in command], capture_output=True).returncode == 0


def has_pip(python: Path) -> bool:
    return runs(python, "-m", "pip", "--version")


def with_ensurepip(target: Path) -> bool:
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(target)
    except subprocess.CalledProcessError:  # Debian's python3.11 without python3.11-venv
        return False
    return True


def with_virtualenv(target: Path) -> bool:
    if not runs(sys.executable, "-m", "virtualenv", "--version"):
        return False
    return runs(sys.executable, "-m", "virtualenv", "--quiet", "--clear", target)


def with_system_pip(target: Path) -> bool:
    """The interpreter's pip installs pip into a venv made without it (`pip --python`, pip >= 22.3)."""
    if not has_pip(Path(sys.executable)):
        return False
    venv.EnvBuilder(with_pip=False, clear=True).create(target)
    return runs(sys.executable, "-m", "pip", "--python", venv_python(target), "install", "--quiet",
                "--disable-pip-version-check", "pip")


def with_debian_venv_package(target: Path) -> bool:
    if (os.name == "nt" or os.geteuid() != 0 or shutil.which("apt-get") is None
            or not sys.executable.startswith("/usr/bin/")):
        return False
    package = f"python3.{sys.version_info.minor}-venv"
    print(f"ensurepip is missing; installing Debian's {package}…", file=sys.stderr)
    if not runs("apt-get", "install", "-y", "-qq", package):
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        if not runs("apt-get", "install", "-y", "-qq", package):
            return False
    return with_ensurepip(target)


STRATEGIES = (with_ensurepip, with_virtualenv, with_system_pip, with_debian_venv_package)


def main(target: str) -> int:
    path = Path(target)
    python = venv_python(path)
    if python.exists() and has_pip(python):
        return 0
    for strategy in STRATEGIES:
        try:
            if strategy(path) and has_pip(python):
                return 0
        except (subprocess.CalledProcessError, OSError) as error:
            print(f"{strategy.__name__}: {error}", file=sys.stderr)
    version = f"3.{sys.version_info.minor}"
    print(f"Cannot create {path} with pip in it: this Python has neither ensurepip, virtualenv nor pip. "
          f"Install one (on Debian/Ubuntu: apt-get install python{version}-venv) and run make again.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".venv"))
