"""Opening the till the global options describe: data folder, till id, clock; connected to its OMS
when one is configured (a sale missing from the cache is fetched, offline rules follow the OMS)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from posreturns.app import Till, attach_oms, make_clock, open_till
from posreturns.paths import resolve_data_dir
from posreturns.services.errors import BadInput


def open_from(args: argparse.Namespace) -> Till:
    clock = make_clock(getattr(args, "now", None))
    till = open_till(resolve_data_dir(args.data_dir), clock=clock, till_id=getattr(args, "till", None))
    attach_oms(till)
    return till


def read_json(path: Path | None) -> Any:
    """A JSON document from `--request FILE` (or `-`), else from stdin."""
    try:
        text = sys.stdin.read() if path is None or str(path) == "-" else path.read_text(encoding="utf-8")
    except OSError as error:
        raise BadInput(f"Cannot read the request {path}: {error.strerror}; check the path.") from None
    if not text.strip():
        raise BadInput("The request is empty; send the JSON request on stdin or with --request FILE.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(
            f"The request is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); "
            "fix it and send it again."
        ) from None
