"""Bring a database to the newest schema with Alembic (run by `init` and at every start-up)."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from posreturns.domain.errors import UserFacingError
from posreturns.persistence.engine import WRITE

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@functools.cache  # the scripts ship with the package: read them once per process
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


class DatabaseFromNewerVersion(UserFacingError):
    """Migrations only go forward: an older app cannot open what a newer one migrated."""


def upgrade(engine: Engine) -> bool:
    """Apply pending migrations; returns True when something was applied."""
    current = current_revision(engine)
    scripts = ScriptDirectory.from_config(alembic_config())
    if current == scripts.get_current_head():
        return False
    if current is not None and current not in {script.revision for script in scripts.walk_revisions()}:
        raise DatabaseFromNewerVersion(
            f"This till's database was written by a newer version of posreturns (schema {current}); install that "
            "version again, or restore the backup of the data folder taken before it was installed.")
    config = alembic_config()
    with engine.connect().execution_options(**WRITE) as connection:
        # SQLite rebuilds altered tables (copy, drop, rename): foreign keys must be off meanwhile,
        # and can only be switched outside a transaction; they are checked again before commit.
        raw = connection.connection.driver_connection
        assert raw is not None  # a live pysqlite connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                connection.rollback()
                raise RuntimeError(f"migration left {len(broken)} broken references; the database was not changed")
            connection.commit()
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    return True
