"""The command line: `posreturns [--data-dir D] [--json] COMMAND …` (see docs/cli.md)."""

from posreturns.cli.main import main

__all__ = ["main"]
