"""Language and formats: French or English from the settings or the system; money and dates for the locale."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from posreturns.domain.money import display
from posreturns.ui.resources import translations_dir

SUPPORTED = ("fr", "en")
NARROW_SPACE, NO_BREAK_SPACE = "\u202f", "\u00a0"


def choose_language(setting: str | None, system: QLocale | None = None) -> str:
    """The settings' language when set, else French on a French system, else English."""
    if setting and setting[:2] in SUPPORTED:
        return setting[:2]
    system = system or QLocale.system()
    return "fr" if system.language() == QLocale.Language.French else "en"


def install_translators(app: QCoreApplication, language: str, host: bool = False) -> list[QTranslator]:
    """Our strings and Qt's own (standard buttons); English needs none.

    Inside a host POS (`host=True`) only our strings are added: the host owns the default locale
    and Qt's translations."""
    if not host:
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France) if language == "fr"
                           else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    sources = [(f"posreturns_{language}", translations_dir())]
    if not host:
        sources.append((f"qtbase_{language}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))))
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def date_edit_format(language: str) -> str:
    """A date field's display format in `language`, as `Formats.day` writes a day."""
    return "dd/MM/yyyy" if language == "fr" else "MM/dd/yyyy"


class Formats:
    """Money and dates as the cashier reads them: '1 234,50 €' in French, '€1,234.50' in English; every
    time in the store's time zone (`zone()` names it, read at each use as the store may change; empty:
    the computer's), the one the receipts print, whatever the till's own clock is set to."""

    def __init__(self, language: str, zone: Callable[[], str] = lambda: "") -> None:
        self.language, self.zone = language, zone

    def money(self, amount: str | Decimal | None, currency: str = "EUR") -> str:
        if amount is None or amount == "":
            return ""
        return display(amount, currency, self.language, NARROW_SPACE, NO_BREAK_SPACE)

    def moment(self, when: datetime) -> str:
        local = self.local(when)
        return local.strftime("%d/%m/%Y %H:%M") if self.language == "fr" else local.strftime("%m/%d/%Y %I:%M %p")

    def day(self, when: datetime) -> str:
        local = self.local(when)
        return local.strftime("%d/%m/%Y") if self.language == "fr" else local.strftime("%m/%d/%Y")

    def stamp(self, text: str | None) -> str:
        """A stored UTC time ('2026-11-20T09:30:00Z', or with a space) as `moment` shows it; '' if none."""
        if not text:
            return ""
        try:
            when = datetime.fromisoformat(text.strip().replace(" ", "T").removesuffix("Z"))
        except ValueError:
            return text
        return self.moment(when if when.tzinfo is not None else when.replace(tzinfo=UTC))

    def local(self, when: datetime) -> datetime:
        return when.astimezone(self._zone())

    def _zone(self) -> tzinfo | None:
        name = self.zone()
        try:
            return ZoneInfo(name) if name else None
        except (ZoneInfoNotFoundError, ValueError):
            return None  # a zone this machine does not know: its own clock rather than nothing
