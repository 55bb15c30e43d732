"""The frozen app's window program, `posreturns-till` (no console on Windows; logs in the data folder)."""

import sys

from posreturns.cli import till_main

sys.exit(till_main())
