"""Users and manager approvals: adding till users, verifying a manager's PIN with a lockout that
survives restarts, and auditing every refusal."""

from __future__ import annotations

import re

from posreturns.domain.errors import PinError
from posreturns.domain.users import Role, User, WrongPin, check_manager_pin, hash_pin
from posreturns.services.errors import BadInput
from posreturns.services.ports import Clock
from posreturns.services.return_ports import AuditEntry, UserRepository

_USER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,39}")


class ApprovalService:
    """Verifies manager PINs; wrong PINs count towards the lockout, which is stored at once."""

    def __init__(self, users: UserRepository, clock: Clock) -> None:
        self.users, self.clock = users, clock

    def verify(self, manager_id: str, pin: str) -> User:
        """The approving user; raises `PinError` (a sentence for the cashier) otherwise."""
        found = self.users.get(manager_id)
        if found is None:
            raise PinError(
                f'No user "{manager_id}" is on this till; check the manager id or ask another manager.',
                f"Aucun utilisateur « {manager_id} » sur cette caisse ; vérifiez l'identifiant du responsable.",
            )
        user, lockout = found
        now = self.clock.now()
        try:
            state = check_manager_pin(user, pin, lockout, now)
        except WrongPin as error:
            locked = error.lockout.locked_until
            detail = {"failures": error.lockout.failures, "locked_until": locked and locked.isoformat()}
            self.users.save_lockout(
                user.id, error.lockout, AuditEntry("approval.pin_refused", user.id, None, detail, now)
            )
            raise
        except PinError as error:
            self.users.save_lockout(
                user.id, lockout, AuditEntry("approval.refused", user.id, None, {"reason": str(error)}, now)
            )
            raise
        if state != lockout:
            self.users.save_lockout(user.id, state, None)
        return user


class UserAdmin:
    """`user add` / `user list`."""

    def __init__(self, users: UserRepository, clock: Clock) -> None:
        self.users, self.clock = users, clock

    def add(self, user_id: str, name: str, role: str, pin: str | None, actor: str | None = None) -> User:
        if not _USER_ID.fullmatch(user_id):
            raise BadInput(
                f'"{user_id}" is not a user id; use up to 40 letters, digits, ".", "_", "@" or "-".'
            )
        try:
            chosen = Role(role)
        except ValueError:
            raise BadInput(f'"{role}" is not a role; use cashier, manager or admin.') from None
        if not name.strip():
            raise BadInput("A user needs a name; give it with --name.")
        if chosen.can_approve and not pin:
            raise BadInput(
                f"A {chosen.value} needs a PIN to approve returns; give it with --pin-stdin or at the prompt."
            )
        if self.users.get(user_id) is not None:
            raise BadInput(f'The user "{user_id}" already exists; choose another id.')
        user = User(user_id, name.strip(), chosen, hash_pin(pin) if pin else None)
        self.users.add(
            user,
            AuditEntry(
                "user.added", actor, user_id, {"role": chosen.value, "name": user.name}, self.clock.now()
            ),
        )
        return user

    def list(self) -> list[User]:
        return self.users.all()
