"""Text → code page bytes: characters the page lacks degrade, they never block a receipt.

The printer uses one fixed code page per profile (no MagicEncode-style switching). Each character is
encoded with the profile's Python codec; a character the page lacks is replaced, in this order, from
a small table (``Œ`` → ``OE``, ``’`` → ``'``, ``—`` → ``-``, …), by its letters without accents
(``ő`` → ``o``), by a transliteration into Latin letters (anyascii: ``Ł`` → ``L``, ``Москва`` →
``Moskva``), and failing all that (symbols, emoji, control characters) by a visible ``?``.
:func:`degrade_text` returns the printable text and what was replaced, so the caller can say so
once; :func:`encode_text` with ``strict=True`` raises :class:`UnprintableText` instead (tests, and
callers that prefer to refuse), and :func:`unprintable_characters` lists what the page cannot print
even after the table.
"""

from __future__ import annotations

import unicodedata

from anyascii import anyascii

from posdrivers.errors import UnprintableText
from posdrivers.escpos.profiles import CodePage

# Used only for characters the selected code page cannot encode (WPC1252 prints Œ and ’ natively).
TRANSLITERATIONS: dict[str, str] = {
    "Œ": "OE",
    "œ": "oe",
    "Ÿ": "Y",
    "Š": "S",
    "š": "s",
    "Ž": "Z",
    "ž": "z",
    "‘": "'",
    "’": "'",
    "‚": ",",
    "‛": "'",
    "′": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "…": "...",
    "•": "*",
    "·": ".",
    "™": "TM",
    "‹": "<",
    "›": ">",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "€": "EUR",
}

# Characters that would inject printer commands or move the paper if let through as "text".
_ALLOWED_CONTROLS = {"\n"}
REPLACEMENT = "?"


def _encode_char(char: str, code_page: CodePage) -> bytes | None:
    try:
        return char.encode(code_page.codec)
    except UnicodeEncodeError:
        pass
    substitute = TRANSLITERATIONS.get(char)
    if substitute is None:
        return None
    try:
        return substitute.encode(code_page.codec)
    except UnicodeEncodeError:
        return None


def _is_forbidden_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS


def _encode(text: str, code_page: CodePage) -> tuple[bytes, list[str]]:
    out = bytearray()
    bad: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        encoded = None if _is_forbidden_control(char) else _encode_char(char, code_page)
        if encoded is None:
            if char not in bad:
                bad.append(char)
        else:
            out += encoded
    return bytes(out), bad


def _fits(text: str, code_page: CodePage) -> bool:
    try:
        text.encode(code_page.codec)
    except UnicodeEncodeError:
        return False
    return True


def _substitute(char: str, code_page: CodePage) -> str:
    """The printable stand-in for one character the page lacks (see the module docstring)."""
    if _is_forbidden_control(char):
        return " " if char in "\t\r\x0b\x0c" else REPLACEMENT
    table = TRANSLITERATIONS.get(char)
    if table is not None and _fits(table, code_page):
        return table
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if bare and bare != char and _fits(bare, code_page):
        return bare
    if unicodedata.category(char)[0] in "LN":
        latin = anyascii(char)
        if latin and _fits(latin, code_page):
            return latin
    return REPLACEMENT


def degrade_text(text: str, code_page: CodePage) -> tuple[str, dict[str, str]]:
    """``text`` with every character the page cannot print replaced, and ``{character: stand-in}``."""
    out: list[str] = []
    replaced: dict[str, str] = {}
    for char in unicodedata.normalize("NFC", text):
        if not _is_forbidden_control(char) and _fits(char, code_page):
            out.append(char)
            continue
        stand_in = replaced.get(char) or _substitute(char, code_page)
        replaced[char] = stand_in
        out.append(stand_in)
    return "".join(out), replaced


def unprintable_characters(text: str, code_page: CodePage) -> list[str]:
    """Characters of ``text`` that cannot be printed on ``code_page`` (each once, in order of appearance).

    Control characters other than newline count as unprintable: they would be printer commands.
    """
    return _encode(text, code_page)[1]


def encode_text(text: str, code_page: CodePage, *, strict: bool = False) -> bytes:
    """Encode ``text`` for ``code_page`` (NFC-normalised, transliterated where needed).

    Characters that cannot be printed degrade (see :func:`degrade_text`); with ``strict`` they raise
    :class:`UnprintableText` listing every one of them.
    """
    if not strict:
        return degrade_text(text, code_page)[0].encode(code_page.codec)
    data, bad = _encode(text, code_page)
    if bad:
        raise UnprintableText(bad, code_page.name)
    return data
