"""The till database's side of the chain-wide numbering (`TillNumbers`): the block of second-hand
codes and the range of return numbers this database holds, as settings kept by posreturns
(`resale.ean_block`; `returns.range.<till>` = `<store code>-<till code>/<range>`)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from posreturns.domain.resale import serials_per_block
from posreturns.persistence.engine import WRITE
from posreturns.services.sync_ports import NumbersHeld

SMALLEST_BLOCK = serials_per_block("299")  # a new block is claimed before the smallest one is full
_UPSERT = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"


class SqlTillNumbers:
    def __init__(self, engine: Engine, install_id: Callable[[], str], till_id: Callable[[], str]) -> None:
        self.engine, self.install_id, self.till_id = engine, install_id, till_id

    def held(self) -> NumbersHeld:
        install, till = self.install_id(), self.till_id()
        with self.engine.connect() as connection:
            values: dict[str, str] = dict(connection.exec_driver_sql("SELECT key, value FROM settings WHERE key IN "
                                                     "('store.id', 'resale.ean_block', 'resale.ean_seq')").all())
            own: dict[str, str] = dict(connection.exec_driver_sql("SELECT key, value FROM settings WHERE key IN (?, ?)",
                                                  (f"returns.seq.{till}", f"returns.range.{till}")).all())
        block, (stem, _, number_range) = values.get("resale.ean_block"), own.get(f"returns.range.{till}",
                                                                                 "").rpartition("/")
        return NumbersHeld(values.get("store.id") or "", till, install, None if block is None else int(block),
                           int(values.get("resale.ean_seq") or 0) >= SMALLEST_BLOCK * 9 // 10,
                           int(own.get(f"returns.seq.{till}") or 0),
                           (stem, int(number_range)) if number_range.isdigit() else None)

    def hold_ean_block(self, block: int) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(_UPSERT, ("resale.ean_block", str(block)))
            connection.exec_driver_sql(_UPSERT, ("resale.ean_seq", "0"))

    def hold_return_range(self, till_id: str, stem: str, number_range: int, first_seq: int) -> None:
        """In one transaction with the returns being numbered, so a return recorded meanwhile is never undone."""
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            run = connection.exec_driver_sql
            seq = int(run("SELECT value FROM settings WHERE key = ?", (f"returns.seq.{till_id}",)).scalar() or 0)
            run(_UPSERT, (f"returns.seq.{till_id}", str(max(seq, first_seq))))
            run(_UPSERT, (f"returns.range.{till_id}", f"{stem}/{number_range}"))
