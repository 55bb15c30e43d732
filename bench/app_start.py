"""Cold start of the till window on a data folder, measured from inside a fresh process.

    python -m bench.app_start DATA_DIR   -> prints {"ready_s": …, "cpu_s": …, "rss_mb": …}

`cpu_s`: the process's CPU time until the window is ready (the interpreter's own start included),
which a loaded machine changes much less than the wall clock.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from bench.peak_rss import peak_rss_mb  # noqa: E402


def main(data_dir: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # in the order `posreturns gui` imports them: the till's own modules before Qt's
    from posreturns.app import open_till
    from posreturns.app_ui import ui_services

    from PySide6.QtCore import QTimer  # isort: skip
    from PySide6.QtWidgets import QApplication  # isort: skip
    from posreturns.domain.users import Principal
    from posreturns.ui.presenters.return_flow import Session
    from posreturns.ui.tasks import TaskRunner
    from posreturns.ui.window import build_window

    app = QApplication(sys.argv[:1])
    till = open_till(Path(data_dir))
    session = Session(principal=Principal.vouched("bench", by="bench"), till_id=lambda: "T1", offline=lambda: False,
                      store_id=lambda: "STORE-01")
    runner = TaskRunner()
    window = build_window(ui_services(till, "en", signs_in=False), session, runner)
    window.show()
    app.processEvents()
    ready, cpu = time.perf_counter() - STARTED, time.process_time()
    QTimer.singleShot(1000, app.quit)  # what the window loads once it shows counts in its memory
    app.exec()
    runner.wait()
    rss_mb = peak_rss_mb()
    print(json.dumps({"ready_s": round(ready, 3), "cpu_s": round(cpu, 3), "rss_mb": round(rss_mb, 1)}))
    till.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
