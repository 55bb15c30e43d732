"""The frozen app's console program, `posreturns` (the same as the wheel's console script)."""

import sys

from posreturns.cli import main

sys.exit(main())
