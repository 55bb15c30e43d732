"""Where the OMS API key lives: never in the data folder in clear, never in a log.

1. `$POSRETURNS_OMS_API_KEY` when set (CI, containers, a host POS that injects it);
2. the OS keyring (Windows Credential Locker, macOS Keychain, Secret Service) via `keyring`, when a
   usable backend exists;
3. otherwise a file OUTSIDE the data folder, readable by the till's user only (0600), in the user's
   config folder (`~/.config/posreturns/oms-credentials.json`, `%APPDATA%\\posreturns\\…`), or
   `$POSRETURNS_CREDENTIALS_DIR`.
Keys are stored per OMS URL.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

SERVICE = "posreturns-oms"
ENV_KEY = "POSRETURNS_OMS_API_KEY"
ENV_DIR = "POSRETURNS_CREDENTIALS_DIR"
ENV_NO_KEYRING = "POSRETURNS_NO_KEYRING"


def _keyring() -> Any | None:
    if os.environ.get(ENV_NO_KEYRING) == "1":
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def usable_keyring() -> Any | None:
    """The `keyring` module when the OS has a usable keyring (and POSRETURNS_NO_KEYRING is not 1)."""
    return _keyring()


def credentials_dir() -> Path:
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR]).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "posreturns"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "posreturns-credentials"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "posreturns"


def write_private(path: Path, text: str) -> None:
    """Replace `path` with `text`, readable by the till's user only (0600), atomically."""
    temp = path.with_name(path.name + ".tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    if sys.platform != "win32":
        os.chmod(temp, 0o600)
    os.replace(temp, path)


class CredentialStore:
    """The OMS API keys by default; `smtp_credentials()` keeps the SMTP relay's passwords the same way."""

    def __init__(self, directory: Path | None = None, *, service: str = SERVICE,
                 file_name: str = "oms-credentials.json", env_key: str = ENV_KEY) -> None:
        self.file = (directory or credentials_dir()) / file_name
        self.service, self.env_key = service, env_key

    def where(self) -> str:
        return "keyring" if _keyring() else str(self.file)

    def save(self, url: str, api_key: str) -> str:
        """Store the key for `url`; returns where it went ("keyring" or the file's path)."""
        ring = _keyring()
        if ring is not None:
            ring.set_password(self.service, url, api_key)
            return "keyring"
        keys = self._read()
        keys[url] = api_key
        self.file.parent.mkdir(parents=True, exist_ok=True)
        write_private(self.file, json.dumps(keys))
        return str(self.file)

    def load(self, url: str) -> str | None:
        if os.environ.get(self.env_key):
            return os.environ[self.env_key]
        ring = _keyring()
        if ring is not None:
            found = ring.get_password(self.service, url)
            if found:
                return str(found)
        return self._read().get(url)

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def smtp_credentials(directory: Path | None = None) -> CredentialStore:
    """The SMTP relay's password, by `smtp://USER@HOST:PORT` (`$POSRETURNS_SMTP_PASSWORD` first)."""
    return CredentialStore(directory, service="posreturns-smtp", file_name="smtp-credentials.json",
                           env_key="POSRETURNS_SMTP_PASSWORD")
