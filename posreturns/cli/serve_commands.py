"""`posreturns serve`: the till as a long-running local API for host POSes written in other languages
(host_api.py, host_server.py; docs/host-integration.md). It also runs the till's background work, as
the window does: the sync with the OMS and the e-receipt sender, when they are configured."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import signal
import threading
from typing import TYPE_CHECKING

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.till_args import open_runtime
from posreturns.paths import resolve_data_dir

if TYPE_CHECKING:
    from posreturns.cli.host_server import HostServer

DEFAULT_PORT = 8765
log = logging.getLogger("posreturns.host_api")


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    serve = commands.add_parser("serve", parents=shared,
                                help="a local JSON API over HTTP for a host POS on this computer (loopback only)")
    serve.add_argument("--host", default="127.0.0.1", help="a loopback address: 127.0.0.1 (default) or ::1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT,
                       help=f"the port (default {DEFAULT_PORT}; 0: any free port, printed at start)")
    serve.add_argument("--new-token", action="store_true",
                       help="replace the till's API token (every host must read the token file again)")
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace, out: Output) -> int:
    from posreturns.bootstrap import start_mail, start_sync
    from posreturns.cli.host_api import HostApi
    from posreturns.cli.host_server import TOKEN_FILE, HostServer, loopback, till_token

    loopback(args.host)  # refused before anything opens
    data_dir = resolve_data_dir(args.data_dir)
    with open_runtime(args) as runtime:
        till = runtime.till
        till.build_use_cases()  # built once here, not by two calls' threads at once
        server = HostServer((args.host, args.port), HostApi(till, args.printer), till_token(data_dir, args.new_token))
        runtime.sync, runtime.mail = start_sync(till), start_mail(till)
        stop_on_signals(server)
        till.policies.active()  # parsed once now, with the rest of what lives as long as the server
        keep_out_of_collections()
        print(json.dumps({"url": server.url, "token_file": str(data_dir / TOKEN_FILE), "pid": os.getpid()}),
              flush=True)  # one line: a parent process reads where to call
        logging.getLogger("posreturns").setLevel(logging.INFO)
        log.info("serving the host API on %s", server.url)
        try:
            server.serve_forever()
        finally:
            server.server_close()  # waits for the calls under way
        log.info("the host API stopped")
    return EXIT_OK


def keep_out_of_collections() -> None:
    """What start-up built lives as long as the server (modules, the till, its use cases): kept out of
    the collector's sight (`gc.freeze`), so that a full collection during a host's call no longer walks
    it all (on the million-order cache: ~53,000 objects, a full collection 14-27 ms of CPU before, under
    0.1 ms after; bench: make bench). What each call makes is collected as before."""
    gc.collect()
    gc.freeze()


def stop_on_signals(server: HostServer) -> None:
    """SIGTERM (a service manager) and Ctrl+C stop the server after the calls under way."""
    def stop(_signal: int, _frame: object) -> None:
        threading.Thread(target=server.stop, name="host-api-stop").start()  # stop() waits for the serving loop

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
