"""a customer's recent returns from the index alone

* ix_returns_customer_created (customer_id, created_at, refund_total_minor) replaces
  ix_returns_customer_id: the serial-returner count (how many returns a customer made in the
  policy's last N days, and what they were refunded), which every return of a known customer runs
  twice, once inside the write transaction, reads only that window's index entries instead of
  every return the customer ever made (it grew with a frequent returner's history, under the
  write lock). The new index answers every question the old one did.

Revision ID: 0031
Revises: 0025
"""

from alembic import op

revision = "0031"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_returns_customer_created", "returns", ["customer_id", "created_at", "refund_total_minor"])
    op.drop_index("ix_returns_customer_id", table_name="returns")


def downgrade() -> None:
    op.create_index("ix_returns_customer_id", "returns", ["customer_id"])
    op.drop_index("ix_returns_customer_created", table_name="returns")
