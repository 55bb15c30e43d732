"""Profiles: shipped data, cross-checked with python-escpos's printer database; loading errors."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from escpos.capabilities import get_profile
from posdrivers.errors import BadProfile, ProfileNotFound
from posdrivers.escpos.profiles import list_profiles, load_profile, load_profile_file

SHIPPED = ["epson-tm-t20iii", "epson-tm-t88vi", "epson-tm-m30", "star-tsp650ii-escpos", "bixolon-srp-350iii",
           "citizen-ct-s310ii", "generic-58mm", "generic-80mm"]


def test_the_profiles_ship_with_the_package() -> None:
    assert set(SHIPPED) <= set(list_profiles())


@pytest.mark.parametrize("name", SHIPPED)
def test_every_profile_is_consistent(name: str) -> None:
    profile = load_profile(name)
    assert profile.name == name
    assert profile.dots_per_line % 8 == 0
    assert profile.columns("B") > profile.columns("A") > 0
    assert "é€".encode(profile.code_page.codec)  # both code pages chosen have the euro sign
    assert profile.cut in ("full", "partial", "none")


@pytest.mark.parametrize(("ours", "theirs"), [("epson-tm-t88vi", "TM-T88V"), ("epson-tm-t20iii", "TM-T20II")])
def test_epson_profiles_agree_with_the_escpos_printer_database(ours: str, theirs: str) -> None:
    """The escpos-printer-db entry of the nearest model (bundled with python-escpos) is an independent source."""
    profile, reference = load_profile(ours), get_profile(theirs)
    assert reference.get_code_pages()[profile.code_page.name.replace("WPC", "CP")] == str(
        profile.code_page.escpos_number
    )
    assert reference.get_code_pages()["CP858"] == "19"
    media = reference.profile_data["media"]
    assert (profile.dpi, profile.dots_per_line) == (media["dpi"], media["width"]["pixels"])
    fonts = reference.profile_data["fonts"]
    assert (profile.columns("A"), profile.columns("B")) == (fonts["0"]["columns"], fonts["1"]["columns"])


# (our profile, the nearest entry of escpos-printer-db as bundled with python-escpos, what to compare)
REFERENCES = [
    ("epson-tm-m30", "TM-T20II", "geometry"),
    ("citizen-ct-s310ii", "CT-S651", "columns"),
    ("bixolon-srp-350iii", "TM-T88V", "geometry"),
    ("star-tsp650ii-escpos", "TSP600", "media"),
    ("generic-80mm", "default", "code pages"),
]


@pytest.mark.parametrize(("ours", "theirs", "what"), REFERENCES)
def test_new_profiles_agree_with_the_escpos_printer_database(ours: str, theirs: str, what: str) -> None:
    profile, reference = load_profile(ours), get_profile(theirs)
    data = reference.profile_data
    pages = reference.get_code_pages()
    codec_name = {"cp1252": "CP1252", "cp858": "CP858"}[profile.code_page.codec]
    if data["features"].get("starCommands"):
        # Star Line mode numbers its tables differently (ESC GS t): the model has the table, and in
        # ESC/POS emulation the profile uses Epson's ESC t number, like every ESC/POS profile here
        assert codec_name in pages
        assert get_profile("default").get_code_pages()[codec_name] == str(profile.code_page.escpos_number)
    else:
        assert pages[codec_name] == str(profile.code_page.escpos_number)
    if what in ("geometry", "media"):
        assert (profile.dpi, profile.dots_per_line) == (data["media"]["dpi"], data["media"]["width"]["pixels"])
    if what in ("geometry", "columns"):
        assert (profile.columns("A"), profile.columns("B")) == (data["fonts"]["0"]["columns"],
                                                                data["fonts"]["1"]["columns"])


@pytest.mark.parametrize("name", SHIPPED)
def test_every_profile_says_where_its_figures_come_from_and_how_it_confirms(name: str) -> None:
    profile = load_profile(name)
    assert profile.source and profile.completion in ("process_id", "transmit_status", "status")


def test_a_star_line_mode_profile_file_is_refused(tmp_path: Path) -> None:
    profile_data = resources.files("posdrivers.escpos.profile_data")
    data = json.loads(profile_data.joinpath("star-tsp650ii-escpos.json").read_text())
    data["command_set"] = "star-line"
    (tmp_path / "star.json").write_text(json.dumps(data))
    with pytest.raises(BadProfile, match="only ESC/POS is supported.*ESC/POS emulation"):
        load_profile_file(tmp_path / "star.json")


def test_unknown_profile_names_the_ones_that_exist() -> None:
    with pytest.raises(ProfileNotFound, match="epson-tm-t20iii"):
        load_profile("star-tsp100")
    with pytest.raises(ProfileNotFound):
        load_profile("../profiles")


def test_own_profile_file_loads(tmp_path: Path) -> None:
    data = json.loads(
        resources.files("posdrivers.escpos.profile_data").joinpath("generic-80mm.json").read_text()
    )
    data.update(name="shop-printer", cut="partial")
    path = tmp_path / "shop.json"
    path.write_text(json.dumps(data))
    profile = load_profile_file(path)
    assert (profile.name, profile.cut, profile.code_page.escpos_number) == ("shop-printer", "partial", 19)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("code_page"), "no field 'code_page.name'"),
        (lambda d: d["columns"].pop("B"), "no field 'columns.B'"),
        (lambda d: d.update(qr_native="yes"), "'qr_native'.*bool"),
        (lambda d: d.update(cut="sometimes"), "cut must be"),
        (lambda d: d["drawer"].update(pin=3), "pin must be 2 or 5"),
        (lambda d: d.update(dots_per_line=500), "multiple of 8"),
        (lambda d: d["code_page"].update(codec="klingon"), "not a Python codec"),
        (lambda d: d.update(dpi="high"), "field 'dpi' has the wrong value 'high'"),
    ],
)
def test_bad_profile_files_say_which_field_is_wrong(tmp_path: Path, change, message: str) -> None:
    data = json.loads(
        resources.files("posdrivers.escpos.profile_data").joinpath("generic-80mm.json").read_text()
    )
    change(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(BadProfile, match=message):
        load_profile_file(path)


def test_unreadable_profile_file(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(BadProfile, match="cannot be read"):
        load_profile_file(tmp_path / "broken.json")
    with pytest.raises(BadProfile):
        load_profile_file(tmp_path / "missing.json")
