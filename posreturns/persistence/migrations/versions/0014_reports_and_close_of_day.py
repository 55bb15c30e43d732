"""reports and close of day: the indexes the returns report reads by, and the closed days

* ix_returns_created: the store-wide report reads returns by date (the till's report uses
  ix_returns_till_created);
* ix_orders_store_placed: the sales of a period, for the return rate (covers the total);
* till_days: one row per close of day (and per late correction) of a till; immutable (triggers);
* users.disabled_at: a disabled user keeps their history but may not sign in.

Revision ID: 0014
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TRIGGERS = (
    "CREATE TRIGGER till_days_no_update BEFORE UPDATE ON till_days BEGIN "
    "SELECT RAISE(ABORT, 'a closed day is immutable; record a correction instead'); END",
    "CREATE TRIGGER till_days_no_delete BEFORE DELETE ON till_days BEGIN "
    "SELECT RAISE(ABORT, 'a closed day is immutable; record a correction instead'); END",
)


def upgrade() -> None:
    op.create_index("ix_returns_created", "returns", ["created_at"])
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("disabled_at", sa.String(), nullable=True))
    op.create_index("ix_orders_store_placed", "orders", ["store_id", "placed_at", "total_minor"])
    op.create_table(
        "till_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("till_id", sa.String(), nullable=False),
        sa.Column("business_day", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("z_number", sa.Integer(), nullable=False),
        sa.Column("covers_from", sa.String(), nullable=False),
        sa.Column("covers_to", sa.String(), nullable=False),
        sa.Column("closed_at", sa.String(), nullable=False),
        sa.Column("closed_by", sa.String(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("returns_count", sa.Integer(), nullable=False),
        sa.Column("refund_total_minor", sa.Integer(), nullable=False),
        sa.Column("cash_expected_minor", sa.Integer(), nullable=False),
        sa.Column("cash_counted_minor", sa.Integer(), nullable=False),
        sa.Column("difference_minor", sa.Integer(), nullable=False),
        sa.Column("tenders_json", sa.Text(), nullable=False),
        sa.Column("open_items_json", sa.Text(), nullable=False),
        sa.Column("override_reason", sa.String(), nullable=True),
        sa.Column("training", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_till_days_seq_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_till_days")),
        sa.UniqueConstraint("till_id", "business_day", "seq", name=op.f("uq_till_days_till_id")),
        sa.UniqueConstraint("till_id", "z_number", name="uq_till_days_z_number"),
    )
    connection = op.get_bind()
    for trigger in TRIGGERS:
        connection.exec_driver_sql(trigger)


def downgrade() -> None:
    op.drop_table("till_days")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("disabled_at")
    op.drop_index("ix_orders_store_placed", table_name="orders")
    op.drop_index("ix_returns_created", table_name="returns")
