"""Alembic environment: runs on the connection handed over by `posreturns.persistence.migrate`.

The migrations in versions/ are the one definition of the schema (no ORM classes repeat it; the
runtime SQL is checked against the migrated schema by tests/integration/test_migrated_schema.py).
The naming convention below gives the constraints the migrations leave unnamed the names every
till's database already has, so a later migration can drop or alter them by name."""

from alembic import context
from sqlalchemy import MetaData

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=MetaData(naming_convention=NAMING),
                  render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
