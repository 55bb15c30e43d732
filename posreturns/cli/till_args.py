"""Opening the till the global options describe: data folder, till id, clock (`--now`, training tills only);
connected to its OMS when one is configured (a sale missing from the cache is fetched, offline rules
follow the OMS)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from posreturns.paths import resolve_data_dir
from posreturns.services.errors import BadInput
from posreturns.services.json_reader import printable

if TYPE_CHECKING:  # the whole till: not for the lookups that read through plain sqlite3 (quick_reads)
    from posreturns.app import Till
    from posreturns.bootstrap import Runtime

MAX_DEPTH = 32


def day_argument(text: str) -> date:
    """An argparse type: a day written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def open_from(args: argparse.Namespace) -> Till:
    return open_runtime(args).till


def open_runtime(args: argparse.Namespace) -> Runtime:
    from posreturns.bootstrap import bootstrap

    return bootstrap(resolve_data_dir(args.data_dir), "cli", till_id=getattr(args, "till", None),
                     now=getattr(args, "now", None))


def read_json(path: Path | None) -> Any:
    """A JSON document from `--request FILE` (or `-`), else from stdin (see `parse_json`)."""
    try:
        raw = sys.stdin.buffer.read() if path is None or str(path) == "-" else path.read_bytes()
    except OSError as error:
        raise BadInput(f"Cannot read the request {path}: {error.strerror}; check the path.") from None
    if not raw.strip():
        raise BadInput("The request is empty; send the JSON request on stdin or with --request FILE.")
    return parse_json(raw)


def parse_json(raw: bytes) -> Any:
    """A request's JSON (the command line's and the host API's): UTF-8, at most 32 levels deep."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise BadInput(
            f"The request is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); "
            "send it as UTF-8 JSON."
        ) from None
    deep = too_deep(data, MAX_DEPTH)
    if deep is not None:
        raise BadInput(f"The request is nested more than {MAX_DEPTH} levels deep at {deep}; "
                       "see docs/cli.md for its format.")
    return data


def too_deep(value: Any, limit: int, path: str = "$") -> str | None:
    """The path where `value` goes deeper than `limit` levels, or None."""
    if limit < 0:
        return path
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        if isinstance(child, (dict, list)):
            where = too_deep(child, limit - 1,
                             f"{path}[{key}]" if isinstance(key, int) else f"{path}.{printable(key)[:40]}")
            if where is not None:
                return where
    return None
