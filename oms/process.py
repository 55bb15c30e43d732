"""Processes of the OMS harness: free loopback ports, servers started in their own session and
stopped by pid (never by name; the command line is checked first against a recycled pid), commands
run to completion with the end of their output in the error."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from oms.state import LOOPBACK, HarnessError, say


def free_port(preferred: int | None = None) -> int:
    """``preferred`` if it is free on loopback (so a restart keeps its URL), else any free port."""
    for port in ([preferred] if preferred else []) + [0]:
        with socket.socket() as sock:
            try:
                sock.bind((LOOPBACK, port))
            except OSError:
                continue
            return int(sock.getsockname()[1])
    raise HarnessError("no free port on 127.0.0.1")


# Servers started by this process, by pid: kept so that they are reaped when they stop, and so that
# Popen does not warn "subprocess is still running" when its object is garbage-collected.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


def spawn(cmd: list[str], log: Path, **kwargs: Any) -> int:
    with log.open("ab") as fh:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )
    _CHILDREN[proc.pid] = proc
    return proc.pid


def pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    if pid in _CHILDREN:
        return _CHILDREN[pid].poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def exit_code(pid: int) -> int | None:
    """The exit code of a server this process started and that has ended, else None."""
    child = _CHILDREN.get(pid)
    return None if child is None else child.poll()


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def stop_pid(pid: int | None, expect: str, first: signal.Signals, timeout: float = 30.0) -> bool:
    """Stop one process by id; True if it was running. ``expect`` guards against a recycled pid."""
    if not pid_alive(pid):
        _CHILDREN.pop(pid or 0, None)
        return False
    assert pid is not None
    try:
        return _stop_pid(pid, expect, first, timeout)
    finally:
        if pid in _CHILDREN and _CHILDREN[pid].poll() is not None:
            del _CHILDREN[pid]


def _stop_pid(pid: int, expect: str, first: signal.Signals, timeout: float) -> bool:
    if expect not in cmdline(pid):
        say(f"pid {pid} is no longer {expect!r} ({cmdline(pid)[:80]!r}); not touching it")
        return False
    for sig, wait in ((first, timeout), (signal.SIGKILL, 10.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return True
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not pid_alive(pid):
                return True
            time.sleep(0.1)
        say(f"pid {pid} ({expect}) still alive after {sig.name}")
    return not pid_alive(pid)


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {path})"


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def as_postgres() -> dict[str, Any]:
    """Popen arguments to run a command as the ``postgres`` user: PostgreSQL refuses to run as root."""
    return {"user": "postgres", "group": "postgres", "extra_groups": []} if is_root() else {}


def run(
    cmd: list[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    log: Path | None = None,
    postgres: bool = False,
    timeout: float = 900,
) -> str:
    """Run a command to completion; on failure raise HarnessError with the end of its output."""
    extra = as_postgres() if postgres else {}
    if postgres and is_root():
        env = {**(env or os.environ), "HOME": "/var/lib/postgresql", "USER": "postgres"}
    proc = subprocess.run(
        cmd,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
        **extra,
    )
    if log is not None:
        with log.open("a") as fh:
            fh.write(f"\n$ {' '.join(cmd)}\n{proc.stdout}")
    if proc.returncode != 0:
        last = "\n".join(proc.stdout.splitlines()[-30:])
        raise HarnessError(f"{' '.join(cmd)} exited {proc.returncode} in {cwd or os.getcwd()}:\n{last}")
    return proc.stdout


def sha256_files(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
