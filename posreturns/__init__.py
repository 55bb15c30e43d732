"""posreturns: in-store returns for store tills."""

from importlib.metadata import PackageNotFoundError, version

try:
    # pyproject.toml is the one place the version is written; an installed package (wheel, editable
    # checkout, frozen app) carries it in its metadata.
    __version__ = version("posreturns")
except PackageNotFoundError:  # the sources on sys.path without being installed
    __version__ = "0+unknown"
