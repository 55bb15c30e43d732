"""returns completion: policies, shipping ledger, request fingerprint

Adds the `policies` table (every policy text loaded, by version), the refunded-shipping ledger on
`orders`, the request fingerprint that goes with a return's idempotency key, and an index for the
till's offline refunds of the day. Only ADD COLUMN / CREATE: no table is rebuilt, so it is quick
even on a store-scale cache.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 07:41:57.654396
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('policies',
    sa.Column('version', sa.String(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('loaded_at', sa.String(), nullable=False),
    sa.Column('loaded_by', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('version', name=op.f('pk_policies'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shipping_refunded_minor', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.add_column(sa.Column('request_sha256', sa.String(), nullable=True))
        batch_op.create_index('ix_returns_till_created', ['till_id', 'created_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.drop_index('ix_returns_till_created')
        batch_op.drop_column('request_sha256')

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('shipping_refunded_minor')

    op.drop_table('policies')
