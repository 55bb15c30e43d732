"""The second process of a big import (`canonical_parallel`): reads the file on its standard input
(its length in 8 bytes, then the file) and writes its orders' checked records, chunk by chunk, to
its standard output.

    python -m posreturns.services.canonical_child
"""

from __future__ import annotations

import gc
import os
import sys
from typing import IO

import msgspec

from posreturns.services.canonical import FastParser
from posreturns.services.canonical_fast import FastReader, Unsure, decode_document
from posreturns.services.canonical_parallel import CHUNK, DONE, UNSURE, send
from posreturns.services.canonical_stream import OrderStream


def parse_orders(source: IO[bytes], out: IO[bytes]) -> None:
    """Every chunk of the file's orders checked and packed, then `DONE`; `UNSURE` at the first doubt
    (the writer then finds the exact error itself)."""
    gc.disable()  # fresh records only, freed by reference counting: nothing for the collector to find
    encode = msgspec.msgpack.Encoder().encode
    try:
        raw = read_file(source)
        # no file to read again when in doubt: the writer does that, in its own process
        stream = OrderStream(b"", "-", decode_document(raw).orders, FastReader(FastParser("-")))
        del raw  # the orders' undecoded JSON hold the file, until the last chunk is built
        for chunk in stream.chunks(in_process=True):
            send(out, CHUNK, encode(chunk))
    except Unsure:
        send(out, UNSURE)
    else:
        send(out, DONE)
    out.flush()


def read_file(stream: IO[bytes]) -> bytearray:
    """The file its length says, read into one buffer of that size (reading to the end would
    grow a buffer step by step, at up to twice the file's size)."""
    size = int.from_bytes(stream.read(8), "little")
    raw = bytearray(size)
    view, done = memoryview(raw), 0
    while done < size:
        got = stream.readinto(view[done:])  # type: ignore[attr-defined]  # a BufferedReader's
        if not got:
            raise SystemExit(1)  # the writer went away
        done += got
    return raw


if __name__ == "__main__":
    parse_orders(sys.stdin.buffer, sys.stdout.buffer)
    os._exit(0)  # nothing to tear down: skip freeing every object one by one
