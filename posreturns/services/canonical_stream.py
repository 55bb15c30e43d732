"""Big import files, validated while they are written.

The orders (nearly all of a first load) are decoded, checked and built a chunk at a time as the
cache writer takes them, so a file of any size needs memory for one chunk of records, not for all of
them. The writer holds one transaction throughout: when anything is wrong on the way, it rolls back
and reads the file again whole with `load_document` (`OrderStream.whole`), whose error is the
file's, word for word as for a file read at once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

from posreturns.services import canonical_parallel
from posreturns.services.canonical import Document, FastParser, all_unique, load_document
from posreturns.services.canonical_fast import FastReader, Unsure
from posreturns.services.canonical_records import OrderRecord

CHUNK = 5_000


def stream_document(raw: bytes, source: str) -> Document:
    """The file's records, its orders an `OrderStream`; the file read whole (`load_document`) when it
    has prior returns (they need every order) or held units (the head leaves them to the whole read),
    or when the fast reader is not sure of its head."""
    parser = FastParser(source)
    try:
        head, orders, fast = parser.head(raw)
    except Unsure:
        return load_document(raw, source)
    if parser.returns_raw or parser.held_raw or not orders or not all_unique(head):
        return load_document(raw, source)
    return head._replace(orders=OrderStream(raw, source, orders, fast))


class OrderStream:
    """The orders of a file, built a chunk at a time (`chunks`), each check of `load_document` made
    on the way; `Unsure` at the first doubt."""

    def __init__(self, raw: bytes, source: str, orders: list[Any], reader: FastReader) -> None:
        self.raw, self.source, self.orders, self.reader = raw, source, orders, reader

    def __len__(self) -> int:
        return len(self.orders)

    def __iter__(self) -> Iterator[OrderRecord]:
        for chunk in self.chunks():
            yield from chunk

    def chunks(self, in_process: bool = False) -> Iterator[list[OrderRecord]]:
        """The orders `CHUNK` at a time; built by a second process while the caller writes them when
        there are many (`canonical_parallel`), unless `in_process`."""
        if (not in_process and len(self.orders) >= canonical_parallel.PARALLEL_FROM
                and canonical_parallel.can_parse_aside()):
            paused = gc.isenabled()
            gc.disable()  # the writer's side of the bulk work: no collection among its rows either
            try:
                yield from canonical_parallel.parallel_chunks(self.raw)
            finally:
                if paused:
                    gc.enable()
            return
        ids: set[str] = set()
        numbers: set[str] = set()
        line_ids: set[str] = set()
        paused = gc.isenabled()
        gc.disable()  # as in load_document: nothing to collect among fresh records
        try:
            for start in range(0, len(self.orders), CHUNK):
                chunk = [self.reader.order(item, f"$.orders[{i}]")
                         for i, item in enumerate(self.orders[start : start + CHUNK], start)]
                before = len(ids), len(numbers), len(line_ids)
                ids.update(order.id for order in chunk)
                numbers.update(order.number.upper() for order in chunk)
                line_ids.update(line.id for order in chunk for line in order.lines)
                lines = sum(len(order.lines) for order in chunk)
                if (len(ids), len(numbers), len(line_ids)) != (before[0] + len(chunk), before[1] + len(chunk),
                                                               before[2] + lines):
                    raise Unsure  # an id twice in the file: load_document says which
                yield chunk
        finally:
            if paused:
                gc.enable()

    def whole(self) -> Document:
        """The file read at once: raises the file's `ImportRejected`, if it has one."""
        return load_document(self.raw, self.source)
