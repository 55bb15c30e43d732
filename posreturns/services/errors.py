"""Service-layer errors."""

from __future__ import annotations

from posreturns.domain.errors import UserFacingError


class NotFound(UserFacingError):
    """Nothing matched what the cashier scanned or typed."""


class BadInput(UserFacingError):
    """A request, scan or form is malformed; nothing was changed."""


class ImportRejected(BadInput):
    """A canonical data file was refused; nothing of it was imported."""

    def __init__(self, source: str, path: str, reason: str) -> None:
        self.source, self.path, self.reason = source, path, reason
        super().__init__(f"{source}: {path}: {reason} Nothing from this file was imported; fix it and import again.")
