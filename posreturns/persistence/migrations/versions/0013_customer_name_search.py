"""customer name search: an FTS5 index of customer names with prefix indexes

A name-prefix search ("mart cam") answers from the full-text index (prefix indexes of 2 to 4
letters, accents and case folded), whose AND of prefixes stops at the first 200 customers, instead
of intersecting every customer that has a word starting with each prefix (which grew with the store).

* customer_search: a stable integer id per customer (an INTEGER PRIMARY KEY keeps its values through
  a VACUUM, which customers' own rowids do not), the index's rowid;
* customer_names: the FTS5 index of the names;
* triggers on customers keep both in step with every insert, upsert, rename and delete;
* customer_tokens (one row per word of each name, which the search read before) is dropped.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

from posreturns.services.normalize import name_tokens

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_INDEX_NAME = ("INSERT INTO customer_names (rowid, name) "
               "SELECT s.id, new.name FROM customer_search s WHERE s.customer_id = new.id AND new.name IS NOT NULL")
_UNINDEX = "DELETE FROM customer_names WHERE rowid = (SELECT id FROM customer_search WHERE customer_id = old.id)"
UPGRADE = (
    "CREATE TABLE customer_search (id INTEGER PRIMARY KEY, customer_id VARCHAR NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE customer_names USING fts5(name, tokenize = 'unicode61 remove_diacritics 2', "
    "prefix = '2 3 4')",
    "INSERT INTO customer_search (customer_id) SELECT id FROM customers ORDER BY id",
    "INSERT INTO customer_names (rowid, name) SELECT s.id, c.name FROM customer_search s "
    "JOIN customers c ON c.id = s.customer_id WHERE c.name IS NOT NULL",
    "CREATE TRIGGER customer_names_insert AFTER INSERT ON customers BEGIN "
    f"INSERT OR IGNORE INTO customer_search (customer_id) VALUES (new.id); {_INDEX_NAME}; END",
    # only a real change: an import sets every name again, and the same name must leave the index as it is
    "CREATE TRIGGER customer_names_rename AFTER UPDATE OF name ON customers WHEN old.name IS NOT new.name "
    f"BEGIN {_UNINDEX}; {_INDEX_NAME}; END",
    f"CREATE TRIGGER customer_names_delete AFTER DELETE ON customers BEGIN {_UNINDEX}; "
    "DELETE FROM customer_search WHERE customer_id = old.id; END",
)


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)
    op.drop_table("customer_tokens")


def downgrade() -> None:
    for name in ("customer_names_delete", "customer_names_rename", "customer_names_insert"):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE customer_names")
    op.execute("DROP TABLE customer_search")
    op.create_table("customer_tokens",
                    sa.Column("token", sa.String(), nullable=False),
                    sa.Column("customer_id", sa.String(), nullable=False),
                    sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                            name=op.f("fk_customer_tokens_customer_id_customers")),
                    sa.PrimaryKeyConstraint("token", "customer_id", name=op.f("pk_customer_tokens")))
    connection = op.get_bind()
    names = connection.exec_driver_sql("SELECT id, name FROM customers WHERE name IS NOT NULL").all()
    rows = [(token, customer_id) for customer_id, name in names for token in name_tokens(name)]
    if rows:
        connection.exec_driver_sql("INSERT INTO customer_tokens (token, customer_id) VALUES (?, ?)", rows)
