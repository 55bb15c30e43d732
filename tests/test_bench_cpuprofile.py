"""bench/cpuprofile.py: self and inclusive time of a V8 CPU profile, within a time window."""

from __future__ import annotations

from typing import Any

from pytest import approx

from bench.cpuprofile import Summary, package


def _frame(name: str, url: str = "") -> dict[str, Any]:
    return {"functionName": name, "url": url, "lineNumber": 9}


PROFILE = {
    "startTime": 1_000,
    "nodes": [
        {"id": 1, "callFrame": _frame("(root)"), "children": [2, 4]},
        {"id": 2, "callFrame": _frame("find", "/m/node_modules/@mikro-orm/core/EntityManager.js"), "children": [3]},
        {"id": 3, "callFrame": _frame("toSQL", "/m/node_modules/knex/lib/raw.js")},
        {"id": 4, "callFrame": _frame("(idle)")},
    ],
    # at 1000+10, +20, +30, +40 µs; each sample lasts until the next one
    "samples": [3, 2, 3, 4, 3],
    "timeDeltas": [10, 10, 10, 10, 10],
}


def test_self_and_inclusive_time_per_function_and_package() -> None:
    summary = Summary()
    summary.add(PROFILE)
    assert summary.total_ms == approx(0.03)   # three 10 µs samples of work; the idle one and the unended last add none
    assert summary.self_package["knex"] == approx(0.02) and summary.self_package["@mikro-orm/core"] == approx(0.01)
    assert summary.package["@mikro-orm/core"] == approx(0.03)   # on the stack of every working sample
    assert summary.function["find  @mikro-orm/core EntityManager.js:10"] == approx(0.03)


def test_the_window_keeps_only_its_samples() -> None:
    summary = Summary()
    summary.add(PROFILE, 1_015, 1_025)   # the second sample only (stamped 1020)
    assert summary.total_ms == approx(0.01) and dict(summary.self_package) == {"@mikro-orm/core": approx(0.01)}
    assert summary.lines(3)[0] == "sampled CPU: 0.0 s (idle left out)"


def test_packages_are_named_from_their_folder() -> None:
    assert package("/p/node_modules/@medusajs/framework/node_modules/x/y.js") == "x"
    assert package("/p/node_modules/@medusajs/utils/dist/dal/a.js") == "@medusajs/utils (dal)"
    assert package("node:internal/process/task_queues") == "node:internal"
    assert package("") == "(V8, native, garbage collector)"
