"""Emits each signal signature the app declares many times, in its own process (the Qt binding's
fault aborts the interpreter): `python signal_emitter_child.py EMISSIONS 'str' 'str,bool,str' …`.

Each signature is emitted EMISSIONS times on the GUI thread (direct connection) and EMISSIONS times
from a worker thread (queued connection, as the task runner's results come back), with payloads
full of Python singletons. Prints the change of the reference counts of True, False and None as JSON.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

SAMPLES: dict[str, list[Any]] = {
    "": [],
    "str": ["", "PA01-000102"],
    "bool": [True, False],
    "int": [0, 1],
    "object": [None, True, False, {"online": None, "ok": True}, ("x", None)],
    "list": [[None, True, False, {"sku": None}], []],
    "dict": [{"status": None, "approved": False, "lines": [{"trace": None}], "ready": True}, {}],
}


def payloads(types: list[str], count: int) -> list[tuple[Any, ...]]:
    """`count` argument tuples cycling through the samples of each type."""
    return [tuple(SAMPLES[kind][n % len(SAMPLES[kind])] for kind in types) for n in range(count)]


def singleton_counts() -> list[int]:
    return [sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)]


def main(emissions: int, signatures: list[str]) -> int:
    app = QCoreApplication(sys.argv[:1])
    report: dict[str, list[int]] = {}
    for signature in signatures:
        types = [kind for kind in signature.split(",") if kind]
        python_types = [{"str": str, "bool": bool, "int": int, "object": object, "list": list, "dict": dict}[kind]
                        for kind in types]
        emitter_class = type("Emitter", (QObject,), {"fired": Signal(*python_types)})
        emitter, receiver = emitter_class(), QObject()
        received = [0]
        # a receiver in the GUI thread: direct from here, queued from the worker thread
        emitter.fired.connect(lambda *_args, counter=received: counter.__setitem__(0, counter[0] + 1),
                              Qt.ConnectionType.AutoConnection)
        emitter.moveToThread(app.thread())
        before = singleton_counts()
        arguments = payloads(types, emissions)
        for args in arguments:
            emitter.fired.emit(*args)
        worker = threading.Thread(target=lambda batch=arguments, fired=emitter.fired:
                                  [fired.emit(*each) for each in batch])
        worker.start()
        worker.join()
        while received[0] < 2 * emissions:
            app.processEvents()
        del arguments, args
        report[signature or "()"] = [after - was for after, was in zip(singleton_counts(), before, strict=True)]
        emitter.deleteLater(), receiver.deleteLater()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), sys.argv[2:]))
