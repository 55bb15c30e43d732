"""`python -m posreturns …` is the same as the `posreturns` command."""

import sys

from posreturns.cli import main

sys.exit(main())
