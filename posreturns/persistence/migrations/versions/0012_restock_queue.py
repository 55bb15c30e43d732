"""restock queue: held units, RTV batches, resale items, staff alerts

* held_units: one row per unit a return held (disposition INSPECT or REFURBISH), filled for the
  returns already recorded, so nothing a cashier held before this version is stuck;
* rtv_batches, resale_items: what the manager's actions create;
* staff_alerts: the alerts the policy raised on returned lines (stored until now only as codes on
  the line), filled for the lines already recorded.

Revision ID: 0012
Revises: 0006
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from posreturns.domain.held_units import unit_ids

revision = "0012"
down_revision = "0008"
branch_labels = None
depends_on = None

UNIT_STATES = ("held", "refurbishing", "released", "resale", "rtv", "scrapped")


def upgrade() -> None:
    op.create_table(
        "rtv_batches",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("vendor", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("shipped_at", sa.String(), nullable=True),
        sa.Column("shipped_by", sa.String(), nullable=True),
        sa.Column("reference", sa.String(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'shipped')", name=op.f("ck_rtv_batches_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rtv_batches")),
    )
    op.create_table(
        "held_units",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("return_id", sa.String(), nullable=False),
        sa.Column("return_line_id", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("sku", sa.String(), nullable=False),
        sa.Column("serial", sa.String(), nullable=True),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=True),
        sa.Column("acted_by", sa.String(), nullable=True),
        sa.Column("acted_at", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("vendor", sa.String(), nullable=True),
        sa.Column("batch_id", sa.String(), nullable=True),
        sa.CheckConstraint(f"state IN {UNIT_STATES!r}", name=op.f("ck_held_units_state")),
        sa.ForeignKeyConstraint(["batch_id"], ["rtv_batches.id"], name=op.f("fk_held_units_batch_id_rtv_batches")),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_held_units_return_id_returns")),
        sa.ForeignKeyConstraint(["return_line_id"], ["return_lines.id"],
                                name=op.f("fk_held_units_return_line_id_return_lines")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_held_units")),
    )
    op.create_index("ix_held_units_state", "held_units", ["state", "created_at"])
    op.create_index(op.f("ix_held_units_return_id"), "held_units", ["return_id"])
    op.create_index(op.f("ix_held_units_batch_id"), "held_units", ["batch_id"])
    op.create_table(
        "resale_items",
        sa.Column("sku", sa.String(), nullable=False),
        sa.Column("unit_id", sa.String(), nullable=False),
        sa.Column("ean13", sa.String(), nullable=False),
        sa.Column("grade", sa.String(), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=False),
        sa.Column("refund_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.CheckConstraint("grade IN ('A', 'B', 'C')", name=op.f("ck_resale_items_grade")),
        sa.ForeignKeyConstraint(["sku"], ["variants.sku"], name=op.f("fk_resale_items_sku_variants")),
        sa.ForeignKeyConstraint(["unit_id"], ["held_units.id"], name=op.f("fk_resale_items_unit_id_held_units")),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_resale_items")),
        sa.UniqueConstraint("ean13", name=op.f("uq_resale_items_ean13")),
        sa.UniqueConstraint("unit_id", name=op.f("uq_resale_items_unit_id")),
    )
    op.create_table(
        "staff_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.String(), nullable=False),
        sa.Column("return_line_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("raised_at", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("acknowledged_by", sa.String(), nullable=True),
        sa.Column("acknowledged_at", sa.String(), nullable=True),
        sa.Column("resolved_by", sa.String(), nullable=True),
        sa.Column("resolved_at", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'acknowledged', 'resolved')", name=op.f("ck_staff_alerts_status")),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_staff_alerts_return_id_returns")),
        sa.ForeignKeyConstraint(["return_line_id"], ["return_lines.id"],
                                name=op.f("fk_staff_alerts_return_line_id_return_lines")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_alerts")),
        sa.UniqueConstraint("return_line_id", "code", name=op.f("uq_staff_alerts_return_line_id")),
    )
    op.create_index("ix_staff_alerts_status", "staff_alerts", ["status", "raised_at"])
    op.create_index(op.f("ix_staff_alerts_return_id"), "staff_alerts", ["return_id"])
    connection = op.get_bind()
    lines = connection.exec_driver_sql(
        "SELECT l.id, l.return_id, l.sku, l.qty, l.serial, l.disposition, l.alerts_json, r.number, r.store_id, "
        "r.created_at FROM return_lines l JOIN returns r ON r.id = l.return_id WHERE r.origin = 'till' "
        "ORDER BY l.return_id, l.id").all()
    by_return: dict[str, list[sa.Row[Any]]] = {}
    for line in lines:
        by_return.setdefault(line.return_id, []).append(line)
    for rows in by_return.values():
        ids = unit_ids(rows[0].number or rows[0].return_id, [row.qty for row in rows])
        for row, units in zip(rows, ids, strict=True):
            if row.disposition in ("INSPECT", "REFURBISH"):
                connection.exec_driver_sql(
                    "INSERT INTO held_units (id, return_id, return_line_id, location, sku, serial, state, created_at) "
                    "VALUES (?,?,?,?,?,?,'held',?)",
                    [(unit, row.return_id, row.id, row.store_id or "", row.sku, row.serial, row.created_at)
                     for unit in units])
            for code in json.loads(row.alerts_json or "[]"):
                connection.exec_driver_sql(
                    "INSERT INTO staff_alerts (return_id, return_line_id, code, raised_at, status) "
                    "VALUES (?,?,?,?,'open') ON CONFLICT DO NOTHING", (row.return_id, row.id, code, row.created_at))


def downgrade() -> None:
    op.drop_index(op.f("ix_staff_alerts_return_id"), table_name="staff_alerts")
    op.drop_index("ix_staff_alerts_status", table_name="staff_alerts")
    op.drop_table("staff_alerts")
    op.drop_table("resale_items")
    op.drop_index(op.f("ix_held_units_batch_id"), table_name="held_units")
    op.drop_index(op.f("ix_held_units_return_id"), table_name="held_units")
    op.drop_index("ix_held_units_state", table_name="held_units")
    op.drop_table("held_units")
    op.drop_table("rtv_batches")
