"""Domain errors. `UserFacingError` marks messages a cashier may read as they are."""

from __future__ import annotations

from posreturns.domain.messages import Localized, in_language


class DomainError(Exception):
    """Base of every error raised by the domain."""


class UserFacingError(DomainError):
    """An error whose message is one sentence saying what happened and what to do next.

    The message is a catalogue `Text` (`domain.messages.translate`) when a person may read it in French:
    the window, the receipt and the command line show it in their language; `str()`, the logs and the
    command line's JSON keep the English. A plain string (e.g. a driver's own sentence) stays as it is.
    """

    def __init__(self, message: str | Localized) -> None:
        super().__init__(str(message))
        self.message = message

    def in_language(self, language: str) -> str:
        return in_language(self.message, language)


class InvalidAmount(UserFacingError):
    """A money amount is malformed or has more decimals than its currency allows."""


class CurrencyMismatch(DomainError):
    """Two amounts in different currencies were combined."""


class PolicyError(DomainError):
    """A return policy file is malformed; the message names the key that is wrong."""


class InvalidReturn(UserFacingError):
    """The return as entered cannot be quoted (unknown line, quantity, serial, missing note...)."""


class ReplacementNotInStock(InvalidReturn):
    """An exchange asks for a replacement that this store does not have on hand."""


class RefundExceedsTenders(DomainError):
    """A refund would take back more than the sale's tenders can still give back."""


class PinError(UserFacingError):
    """A manager PIN was refused: wrong, malformed, or the account is locked."""
