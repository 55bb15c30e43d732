"""The active return policy: loaded from a TOML file, kept with the data, versioned.

Every loaded text is kept by version, so a stored return's `policy_version` always names a text
this till has. A version may not be reused with another text. Until a policy is loaded, the
built-in default (version `builtin`, the same rules as posreturns/resources/policy/default.toml) applies.
"""

from __future__ import annotations

import hashlib
from typing import Any

from posreturns.domain.errors import PolicyError
from posreturns.domain.permissions import Permission
from posreturns.domain.policy.defaults import DEFAULT_POLICY_TOML
from posreturns.domain.policy.model import Policy
from posreturns.domain.policy.toml import parse_policy
from posreturns.domain.users import Principal
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput
from posreturns.services.ports import Clock
from posreturns.services.returns.ports import AuditEntry, PolicyRepository


class PolicyService:
    """Loading (`load`, an administrator's) and switching back to a loaded version (`activate`) are
    audited; `install` is for setup code (a new till's shipped default, the demo store)."""

    def __init__(self, policies: PolicyRepository, clock: Clock, access: AccessService) -> None:
        self.policies, self.clock, self.access = policies, clock, access
        self._parsed: dict[str, Policy] = {}  # by sha256: parse each text once per process

    def active(self) -> Policy:
        stored = self.policies.active()
        text = stored.text if stored else DEFAULT_POLICY_TOML
        digest = stored.sha256 if stored else _sha(DEFAULT_POLICY_TOML)
        if digest not in self._parsed:
            self._parsed[digest] = parse_policy(text)
        return self._parsed[digest]

    def describe(self) -> dict[str, Any]:
        stored = self.policies.active()
        policy = self.active()
        return {
            "version": policy.version,
            "currency": policy.currency,
            "source": "loaded" if stored else "builtin",
            "loaded_at": stored.loaded_at if stored else None,
            "sha256": stored.sha256 if stored else _sha(DEFAULT_POLICY_TOML),
            "text": stored.text if stored else DEFAULT_POLICY_TOML,
        }

    def load(self, text: str, source: str, actor: Principal) -> dict[str, Any]:
        """Validate and activate a policy text; a bad text changes nothing and names the wrong key."""
        self.access.require(actor, Permission.LOAD_POLICY, source)
        return self._load(text, source, actor.user_id)

    def install(self, text: str, source: str) -> dict[str, Any]:
        return self._load(text, source, None)

    def activate(self, version: str, actor: Principal) -> dict[str, Any]:
        """Make an already loaded version the active one again (`config set policy.active VERSION`)."""
        self.access.require(actor, Permission.LOAD_POLICY, version)
        known = self.policies.get(version)
        if known is None:
            raise BadInput(f'No policy "{version}" was ever loaded on this till; load its file with '
                           "`posreturns policy load FILE`.")
        previous = self.policies.active()
        if previous is None or previous.version != version:
            detail = {"version": version, "sha256": known.sha256, "source": "config set",
                      "previous": previous.version if previous else None}
            self.policies.activate(version, known.text, known.sha256,
                                   AuditEntry("policy.activated", actor.user_id, version, detail, self.clock.now()))
        return self.describe()

    def checked(self, text: str, source: str) -> Policy:
        """The policy of `text`, or `BadInput` saying what is wrong with it (nothing is changed)."""
        try:
            policy = parse_policy(text)
        except PolicyError as error:
            raise BadInput(f"{source}: {error} The active policy was not changed.") from None
        known = self.policies.get(policy.version)
        if known is not None and known.sha256 != _sha(text):
            raise BadInput(
                f'{source}: version "{policy.version}" was already loaded with another text; give this '
                "policy a new version. The active policy was not changed."
            )
        return policy

    def _load(self, text: str, source: str, actor: str | None) -> dict[str, Any]:
        policy = self.checked(text, source)
        digest = _sha(text)
        previous = self.policies.active()
        changed = previous is None or previous.sha256 != digest
        if changed:
            detail = {
                "version": policy.version,
                "sha256": digest,
                "source": source,
                "previous": previous.version if previous else None,
            }
            self.policies.activate(
                policy.version,
                text,
                digest,
                AuditEntry("policy.loaded", actor, policy.version, detail, self.clock.now()),
            )
        return {**self.describe(), "changed": changed}


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
