"""Bring a database to the newest schema with Alembic (run by `init` and at every start-up).

Alembic is imported only when there is something to migrate: at a start on an up-to-date database
(nearly every start, and every call of the command line by a host POS) the stored revision is
compared with the newest script's, read from the scripts' text, which saves half a second.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from posreturns.domain.errors import UserFacingError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

    from posreturns.persistence.plain_sqlite import Readable

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*=\s*(.*?)\s*$""", re.MULTILINE)
_QUOTED = re.compile(r"""^["']([0-9A-Za-z_]+)["']$""")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@functools.cache  # the scripts ship with the package: read them once per process
def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@functools.cache
def scripts_head() -> str | None:
    """The newest revision, read from the text of the scripts without importing them; None when that
    text is not plain enough to be sure (several heads, a revision that is not a quoted name): Alembic
    then decides."""
    revisions, parents = set(), set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        revision, parent = _QUOTED.match(found.get("revision", "")), found.get("down_revision", "")
        if revision is None:
            return None
        revisions.add(revision.group(1))
        if parent != "None":
            quoted = _QUOTED.match(parent)
            if quoted is None:
                return None
            parents.add(quoted.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def current_revision(engine: Readable) -> str | None:
    with engine.connect() as connection:
        known = connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").first()
        if known is None:  # a new database
            return None
        stored = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    if len(stored) > 1:
        raise RuntimeError(f"the database holds {len(stored)} schema revisions; posreturns keeps one")
    return stored[0] if stored else None


class DatabaseFromNewerVersion(UserFacingError):
    """Migrations only go forward: an older app cannot open what a newer one migrated."""


def upgrade(engine: Engine) -> bool:
    """Apply pending migrations; returns True when something was applied."""
    current = current_revision(engine)
    if current is not None and current == scripts_head():
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

    from posreturns.persistence.engine import WRITE

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
