"""sync: uploader lock and run state

Adds `sync_meta` (key/value: the uploader's lease lock and the last sync run). CREATE only.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 08:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_meta',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.Column('updated_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_meta'))
    )


def downgrade() -> None:
    op.drop_table('sync_meta')
