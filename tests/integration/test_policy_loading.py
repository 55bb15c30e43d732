"""Loading a policy from the manager's workspace, through the service: what a file changes (rule by
rule, with the built-in defaults for the keys it leaves out), a bad file refused in one sentence with
nothing changed, and an administrator's permission checked and audited."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.returns import SHIPPED_POLICY, open_shop, rows

from posreturns.app import Till
from posreturns.domain.users import Principal, Role
from posreturns.paths import DATABASE_FILE
from posreturns.services.errors import BadInput, PermissionDenied
from posreturns.services.policy_change import PolicyLoading, read_policy_file

ADMIN = Principal("admin", "Alex Admin", Role.ADMIN)


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Till]:
    opened = open_shop(tmp_path / "shop")
    yield opened
    opened.close()


def test_the_preview_lists_each_rule_that_changes_and_loading_it_is_audited(till: Till) -> None:
    loading = PolicyLoading(till.policies, till.access)
    # only two keys written: every other rule keeps its default, as the shipped policy in force has it
    preview = loading.preview(ADMIN, 'version = "2026-12"\n[window]\ndays = 14\n[incentive]\nenabled = true\n',
                              "short.toml")
    assert [(d.key, d.before, d.after) for d in preview.changes] == [
        ("version", "2026-11", "2026-12"), ("window.days", "30", "14"), ("incentive.enabled", "false", "true")]
    assert till.policies.describe()["version"] == "2026-11"  # a preview changes nothing
    assert loading.load(ADMIN, preview)["version"] == "2026-12"
    assert till.policies.active().window.days == 14
    (row,) = rows(till.data_dir / DATABASE_FILE, "SELECT actor, subject, at FROM audit_log WHERE action = "
                                                 "'policy.loaded' AND subject = '2026-12'")
    assert (row[0], row[1]) == ("admin", "2026-12") and row[2].startswith("20")


def test_the_policy_in_force_changes_nothing(till: Till) -> None:
    preview = PolicyLoading(till.policies, till.access).preview(ADMIN, SHIPPED_POLICY.read_text(encoding="utf-8"),
                                                                "default.toml")
    assert preview.changes == () and preview.version_before == preview.version_after


@pytest.mark.parametrize(("text", "said"), [
    ('version = "x"\n[window]\ndayz = 14\n', "window.dayz"),
    ('version = "x"\n[window\n', "not valid TOML"),
    ('version = "2026-11"\n[window]\ndays = 14\n', 'version "2026-11" was already loaded with another text'),
])
def test_a_bad_file_is_one_sentence_and_changes_nothing(till: Till, text: str, said: str) -> None:
    before = till.policies.describe()
    with pytest.raises(BadInput, match=said) as refused:
        PolicyLoading(till.policies, till.access).preview(ADMIN, text, "bad.toml")
    assert str(refused.value).endswith("The active policy was not changed.")
    assert till.policies.describe() == before


def test_a_file_that_cannot_be_read_is_one_sentence(tmp_path: Path) -> None:
    binary = tmp_path / "policy.toml"
    binary.write_bytes(b"\xff\xfe version")
    with pytest.raises(BadInput, match="is not UTF-8 text"):
        read_policy_file(binary)
    with pytest.raises(BadInput, match="Cannot read"):
        read_policy_file(tmp_path / "missing.toml")


def test_a_manager_may_not_preview_nor_load_and_the_refusal_is_audited(till: Till) -> None:
    manager = Principal("mgr1", "Marie Manager", Role.MANAGER)
    loading = PolicyLoading(till.policies, till.access)
    assert loading.may_load(ADMIN) and not loading.may_load(manager)
    with pytest.raises(PermissionDenied):
        loading.preview(manager, SHIPPED_POLICY.read_text(encoding="utf-8"), "default.toml")
    assert rows(till.data_dir / DATABASE_FILE, "SELECT actor FROM audit_log WHERE action = 'access.denied'")
