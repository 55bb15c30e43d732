"""Big import files, validated while they are written.

The orders (nearly all of a first load) are decoded, checked and built a chunk at a time as the
cache writer takes them, so a file of any size needs memory for one chunk of records, not for all of
them. The writer holds one transaction throughout: when anything is wrong on the way, it rolls back
and reads the file again whole with `load_document` (`OrderStream.whole`), whose error is the
file's, word for word as for a file read at once.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable, Iterator
from itertools import chain
from operator import attrgetter
from typing import Any

from posreturns.services import canonical_parallel
from posreturns.services.canonical import Document, FastParser, all_unique, load_document
from posreturns.services.canonical_fast import FastReader, Unsure
from posreturns.services.canonical_records import OrderRecord

CHUNK = 5_000
_ID, _NUMBER, _LINES = attrgetter("id"), attrgetter("number"), attrgetter("lines")


def stream_document(raw: bytes, source: str, reread: Callable[[], bytes] | None = None) -> Document:
    """The file's records, its orders an `OrderStream`; the file read whole (`load_document`) when it
    has prior returns (they need every order) or held units (the head leaves them to the whole read),
    or when the fast reader is not sure of its head. `reread`: the file read again from disk, so that
    its bytes need not be kept while a second process parses them."""
    parser = FastParser(source)
    try:
        head, orders, fast = parser.head(raw)
    except Unsure:
        return load_document(raw, source)
    if parser.returns_raw or parser.held_raw or not orders or not all_unique(head):
        return load_document(raw, source)
    return head._replace(orders=OrderStream(raw, source, orders, fast, reread))


class OrderStream:
    """The orders of a file, built a chunk at a time (`chunks`), each check of `load_document` made
    on the way; `Unsure` at the first doubt. That no id or number is in the file twice is known after
    the last chunk, before the iteration ends (and so before the writer commits): it keeps a 64-bit
    hash of each, 8 bytes, instead of the texts (the texts of a million orders' ids weigh more
    than the file)."""

    def __init__(self, raw: bytes, source: str, orders: list[Any], reader: FastReader,
                 reread: Callable[[], bytes] | None = None) -> None:
        self.raw, self.source, self.orders, self.reader, self.reread = raw, source, orders, reader, reread
        self.count = len(orders)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[OrderRecord]:
        for chunk in self.chunks():
            yield from chunk

    def chunks(self, in_process: bool = False) -> Iterator[list[OrderRecord]]:
        """The orders `CHUNK` at a time; built by a second process while the caller writes them when
        there are many (`canonical_parallel`), unless `in_process`."""
        if (not in_process and self.count >= canonical_parallel.PARALLEL_FROM
                and canonical_parallel.can_parse_aside()):
            paused = gc.isenabled()
            gc.disable()  # the writer's side of the bulk work: no collection among its rows either
            try:
                yield from canonical_parallel.parallel_chunks(self._handed_over())
            finally:
                if paused:
                    gc.enable()
            return
        ids, numbers, line_ids = array("q"), array("q"), array("q")
        paused = gc.isenabled()
        gc.disable()  # as in load_document: nothing to collect among fresh records
        try:
            for start in range(0, self.count, CHUNK):
                chunk = [self.reader.order(item, f"$.orders[{i}]")
                         for i, item in enumerate(self.orders[start : start + CHUNK], start)]
                ids.extend(map(hash, map(_ID, chunk)))
                numbers.extend(map(hash, map(str.upper, map(_NUMBER, chunk))))
                line_ids.extend(map(hash, map(_ID, chain.from_iterable(map(_LINES, chunk)))))
                yield chunk
                del chunk
            if not self.raw:  # in the second process, the file's bytes can go before the last check
                self.orders = []
            if any(len(set(keys)) != len(keys) for keys in (ids, numbers, line_ids)):
                raise Unsure  # an id twice in the file (or two ids of one hash): load_document says which
        finally:
            if paused:
                gc.enable()

    def _handed_over(self) -> bytes:
        """The file's bytes, no longer kept here when they can be read again (the second process
        gets them; the orders' undecoded JSON are views of them)."""
        raw = self.raw
        if self.reread is not None:
            self.raw, self.orders = b"", []
        return raw

    def whole(self) -> Document:
        """The file read at once: raises the file's `ImportRejected`, if it has one. Read again from
        disk when its bytes were handed over: nothing was written from the first read."""
        return load_document(self.raw or (self.reread() if self.reread else b""), self.source)
