"""The orders of a big file decoded and checked in a second process while this one writes them.

Parsing and checking a file's orders costs about as much CPU as writing them: on a till with two
cores, a child process does the first while the writer does the second. The child reads the file on
its standard input and writes each chunk of checked records (`canonical_stream.CHUNK` orders),
packed by msgspec in C, to its standard output; the pipe is the bounded queue between them (the child
waits while the writer is behind), so a chunk or two is all that waits in memory. The writer still
holds its one transaction: when the child is not sure of something, or dies, or cannot start, the
writer gets `Unsure`, rolls everything back and reads the file whole in its own process for the
exact error, as it does without the child.

The child is `python -m posreturns.services.canonical_child`: a plain interpreter, not a copy of
the caller (no fork of a process that holds threads and open databases, nothing of the caller's
`__main__` run again). Where there is no such interpreter (the frozen app, a host program that
embeds Python) the orders are parsed in the writer's own process.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import msgspec

from posreturns.services.canonical_fast import Unsure
from posreturns.services.canonical_records import OrderRecord

CHILD = "posreturns.services.canonical_child"
PARALLEL_FROM = 20_000  # orders; below this a new process costs more than it saves (~0.2 s to start)
_FRAME = struct.Struct("<cI")  # kind, payload length
CHUNK, DONE, UNSURE = b"C", b"D", b"U"

_decoder = msgspec.msgpack.Decoder(list[OrderRecord])


def can_parse_aside() -> bool:
    """A Python interpreter to start: not the frozen app, nor a host program embedding Python."""
    return not getattr(sys, "frozen", False) and Path(sys.executable).name.lower().startswith("python")


def parallel_chunks(raw: bytes) -> Iterator[list[OrderRecord]]:
    """The file's orders, a chunk at a time, as `OrderStream.chunks` builds them, but built by a child
    process; `Unsure` when the child doubts or fails."""
    try:
        child = subprocess.Popen([sys.executable, "-P", "-m", CHILD], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_same_code())
    except OSError:
        raise Unsure from None
    assert child.stdin is not None and child.stdout is not None
    try:
        try:
            child.stdin.write(len(raw).to_bytes(8, "little"))
            child.stdin.write(raw)  # read whole before the child writes anything: no deadlock
            child.stdin.close()
        except OSError:
            raise Unsure from None  # it died before reading the file
        del raw  # the caller may have let go of it too: the writer needs its memory for SQLite's pages
        while True:
            kind, payload = _read_frame(child.stdout)
            if kind == DONE:
                break
            if kind != CHUNK:
                raise Unsure
            yield _decoder.decode(payload)
        if child.wait() != 0:
            raise Unsure
    finally:
        if child.poll() is None:
            child.kill()  # the writer stopped early (an unknown SKU, a rollback): the rest is not wanted
        child.wait()
        child.stdout.close()


def _same_code() -> dict[str, str]:
    """The environment for a child that imports this very copy of posreturns, not one that happens to
    be in the current folder (`-P` leaves that out) or elsewhere on the path."""
    ours = str(Path(__file__).resolve().parents[2])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (ours, os.environ.get("PYTHONPATH"))))}


def _read_frame(stream: IO[bytes]) -> tuple[bytes, bytes]:
    head = stream.read(_FRAME.size)
    if len(head) < _FRAME.size:
        return UNSURE, b""  # the child ended without a word: killed, out of memory
    kind, size = _FRAME.unpack(head)
    payload = stream.read(size)
    return (kind, payload) if len(payload) == size else (UNSURE, b"")


def send(out: IO[bytes], kind: bytes, payload: bytes = b"") -> None:
    out.write(_FRAME.pack(kind, len(payload)))
    out.write(payload)
