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
from posreturns.domain import messages
from posreturns.domain.messages import Joined, translate

GS = "\x1d"
LAYOUT_CODE = "AZQWM-135790"  # letters and digits that differ between QWERTY and AZERTY; fits 58 mm
EAN_CODE = "4006381333931"
GS1_CODE = f"0104006381333931{GS}21SN-TEST-42"
#: Honeywell menu commands (command + "." = store): suffix CR for all symbologies, keyboard country.
HONEYWELL = (("suffix_cr", "VSUFCR."), ("keyboard_fr", "KBDCTY3."), ("keyboard_us", "KBDCTY0."))
WORDS: dict[str, messages.Text] = {
    "title": translate("devices.scanner_sheet", "SCANNER SET-UP"),
    "program": translate("devices.scanner_sheet", "1. Program (Honeywell scanners)"),
    "other": translate("devices.scanner_sheet", "Other makes: scan the codes of your scanner's manual for: suffix "
                       "Enter (CR), keyboard of this till, AIM identifiers on, GS sent as |."),
    "suffix_cr": translate("devices.scanner_sheet", "Suffix: Enter (CR)"),
    "keyboard_fr": translate("devices.scanner_sheet", "Keyboard: French (AZERTY)"),
    "keyboard_us": translate("devices.scanner_sheet", "Keyboard: US (QWERTY)"),
    "test": translate("devices.scanner_sheet", "2. Test: scan these on the set-up page"),
    "layout": translate("devices.scanner_sheet", "Keyboard layout and suffix"),
    "ean": translate("devices.scanner_sheet", "Product code (EAN-13)"),
    "gs1": translate("devices.scanner_sheet", "GS1 separator (serial number)"),
}

# What a till types when the scanner is set to the other layout: the same keys, other characters.
_SWAPPED = {"A": "Q", "Q": "A", "Z": "W", "W": "Z"}
_US_SCANNER_ON_AZERTY = {**_SWAPPED, "M": "?", **dict(zip("1234567890-", "&é\"'(-è_çà)", strict=True))}
_FR_SCANNER_ON_QWERTY = {**_SWAPPED, "M": ":", **dict(zip("1234567890-", "!@#$%^&*()6", strict=True))}


def word(key: str, lang: str) -> str:
    return WORDS[key].in_language(lang)


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
class ScanCheck(messages.InBothLanguages):
    """What a scan on the set-up page says about the scanner; `ok` False means something to change."""

    ok: bool
    said: messages.Text

    def in_language(self, language: str) -> str:
        return self.said.in_language(language)


def check_test_scan(text: str, completed: bool, gs_substitute: str | None = None) -> ScanCheck | None:
    """Compare a scan with the sheet's test codes; None when it is none of them."""
    data = text[3:] if len(text) > 3 and text[0] == "]" else text
    if data in (LAYOUT_CODE, EAN_CODE) or _gs1_ok(data, gs_substitute):
        if not completed:
            return ScanCheck(False, translate("devices.scanner_sheet", "Read correctly, but no Enter came after "
                                                                       "it: scan 'Suffix: Enter (CR)'."))
        return ScanCheck(True, translate("devices.scanner_sheet", "Correct: the scanner and this till agree."))
    if data == _typed(LAYOUT_CODE, _US_SCANNER_ON_AZERTY):
        return ScanCheck(False, translate("devices.scanner_sheet", "The scanner types QWERTY (US) but this till "
                                                                   "is AZERTY: scan 'Keyboard: French'."))
    if data == _typed(LAYOUT_CODE, _FR_SCANNER_ON_QWERTY):
        return ScanCheck(False, translate("devices.scanner_sheet", "The scanner types AZERTY (French) but this "
                                                                   "till is QWERTY: scan 'Keyboard: US'."))
    if data.swapcase() == LAYOUT_CODE:
        return ScanCheck(False, translate("devices.scanner_sheet", "The letters arrive in the wrong case: switch "
                                                                   "Caps Lock off."))
    head, _, tail = GS1_CODE.partition(GS)
    if data.startswith(head) and data.endswith(tail):
        seen = data[len(head):-len(tail)]
        if not seen:
            return ScanCheck(False, translate("devices.scanner_sheet", "The GS1 separator is lost (the keyboard "
                                                                       "layout drops Ctrl+]): program the "
                                                                       "scanner to send | instead of GS, and set "
                                                                       "the GS stand-in to | in the settings."))
        return ScanCheck(False, translate("devices.scanner_sheet", "The GS1 separator arrives as {0!r}: set it "
                                                                   "as the GS stand-in in the settings.").format(seen))
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
        parsed = translate("devices.scanner_sheet", "Unreadable: {0}").format(_Unreadable(str(error)))
    else:
        parsed = _read_as(code)
    check = check_test_scan(text, completed, gs_substitute)
    state = "" if check is None else ("ok" if check.ok else "warn")
    return {"parsed_en": parsed.in_language("en"), "parsed_fr": parsed.in_language("fr"),
            "check_en": check.en if check else "", "check_fr": check.fr if check else "", "state": state}


@dataclass(frozen=True)
class _Unreadable:
    """The scan parser's own English reason; the catalogue's general sentence in another language."""

    reason: str

    def in_language(self, language: str) -> str:
        return self.reason if language.startswith("en") else translate(
            "devices.scanner_sheet", "the scan matches no known code").in_language(language)


def _read_as(code: ScannedCode) -> messages.Text:
    symbology: str | messages.Text = code.symbology_name or translate("devices.scanner_sheet", "no AIM identifier")
    if code.kind == "gtin":
        return translate("devices.scanner_sheet", "{0}: product {1} ({2})").format(symbology, code.gtin,
                                                                                   code.gtin_format)
    if code.kind == "gs1":
        parts = [translate("devices.scanner_sheet", "GTIN {0}").format(code.gtin) if code.gtin else None,
                 translate("devices.scanner_sheet", "serial {0}").format(code.serial) if code.serial else None,
                 translate("devices.scanner_sheet", "batch {0}").format(code.batch) if code.batch else None]
        found = tuple(part for part in parts if part is not None)
        return translate("devices.scanner_sheet", "{0}: GS1 {1}").format(symbology, Joined(found, ", "))
    if code.kind == "url":
        return translate("devices.scanner_sheet", "{0}: link {1}").format(symbology, code.text)
    return translate("devices.scanner_sheet", "{0}: text {1!r} (receipt, return or voucher number)").format(
        symbology, code.text)
