"""delivery network, customer contact of a return, e-mail queue

Revision ID: 0011
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delivery_networks",
        sa.Column("store_id", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("loaded_at", sa.String(), nullable=False),
        sa.Column("loaded_by", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("store_id", name=op.f("pk_delivery_networks")),
    )
    op.create_table(
        "return_contacts",
        sa.Column("return_id", sa.String(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("e_receipt", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.String(), nullable=False),
        sa.CheckConstraint("channel IN ('email', 'sms', 'none')", name=op.f("ck_return_contacts_channel")),
        sa.CheckConstraint("channel = 'none' OR consent", name=op.f("ck_return_contacts_consent")),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_return_contacts_return_id_returns")),
        sa.PrimaryKeyConstraint("return_id", name=op.f("pk_return_contacts")),
    )
    op.create_table(
        "mail_queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("recipient", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("message_id", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.String(), nullable=True),
        sa.Column("last_error", sa.String(), nullable=True),
        sa.Column("claimed_by", sa.String(), nullable=True),
        sa.Column("claimed_until", sa.String(), nullable=True),
        sa.Column("sent_at", sa.String(), nullable=True),
        sa.Column("server_reply", sa.String(), nullable=True),
        sa.CheckConstraint("status IN ('pending', 'sending', 'sent', 'failed', 'in_doubt')",
                           name=op.f("ck_mail_queue_status")),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_mail_queue_return_id_returns")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_queue")),
        sa.UniqueConstraint("message_id", name=op.f("uq_mail_queue_message_id")),
        sa.UniqueConstraint("return_id", "kind", name=op.f("uq_mail_queue_return_id")),
    )
    with op.batch_alter_table("mail_queue", schema=None) as batch_op:
        batch_op.create_index("ix_mail_queue_due", ["status", "next_attempt_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mail_queue", schema=None) as batch_op:
        batch_op.drop_index("ix_mail_queue_due")
    op.drop_table("mail_queue")
    op.drop_table("return_contacts")
    op.drop_table("delivery_networks")
