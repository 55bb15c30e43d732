"""Where the OMS API key lives: per till data folder, never in the database, never in a log.

1. `$POSRETURNS_OMS_API_KEY` when set (CI, containers, a host POS that injects it);
2. the OS keyring (Windows Credential Locker, macOS Keychain, Secret Service) via `keyring`, when a
   usable backend exists: one entry per data folder and OMS URL (user name `<url> @ <data folder>`);
3. otherwise a file OUTSIDE the data folder, readable by the till's user only (0600), in the user's
   config folder (`~/.config/posreturns/oms-credentials.json`, `%APPDATA%\\posreturns\\…`), or
   `$POSRETURNS_CREDENTIALS_DIR`, keyed by data folder and OMS URL.

Two tills on one account (two data folders) therefore never share or overwrite a key. A key stored
by an older version, per URL only, is copied to the data folder's entry the first time it is read
(and left where it was, for the other tills that still read it there).
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
FOLDERS = "by_data_folder"


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
    """The OMS API keys of one data folder by default; `smtp_credentials()` keeps the SMTP relay's
    passwords the same way (per URL only: `data_dir` None)."""

    def __init__(self, data_dir: Path | None = None, directory: Path | None = None, *, service: str = SERVICE,
                 file_name: str = "oms-credentials.json", env_key: str = ENV_KEY) -> None:
        self.folder = str(Path(data_dir).expanduser().resolve()) if data_dir is not None else None
        self.file = (directory or credentials_dir()) / file_name
        self.service, self.env_key = service, env_key

    def where(self) -> str:
        return "keyring" if _keyring() else str(self.file)

    def _account(self, url: str) -> str:
        return f"{url} @ {self.folder}" if self.folder is not None else url

    def save(self, url: str, api_key: str) -> str:
        """Store the key for `url` (and this data folder); returns where it went ("keyring" or the file)."""
        ring = _keyring()
        if ring is not None:
            ring.set_password(self.service, self._account(url), api_key)
            return "keyring"
        keys = self._read()
        if self.folder is not None:
            keys.setdefault(FOLDERS, {}).setdefault(self.folder, {})[url] = api_key
        else:
            keys[url] = api_key
        self.file.parent.mkdir(parents=True, exist_ok=True)
        write_private(self.file, json.dumps(keys))
        return str(self.file)

    def load(self, url: str) -> str | None:
        if os.environ.get(self.env_key):
            return os.environ[self.env_key]
        ring = _keyring()
        if ring is not None:
            found = ring.get_password(self.service, self._account(url))
            if found:
                return str(found)
        if self.folder is None:
            return self._legacy(url, None)
        folders = self._read().get(FOLDERS)
        found = ((folders or {}).get(self.folder) or {}).get(url) if isinstance(folders, dict) else None
        if found:
            return str(found)
        legacy = self._legacy(url, ring)
        if legacy:
            self.save(url, legacy)  # this till's own entry from now on
        return legacy

    def _legacy(self, url: str, ring: Any | None) -> str | None:
        """A key stored for `url` alone (by an older version, shared by every till of the account)."""
        if ring is not None:
            found = ring.get_password(self.service, url)
            if found:
                return str(found)
        value = self._read().get(url)
        return str(value) if isinstance(value, str) and value else None

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


def smtp_credentials(directory: Path | None = None) -> CredentialStore:
    """The SMTP relay's password, by `smtp://USER@HOST:PORT` (`$POSRETURNS_SMTP_PASSWORD` first)."""
    return CredentialStore(None, directory, service="posreturns-smtp", file_name="smtp-credentials.json",
                           env_key="POSRETURNS_SMTP_PASSWORD")
