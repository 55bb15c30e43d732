"""The till's users: adding them, setting PINs, unlocking — an administrator's work, audited.

The first administrator of a new till is added without anyone signing in (`first_admin`), and setup
code (the demo store, tests) adds users with `seed`; everything reachable from the window or the
command line goes through the checked methods.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from posreturns.domain.lockout import Lockout, Moment
from posreturns.domain.messages import translate
from posreturns.domain.permissions import Permission
from posreturns.domain.pins import check_new_pin, hash_pin
from posreturns.domain.users import Principal, Role, User
from posreturns.services.access import AccessService
from posreturns.services.access_ports import PepperStore, UserRepository
from posreturns.services.errors import BadInput, NotFound
from posreturns.services.returns.ports import AuditEntry

_USER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,39}")


class UserAdmin:
    def __init__(self, users: UserRepository, access: AccessService, peppers: PepperStore,
                 moments: Callable[[], Moment]) -> None:
        self.users, self.access, self.peppers, self.moments = users, access, peppers, moments

    def add(self, actor: Principal, user_id: str, name: str, role: str, pin: str) -> User:
        self.access.require(actor, Permission.MANAGE_USERS, user_id)
        return self._add(actor.user_id, user_id, name, role, pin)

    def first_admin(self, user_id: str, name: str, pin: str) -> User:
        """The till's first administrator; refused once there is one."""
        if any(user.role is Role.ADMIN for user in self.users.all()):
            raise BadInput("This till already has an administrator; ask them to add users "
                           "(posreturns user add … --user ADMIN).")
        return self._add(None, user_id, name, Role.ADMIN.value, pin)

    def seed(self, user_id: str, name: str, role: str, pin: str) -> User:
        """Add a user without a signed-in administrator: for setup code only (demo store, tests)."""
        return self._add(None, user_id, name, role, pin)

    def set_pin(self, actor: Principal, user_id: str, pin: str) -> User:
        """A new PIN for `user_id`: the user themselves, or an administrator. Unlocks the account."""
        if actor.user_id != user_id or actor.vouched_by is not None:
            self.access.require(actor, Permission.MANAGE_USERS, user_id)
        return self._set_pin(actor.user_id, user_id, pin)

    def seed_pin(self, user_id: str, pin: str) -> User:
        """Set a PIN without a signed-in administrator: for setup code only (the demo's users)."""
        return self._set_pin(None, user_id, pin)

    def _set_pin(self, actor: str | None, user_id: str, pin: str) -> User:
        user = self._existing(user_id)
        check_new_pin(pin, user.role)
        self.users.update(user_id, AuditEntry("user.pin_changed", actor, user_id, {}, self.moments().wall),
                          pin_hash=hash_pin(pin, self.peppers.current()), lockout=Lockout())
        return user

    def unlock(self, actor: Principal, user_id: str) -> User:
        self.access.require(actor, Permission.MANAGE_USERS, user_id)
        user = self._existing(user_id)
        self.users.update(user_id, self._entry("user.unlocked", actor, user_id, {}), lockout=Lockout())
        return user

    def set_enabled(self, actor: Principal, user_id: str, enabled: bool) -> User:
        """Disable an account (it keeps its history, and may not sign in) or enable it again."""
        self.access.require(actor, Permission.MANAGE_USERS, user_id)
        user = self._existing(user_id)
        if not enabled and user_id == actor.user_id:
            raise BadInput(translate("services.users", "You cannot disable your own account; ask another "
                                                       "administrator."))
        if not enabled and user.role is Role.ADMIN and not any(
                u.role is Role.ADMIN and not u.disabled and u.id != user_id for u in self.users.all()):
            raise BadInput(translate("services.users", "This is the till's last active administrator; add "
                                                       "another before disabling it."))
        if user.disabled != (not enabled):
            self.users.update(user_id, self._entry("user.enabled" if enabled else "user.disabled", actor, user_id, {}),
                              disabled=not enabled)
        return self._existing(user_id)

    def list(self) -> list[User]:
        return self.users.all()

    def _add(self, actor: str | None, user_id: str, name: str, role: str, pin: str) -> User:
        if not _USER_ID.fullmatch(user_id):
            raise BadInput(f'"{user_id}" is not a user id; use up to 40 letters, digits, ".", "_", "@" or "-".')
        try:
            chosen = Role(role)
        except ValueError:
            raise BadInput(f'"{role}" is not a role; use cashier, manager or admin.') from None
        if not name.strip():
            raise BadInput("A user needs a name; give it with --name.")
        if not pin:
            raise BadInput("Every user needs a PIN to sign in; type it at the prompt or pipe it with --pin-stdin.")
        check_new_pin(pin, chosen)
        if self.users.get(user_id) is not None:
            raise BadInput(f'The user "{user_id}" already exists; choose another id.')
        user = User(user_id, name.strip(), chosen, hash_pin(pin, self.peppers.current()))
        detail = {"role": chosen.value, "name": user.name}
        self.users.add(user, AuditEntry("user.added", actor, user_id, detail, self.moments().wall))
        return user

    def _existing(self, user_id: str) -> User:
        found = self.users.get(user_id)
        if found is None:
            raise NotFound(f'No user "{user_id}" is on this till; list them with `posreturns user list`.')
        return found[0]

    def _entry(self, action: str, actor: Principal, user_id: str, detail: dict[str, object]) -> AuditEntry:
        return AuditEntry(action, actor.user_id, user_id, detail, self.moments().wall)
