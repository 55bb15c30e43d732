"""price history

* price_history: each shelf price a SKU had and the moment it took effect (UTC), so that a return
  without a receipt is valued at the lowest price of the policy's last N days; recorded by every
  catalogue import and OMS pull whose price differs from the last one known. The prices the till
  holds today are its first points.

Revision ID: 0022
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "price_history",
        sa.Column("sku", sa.String(), nullable=False),
        sa.Column("valid_from", sa.String(), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.CheckConstraint("price_minor >= 0", name=op.f("ck_price_history_price_not_negative")),
        sa.PrimaryKeyConstraint("sku", "valid_from", name=op.f("pk_price_history")),
    )
    op.execute("INSERT INTO price_history (sku, valid_from, price_minor, source) "
               "SELECT sku, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), price_minor, 'migration' FROM variants")


def downgrade() -> None:
    op.drop_table("price_history")
