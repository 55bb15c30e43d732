"""The one message catalogue, read without Qt: every sentence a person reads, in English and French.

Qt's translation file (`resources/translations/posreturns_fr.ts`, edited with Qt Linguist) is the single
source: the window reads its compiled `.qm` through Qt, and the layers that must not load Qt (domain,
services, devices, the command line) read the same `.ts` here, once, on the first French sentence. Code
names a message by its context and English text, `translate("services.lookup", "No sale {0} here.").format(number)`,
and keeps it as a `Text` until the edge (window, receipt, command line) picks the language. `lupdate`
finds these `translate(...)` calls as it finds `tr(...)` in the window (`make translations-update`), and
the test of the catalogue fails on a sentence without its French.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Protocol, TypeGuard, runtime_checkable

FRENCH_FILE = "posreturns_fr.ts"


@runtime_checkable
class Localized(Protocol):
    """An argument written differently per language (an amount, a date, another message)."""

    def in_language(self, language: str) -> str: ...


class InBothLanguages:
    """A value that carries a message (`said`) and words it in English or French when read."""

    __slots__ = ()
    said: Localized

    @property
    def en(self) -> str:
        return self.said.in_language("en")

    @property
    def fr(self) -> str:
        return self.said.in_language("fr")


@dataclass(frozen=True)
class Text:
    """A catalogue message with its arguments, in no language yet; `str()` is the English."""

    context: str
    source: str
    args: tuple[object, ...] = ()

    def in_language(self, language: str) -> str:
        french = language.lower().startswith("fr")
        pattern = french_catalogue().get((self.context, self.source), self.source) if french else self.source
        if not self.args:
            return pattern
        return pattern.format(*(arg.in_language(language) if _localized(arg) else arg for arg in self.args))

    def format(self, *args: object) -> Text:
        """The message with its arguments: `{0}`, `{1}`… of the English and of every translation."""
        return Text(self.context, self.source, args)

    def __str__(self) -> str:
        return self.in_language("en")


@dataclass(frozen=True)
class Joined:
    """Several messages as one argument, e.g. "returns 4-6 of till T1; outbox events 9-12"."""

    parts: tuple[str | Localized, ...]
    separator: str = "; "

    def in_language(self, language: str) -> str:
        return self.separator.join(in_language(part, language) for part in self.parts)


@dataclass(frozen=True)
class Worded:
    """An argument written in the reader's language by `write(value, language)`, e.g. an amount by `money_text`."""

    write: Callable[[Any, str], str]
    value: Any

    def in_language(self, language: str) -> str:
        return self.write(self.value, language)


def translate(context: str, source: str) -> Text:
    """The message `source` of `context`, both literal strings: `lupdate` reads them from the code (arguments
    go through `.format(...)`, as with Qt's `tr`, so that `lupdate` still recognises the call)."""
    return Text(context, source)


def in_language(message: str | Localized, language: str) -> str:
    """A message in `language`; a plain string (e.g. a driver's own English sentence) stays as it is."""
    return message.in_language(language) if _localized(message) else str(message)


def _localized(value: object) -> TypeGuard[Localized]:
    """`isinstance(value, Localized)` as the protocol check decides it (an `in_language` that is not None),
    without its cost: a runtime protocol check walks the protocol's members on every call, and a
    quote formats a few hundred arguments."""
    return getattr(value, "in_language", None) is not None


@cache
def french_catalogue() -> dict[tuple[str, str], str]:
    """(context, English) -> French, for every finished translation of the `.ts` file."""
    path = files("posreturns") / "resources" / "translations" / FRENCH_FILE
    found: dict[tuple[str, str], str] = {}
    for context in ET.fromstring(path.read_bytes()).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[(name, message.findtext("source") or "")] = translation.text
    return found
