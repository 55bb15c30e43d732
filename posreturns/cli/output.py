"""Printing results and errors: human text by default, JSON with `--json`; exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from posreturns.domain.messages import Localized, in_language

EXIT_OK, EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_FAILED = 0, 2, 3, 1


class Output:
    """`language()` is the reader's, asked only when a sentence is shown (see cli/language.py)."""

    def __init__(self, as_json: bool, language: Callable[[], str] = lambda: "en") -> None:
        self.as_json, self.language = as_json, language

    def result(self, data: Any, text: str) -> None:
        if self.as_json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(text)

    def document(self, data: Any) -> None:
        """JSON on stdout whatever `--json` says (requests and answers of the return commands)."""
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")

    def error(self, code: str, message: str | Localized) -> None:
        """JSON keeps the English for programs (docs/cli.md); a person reads the sentence in their language."""
        if self.as_json:
            json.dump({"error": {"code": code, "message": str(message)}}, sys.stderr, ensure_ascii=False)
            sys.stderr.write("\n")
        else:
            print(f"posreturns: {in_language(message, self.language())}", file=sys.stderr)

    def progress(self, done: int, total: int, label: str) -> None:
        """A one-line progress bar on stderr (kept off stdout so JSON stays clean)."""
        if not sys.stderr.isatty() and done not in (0, total):
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
