"""the sale's channel on each return

* returns.channel: `store` or `web`, the channel of the sale the return belongs to (NULL without a
  receipt), copied from the order when the return is written. The returns report counts returns by
  channel; reading it here spares the store-wide report a look-up in the orders table for every
  return of the period. Returns already here take their order's channel.

Revision ID: 0023
Revises: 0022
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("returns", sa.Column("channel", sa.String(), nullable=True))
    op.execute("UPDATE returns SET channel = (SELECT o.channel FROM orders o WHERE o.id = returns.order_id) "
               "WHERE order_id IS NOT NULL")


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy of the table would trip the foreign keys to it
    op.execute("ALTER TABLE returns DROP COLUMN channel")
