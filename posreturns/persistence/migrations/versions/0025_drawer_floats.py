"""drawer floats

* drawer_floats: the cash a till's drawer starts a business day with, as entered at the start of a
  shift (by the cashier, a manager, the host POS or the command line). A till may enter it again
  (a recount): the latest entry of the day counts. Never updated or deleted (triggers): each entry
  is kept, with who and when, beside its audit row;
* till_days.float_minor: the float the close counted from, when one was entered (then the cash
  counted is the cash in the drawer, and expected = float - cash paid out).

Revision ID: 0025
Revises: 0022
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0023"
branch_labels = None
depends_on = None

TRIGGERS = (
    "CREATE TRIGGER drawer_floats_no_update BEFORE UPDATE ON drawer_floats BEGIN "
    "SELECT RAISE(ABORT, 'a drawer float is never changed; enter the float again instead'); END",
    "CREATE TRIGGER drawer_floats_no_delete BEFORE DELETE ON drawer_floats BEGIN "
    "SELECT RAISE(ABORT, 'a drawer float is never changed; enter the float again instead'); END",
)


def upgrade() -> None:
    op.create_table(
        "drawer_floats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("till_id", sa.String(), nullable=False),
        sa.Column("business_day", sa.String(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("set_by", sa.String(), nullable=False),
        sa.Column("set_at", sa.String(), nullable=False),
        sa.Column("training", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("amount_minor >= 0", name=op.f("ck_drawer_floats_amount_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drawer_floats")),
    )
    op.create_index("ix_drawer_floats_till_day", "drawer_floats", ["till_id", "business_day", "id"])
    connection = op.get_bind()
    for trigger in TRIGGERS:
        connection.exec_driver_sql(trigger)
    op.add_column("till_days", sa.Column("float_minor", sa.Integer(), nullable=True))


def downgrade() -> None:
    # not a batch (table copy), which would drop the immutability triggers of till_days
    op.get_bind().exec_driver_sql("ALTER TABLE till_days DROP COLUMN float_minor")
    op.drop_table("drawer_floats")
