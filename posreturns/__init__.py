"""posreturns: in-store returns for store tills."""

__version__ = "0.1.0"
