"""People changing the till's settings (`config set`, the settings screen): who may change which key,
all or nothing, audited with the old and new values (settings hold no secrets: the OMS key and the
PIN pepper live in the OS keyring or a private file).

Managers change the devices and the language; everything else is an administrator's. Keys that
posreturns keeps for itself (training mode, return counters, drafts, sync state…) cannot be set by
hand, and `policy.active` goes through the policy service (it must name a loaded policy).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from posreturns.domain.lockout import Moment
from posreturns.domain.permissions import Permission, allows
from posreturns.domain.users import Principal
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput
from posreturns.services.policies import PolicyService
from posreturns.services.returns.ports import AuditEntry

# the printer, the scanner, the screen, with "language": a manager's
DEVICE_PREFIXES = ("printer.", "scanner.", "window.")
KEPT_BY_POSRETURNS = ("till.training", "security.", "returns.seq.", "sync.", "draft.", "demo.", "rtv.seq.",
                      "resale.ean_seq", "resale.ean_block", "returns.range.")
POLICY_KEY = "policy.active"
CHOICES = {"language": ("", "fr", "en"), "scanner.mode": ("keyboard", "serial"), "window.fullscreen": ("", "yes")}


class SettingsWriter(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...
    def change(self, values: dict[str, str], audit: AuditEntry | None) -> None: ...
    def checked(self, values: dict[str, str]) -> dict[str, str]: ...


def permission_for(key: str) -> Permission:
    device = key == "language" or key.startswith(DEVICE_PREFIXES)
    return Permission.CHANGE_DEVICE_SETTINGS if device else Permission.CHANGE_TILL_SETTINGS


def kept_by_posreturns(key: str) -> bool:
    return key == KEPT_BY_POSRETURNS[0] or key.startswith(KEPT_BY_POSRETURNS[1:])


class SettingsAdmin:
    def __init__(self, settings: SettingsWriter, access: AccessService, policies: PolicyService,
                 moments: Callable[[], Moment]) -> None:
        self.settings, self.access, self.policies, self.moments = settings, access, policies, moments

    def check(self, values: dict[str, str]) -> dict[str, str]:
        """The values as they would be stored, or `BadInput` naming the first wrong one; checks no one's
        role and writes nothing (a front end calls it before asking for a sign-in)."""
        for key, value in values.items():
            _check(key, value)
        return self.settings.checked(values)

    def change(self, actor: Principal, values: dict[str, str]) -> dict[str, str]:
        """Store `values` (key → value) if `actor` may change every one of them; gives what changed."""
        for key, value in values.items():
            _check(key, value)
            self.access.require(actor, permission_for(key), key)
        policy = values.get(POLICY_KEY)
        if policy is not None:
            self.policies.activate(policy, actor)
        changed = {key: value for key, value in values.items()
                   if key != POLICY_KEY and (self.settings.get(key) or "") != value}
        if changed:
            detail = {"changes": {key: {"from": self.settings.get(key), "to": value} for key, value in changed.items()}}
            self.settings.change(changed, AuditEntry("settings.changed", actor.user_id, None, detail,
                                                     self.moments().wall))
        return changed

    def may_change(self, actor: Principal, key: str) -> bool:
        """Whether the settings screen should let `actor` edit `key` (the change is checked again)."""
        return allows(actor.role, permission_for(key))


def _check(key: str, value: str) -> None:
    if not key or key != key.strip() or len(key) > 100:
        raise BadInput(f'"{key}" is not a setting name; see `posreturns config list`.')
    if kept_by_posreturns(key):
        raise BadInput(f"{key} is kept by posreturns itself and cannot be set by hand.")
    allowed = CHOICES.get(key)
    if allowed is not None and value not in allowed:
        raise BadInput(f'{key} cannot be "{value}"; use one of: {", ".join(c or "(empty)" for c in allowed)}.')
    if len(value) > 2000:
        raise BadInput(f"The value of {key} is too long (over 2,000 characters).")
