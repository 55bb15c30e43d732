"""What a manager reads in the workspace's Policy and settings tab: the return policy in force (its
version, where it came from, its text) and the till's settings with who may change each. Read only:
changes go through the settings screen or `posreturns config set` / `policy load`, which check the
role and audit them. Keys posreturns keeps for itself (counters, drafts, sync state) are left out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from posreturns.domain.permissions import LEAST_ROLE
from posreturns.domain.utc import parse_utc
from posreturns.services.policies import PolicyService
from posreturns.services.settings_admin import POLICY_KEY, kept_by_posreturns, permission_for


class SettingsReader(Protocol):
    def all(self) -> dict[str, str]: ...


@dataclass(frozen=True, slots=True)
class SettingShown:
    key: str
    value: str
    changed_by: str  # the least role that may change it: manager | admin


@dataclass(frozen=True, slots=True)
class InForce:
    version: str
    source: str  # loaded | builtin
    loaded_at: datetime | None
    sha256: str
    text: str
    settings: tuple[SettingShown, ...]


class PolicyAndSettings:
    def __init__(self, policies: PolicyService, settings: SettingsReader) -> None:
        self.policies, self.settings = policies, settings

    def in_force(self) -> InForce:
        policy = self.policies.describe()
        shown = tuple(SettingShown(key, value, "admin" if key == POLICY_KEY else LEAST_ROLE[permission_for(key)].value)
                      for key, value in sorted(self.settings.all().items()) if not kept_by_posreturns(key))
        loaded_at = policy["loaded_at"]
        return InForce(str(policy["version"]), str(policy["source"]),
                       parse_utc(loaded_at) if isinstance(loaded_at, str) else loaded_at, str(policy["sha256"]),
                       str(policy["text"]), shown)
