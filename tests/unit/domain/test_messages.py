"""The message catalogue read without Qt: every sentence of the layers below the window, in English and French,
from the same `.ts` file as the window's."""

from __future__ import annotations

import subprocess
import sys

from posreturns.domain.errors import InvalidReturn
from posreturns.domain.messages import Joined, french_catalogue, translate
from posreturns.services.access import refused


def test_a_message_reads_in_english_and_in_french_with_its_arguments() -> None:
    missing = translate("persistence.marks", "returns {0}-{1} of till {2}").format(4, 6, "T1")
    assert str(missing) == "returns 4-6 of till T1"
    assert missing.in_language("fr") == "retours 4-6 de la caisse T1"
    assert missing.in_language("fr_FR") == "retours 4-6 de la caisse T1"


def test_arguments_that_are_messages_follow_the_language() -> None:
    gaps = Joined((translate("persistence.marks", "outbox events {0}-{1}").format(3, 4), "T9"))
    assert gaps.in_language("en") == "outbox events 3-4; T9"
    assert gaps.in_language("fr") == "événements 3-4 de l'outbox; T9"


def test_an_error_keeps_its_english_for_logs_and_json_and_speaks_french_to_a_french_reader() -> None:
    error = refused()
    assert str(error).startswith("Wrong ID or PIN")
    assert error.in_language("fr").startswith("Identifiant ou code erroné")
    plain = InvalidReturn("A driver's own sentence.")
    assert plain.in_language("fr") == "A driver's own sentence."


def test_a_message_missing_from_the_catalogue_falls_back_to_its_english() -> None:
    assert translate("nowhere", "Not in the catalogue.").in_language("fr") == "Not in the catalogue."


def test_the_catalogue_holds_the_window_and_the_layers_beneath_it() -> None:
    contexts = {context for context, _source in french_catalogue()}
    assert {"MainWindow", "Labels", "devices.wording", "services.lookup", "domain.validation"} <= contexts


def test_reading_the_catalogue_does_not_load_qt() -> None:
    code = ("import sys; from posreturns.services.access import refused; refused().in_language('fr'); "
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
