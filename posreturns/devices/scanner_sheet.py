"""The scanner set-up sheet, and what a test scan says about the scanner's settings.

The sheet has two parts, as scanner makers' own sheets do: programming codes (suffix Enter, keyboard
layout) and test codes. The programming codes follow Honeywell's menu-command format (the command
text followed by "." to store it, in a Code 128), documented for its Voyager, Xenon and Hyperion
scanners; other makes take the same settings from the codes in their own manual. The test codes are
ours: scanned on the set-up page, each one tells whether the keyboard layout, the suffix and the
GS1 separator are right, and says what to change when they are not.
"""

from __future__ import annotations

from dataclasses import dataclass

from posdrivers import ScanError, ScannedCode, parse_scan

from posreturns.devices.documents import Barcode, Block, Cut, Feed, QrCode, Rule, Text

GS = "\x1d"
LAYOUT_CODE = "AZQWM-135790"  # letters and digits that differ between QWERTY and AZERTY; fits 58 mm
EAN_CODE = "4006381333931"
GS1_CODE = f"0104006381333931{GS}21SN-TEST-42"
#: Honeywell menu commands (command + "." = store): suffix CR for all symbologies, keyboard country.
HONEYWELL = (("suffix_cr", "VSUFCR."), ("keyboard_fr", "KBDCTY3."), ("keyboard_us", "KBDCTY0."))
WORDS = {
    "title": ("SCANNER SET-UP", "RÉGLAGE DU SCANNER"),
    "program": ("1. Program (Honeywell scanners)", "1. Programmer (scanners Honeywell)"),
    "other": ("Other makes: scan the codes of your scanner's manual for: suffix Enter (CR), keyboard of this "
              "till, AIM identifiers on, GS sent as |.",
              "Autres marques : scannez les codes de leur manuel pour : suffixe Entrée (CR), clavier de cette "
              "caisse, identifiants AIM activés, GS envoyé comme |."),
    "suffix_cr": ("Suffix: Enter (CR)", "Suffixe : Entrée (CR)"),
    "keyboard_fr": ("Keyboard: French (AZERTY)", "Clavier : français (AZERTY)"),
    "keyboard_us": ("Keyboard: US (QWERTY)", "Clavier : américain (QWERTY)"),
    "test": ("2. Test: scan these on the set-up page", "2. Tester : scannez-les sur la page de réglage"),
    "layout": ("Keyboard layout and suffix", "Clavier et suffixe"),
    "ean": ("Product code (EAN-13)", "Code produit (EAN-13)"),
    "gs1": ("GS1 separator (serial number)", "Séparateur GS1 (numéro de série)"),
}

# What a till types when the scanner is set to the other layout: the same keys, other characters.
_SWAPPED = {"A": "Q", "Q": "A", "Z": "W", "W": "Z"}
_US_SCANNER_ON_AZERTY = {**_SWAPPED, "M": "?", **dict(zip("1234567890-", "&é\"'(-è_çà)", strict=True))}
_FR_SCANNER_ON_QWERTY = {**_SWAPPED, "M": ":", **dict(zip("1234567890-", "!@#$%^&*()6", strict=True))}


def word(key: str, lang: str) -> str:
    english, french = WORDS[key]
    return french if lang == "fr" else english


def scanner_sheet(lang: str) -> list[Block]:
    """The sheet to print: programming codes, then the test codes."""
    blocks: list[Block] = [Text(word("title", lang), "center", bold=True, large=True), Rule(),
                           Text(word("program", lang), bold=True)]
    for key, command in HONEYWELL:
        blocks += [Text(word(key, lang), "center"), Barcode("code128", command, any_ascii=True), Feed()]
    blocks += [Text(word("other", lang)), Rule(), Text(word("test", lang), bold=True),
               Text(word("layout", lang), "center"), Barcode("code128", LAYOUT_CODE), Feed(),
               Text(word("ean", lang), "center"), Barcode("ean13", EAN_CODE), Feed(),
               Text(word("gs1", lang), "center"), QrCode(GS1_CODE), Feed(2), Cut()]
    return blocks


@dataclass(frozen=True)
class ScanCheck:
    """What a scan on the set-up page says about the scanner; `ok` False means something to change."""

    ok: bool
    en: str
    fr: str

    def in_language(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


def check_test_scan(text: str, completed: bool, gs_substitute: str | None = None) -> ScanCheck | None:
    """Compare a scan with the sheet's test codes; None when it is none of them."""
    data = text[3:] if len(text) > 3 and text[0] == "]" else text
    if data in (LAYOUT_CODE, EAN_CODE) or _gs1_ok(data, gs_substitute):
        if not completed:
            return ScanCheck(False, "Read correctly, but no Enter came after it: scan 'Suffix: Enter (CR)'.",
                             "Bien lu, mais sans Entrée après : scannez « Suffixe : Entrée (CR) ».")
        return ScanCheck(True, "Correct: the scanner and this till agree.",
                         "Correct : le scanner et la caisse s'accordent.")
    if data == _typed(LAYOUT_CODE, _US_SCANNER_ON_AZERTY):
        return ScanCheck(False, "The scanner types QWERTY (US) but this till is AZERTY: scan 'Keyboard: French'.",
                         "Le scanner tape en QWERTY (US) mais la caisse est en AZERTY : scannez « Clavier : "
                         "français ».")
    if data == _typed(LAYOUT_CODE, _FR_SCANNER_ON_QWERTY):
        return ScanCheck(False, "The scanner types AZERTY (French) but this till is QWERTY: scan 'Keyboard: US'.",
                         "Le scanner tape en AZERTY mais la caisse est en QWERTY : scannez « Clavier : américain ».")
    if data.swapcase() == LAYOUT_CODE:
        return ScanCheck(False, "The letters arrive in the wrong case: switch Caps Lock off.",
                         "Les lettres arrivent dans la mauvaise casse : désactivez le verrouillage majuscules.")
    head, _, tail = GS1_CODE.partition(GS)
    if data.startswith(head) and data.endswith(tail):
        seen = data[len(head):-len(tail)]
        if not seen:
            return ScanCheck(False, "The GS1 separator is lost (the keyboard layout drops Ctrl+]): program the scanner "
                             "to send | instead of GS, and set the GS stand-in to | in the settings.",
                             "Le séparateur GS1 est perdu (le clavier ignore Ctrl+]) : programmez le scanner pour "
                             "envoyer | à la place de GS, et indiquez | comme remplaçant de GS dans les réglages.")
        return ScanCheck(False, f"The GS1 separator arrives as {seen!r}: set it as the GS stand-in in the settings.",
                         f"Le séparateur GS1 arrive comme {seen!r} : "
                         "indiquez-le comme remplaçant de GS dans les réglages.")
    return None


def _gs1_ok(data: str, gs_substitute: str | None) -> bool:
    return data == GS1_CODE or (gs_substitute is not None and data == GS1_CODE.replace(GS, gs_substitute))


def _typed(code: str, keys: dict[str, str]) -> str:
    """What a scanner set to the other keyboard layout makes this till type for `code`."""
    return "".join(keys.get(c, c) for c in code)


def describe_scan(text: str, completed: bool, gs_substitute: str | None) -> dict[str, str]:
    """For the set-up page: how the till reads `text`, and the verdict on a test code, in both languages."""
    try:
        code = parse_scan(text, gs_substitute=gs_substitute)
    except ScanError as error:
        parsed = (f"Unreadable: {error}", "Illisible : le scan ne correspond à aucun code connu.")
    else:
        parsed = _read_as(code)
    check = check_test_scan(text, completed, gs_substitute)
    state = "" if check is None else ("ok" if check.ok else "warn")
    return {"parsed_en": parsed[0], "parsed_fr": parsed[1], "check_en": check.en if check else "",
            "check_fr": check.fr if check else "", "state": state}


def _read_as(code: ScannedCode) -> tuple[str, str]:
    symbology = code.symbology_name or "no AIM identifier"
    symbologie = code.symbology_name or "sans identifiant AIM"
    if code.kind == "gtin":
        return (f"{symbology}: product {code.gtin} ({code.gtin_format})",
                f"{symbologie} : produit {code.gtin} ({code.gtin_format})")
    if code.kind == "gs1":
        parts = [(f"GTIN {code.gtin}", f"GTIN {code.gtin}") if code.gtin else None,
                 (f"serial {code.serial}", f"n° de série {code.serial}") if code.serial else None,
                 (f"batch {code.batch}", f"lot {code.batch}") if code.batch else None]
        found = [part for part in parts if part]
        return (f"{symbology}: GS1 " + ", ".join(p[0] for p in found),
                f"{symbologie} : GS1 " + ", ".join(p[1] for p in found))
    if code.kind == "url":
        return f"{symbology}: link {code.text}", f"{symbologie} : lien {code.text}"
    return (f"{symbology}: text {code.text!r} (receipt, return or voucher number)",
            f"{symbologie} : texte {code.text!r} (numéro de ticket, de retour ou de bon)")
