"""What the fuzz tests share: nasty values and mutations of a valid document or request."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

DEEP = "__DEEP__"  # replaced by nested brackets once the document is JSON text
CARD_NUMBERS = ["4111111111111111", "4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005",
                "ref 6011111111111117 ok"]
TIMES = ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2026-02-30T10:00:00+01:00",
         "2026-11-20T10:00:00+99:00", "2026-11-20T25:00:00Z", "2026-11-20", "1969-12-31T23:59:59Z", "20261120T100000Z"]
ZONES = ["Mars/Olympus", "../../etc/passwd", "", "UTC", "Europe/Paris", "a" * 300, "Europe/Paris\u0000",
         "/etc/localtime"]
AMOUNTS = ["9" * 40, "1e3", "-0.01", "0.001", "1,50", " 1.00", "NaN", "Infinity", "0x10", "١٢٣", "99999999999.99"]

texts = st.text(st.characters(codec=None, blacklist_categories=()), max_size=24)
nasty = st.one_of(
    st.none(), st.booleans(), st.builds(dict), st.builds(list), st.builds(lambda: {"x": [1]}),
    st.integers(-(2**70), 2**70), st.sampled_from([10**30, -1, 0, 2**63, 2**53 + 1]),
    st.floats(allow_nan=True, allow_infinity=True),
    texts, st.sampled_from(CARD_NUMBERS + TIMES + ZONES + AMOUNTS),
    st.just(DEEP), st.text("0123456789 -", min_size=12, max_size=22),
)


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value: keys of objects and indexes of arrays."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_of(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_of(child, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    """`base` with one to three values replaced, removed, or an unknown field added."""
    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        places = paths_of(document)
        if not places:
            break
        path = draw(st.sampled_from(places))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        kind = draw(st.sampled_from(["replace", "replace", "replace", "remove", "unknown_field"]))
        if kind == "replace":
            parent[path[-1]] = draw(nasty)
        elif kind == "remove":
            parent.pop(path[-1])
        elif isinstance(parent, dict):
            parent[draw(texts)] = draw(nasty)
    return document


def as_bytes(document: Any, depth: int) -> bytes:
    text = json.dumps(document)  # NaN and Infinity written as such; lone surrogates as \\ud800 escapes
    return text.replace(json.dumps(DEEP), "[" * depth + "]" * depth).encode()


@st.composite
def garbled(draw: st.DrawFn, valid: bytes) -> bytes:
    """Raw bytes: invalid UTF-8 in a valid document, a document cut short, or noise."""
    kind = draw(st.sampled_from(["invalid_utf8", "cut", "noise", "bom"]))
    if kind == "invalid_utf8":
        at = draw(st.integers(0, len(valid)))
        broken = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]))
        return valid[:at] + broken + valid[at:]
    if kind == "cut":
        return valid[: draw(st.integers(0, len(valid) - 1))]
    if kind == "bom":
        return b"\xef\xbb\xbf" + valid
    return draw(st.binary(max_size=64))
