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


class ReturnRefused(UserFacingError):
    """The policy refuses this return; nothing was written."""


class ApprovalRequired(UserFacingError):
    """The return needs a manager's approval and the request carries none."""


class AlreadyUsedKey(BadInput):
    """An idempotency key was sent again with a different request."""


class LedgerChanged(Exception):
    """The sale's ledgers changed between the quote and the commit (another till or process);
    the service quotes again. Not user-facing."""


class StorageError(UserFacingError):
    """The till's data folder or database cannot be read or written (disk full, read-only, locked,
    damaged, rolled back); what was being done was not saved."""


class PermissionDenied(UserFacingError):
    """The signed-in user's role does not allow this use case; nothing was changed (and the refusal
    is in the audit log)."""
