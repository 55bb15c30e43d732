"""Till users and their PIN lockout state in the local store."""

from __future__ import annotations

from sqlalchemy import Engine

from posreturns.domain.users import Lockout, Role, User
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.persistence.order_repository import format_utc, parse_utc
from posreturns.services.return_ports import AuditEntry


class SqlUserRepository:
    """`UserRepository` over SQLite."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, user_id: str) -> tuple[User, Lockout] | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT id, name, role, pin_hash, failed_attempts, locked_until FROM users WHERE id = ?",
                (user_id,),
            ).first()
        if row is None:
            return None
        locked = parse_utc(row.locked_until) if row.locked_until else None
        return User(row.id, row.name, Role(row.role), row.pin_hash), Lockout(row.failed_attempts, locked)

    def add(self, user: User, audit: AuditEntry) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO users (id, name, role, pin_hash, failed_attempts, locked_until, created_at) "
                "VALUES (?,?,?,?,0,NULL,?)",
                (user.id, user.name, user.role.value, user.pin_hash, format_utc(audit.at)),
            )
            insert_audit(connection, audit)

    def all(self) -> list[User]:
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT id, name, role, pin_hash FROM users ORDER BY id").all()
        return [User(r.id, r.name, Role(r.role), r.pin_hash) for r in rows]

    def save_lockout(self, user_id: str, lockout: Lockout, audit: AuditEntry | None) -> None:
        until = format_utc(lockout.locked_until) if lockout.locked_until else None
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                (lockout.failures, until, user_id),
            )
            if audit is not None:
                insert_audit(connection, audit)
