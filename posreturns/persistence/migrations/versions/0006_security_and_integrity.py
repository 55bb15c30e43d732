"""security and integrity: a lockout clocks cannot move, training returns, the audit chain, stock baselines

* users: the lock's start as wall time + boot + uptime (`locked_at`, `locked_boot`, `locked_uptime`)
  instead of a wall-clock end (`locked_until`), which a clock step could stretch or cut short;
* returns: `training`, set on returns completed on a till set up for training (never reported);
* audit_log: `prev_hash` / `row_hash`, filled for the rows already there, then kept by triggers that
  also refuse UPDATE and DELETE (see posreturns/persistence/audit.py);
* stock_movements: one `baseline` movement per stock level that its movements do not explain, so
  that from now on every level is the sum of its movements (imports record theirs as `oms.level`);
* two indexes for `posreturns verify`: the sale lines with something returned (partial), and the
  movements by level;
* settings: a till that holds the demo store is a training till (`till.training`).

Revision ID: 0006
Revises: 0011
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from posreturns.persistence.audit_chain import chain_hash

revision = "0006"
down_revision = "0011"
branch_labels = None
depends_on = None

TRIGGERS = (
    "CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN "
    "UPDATE audit_log SET "
    "prev_hash = (SELECT row_hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), "
    "row_hash = posreturns_chain((SELECT row_hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), "
    "NEW.id, NEW.at, NEW.actor, NEW.action, NEW.subject, NEW.detail_json) "
    "WHERE id = NEW.id; END",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.row_hash IS NOT NULL BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.add_column(sa.Column("locked_at", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("locked_boot", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("locked_uptime", sa.Float(), nullable=True))
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("training", sa.Boolean(), server_default="0", nullable=False))
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("row_hash", sa.String(), nullable=True))
    op.create_index("ix_order_lines_returned", "order_lines", ["id"],
                    sqlite_where=sa.text("returned_qty > 0 OR refunded_minor > 0"))
    op.create_index("ix_stock_movements_level", "stock_movements", ["location", "sku", "bucket", "delta"])
    connection = op.get_bind()
    previous = None
    rows = connection.exec_driver_sql(
        "SELECT id, at, actor, action, subject, detail_json FROM audit_log ORDER BY id").all()
    for row in rows:
        stamp = chain_hash(previous, row.id, row.at, row.actor, row.action, row.subject, row.detail_json)
        connection.exec_driver_sql("UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE id = ?",
                                   (previous, stamp, row.id))
        previous = stamp
    for trigger in TRIGGERS:
        connection.exec_driver_sql(trigger)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    connection.exec_driver_sql(
        "INSERT INTO stock_movements (location, sku, bucket, delta, reason, reference, created_at) "
        "SELECT l.location, l.sku, l.bucket, l.qty - COALESCE(m.total, 0), 'baseline', NULL, ? "
        "FROM stock_levels l LEFT JOIN (SELECT location, sku, bucket, SUM(delta) AS total FROM stock_movements "
        "GROUP BY location, sku, bucket) m ON m.location = l.location AND m.sku = l.sku AND m.bucket = l.bucket "
        "WHERE l.qty <> COALESCE(m.total, 0)", (now,))
    connection.exec_driver_sql(
        "INSERT INTO settings (key, value) SELECT 'till.training', '1' WHERE EXISTS "
        "(SELECT 1 FROM settings WHERE key = 'demo.approval_hint') ON CONFLICT(key) DO NOTHING")


def downgrade() -> None:
    for name in ("audit_log_chain", "audit_log_no_update", "audit_log_no_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_stock_movements_level", table_name="stock_movements")
    op.drop_index("ix_order_lines_returned", table_name="order_lines")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_column("training")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("locked_uptime")
        batch_op.drop_column("locked_boot")
        batch_op.drop_column("locked_at")
        batch_op.add_column(sa.Column("locked_until", sa.String(), nullable=True))
