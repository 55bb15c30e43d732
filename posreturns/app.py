"""The composition root: builds the object graph for the command line, the window and the plugin.

Nothing is built at import time; `open_till` is called once per process (or per test).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from posreturns.paths import DATABASE_FILE
from posreturns.persistence import migrate
from posreturns.persistence.cache_writer import SqlCacheWriter
from posreturns.persistence.engine import create_sqlite_engine
from posreturns.persistence.order_repository import SqlOrderRepository
from posreturns.persistence.settings import SqlSettings
from posreturns.services.lookup import OrderLookup


@dataclass
class Till:
    """Everything a front end needs, wired to one data folder."""

    data_dir: Path
    engine: Engine
    orders: SqlOrderRepository
    lookup: OrderLookup
    cache_writer: SqlCacheWriter
    settings: SqlSettings

    def close(self) -> None:
        self.engine.dispose()


def open_till(data_dir: Path) -> Till:
    """Open (creating and migrating if needed) the till's store in `data_dir`."""
    engine = create_sqlite_engine(data_dir / DATABASE_FILE)
    migrate.upgrade(engine)
    orders = SqlOrderRepository(engine)
    settings = SqlSettings(engine)
    lookup = OrderLookup(orders, timezone=settings.store_timezone())
    return Till(data_dir, engine, orders, lookup, SqlCacheWriter(engine), settings)
