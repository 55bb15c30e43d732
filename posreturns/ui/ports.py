"""What the window needs of the parts below it, as protocols: the composition root
(`posreturns.bootstrap`) hands it the till's real catalogue, drafts, printing and drawer, and tests
may hand it others. No Qt here."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol

from posreturns.domain.users import Principal


class Runner(Protocol):
    """Runs `work` away from the GUI thread and hands its result, or its error, back on the GUI thread
    (`ui.tasks.TaskRunner`; `ui.device_runner.DeviceTaskRunner` for the printer's thread)."""

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None: ...


class Device(Protocol):
    """The one thread that owns a device (the printer and its drawer): work waits in its queue."""

    def submit(self, work: Callable[[], Any]) -> Future[Any]: ...
    def stop(self) -> None: ...


class Catalog(Protocol):
    def find_variant(self, code: str) -> dict[str, Any] | None: ...
    def siblings(self, sku: str, location: str) -> list[dict[str, Any]]: ...
    def customer_contact(self, customer_id: str) -> tuple[str, str]: ...


class Drafts(Protocol):
    """The return in progress, saved after every change (see `presenters.basket`)."""

    def save(self, draft: dict[str, Any]) -> None: ...
    def load(self) -> dict[str, Any] | None: ...
    def clear(self) -> None: ...


class Printing(Protocol):
    """Receipt printing (`devices.printing.ReceiptPrinting`); its outcomes are read by the done page
    and the print queue."""

    @property
    def device(self) -> Device: ...
    def print_return(self, return_number: str) -> Any: ...
    def print_document(self, kind: str, reference: str | None, blocks: list[Any]) -> Any: ...
    def status(self) -> dict[str, Any]: ...
    def waiting(self) -> list[Any]: ...
    def retry(self, job_id: int) -> Any: ...
    def retry_unprinted(self) -> list[Any]: ...
    def cancel(self, job_id: int) -> bool: ...


class Drawer(Protocol):
    """The cash drawer: opened once for a committed return that pays cash out at this till."""

    def open_for_return(self, return_number: str, pays_cash: bool, actor: str | None) -> Any: ...


class DrawerFloats(Protocol):
    """The drawer float of the day (`services.drawer.DrawerService`): asked for after a sign-in."""

    def current_float(self) -> Any: ...
    def set_float(self, actor: Principal, amount: str) -> Any: ...


class Settings(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...


class SettingsAccess(Protocol):
    """The settings screen's unlock (a manager's or admin's PIN) and changes, through the services."""

    def unlock(self, user_id: str, pin: str) -> Principal: ...
    def change(self, actor: Principal, values: dict[str, str]) -> dict[str, str]: ...
    def may_change(self, actor: Principal, key: str) -> bool: ...
