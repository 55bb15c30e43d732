"""What a scan means for the screen showing: no Qt here, so every case is tested without a window.

The wedge and the serial scanner both end here; the window only carries out the route.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Protocol

from posreturns.domain.errors import UserFacingError


class Screen(IntEnum):
    """The window's screens, in the order of its stacked pages."""

    HOME = 0
    RETURN = 1
    DONE = 2
    SIGN_IN = 3


class Notice(Enum):
    """A scan that does nothing but tell the cashier why."""

    SIGN_IN_FIRST = "sign_in_first"  # nobody is signed in yet
    ITEM_ON_HOME = "item_on_home"  # an item's barcode where a receipt is expected


class ScannedCode(Protocol):
    """A scan as `devices.scanner.interpret` reads it: kind "item" (a product barcode) or "text"."""

    @property
    def kind(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def serial(self) -> str | None: ...


@dataclass(frozen=True)
class AddItem:
    """Add this item (and this very unit, when the scan carried its serial) to the return."""

    code: str
    serial: str | None = None


@dataclass(frozen=True)
class FindReceipt:
    """Look this receipt (or return, voucher, order number) up; `leave_done`: from the done screen."""

    code: str
    leave_done: bool = False


@dataclass(frozen=True)
class ToDialog:
    """A dialog is open in front of the screen: the scan is the dialog's (`raw`: as it came, for a
    text field), or refused with a word to the cashier when the dialog takes none — never the screen's."""

    code: str
    raw: str


@dataclass(frozen=True)
class Tell:
    """Change nothing; show one sentence: a `Notice`, or the scan's own error."""

    notice: Notice | None = None
    error: UserFacingError | None = None
    leave_done: bool = False


Route = AddItem | FindReceipt | Tell


@dataclass(frozen=True)
class _PlainText:
    code: str
    kind: str = "text"
    serial: str | None = None


class ScanRouter:
    """`interpret`: the raw scan to a code (raises `UserFacingError` on a scan that cannot be read);
    by default the text as it came, without its spaces."""

    def __init__(self, interpret: Callable[[str], ScannedCode] | None = None) -> None:
        self.interpret = interpret or (lambda raw: _PlainText(raw.strip()))

    def route(self, raw: str, screen: Screen) -> Route:
        try:
            scan = self.interpret(raw)
        except UserFacingError as error:
            return Tell(error=error)
        if screen is Screen.SIGN_IN:
            return Tell(Notice.SIGN_IN_FIRST)
        if screen is Screen.RETURN:
            return AddItem(scan.code, scan.serial)
        leave_done = screen is Screen.DONE  # a new customer: the done screen gives way to the home screen
        if scan.kind == "item":
            return Tell(Notice.ITEM_ON_HOME, leave_done=leave_done)
        return FindReceipt(scan.code, leave_done)

    def route_to_dialog(self, raw: str) -> ToDialog | Tell:
        """A modal dialog is in front of whatever screen (a manager's approval, a question): the scan
        is the dialog's, whatever that screen would have done with it."""
        try:
            return ToDialog(self.interpret(raw).code, raw.strip())
        except UserFacingError as error:
            return Tell(error=error)
