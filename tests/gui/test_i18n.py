"""French and English: the language chosen from the settings or the system, the window's texts in
each language, money and dates for the locale, and a French catalogue that is complete."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from posreturns.app import Till
from posreturns.app_ui import ui_services
from posreturns.domain.users import Principal
from posreturns.ui.i18n import Formats, choose_language, install_translators
from posreturns.ui.presenters.return_flow import Session
from posreturns.ui.resources import translations_dir
from posreturns.ui.tasks import InlineTaskRunner
from posreturns.ui.views.main_window import MainWindow
from posreturns.ui.window import build_window

ROOT = Path(__file__).parents[2]
BIN = Path(sys.executable).parent
FRENCH_TS = translations_dir() / "posreturns_fr.ts"
NBSP = "\u00a0"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """Our French catalogue (built like `make translations` when missing or stale) installed for one test."""
    qm = FRENCH_TS.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < FRENCH_TS.stat().st_mtime:
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(FRENCH_TS), "-qm", str(qm)], check=True)
    default = QLocale()
    installed = install_translators(qapp, "fr")
    assert [t.language() for t in installed][:1] == ["fr_FR"]
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(default)


def _window(qtbot, till: Till, language: str) -> MainWindow:  # type: ignore[no-untyped-def]
    session = Session(principal=Principal.vouched("marie", by="tests"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "PARIS-01")
    window = build_window(ui_services(till, language, signs_in=False), session, InlineTaskRunner(), poll_status=False)
    qtbot.addWidget(window)
    window.on_scan("PA01-000102")
    window.flow.add_order_line("ORD-1002-L1")
    window.flow.update_line(0, reason="WRONG_SIZE", condition="NEW_WITH_TAGS")
    return window


def test_the_window_speaks_french_with_french_money(qtbot, demo_till: Till,
                                                    french: None) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till, "fr")
    assert window.windowTitle() == "Retours"
    assert (window.home.find_button.text(), window.home.settings_button.text()) == ("Chercher", "Réglages")
    decision = window.return_page.decision
    assert decision.status.text() == "Accepté"
    assert f"Remboursement : 100,20{NBSP}€" in decision.totals.text()
    assert f"Carte bancaire{NBSP}: 100,20{NBSP}€ (sur le terminal de paiement)" in decision.totals.text()
    card = window.return_page.basket_box.itemAt(0).widget()
    assert card.reasons.buttons["WRONG_SIZE"].text() == "Mauvaise taille"
    assert "Dans le délai de retour" in decision.trace.text()  # the policy's own French sentences


def test_the_window_speaks_english_with_english_money(qtbot, demo_till: Till) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till, "en")
    assert (window.home.find_button.text(), window.home.settings_button.text()) == ("Find", "Settings")
    decision = window.return_page.decision
    assert decision.status.text() == "Allowed"
    totals = decision.totals.text()
    assert "Refund: €100.20" in totals and "Card: €100.20 (on the payment terminal)" in totals
    assert "Within the 30-day return window" in decision.trace.text()


def test_the_language_comes_from_the_settings_else_the_system() -> None:
    assert choose_language("en", QLocale(QLocale.Language.French)) == "en"
    assert choose_language("fr_FR", QLocale(QLocale.Language.English)) == "fr"
    assert choose_language("", QLocale(QLocale.Language.French, QLocale.Country.Belgium)) == "fr"
    assert choose_language(None, QLocale(QLocale.Language.German)) == "en"
    assert choose_language("de", QLocale(QLocale.Language.English)) == "en"


@pytest.mark.parametrize(("lang", "expected"), [("fr_FR.UTF-8", "fr"), ("en_GB.UTF-8", "en"), ("de_DE.UTF-8", "en")])
def test_a_french_system_gets_french_by_default(lang: str, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    code = "from posreturns.ui.i18n import choose_language; print(choose_language(''))"
    out = subprocess.run([sys.executable, "-c", code], env={**env, "LANG": lang}, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == expected


def test_money_and_dates_follow_the_language() -> None:
    when = datetime(2026, 3, 9, 16, 5, tzinfo=UTC).astimezone()
    french, english = Formats("fr"), Formats("en")
    assert french.money("1234.5") == f"1\u202f234,50{NBSP}€" and english.money("1234.5") == "€1,234.50"
    assert french.money("-3") == f"-3,00{NBSP}€" and english.money("12", "GBP") == "£12.00"
    assert french.day(when) == when.strftime("%d/%m/%Y") and english.day(when) == when.strftime("%m/%d/%Y")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _placeholders(text: str) -> set[str]:
    """The argument numbers a sentence uses: {0}, {1!r}, {2:>5}… ({{ and }} are literal braces)."""
    return set(re.findall(r"(?<!\{)\{(\d+)[!:}]", text))


def test_every_french_translation_is_finished_and_keeps_its_placeholders() -> None:
    messages = _messages(FRENCH_TS)
    assert len(messages) > 150
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, f"{context}: {source!r} is not finished"
        text = translation.text or ""
        assert text.strip(), f"{context}: {source!r} has no French"
        assert _placeholders(source) == _placeholders(text), f"{context}: {source!r} lost or added a placeholder"


def test_lupdate_finds_no_string_missing_from_the_french_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), "-silent", "-extensions", "py", "-locations", "none",
                    str(ROOT / "posreturns"), "-ts", str(fresh)], check=True, cwd=ROOT)
    in_code, in_file = set(_messages(fresh)), set(_messages(FRENCH_TS))
    assert in_code - in_file == set(), "run `make translations-update` and translate the new strings"
    assert in_file - in_code == set(), "strings no longer in the code: run `make translations-update`"


def test_errors_from_the_services_reach_a_french_cashier_in_french(qtbot, demo_till: Till,
                                                                   french: None) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_till, "fr")
    window.flow.scan_item("JEAN-SLIM-40")
    assert window.return_page.message.text().startswith("Cet article (JEAN-SLIM-40) n'est pas sur le "
                                                        "ticket PA01-000102")
    window.go_home()
    window.lookup.submit("a")
    assert "Tapez au moins deux lettres" in window.home.message.text()
    demo_till.users.seed("mgr9", "Paul", "manager", "4321")
    window.on_scan("PA01-000108")
    for line_id in ("ORD-1008-L1", "ORD-1008-L2"):
        window.flow.add_order_line(line_id)
    for index in (0, 1):
        window.flow.update_line(index, reason="CHANGED_MIND", condition="NEW_WITH_TAGS")
    window.flow.complete(approval=("mgr9", "0000"))
    assert window.return_page.message.text().startswith("Identifiant ou code erroné, ou cet utilisateur")
