"""A package's re-exported names, each imported from its module when first asked (PEP 562): a caller of
one name (the keyboard-wedge rules) does not load the others' modules (the printers, pyserial)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_names(package: str, homes: dict[str, str], names: dict[str, Any]) -> Callable[[str], Any]:
    """The package's `__getattr__`: `homes` maps each name to its module; `names` is the package's
    globals, where a name is kept once imported (the next access does not come here)."""

    def attribute(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = names[name] = getattr(importlib.import_module(home), name)
        return value

    return attribute
