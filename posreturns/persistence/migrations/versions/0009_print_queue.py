"""print queue: jobs keep their document (re-encoded for the printer configured at each attempt),
copies are marked, a reprint supersedes a waiting job, a job can be cancelled, and a job printed by
a printer that cannot confirm it is 'sent' rather than 'printed'

Revision ID: 0009
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0005"
branch_labels = None
depends_on = None

STATUSES = "status IN ('pending', 'printed', 'sent', 'failed', 'superseded', 'cancelled')"


def upgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None, recreate="always") as batch_op:
        batch_op.drop_constraint(op.f("ck_print_jobs_status"), type_="check")
        batch_op.create_check_constraint("status", STATUSES)
        batch_op.add_column(sa.Column("document", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("copy", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("proof", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("updated_at", sa.String(), nullable=True))
        batch_op.create_index(batch_op.f("ix_print_jobs_status"), ["status"], unique=False)


def downgrade() -> None:
    op.execute("UPDATE print_jobs SET status = 'printed' WHERE status = 'sent'")
    op.execute("UPDATE print_jobs SET status = 'failed' WHERE status IN ('superseded', 'cancelled')")
    with op.batch_alter_table("print_jobs", schema=None, recreate="always") as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_jobs_status"))
        batch_op.drop_column("updated_at")
        batch_op.drop_column("proof")
        batch_op.drop_column("copy")
        batch_op.drop_column("document")
        batch_op.drop_constraint(op.f("ck_print_jobs_status"), type_="check")
        batch_op.create_check_constraint("status", "status IN ('pending', 'printed', 'failed')")
