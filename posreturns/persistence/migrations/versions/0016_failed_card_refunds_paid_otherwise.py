"""failed card refunds paid another way

* refund_replacements: a card refund the host's terminal failed, paid instead as store credit (with
  its voucher) or in cash by a manager; one per return (the primary key), so it is never paid twice;
* pending_approvals: a return a cashier parked while waiting for a manager's approval (the request
  as it will be completed, without any PIN), the manager's decision, and the return it became;
* vouchers.voided_at / voided_by / void_reason: a voucher a manager voided (from a refused event).

Revision ID: 0016
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refund_replacements",
        sa.Column("return_number", sa.String(), nullable=False),
        sa.Column("return_id", sa.String(), nullable=False),
        sa.Column("till_id", sa.String(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("voucher_code", sa.String(), nullable=True),
        sa.Column("settled_by", sa.String(), nullable=False),
        sa.Column("settled_at", sa.String(), nullable=False),
        sa.CheckConstraint("method IN ('store_credit', 'cash')", name=op.f("ck_refund_replacements_method")),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_refund_replacements_amount_positive")),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_refund_replacements_return_id_returns")),
        sa.PrimaryKeyConstraint("return_number", name=op.f("pk_refund_replacements")),
    )
    op.create_index("ix_refund_replacements_till_settled", "refund_replacements", ["till_id", "settled_at"])
    op.create_index("ix_refund_replacements_return_id", "refund_replacements", ["return_id"])
    op.create_table(
        "pending_approvals",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("till_id", sa.String(), nullable=False),
        sa.Column("cashier", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("request_json", sa.Text(), nullable=False),
        sa.Column("why", sa.String(), nullable=False),
        sa.Column("receipt", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("decided_at", sa.String(), nullable=True),
        sa.Column("decision_note", sa.String(), nullable=True),
        sa.Column("return_number", sa.String(), nullable=True),
        sa.CheckConstraint("status IN ('waiting', 'approved', 'refused', 'completed', 'dropped')",
                           name=op.f("ck_pending_approvals_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_approvals")),
    )
    op.create_index("ix_pending_approvals_status", "pending_approvals", ["status", "created_at"])
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("voided_at", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("voided_by", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("void_reason", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.drop_column("void_reason")
        batch_op.drop_column("voided_by")
        batch_op.drop_column("voided_at")
    op.drop_table("pending_approvals")
    op.drop_table("refund_replacements")
