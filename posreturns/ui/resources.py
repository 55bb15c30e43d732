"""The files the app ships in `posreturns/resources` (policy, style, icons, compiled translations).

They are package data read through `importlib.resources`, so a checkout, an installed wheel and the
frozen app find them the same way. Qt needs real files (the stylesheet's `url()`, `QTranslator`), so
the package must be installed as files on disk, which pip and PyInstaller both do.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    folder = files("posreturns") / "resources"
    if not isinstance(folder, Path):
        raise RuntimeError(f"posreturns is installed inside an archive ({folder}); install it as files on disk.")
    return folder


def translations_dir() -> Path:
    return resources_dir() / "translations"


def default_policy() -> Path:
    return resources_dir() / "policy" / "default.toml"


def stylesheet() -> str:
    """The till's stylesheet; its `url(icons/…)` point at the shipped icons wherever the app runs from."""
    path = resources_dir() / "styles" / "till.qss"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return text.replace("url(icons/", f"url({(resources_dir() / 'icons').as_posix()}/")


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / f"{name}.svg")
