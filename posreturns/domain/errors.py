"""Domain errors. `UserFacingError` marks messages a cashier may read as they are."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error raised by the domain."""


class UserFacingError(DomainError):
    """An error whose message is one sentence saying what happened and what to do next.

    `fr` is the same sentence in French when the raiser gives it; the window shows it to French
    cashiers (the command line and logs stay in English).
    """

    def __init__(self, message: str, fr: str | None = None) -> None:
        super().__init__(message)
        self.fr = fr

    def in_language(self, language: str) -> str:
        return self.fr if language == "fr" and self.fr else str(self)


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
