"""The Windows build is a CI workflow that cannot run here; what can be checked is: it is valid
YAML for GitHub Actions, it freezes with the same spec as `make dist`, compiles the same NSIS script,
smoke-tests the frozen app and installs / uninstalls the installer on the runner."""

from __future__ import annotations

from typing import Any

import yaml
from helpers.packaging import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["build"]
    assert job["runs-on"].startswith("windows") and job["timeout-minutes"] <= 60
    assert all(("run" in step) != ("uses" in step) for step in job["steps"])
    return job["steps"]  # type: ignore[no-any-return]


def test_the_workflow_builds_with_the_same_spec_and_script_as_here() -> None:
    run = "\n".join(step.get("run", "") for step in steps())
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "installer/posreturns.spec" in run and "installer/posreturns.spec" in makefile
    assert "installer\\windows\\posreturns.nsi" in run and "installer/windows/posreturns.nsi" in makefile
    assert (ROOT / "installer" / "posreturns.spec").is_file()
    assert (ROOT / "installer" / "windows" / "posreturns.nsi").is_file()


def test_the_workflow_tries_what_it_built_before_uploading_it() -> None:
    names = [step.get("name", step.get("uses", "")) for step in steps()]
    order = [next(i for i, name in enumerate(names) if words in name) for words in
             ("Freeze", "Smoke test", "Build the installer", "Install, run", "upload-artifact")]
    assert order == sorted(order)
    smoke = next(step["run"] for step in steps() if "Smoke test" in step.get("name", ""))
    assert "--self-check" in smoke and "--version" in smoke and " demo" in smoke
    python = next(step for step in steps() if step.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.11"
