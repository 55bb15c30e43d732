"""outbox: ordering per OMS order, attempts in flight, context of released events

Adds to `outbox`:
* `order_key`: the OMS order an event belongs to (its return's original order, else the return id),
  so that no event of an order overtakes another (a voucher or stock event never reaches the OMS
  before its return) while independent orders go in parallel;
* `sent_at`: when the first attempt to send the event started (NULL: never sent), written before
  anything is sent, so that a first attempt can skip the OMS's idempotency reads;
* `context_json`: what the uploader must know beyond the immutable payload (e.g. the event was
  released by the dismissal of the refused return it waited for).

Existing rows get their order key from their payloads; pending ones are marked as possibly sent
(an older version may have been killed half-way through them).

Revision ID: 0008
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None

_ORDER_OF_RETURN = ("(SELECT json_extract(r.payload_json, '$.data.original_order.id') FROM outbox r "
                    "WHERE r.event_type = 'ReturnCompleted' AND r.aggregate_id = json_extract(outbox.payload_json, "
                    "'$.data.return_id') LIMIT 1)")


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("order_key", sa.String(), nullable=True))
        batch.add_column(sa.Column("sent_at", sa.String(), nullable=True))
        batch.add_column(sa.Column("context_json", sa.String(), nullable=True))
        batch.create_index("ix_outbox_order_key", ["order_key", "seq"], unique=False)
    op.execute(
        "UPDATE outbox SET order_key = coalesce(json_extract(payload_json, '$.data.original_order.id'), "
        f"json_extract(payload_json, '$.data.order_id'), {_ORDER_OF_RETURN}, "
        "json_extract(payload_json, '$.data.return_id'), aggregate_id) WHERE json_valid(payload_json)")
    op.execute("UPDATE outbox SET order_key = aggregate_id WHERE order_key IS NULL")
    op.execute("UPDATE outbox SET sent_at = created_at WHERE status = 'pending'")


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_order_key")
        batch.drop_column("context_json")
        batch.drop_column("sent_at")
        batch.drop_column("order_key")
