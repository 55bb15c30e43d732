"""Where the Qt resources are: the repository's resources/ folder, or the frozen app's bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def stylesheet() -> str:
    """The till's stylesheet; its `url(icons/…)` point at resources/icons wherever the app runs from."""
    path = resources_dir() / "styles" / "till.qss"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return text.replace("url(icons/", f"url({(resources_dir() / 'icons').as_posix()}/")


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / f"{name}.svg")
