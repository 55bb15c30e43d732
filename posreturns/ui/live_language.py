"""Changing the till's language while it runs: Qt's translators and default locale are swapped, and
every window, page, dialog and list already built gets its words in the new language at once,
without a restart and without touching the return in progress.

The window's sentences are set once, when each widget is built; Qt has no record of the source a
text came from. The catalogue knows both languages of every sentence, so a text shown in the old
language is looked up and replaced by the same sentence in the new one. What the screens compose
(amounts, dates, the decision, the basket, the recent returns) is drawn again by the window, through
the formats of the new language; date fields take its format and calendar, keeping their day.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from posreturns.domain.messages import french_catalogue
from posreturns.ui.i18n import date_edit_format, install_translators

KEY_SUFFIX = "   "  # a button's shortcut follows its words after three spaces ("Complete the return   F12")


@cache
def _words(old: str, new: str) -> dict[str, str]:
    """Every sentence of the catalogue as shown in `old` -> the same sentence in `new`."""
    catalogue = french_catalogue()
    if old == "en" and new == "fr":
        return {source: french for (_context, source), french in catalogue.items()}
    if old == "fr" and new == "en":
        return {french: source for (_context, source), french in catalogue.items()}
    return {}


def retranslated(text: str, words: dict[str, str]) -> str:
    """`text` in the new language when the catalogue has it (with a shortcut after it kept), else as is."""
    if not text:
        return text
    if text in words:
        return words[text]
    head, gap, key = text.partition(KEY_SUFFIX)
    if gap and head in words:
        return words[head] + gap + key
    return text


def retranslate_widget(widget: QWidget, words: dict[str, str]) -> None:
    def swap(get: Callable[[], str], put: Callable[[str], None]) -> None:
        text = get()
        changed = retranslated(text, words)
        if changed != text:
            put(changed)

    swap(widget.windowTitle, widget.setWindowTitle)
    swap(widget.toolTip, widget.setToolTip)
    if isinstance(widget, QLabel | QAbstractButton):
        swap(widget.text, widget.setText)
    if isinstance(widget, QLineEdit):
        swap(widget.placeholderText, widget.setPlaceholderText)
    if isinstance(widget, QGroupBox):
        swap(widget.title, widget.setTitle)
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            widget.setItemText(index, retranslated(widget.itemText(index), words))
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            widget.setTabText(index, retranslated(widget.tabText(index), words))
    if isinstance(widget, QTableWidget):
        for column in range(widget.columnCount()):
            header = widget.horizontalHeaderItem(column)
            if header is not None:
                swap(header.text, header.setText)


def redate(edit: QDateTimeEdit, old: str, new: str) -> None:
    """A date field in the new language: its format (the day it holds stays) and its calendar's
    month and day names."""
    edit.setLocale(QLocale())  # the new language's, set by install_translators
    if edit.displayFormat() == date_edit_format(old):
        edit.setDisplayFormat(date_edit_format(new))
    calendar = edit.calendarWidget()
    if calendar is not None:
        calendar.setLocale(QLocale())


class LanguageSwitch:
    """Holds the translators the window installed; `switch(language)` changes them and every widget."""

    def __init__(self, app: QCoreApplication, language: str, translators: list[QTranslator]) -> None:
        self.app, self.language, self.translators = app, language, translators

    def switch(self, language: str) -> bool:
        """False when `language` is the one already shown."""
        if language == self.language:
            return False
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = install_translators(self.app, language)
        words = _words(self.language, language)
        for widget in QApplication.allWidgets():
            retranslate_widget(widget, words)
            if isinstance(widget, QDateTimeEdit):
                redate(widget, self.language, language)
        self.language = language
        return True

    def remove(self) -> None:
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = []
