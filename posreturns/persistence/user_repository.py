"""Till users and their PIN lockout state in the local store."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from posreturns.domain.lockout import Lockout, Moment
from posreturns.domain.users import Role, User
from posreturns.domain.utc import format_utc, parse_utc
from posreturns.persistence.audit import insert_audit
from posreturns.persistence.engine import WRITE
from posreturns.services.access_ports import Attempt
from posreturns.services.returns.ports import AuditEntry

_SELECT = ("SELECT id, name, role, pin_hash, failed_attempts, locked_at, locked_boot, locked_uptime, disabled_at "
           "FROM users WHERE id = ?")


class SqlUserRepository:
    """`UserRepository` over SQLite."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, user_id: str) -> tuple[User, Lockout] | None:
        with self.engine.connect() as connection:
            return _read(connection, user_id)

    def add(self, user: User, audit: AuditEntry) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            connection.exec_driver_sql(
                "INSERT INTO users (id, name, role, pin_hash, failed_attempts, created_at) VALUES (?,?,?,?,0,?)",
                (user.id, user.name, user.role.value, user.pin_hash, format_utc(audit.at)),
            )
            insert_audit(connection, audit)

    def all(self) -> list[User]:
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT id, name, role, pin_hash, disabled_at FROM users ORDER BY id").all()
        return [User(r.id, r.name, Role(r.role), r.pin_hash, r.disabled_at is not None) for r in rows]

    def attempt(self, user_id: str, decide: Callable[[tuple[User, Lockout] | None], Attempt]) -> Attempt:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            found = _read(connection, user_id)
            outcome = decide(found)
            if found is not None:
                _write(connection, user_id, outcome.pin_hash, outcome.lockout)
            if outcome.audit is not None:
                insert_audit(connection, outcome.audit)
        return outcome

    def update(self, user_id: str, audit: AuditEntry, *, pin_hash: str | None = None,
               lockout: Lockout | None = None, disabled: bool | None = None) -> None:
        with self.engine.connect().execution_options(**WRITE) as connection, connection.begin():
            _write(connection, user_id, pin_hash, lockout)
            if disabled is not None:
                connection.exec_driver_sql("UPDATE users SET disabled_at = ? WHERE id = ?",
                                           (format_utc(audit.at) if disabled else None, user_id))
            insert_audit(connection, audit)


def _read(connection: Connection, user_id: str) -> tuple[User, Lockout] | None:
    row = connection.exec_driver_sql(_SELECT, (user_id,)).first()
    if row is None:
        return None
    locked = (Moment(parse_utc(row.locked_at), row.locked_boot or "", float(row.locked_uptime or 0))
              if row.locked_at else None)
    return (User(row.id, row.name, Role(row.role), row.pin_hash, row.disabled_at is not None),
            Lockout(row.failed_attempts, locked))


def _write(connection: Connection, user_id: str, pin_hash: str | None, lockout: Lockout | None) -> None:
    run = connection.exec_driver_sql
    if pin_hash is not None:
        run("UPDATE users SET pin_hash = ? WHERE id = ?", (pin_hash, user_id))
    if lockout is not None:
        at = lockout.locked_at
        run("UPDATE users SET failed_attempts = ?, locked_at = ?, locked_boot = ?, locked_uptime = ? WHERE id = ?",
            (lockout.failures, format_utc(at.wall) if at else None, at.boot if at else None,
             at.uptime if at else None, user_id))
