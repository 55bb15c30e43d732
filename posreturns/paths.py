"""Where a till keeps its data: one folder per platform, overridable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_DATA_DIR = "POSRETURNS_DATA_DIR"
DATABASE_FILE = "posreturns.db"


def platform_data_dir() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "posreturns"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "posreturns"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "posreturns"


def resolve_data_dir(option: str | None = None) -> Path:
    """`--data-dir` first, then `POSRETURNS_DATA_DIR`, then the platform's user data folder."""
    if option:
        return Path(option).expanduser()
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser()
    return platform_data_dir()
