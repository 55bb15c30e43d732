"""Where the till's PIN pepper lives: the OS keyring beside the OMS key when there is one, else a
file in the data folder that only the till's user can read (0600). Never in the database, so a copy
of the database alone does not give the PINs away.

The keyring entry is named after the till's install id (a random id kept in its settings), so two
data folders of one user keep two peppers. Peppers are found by id, so a hash made while the keyring
was unavailable (and the file was used) still verifies once the keyring is back.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from pathlib import Path

from posreturns.domain.pins import Pepper
from posreturns.sync.credentials import usable_keyring, write_private

SERVICE = "posreturns-pin-pepper"
FILE_NAME = "pin-pepper.json"


class PepperStore:
    """`PepperStore` over the OS keyring, or `pin-pepper.json` in the data folder."""

    def __init__(self, data_dir: Path, install_id: Callable[[], str]) -> None:
        self.file, self.install_id = data_dir / FILE_NAME, install_id
        self._known: dict[str, Pepper] = {}

    def find(self, pepper_id: str) -> Pepper | None:
        if pepper_id not in self._known:
            for pepper in (self._from_keyring(), *self._from_file()):
                if pepper is not None:
                    self._known[pepper.id] = pepper
        return self._known.get(pepper_id)

    def current(self) -> Pepper:
        ring = usable_keyring()
        if ring is not None:
            pepper = self._from_keyring()
            if pepper is None:
                pepper = Pepper.new()
                ring.set_password(SERVICE, self.install_id(), _text(pepper))
        else:
            stored = self._from_file()
            pepper = stored[0] if stored else self._new_in_file()
        self._known[pepper.id] = pepper
        return pepper

    def _from_keyring(self) -> Pepper | None:
        ring = usable_keyring()
        found = ring.get_password(SERVICE, self.install_id()) if ring is not None else None
        return _pepper(found) if found else None

    def _from_file(self) -> list[Pepper]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        texts = data.get("peppers", []) if isinstance(data, dict) else []
        return [pepper for pepper in map(_pepper, texts) if pepper is not None]

    def _new_in_file(self) -> Pepper:
        pepper = Pepper.new()
        write_private(self.file, json.dumps({"peppers": [_text(pepper)]}))
        return pepper


def _text(pepper: Pepper) -> str:
    return base64.b64encode(pepper.secret).decode("ascii")


def _pepper(text: object) -> Pepper | None:
    try:
        secret = base64.b64decode(str(text), validate=True)
    except (binascii.Error, ValueError):
        return None
    return Pepper(secret) if len(secret) >= 16 else None
