"""`pip install posreturns` from the built wheels, as an integrator would, in a fresh venv outside the
repository: both packages build with `python -m build`, posdrivers comes in as a declared
dependency, and the installed app finds its policy, style, icons and French catalogue."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers.packaging import ROOT, VERSION, check_installed_app, clean_env, run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheels")
    for project in (ROOT / "drivers", ROOT):
        subprocess.run([sys.executable, "-m", "build", "--outdir", str(folder), str(project)], check=True,
                       capture_output=True, timeout=600)
    return folder


def test_the_wheel_carries_every_resource_the_app_reads(wheels: Path) -> None:
    names = set(zipfile.ZipFile(wheels / f"posreturns-{VERSION}-py3-none-any.whl").namelist())
    shipped = {f"posreturns/{path.relative_to(ROOT / 'posreturns').as_posix()}"
               for path in (ROOT / "posreturns" / "resources").rglob("*")
               if path.suffix in (".svg", ".qss", ".toml", ".qm", ".ts")}  # .ts: the catalogue read without Qt
    catalogue = "posreturns/resources/translations/posreturns_fr"
    assert {f"{catalogue}.qm", f"{catalogue}.ts"} <= shipped
    assert shipped - names == set()
    profiles = zipfile.ZipFile(wheels / "posdrivers-0.1.0-py3-none-any.whl").namelist()
    assert "posdrivers/escpos/profile_data/epson-tm-t20iii.json" in profiles


def test_the_installed_wheels_run_the_till_outside_the_repository(wheels: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, str(ROOT / "tools" / "make_venv.py"), str(venv)], tmp_path, clean_env(tmp_path))
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--find-links", str(wheels),
         f"posreturns=={VERSION}"], tmp_path, pip_env(), timeout=900)
    where = run([str(venv / "bin" / "python"), "-c",
                 "import posreturns, posdrivers; print(posreturns.__file__, posdrivers.__file__)"],
                tmp_path, clean_env(tmp_path))
    assert str(ROOT) not in where and where.count(str(venv)) == 2
    check_installed_app([str(venv / "bin" / "posreturns")], [str(venv / "bin" / "posreturns-till")], tmp_path)


def pip_env() -> dict[str, str]:
    """pip with this machine's own configuration and cache (index, proxy, certificates), nothing of the checkout."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
