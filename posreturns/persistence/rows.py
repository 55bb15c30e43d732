"""Typed rows of the local store. Money is always `*_minor` INTEGER, in the row's currency.

Ledgers live on the rows they protect and the database enforces them: a line can never have more
returned than sold, nor a tender more refunded than it paid (CHECK constraints), whatever process
writes.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, MetaData, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
STOCK_BUCKETS = ("sellable", "quarantine", "resale", "rtv", "scrap")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class StoreRow(Base):
    __tablename__ = "stores"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str]
    currency: Mapped[str] = mapped_column(String(3))
    prices_include_tax: Mapped[bool]
    timezone: Mapped[str]


class ProductRow(Base):
    __tablename__ = "products"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str]
    category: Mapped[str]


class VariantRow(Base):
    __tablename__ = "variants"
    sku: Mapped[str] = mapped_column(String, primary_key=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    title: Mapped[str]
    options_json: Mapped[str]
    price_minor: Mapped[int]
    tax_rate: Mapped[str]
    final_sale: Mapped[bool]
    serial_tracked: Mapped[bool]


class BarcodeRow(Base):
    """A scannable code of a variant; numeric GTINs are stored as 14 digits."""

    __tablename__ = "barcodes"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    sku: Mapped[str] = mapped_column(ForeignKey("variants.sku"), index=True)


class CustomerRow(Base):
    __tablename__ = "customers"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str | None]
    email: Mapped[str | None]
    phone: Mapped[str | None]
    email_key: Mapped[str | None] = mapped_column(index=True)
    phone_key: Mapped[str | None] = mapped_column(index=True)


class CustomerTokenRow(Base):
    """One normalised word of a customer's name, for name-prefix search."""

    __tablename__ = "customer_tokens"
    token: Mapped[str] = mapped_column(String, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), primary_key=True)


class OrderRow(Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_total_placed", "total_minor", "placed_at"),
        Index("ix_orders_customer_placed", "customer_id", "placed_at"),
        Index("ix_orders_store_placed", "store_id", "placed_at", "total_minor"),  # the sales of a period
        CheckConstraint("channel IN ('store', 'web')", name="channel"),
    )
    id: Mapped[str] = mapped_column(String, primary_key=True)
    number: Mapped[str]
    number_key: Mapped[str] = mapped_column(unique=True)
    channel: Mapped[str]
    store_id: Mapped[str | None] = mapped_column(ForeignKey("stores.id"))
    placed_at: Mapped[str]  # ISO-8601 UTC, "YYYY-MM-DDTHH:MM:SSZ", sorts as text
    currency: Mapped[str] = mapped_column(String(3))
    prices_include_tax: Mapped[bool]
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"))
    order_discount_minor: Mapped[int]
    shipping_minor: Mapped[int]
    total_minor: Mapped[int]
    shipping_refunded_minor: Mapped[int] = mapped_column(default=0, server_default="0")


class OrderLineRow(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("returned_qty >= 0 AND returned_qty <= qty", name="returned_within_sold"),
        CheckConstraint("paid_minor >= 0", name="paid_not_negative"),
        CheckConstraint("refunded_minor >= 0 AND refunded_minor <= paid_minor", name="refunded_within_paid"),
        Index("ix_order_lines_order_sku", "order_id", "sku"),
        # the few lines with something returned, so `verify` need not read every line of every sale
        Index("ix_order_lines_returned", "id", sqlite_where=text("returned_qty > 0 OR refunded_minor > 0")),
    )
    id: Mapped[str] = mapped_column(String, primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"))
    position: Mapped[int]
    sku: Mapped[str] = mapped_column(ForeignKey("variants.sku"))
    qty: Mapped[int]
    unit_price_minor: Mapped[int]
    discount_minor: Mapped[int]
    order_discount_share_minor: Mapped[int]
    tax_rate: Mapped[str]
    tax_minor: Mapped[int]
    paid_minor: Mapped[int]
    serials_json: Mapped[str] = mapped_column(default="[]")
    returned_qty: Mapped[int] = mapped_column(default=0)
    refunded_minor: Mapped[int] = mapped_column(default=0)


class TenderRow(Base):
    __tablename__ = "tenders"
    __table_args__ = (
        UniqueConstraint("order_id", "position"),
        CheckConstraint("method IN ('card', 'cash', 'gift_card', 'store_credit')", name="method"),
        CheckConstraint("refunded_minor >= 0 AND refunded_minor <= amount_minor", name="refunded_within_paid"),
        Index("ix_tenders_card_last4", "card_last4"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"))
    position: Mapped[int]
    method: Mapped[str]
    amount_minor: Mapped[int]
    reference: Mapped[str | None]
    card_last4: Mapped[str | None]
    refunded_minor: Mapped[int] = mapped_column(default=0)


class ReturnRow(Base):
    """A return document: imported from the OMS (origin 'oms') or completed on this till ('till')."""

    __tablename__ = "returns"
    __table_args__ = (Index("ix_returns_till_created", "till_id", "created_at"),
                      Index("ix_returns_created", "created_at"))
    id: Mapped[str] = mapped_column(String, primary_key=True)
    number: Mapped[str | None] = mapped_column(unique=True)
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), index=True)
    origin: Mapped[str]
    store_id: Mapped[str | None]
    till_id: Mapped[str | None]
    customer_id: Mapped[str | None] = mapped_column(index=True)
    created_at: Mapped[str]
    currency: Mapped[str] = mapped_column(String(3))
    refund_total_minor: Mapped[int]
    status: Mapped[str] = mapped_column(default="completed", server_default="completed")
    refund_method: Mapped[str | None]
    decision: Mapped[str | None]
    policy_version: Mapped[str | None]
    trace_json: Mapped[str] = mapped_column(default="[]", server_default="[]")
    offline: Mapped[bool] = mapped_column(default=False, server_default="0")
    cashier: Mapped[str | None]
    approved_by: Mapped[str | None]
    idempotency_key: Mapped[str | None] = mapped_column(unique=True)
    result_json: Mapped[str | None]
    exchange_difference_minor: Mapped[int] = mapped_column(default=0, server_default="0")
    request_sha256: Mapped[str | None]  # fingerprint of the request behind `idempotency_key`
    training: Mapped[bool] = mapped_column(default=False, server_default="0")  # never in reports


class ReturnLineRow(Base):
    __tablename__ = "return_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), index=True)
    order_line_id: Mapped[str | None] = mapped_column(ForeignKey("order_lines.id"), index=True)
    sku: Mapped[str]
    qty: Mapped[int]
    refund_minor: Mapped[int]
    serial: Mapped[str | None]
    reason: Mapped[str | None]
    condition: Mapped[str | None]
    disposition: Mapped[str | None]
    fee_minor: Mapped[int] = mapped_column(default=0, server_default="0")
    tax_minor: Mapped[int] = mapped_column(default=0, server_default="0")
    note: Mapped[str | None]
    alerts_json: Mapped[str] = mapped_column(default="[]", server_default="[]")


class ReturnTenderRow(Base):
    __tablename__ = "return_tenders"
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), index=True)
    tender_id: Mapped[int | None] = mapped_column(ForeignKey("tenders.id"))
    method: Mapped[str]
    amount_minor: Mapped[int]
    executed_by: Mapped[str] = mapped_column(default="till", server_default="till")
    reference: Mapped[str | None]


class StockLevelRow(Base):
    __tablename__ = "stock_levels"
    __table_args__ = (CheckConstraint(f"bucket IN {STOCK_BUCKETS!r}", name="bucket"),)
    location: Mapped[str] = mapped_column(String, primary_key=True)
    sku: Mapped[str] = mapped_column(ForeignKey("variants.sku"), primary_key=True)
    bucket: Mapped[str] = mapped_column(String, primary_key=True)
    qty: Mapped[int]
    updated_at: Mapped[str]


class StockMovementRow(Base):
    """Append-only stock ledger: every change of a level, so each level is the sum of its movements
    (`posreturns verify` checks it): returns and exchanges on this till (reference: the return
    number), levels received from the OMS or an import (`oms.level`), and the `baseline` of levels
    older than this rule (migration 0006)."""

    __tablename__ = "stock_movements"
    __table_args__ = (Index("ix_stock_movements_level", "location", "sku", "bucket", "delta"),)  # sums per level
    id: Mapped[int] = mapped_column(primary_key=True)
    location: Mapped[str]
    sku: Mapped[str] = mapped_column(index=True)
    bucket: Mapped[str]
    delta: Mapped[int]
    reason: Mapped[str]
    reference: Mapped[str | None]
    created_at: Mapped[str]


class SettingRow(Base):
    """Till settings, stored with the data (never in the registry)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str]


class UserRow(Base):
    """A till user: a PIN (peppered scrypt hash) and a lockout state (when the lock began, as wall
    time, boot and uptime: see posreturns/domain/lockout.py)."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('cashier', 'manager', 'admin')", name="role"),)
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str]
    role: Mapped[str]
    pin_hash: Mapped[str | None]
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_at: Mapped[str | None]
    locked_boot: Mapped[str | None]
    locked_uptime: Mapped[float | None]
    created_at: Mapped[str]
    disabled_at: Mapped[str | None]  # may not sign in since (migration 0014)


class ExchangeLineRow(Base):
    """A replacement item handed over in an exchange."""

    __tablename__ = "exchange_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), index=True)
    sku: Mapped[str] = mapped_column(ForeignKey("variants.sku"))
    qty: Mapped[int]
    unit_price_minor: Mapped[int]


class VoucherRow(Base):
    """Store credit issued by a return (the code is printed as a barcode)."""

    __tablename__ = "vouchers"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), index=True)
    amount_minor: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    issued_at: Mapped[str]


class AuditRow(Base):
    """Append-only audit log: who did what, when, under which policy. Hash-chained by triggers
    (migration 0006): `row_hash` covers the row and `prev_hash`, the hash of the row before it."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str]
    actor: Mapped[str | None]
    action: Mapped[str] = mapped_column(index=True)
    subject: Mapped[str | None] = mapped_column(index=True)
    detail_json: Mapped[str]
    prev_hash: Mapped[str | None]
    row_hash: Mapped[str | None]


class OutboxRow(Base):
    """An event to deliver to the OMS, written in the same transaction as the change it describes.

    `seq` is the till's monotonic sequence; rows are never deleted before they are acknowledged.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'applied', 'duplicate', 'rejected', 'held')", name="status"),
        Index("ix_outbox_due", "status", "next_attempt_at", "seq"),
        Index("ix_outbox_order_key", "order_key", "seq"),
    )
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(unique=True)
    till_id: Mapped[str]
    aggregate_type: Mapped[str]
    aggregate_id: Mapped[str] = mapped_column(index=True)
    event_type: Mapped[str]
    schema_version: Mapped[int]
    payload_json: Mapped[str]
    created_at: Mapped[str]
    status: Mapped[str] = mapped_column(default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[str | None]
    last_error: Mapped[str | None]
    acked_at: Mapped[str | None]
    server_result_json: Mapped[str | None]
    order_key: Mapped[str | None]      # the OMS order: its events never overtake each other
    sent_at: Mapped[str | None]        # the first attempt to send it started (NULL: never sent)
    context_json: Mapped[str | None]   # e.g. released by the dismissal of the refused event it waited for


class PolicyRow(Base):
    """Every policy text loaded on this till, by version; the active one is the `policy.active` setting."""

    __tablename__ = "policies"
    version: Mapped[str] = mapped_column(String, primary_key=True)
    text: Mapped[str]
    sha256: Mapped[str]
    loaded_at: Mapped[str]
    loaded_by: Mapped[str | None]


class SyncStreamRow(Base):
    """The pull cursor of one OMS stream, written with the rows it brought."""

    __tablename__ = "sync_streams"
    stream: Mapped[str] = mapped_column(String, primary_key=True)
    cursor: Mapped[str | None]
    last_pulled_at: Mapped[str | None]


class SyncMetaRow(Base):
    """What the sync remembers that is not a stream cursor: the uploader's lock (`lock.upload`:
    owner + lease expiry) and the last run (`run.*`). Small key/value rows, written with BEGIN IMMEDIATE."""

    __tablename__ = "sync_meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str]
    updated_at: Mapped[str]


class PrintJobRow(Base):
    """A document to print, stored before it is sent: a failed print is never lost."""

    __tablename__ = "print_jobs"
    __table_args__ = (CheckConstraint("status IN ('pending', 'printed', 'sent', 'failed', 'superseded', 'cancelled')",
                                      name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[str]
    kind: Mapped[str]
    reference: Mapped[str | None] = mapped_column(index=True)
    printer_url: Mapped[str]
    profile: Mapped[str]
    payload: Mapped[bytes]
    preview_text: Mapped[str]
    open_drawer: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None]
    printed_at: Mapped[str | None]
    document: Mapped[str | None] = mapped_column(Text)  # the blocks as JSON, encoded for the printer of each attempt
    copy: Mapped[bool] = mapped_column(default=False, server_default=false())
    proof: Mapped[str | None]  # how the printer confirmed it: process_id | transmit_status | status | none
    updated_at: Mapped[str | None]


class DeliveryNetworkRow(Base):
    """The store's delivery network file (sources, cut-offs, routes, calendars), as loaded."""

    __tablename__ = "delivery_networks"
    store_id: Mapped[str] = mapped_column(String, primary_key=True)
    text: Mapped[str]
    sha256: Mapped[str]
    loaded_at: Mapped[str]
    loaded_by: Mapped[str | None]


class ReturnContactRow(Base):
    """How the customer of a return wants to hear from the store, and their consent."""

    __tablename__ = "return_contacts"
    __table_args__ = (CheckConstraint("channel IN ('email', 'sms', 'none')", name="channel"),
                      CheckConstraint("channel = 'none' OR consent", name="consent"))
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), primary_key=True)
    channel: Mapped[str]
    email: Mapped[str | None]
    phone: Mapped[str | None]
    consent: Mapped[bool]
    e_receipt: Mapped[bool]
    language: Mapped[str]
    recorded_at: Mapped[str]


class MailRow(Base):
    """An e-mail to send (the e-receipt), written in the same transaction as its return.

    `message_id` is derived from the return, so every attempt sends the same message; `sent_at` is
    written only after the relay's 250. `sending` marks a message whose end of data was sent and
    whose answer was not read yet: after a crash or a lost connection it is `in_doubt`."""

    __tablename__ = "mail_queue"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'sending', 'sent', 'failed', 'in_doubt')", name="status"),
        UniqueConstraint("return_id", "kind"),
        Index("ix_mail_queue_due", "status", "next_attempt_at", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"))
    kind: Mapped[str]
    recipient: Mapped[str]
    language: Mapped[str]
    message_id: Mapped[str] = mapped_column(unique=True)
    created_at: Mapped[str]
    status: Mapped[str] = mapped_column(default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[str | None]
    last_error: Mapped[str | None]
    claimed_by: Mapped[str | None]
    claimed_until: Mapped[str | None]
    sent_at: Mapped[str | None]
    server_reply: Mapped[str | None]


UNIT_STATES = ("held", "refurbishing", "released", "resale", "rtv", "scrapped")


class HeldUnitRow(Base):
    """One unit a return held (quarantine bucket) and what a manager did with it; its id is the code
    on its inspection tag. `state` leaves 'held'/'refurbishing' once, by one action (see restock)."""

    __tablename__ = "held_units"
    __table_args__ = (CheckConstraint(f"state IN {UNIT_STATES!r}", name="state"),
                      Index("ix_held_units_state", "state", "created_at"))
    id: Mapped[str] = mapped_column(String, primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), index=True)
    return_line_id: Mapped[int] = mapped_column(ForeignKey("return_lines.id"))
    location: Mapped[str]
    sku: Mapped[str]
    serial: Mapped[str | None]
    state: Mapped[str] = mapped_column(default="held")
    created_at: Mapped[str]
    action: Mapped[str | None]
    acted_by: Mapped[str | None]
    acted_at: Mapped[str | None]
    note: Mapped[str | None]
    vendor: Mapped[str | None]
    batch_id: Mapped[str | None] = mapped_column(ForeignKey("rtv_batches.id"), index=True)


class RtvBatchRow(Base):
    """Units going back to one vendor from one location; closed when shipped."""

    __tablename__ = "rtv_batches"
    __table_args__ = (CheckConstraint("status IN ('open', 'shipped')", name="status"),)
    id: Mapped[str] = mapped_column(String, primary_key=True)
    vendor: Mapped[str]
    location: Mapped[str]
    status: Mapped[str] = mapped_column(default="open")
    created_at: Mapped[str]
    created_by: Mapped[str]
    shipped_at: Mapped[str | None]
    shipped_by: Mapped[str | None]
    reference: Mapped[str | None]  # the carrier's tracking number or the vendor's RMA


class ResaleItemRow(Base):
    """A held unit graded for second hand: its own SKU (a variant, so it scans at the till) and
    in-store EAN-13, its price, and what was refunded for it (the recovery value for reports)."""

    __tablename__ = "resale_items"
    __table_args__ = (CheckConstraint("grade IN ('A', 'B', 'C')", name="grade"),)
    sku: Mapped[str] = mapped_column(ForeignKey("variants.sku"), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("held_units.id"), unique=True)
    ean13: Mapped[str] = mapped_column(unique=True)
    grade: Mapped[str]
    price_minor: Mapped[int]
    refund_minor: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[str]
    created_by: Mapped[str]


class StaffAlertRow(Base):
    """An alert the policy raised on a returned line ("defective: notify the buyer"), until a person
    acknowledged and resolved it."""

    __tablename__ = "staff_alerts"
    __table_args__ = (CheckConstraint("status IN ('open', 'acknowledged', 'resolved')", name="status"),
                      UniqueConstraint("return_line_id", "code"),
                      Index("ix_staff_alerts_status", "status", "raised_at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), index=True)
    return_line_id: Mapped[int] = mapped_column(ForeignKey("return_lines.id"))
    code: Mapped[str]
    raised_at: Mapped[str]
    status: Mapped[str] = mapped_column(default="open")
    acknowledged_by: Mapped[str | None]
    acknowledged_at: Mapped[str | None]
    resolved_by: Mapped[str | None]
    resolved_at: Mapped[str | None]
    note: Mapped[str | None]


class TillDayRow(Base):
    """A closed day of a till (`seq` 1) or a late correction of it (`seq` 2, 3…: the returns recorded
    after the previous close). Immutable: triggers refuse UPDATE and DELETE (migration 0014)."""

    __tablename__ = "till_days"
    __table_args__ = (UniqueConstraint("till_id", "business_day", "seq"),
                      UniqueConstraint("till_id", "z_number", name="uq_till_days_z_number"),
                      CheckConstraint("seq >= 1", name="seq_positive"))
    id: Mapped[int] = mapped_column(primary_key=True)
    till_id: Mapped[str]
    business_day: Mapped[str]  # YYYY-MM-DD in the store's time zone
    seq: Mapped[int]
    z_number: Mapped[int]
    covers_from: Mapped[str]  # the returns created in [covers_from, covers_to), UTC
    covers_to: Mapped[str]
    closed_at: Mapped[str]
    closed_by: Mapped[str]
    currency: Mapped[str] = mapped_column(String(3))
    returns_count: Mapped[int]
    refund_total_minor: Mapped[int]
    cash_expected_minor: Mapped[int]
    cash_counted_minor: Mapped[int]
    difference_minor: Mapped[int]
    tenders_json: Mapped[str] = mapped_column(Text)
    open_items_json: Mapped[str] = mapped_column(Text)
    override_reason: Mapped[str | None]
    training: Mapped[bool] = mapped_column(default=False, server_default="0")
