"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 07:31:16.146786
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('customers',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('email', sa.String(), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('email_key', sa.String(), nullable=True),
    sa.Column('phone_key', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_email_key'), ['email_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_phone_key'), ['phone_key'], unique=False)

    op.create_table('products',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('category', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('stock_movements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('sku', sa.String(), nullable=False),
    sa.Column('bucket', sa.String(), nullable=False),
    sa.Column('delta', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('reference', sa.String(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movements'))
    )
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_movements_sku'), ['sku'], unique=False)

    op.create_table('stores',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('prices_include_tax', sa.Boolean(), nullable=False),
    sa.Column('timezone', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stores'))
    )
    op.create_table('customer_tokens',
    sa.Column('token', sa.String(), nullable=False),
    sa.Column('customer_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_tokens_customer_id_customers')),
    sa.PrimaryKeyConstraint('token', 'customer_id', name=op.f('pk_customer_tokens'))
    )
    op.create_table('orders',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('number', sa.String(), nullable=False),
    sa.Column('number_key', sa.String(), nullable=False),
    sa.Column('channel', sa.String(), nullable=False),
    sa.Column('store_id', sa.String(), nullable=True),
    sa.Column('placed_at', sa.String(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('prices_include_tax', sa.Boolean(), nullable=False),
    sa.Column('customer_id', sa.String(), nullable=True),
    sa.Column('order_discount_minor', sa.Integer(), nullable=False),
    sa.Column('shipping_minor', sa.Integer(), nullable=False),
    sa.Column('total_minor', sa.Integer(), nullable=False),
    sa.CheckConstraint("channel IN ('store', 'web')", name=op.f('ck_orders_channel')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_orders_customer_id_customers')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_orders_store_id_stores')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('number_key', name=op.f('uq_orders_number_key'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index('ix_orders_customer_placed', ['customer_id', 'placed_at'], unique=False)
        batch_op.create_index('ix_orders_total_placed', ['total_minor', 'placed_at'], unique=False)

    op.create_table('variants',
    sa.Column('sku', sa.String(), nullable=False),
    sa.Column('product_id', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('options_json', sa.String(), nullable=False),
    sa.Column('price_minor', sa.Integer(), nullable=False),
    sa.Column('tax_rate', sa.String(), nullable=False),
    sa.Column('final_sale', sa.Boolean(), nullable=False),
    sa.Column('serial_tracked', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_variants_product_id_products')),
    sa.PrimaryKeyConstraint('sku', name=op.f('pk_variants'))
    )
    with op.batch_alter_table('variants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_variants_product_id'), ['product_id'], unique=False)

    op.create_table('barcodes',
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('sku', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['sku'], ['variants.sku'], name=op.f('fk_barcodes_sku_variants')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_barcodes'))
    )
    with op.batch_alter_table('barcodes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_barcodes_sku'), ['sku'], unique=False)

    op.create_table('order_lines',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('order_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('unit_price_minor', sa.Integer(), nullable=False),
    sa.Column('discount_minor', sa.Integer(), nullable=False),
    sa.Column('order_discount_share_minor', sa.Integer(), nullable=False),
    sa.Column('tax_rate', sa.String(), nullable=False),
    sa.Column('tax_minor', sa.Integer(), nullable=False),
    sa.Column('paid_minor', sa.Integer(), nullable=False),
    sa.Column('serials_json', sa.String(), nullable=False),
    sa.Column('returned_qty', sa.Integer(), nullable=False),
    sa.Column('refunded_minor', sa.Integer(), nullable=False),
    sa.CheckConstraint('paid_minor >= 0', name=op.f('ck_order_lines_paid_not_negative')),
    sa.CheckConstraint('qty > 0', name=op.f('ck_order_lines_qty_positive')),
    sa.CheckConstraint('refunded_minor >= 0 AND refunded_minor <= paid_minor',
                       name=op.f('ck_order_lines_refunded_within_paid')),
    sa.CheckConstraint('returned_qty >= 0 AND returned_qty <= qty', name=op.f('ck_order_lines_returned_within_sold')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_lines_order_id_orders')),
    sa.ForeignKeyConstraint(['sku'], ['variants.sku'], name=op.f('fk_order_lines_sku_variants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_lines'))
    )
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.create_index('ix_order_lines_order_sku', ['order_id', 'sku'], unique=False)

    op.create_table('returns',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('number', sa.String(), nullable=True),
    sa.Column('order_id', sa.String(), nullable=True),
    sa.Column('origin', sa.String(), nullable=False),
    sa.Column('store_id', sa.String(), nullable=True),
    sa.Column('till_id', sa.String(), nullable=True),
    sa.Column('customer_id', sa.String(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('refund_total_minor', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_returns_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_returns')),
    sa.UniqueConstraint('number', name=op.f('uq_returns_number'))
    )
    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_returns_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_returns_order_id'), ['order_id'], unique=False)

    op.create_table('stock_levels',
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('sku', sa.String(), nullable=False),
    sa.Column('bucket', sa.String(), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.String(), nullable=False),
    sa.CheckConstraint("bucket IN ('sellable', 'quarantine', 'resale', 'rtv', 'scrap')",
                       name=op.f('ck_stock_levels_bucket')),
    sa.ForeignKeyConstraint(['sku'], ['variants.sku'], name=op.f('fk_stock_levels_sku_variants')),
    sa.PrimaryKeyConstraint('location', 'sku', 'bucket', name=op.f('pk_stock_levels'))
    )
    op.create_table('tenders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(), nullable=True),
    sa.Column('card_last4', sa.String(), nullable=True),
    sa.Column('refunded_minor', sa.Integer(), nullable=False),
    sa.CheckConstraint("method IN ('card', 'cash', 'gift_card', 'store_credit')", name=op.f('ck_tenders_method')),
    sa.CheckConstraint('refunded_minor >= 0 AND refunded_minor <= amount_minor',
                       name=op.f('ck_tenders_refunded_within_paid')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_tenders_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenders')),
    sa.UniqueConstraint('order_id', 'position', name=op.f('uq_tenders_order_id'))
    )
    with op.batch_alter_table('tenders', schema=None) as batch_op:
        batch_op.create_index('ix_tenders_card_last4', ['card_last4'], unique=False)

    op.create_table('return_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('return_id', sa.String(), nullable=False),
    sa.Column('order_line_id', sa.String(), nullable=True),
    sa.Column('sku', sa.String(), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('refund_minor', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'],
                            name=op.f('fk_return_lines_order_line_id_order_lines')),
    sa.ForeignKeyConstraint(['return_id'], ['returns.id'], name=op.f('fk_return_lines_return_id_returns')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_lines'))
    )
    with op.batch_alter_table('return_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_lines_order_line_id'), ['order_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_return_lines_return_id'), ['return_id'], unique=False)

    op.create_table('return_tenders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('return_id', sa.String(), nullable=False),
    sa.Column('tender_id', sa.Integer(), nullable=True),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['return_id'], ['returns.id'], name=op.f('fk_return_tenders_return_id_returns')),
    sa.ForeignKeyConstraint(['tender_id'], ['tenders.id'], name=op.f('fk_return_tenders_tender_id_tenders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_tenders'))
    )
    with op.batch_alter_table('return_tenders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_tenders_return_id'), ['return_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('return_tenders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_tenders_return_id'))

    op.drop_table('return_tenders')
    with op.batch_alter_table('return_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_lines_return_id'))
        batch_op.drop_index(batch_op.f('ix_return_lines_order_line_id'))

    op.drop_table('return_lines')
    with op.batch_alter_table('tenders', schema=None) as batch_op:
        batch_op.drop_index('ix_tenders_card_last4')

    op.drop_table('tenders')
    op.drop_table('stock_levels')
    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_returns_order_id'))
        batch_op.drop_index(batch_op.f('ix_returns_customer_id'))

    op.drop_table('returns')
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_index('ix_order_lines_order_sku')

    op.drop_table('order_lines')
    with op.batch_alter_table('barcodes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_barcodes_sku'))

    op.drop_table('barcodes')
    with op.batch_alter_table('variants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_variants_product_id'))

    op.drop_table('variants')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_total_placed')
        batch_op.drop_index('ix_orders_customer_placed')

    op.drop_table('orders')
    op.drop_table('customer_tokens')
    op.drop_table('stores')
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_movements_sku'))

    op.drop_table('stock_movements')
    op.drop_table('settings')
    op.drop_table('products')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_phone_key'))
        batch_op.drop_index(batch_op.f('ix_customers_email_key'))

    op.drop_table('customers')
