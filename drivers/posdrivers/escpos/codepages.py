"""Text → code page bytes, with transliteration and no silent ``?``.

The printer uses one fixed code page per profile (no MagicEncode-style switching). Each character is
encoded with the profile's Python codec; a character the page lacks is replaced from a small
transliteration table (``Œ`` → ``OE``, ``’`` → ``'``, ``—`` → ``-``, …) and, failing that, reported:
:func:`encode_text` raises :class:`UnprintableText` listing every such character, and
:func:`unprintable_characters` returns them for callers that want to check before printing.
"""

from __future__ import annotations

import unicodedata

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


def unprintable_characters(text: str, code_page: CodePage) -> list[str]:
    """Characters of ``text`` that cannot be printed on ``code_page`` (each once, in order of appearance).

    Control characters other than newline count as unprintable: they would be printer commands.
    """
    return _encode(text, code_page)[1]


def encode_text(text: str, code_page: CodePage) -> bytes:
    """Encode ``text`` for ``code_page`` (NFC-normalised, transliterated where needed).

    Raises :class:`UnprintableText` listing every character that cannot be printed.
    """
    data, bad = _encode(text, code_page)
    if bad:
        raise UnprintableText(bad, code_page.name)
    return data
