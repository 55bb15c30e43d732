"""returns engine, users, audit, outbox

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 07:38:31.419652
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.Column('actor', sa.String(), nullable=True),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('subject', sa.String(), nullable=True),
    sa.Column('detail_json', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_subject'), ['subject'], unique=False)

    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('till_id', sa.String(), nullable=False),
    sa.Column('aggregate_type', sa.String(), nullable=False),
    sa.Column('aggregate_id', sa.String(), nullable=False),
    sa.Column('event_type', sa.String(), nullable=False),
    sa.Column('schema_version', sa.Integer(), nullable=False),
    sa.Column('payload_json', sa.String(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.String(), nullable=True),
    sa.Column('last_error', sa.String(), nullable=True),
    sa.Column('acked_at', sa.String(), nullable=True),
    sa.Column('server_result_json', sa.String(), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'applied', 'duplicate', 'rejected', 'held')",
                       name=op.f('ck_outbox_status')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('event_id', name=op.f('uq_outbox_event_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_aggregate_id'), ['aggregate_id'], unique=False)
        batch_op.create_index('ix_outbox_due', ['status', 'next_attempt_at', 'seq'], unique=False)

    op.create_table('sync_streams',
    sa.Column('stream', sa.String(), nullable=False),
    sa.Column('cursor', sa.String(), nullable=True),
    sa.Column('last_pulled_at', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('stream', name=op.f('pk_sync_streams'))
    )
    op.create_table('users',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('pin_hash', sa.String(), nullable=True),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.CheckConstraint("role IN ('cashier', 'manager', 'admin')", name=op.f('ck_users_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users'))
    )
    op.create_table('exchange_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('return_id', sa.String(), nullable=False),
    sa.Column('sku', sa.String(), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('unit_price_minor', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['return_id'], ['returns.id'], name=op.f('fk_exchange_lines_return_id_returns')),
    sa.ForeignKeyConstraint(['sku'], ['variants.sku'], name=op.f('fk_exchange_lines_sku_variants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_lines'))
    )
    with op.batch_alter_table('exchange_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_lines_return_id'), ['return_id'], unique=False)

    op.create_table('vouchers',
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('return_id', sa.String(), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('issued_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['return_id'], ['returns.id'], name=op.f('fk_vouchers_return_id_returns')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_vouchers'))
    )
    with op.batch_alter_table('vouchers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vouchers_return_id'), ['return_id'], unique=False)

    with op.batch_alter_table('return_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('condition', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('disposition', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('fee_minor', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('tax_minor', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('note', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('alerts_json', sa.String(), server_default='[]', nullable=False))

    with op.batch_alter_table('return_tenders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('executed_by', sa.String(), server_default='till', nullable=False))
        batch_op.add_column(sa.Column('reference', sa.String(), nullable=True))

    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(), server_default='completed', nullable=False))
        batch_op.add_column(sa.Column('refund_method', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('decision', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('policy_version', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('trace_json', sa.String(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('offline', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('cashier', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('approved_by', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('idempotency_key', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('result_json', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('exchange_difference_minor', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_unique_constraint(batch_op.f('uq_returns_idempotency_key'), ['idempotency_key'])



def downgrade() -> None:
    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_returns_idempotency_key'), type_='unique')
        batch_op.drop_column('exchange_difference_minor')
        batch_op.drop_column('result_json')
        batch_op.drop_column('idempotency_key')
        batch_op.drop_column('approved_by')
        batch_op.drop_column('cashier')
        batch_op.drop_column('offline')
        batch_op.drop_column('trace_json')
        batch_op.drop_column('policy_version')
        batch_op.drop_column('decision')
        batch_op.drop_column('refund_method')
        batch_op.drop_column('status')

    with op.batch_alter_table('return_tenders', schema=None) as batch_op:
        batch_op.drop_column('reference')
        batch_op.drop_column('executed_by')

    with op.batch_alter_table('return_lines', schema=None) as batch_op:
        batch_op.drop_column('alerts_json')
        batch_op.drop_column('note')
        batch_op.drop_column('tax_minor')
        batch_op.drop_column('fee_minor')
        batch_op.drop_column('disposition')
        batch_op.drop_column('condition')
        batch_op.drop_column('reason')

    with op.batch_alter_table('vouchers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vouchers_return_id'))

    op.drop_table('vouchers')
    with op.batch_alter_table('exchange_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_lines_return_id'))

    op.drop_table('exchange_lines')
    op.drop_table('users')
    op.drop_table('sync_streams')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_due')
        batch_op.drop_index(batch_op.f('ix_outbox_aggregate_id'))

    op.drop_table('outbox')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_subject'))
        batch_op.drop_index(batch_op.f('ix_audit_log_action'))

    op.drop_table('audit_log')
