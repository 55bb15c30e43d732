"""The command line answers a person in the till's language, else the system's; JSON stays English for programs."""

from __future__ import annotations

import json

import pytest

from posreturns.app import Till
from tests.helpers.cli import run_in


def test_an_error_is_told_in_the_systems_language_when_the_till_sets_none(demo_till: Till,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    code, _out, err = run_in(demo_till.data_dir, "order", "show", "NOPE-42")
    assert code == 3 and err.startswith("posreturns: Aucune vente n° « NOPE-42 » sur cette caisse")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert run_in(demo_till.data_dir, "order", "show", "NOPE-42")[2].startswith(
        'posreturns: No sale with the number "NOPE-42" is on this till')


def test_the_tills_language_setting_wins_over_the_systems(demo_till: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    demo_till.settings.set("language", "fr")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, _out, err = run_in(demo_till.data_dir, "order", "search", "a")
    assert code == 2 and "Tapez au moins deux lettres du nom du client" in err
    demo_till.settings.set("language", "en")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert "Type at least two letters" in run_in(demo_till.data_dir, "order", "search", "a")[2]


def test_json_errors_keep_their_english_message_for_programs(demo_till: Till) -> None:
    demo_till.settings.set("language", "fr")
    code, _out, err = run_in(demo_till.data_dir, "--json", "order", "show", "NOPE-42")
    assert code == 3
    assert json.loads(err)["error"] == {"code": "not_found", "message": 'No sale with the number "NOPE-42" is on this '
                                                                        "till; check the number or search by customer."}
