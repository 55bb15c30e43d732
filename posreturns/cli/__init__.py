"""The command line: `posreturns [--data-dir D] [--json] COMMAND …` (see docs/cli.md)."""

from posreturns.cli.main import main, till_main

__all__ = ["main", "till_main"]
