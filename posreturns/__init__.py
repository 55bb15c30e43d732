"""posreturns: in-store returns for store tills."""

import functools


@functools.cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        # pyproject.toml is the one place the version is written; an installed package (wheel, editable
        # checkout, frozen app) carries it in its metadata.
        return version("posreturns")
    except PackageNotFoundError:  # the sources on sys.path without being installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    """`__version__`, read from the metadata when first asked (a command line call that does not print it
    does not import importlib.metadata)."""
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
