"""The lookups hosts call most (`order show`, `order search`, `order match`) without SQLAlchemy: the
same `OrderLookup` over the same repository, reading through plain `sqlite3` (persistence/plain_sqlite),
which halves what a call costs before it answers.

Whatever the quick path cannot answer alone goes to the whole till (`open_from`), which then answers
exactly as before: a data folder with no database yet or a schema to migrate, a fixed clock
(`--now`), a database SQLite cannot read, and a sale missing from the cache when the till has an OMS
to fetch it from.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from posreturns.paths import DATABASE_FILE, resolve_data_dir
from posreturns.persistence.migrate import current_revision, scripts_head
from posreturns.persistence.order_repository import SqlOrderRepository
from posreturns.persistence.plain_sqlite import PlainSqlite
from posreturns.persistence.settings import SqlSettings
from posreturns.services.errors import StorageError
from posreturns.services.lookup import OrderLookup
from posreturns.services.setting_rules import TRAINING_KEY

T = TypeVar("T")


class Reader(Protocol):
    """What a lookup command reads through: the whole `Till`, or the quick one."""

    @property
    def lookup(self) -> OrderLookup: ...

    @property
    def settings(self) -> SqlSettings: ...


@dataclass
class QuickTill:
    lookup: OrderLookup
    settings: SqlSettings


class _AskTheOms(Exception):
    """The sale is not in the cache and the till has an OMS: the whole till fetches it."""


def _fetch_through_the_whole_till(_number: str) -> bool:
    raise _AskTheOms


def read(args: argparse.Namespace, answer: Callable[[Reader], T]) -> T:
    """`answer(reader)` on the quick path when it can, else on the whole till."""
    if getattr(args, "now", None) is None:
        database = resolve_data_dir(args.data_dir) / DATABASE_FILE
        if database.is_file():
            db = PlainSqlite(database)
            try:
                quick = _quick_till(db)
                if quick is not None:
                    return answer(quick)
            except (_AskTheOms, sqlite3.Error, StorageError):
                pass  # the whole till fetches the sale, or says in one sentence what is wrong with the database
            finally:
                db.close()
    from posreturns.cli.till_args import open_from

    with open_from(args) as till:
        return answer(till)


def _quick_till(db: PlainSqlite) -> QuickTill | None:
    head = scripts_head()
    if head is None or current_revision(db) != head:
        return None
    settings = SqlSettings(db)
    has_oms = bool(settings.get("oms.url")) and settings.get(TRAINING_KEY) != "1"  # as attach_oms decides
    lookup = OrderLookup(SqlOrderRepository(db), timezone=settings.store_timezone(),
                         fetch_missing=_fetch_through_the_whole_till if has_oms else None)
    return QuickTill(lookup, settings)
