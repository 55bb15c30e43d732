"""Loading a return policy from the manager's workspace: an administrator picks a TOML file, sees what
it changes (each rule and limit, in force → in the file) and confirms; the load itself is the policy
service's (validated again, audited as `policy.loaded` with who and when). A file that is not a
valid policy is refused with one sentence and nothing changes."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from posreturns.domain.messages import translate
from posreturns.domain.permissions import Permission, allows
from posreturns.domain.policy.defaults import DEFAULT_POLICY_TOML
from posreturns.domain.policy.reader import deep_merge
from posreturns.domain.users import Principal
from posreturns.services.access import AccessService
from posreturns.services.errors import BadInput
from posreturns.services.policies import PolicyService

MAX_BYTES = 1_000_000  # a policy is a few kilobytes; anything this big is the wrong file


@dataclass(frozen=True, slots=True)
class Difference:
    key: str  # a dotted path in the policy file: "window.days", "fees[1].percent"
    before: str | None  # None: not in the policy in force
    after: str | None  # None: not in the file


@dataclass(frozen=True, slots=True)
class PolicyPreview:
    source: str
    text: str
    version_before: str
    version_after: str
    changes: tuple[Difference, ...]  # empty: the file is the policy in force


class PolicyLoading:
    def __init__(self, policies: PolicyService, access: AccessService) -> None:
        self.policies, self.access = policies, access

    @staticmethod
    def may_load(actor: Principal) -> bool:
        return allows(actor.role, Permission.LOAD_POLICY)

    def preview(self, actor: Principal, text: str, source: str) -> PolicyPreview:
        """What loading `text` would change; `BadInput` (one sentence) when it is not a valid policy."""
        self.access.require(actor, Permission.LOAD_POLICY, source)
        policy = self.policies.checked(text, source)
        in_force = self.policies.describe()
        before, after = _effective(str(in_force["text"])), _effective(text)
        changes = tuple(Difference(key, before.get(key), after.get(key)) for key in _ordered(before, after)
                        if before.get(key) != after.get(key))
        return PolicyPreview(source, text, str(in_force["version"]), policy.version, changes)

    def load(self, actor: Principal, preview: PolicyPreview) -> dict[str, Any]:
        """Make the previewed text the active policy (checked again, audited with who and when)."""
        loaded = self.policies.load(preview.text, preview.source, actor)
        loaded.pop("text")
        return loaded


def read_policy_file(path: Path) -> str:
    """The text of a policy file, or `BadInput` saying why it cannot be read."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise BadInput(translate("services.policy_change", "{0} is too big to be a return policy; choose the "
                                                               "policy's .toml file.").format(path.name))
        return path.read_bytes().decode("utf-8")
    except OSError as error:
        raise BadInput(translate("services.policy_change", "Cannot read {0}: {1}; check the file and try "
                                                           "again.").format(path, error.strerror or "")) from None
    except UnicodeDecodeError:
        raise BadInput(translate("services.policy_change", "{0} is not UTF-8 text; save it as UTF-8 and load it "
                                                           "again.").format(path.name)) from None


def _effective(text: str) -> dict[str, str]:
    """Every rule and limit the text puts in force: a key it leaves out takes the built-in default."""
    return _flat(deep_merge(tomllib.loads(DEFAULT_POLICY_TOML), tomllib.loads(text)))


def _ordered(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The keys in the file's order, then the ones the file leaves out."""
    return [*after, *(key for key in before if key not in after)]


def _flat(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, path + "."))
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            for index, item in enumerate(value):
                flat.update(_flat(item, f"{path}[{index + 1}]."))
        else:
            flat[path] = _shown(value)
    return flat


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(item) for item in value) + "]"
    return str(value)
