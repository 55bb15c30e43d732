"""tools/make_venv.py makes a venv with pip in it without naming any registry: the standard library
when it can, else virtualenv, else the interpreter's own pip, else Debian's venv package; when none
works it says what to install, in one sentence, and exits 2."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from helpers.packaging import ROOT

TOOL = ROOT / "tools" / "make_venv.py"


@pytest.fixture
def make_venv() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_venv", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_registry_address_is_written_in_the_tool() -> None:
    text = TOOL.read_text(encoding="utf-8")
    assert "http" not in text and "urllib" not in text and "pypi.org" not in text


def test_without_ensurepip_the_interpreter_s_own_pip_installs_pip_in_the_venv(make_venv: ModuleType, tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []

    def unavailable(target: Path) -> bool:
        tried.append("ensurepip")
        return False

    monkeypatch.setattr(make_venv, "STRATEGIES", (unavailable, make_venv.with_system_pip))
    assert make_venv.main(str(tmp_path / "venv")) == 0
    python = make_venv.venv_python(tmp_path / "venv")
    assert tried == ["ensurepip"]
    version = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, text=True, check=True)
    assert str(tmp_path / "venv") in version.stdout
    assert make_venv.main(str(tmp_path / "venv")) == 0  # an existing venv with pip is kept as it is


def test_when_nothing_works_it_says_what_to_install(make_venv: ModuleType, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(make_venv, "STRATEGIES", (lambda target: False, lambda target: False))
    assert make_venv.main(str(tmp_path / "venv")) == 2
    message = capsys.readouterr().err.strip()
    assert message.count("\n") == 0 and f"apt-get install python3.{sys.version_info.minor}-venv" in message
