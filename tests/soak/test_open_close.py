"""The standalone window (`posreturns gui`'s own function) and the host widget (`create_returns_widget`,
`shutdown()`), each opened and closed 200 times in one process (bench/soak_open_close.py in a child
process, see conftest.py): what an opening takes, its closing gives back."""

from __future__ import annotations

import json
from typing import Any

import pytest


@pytest.mark.slow
@pytest.mark.soak("open_close")
@pytest.mark.timeout(1900)
@pytest.mark.parametrize("kind", ["standalone", "host"])
def test_opened_and_closed_200_times_leaves_nothing_behind(soak_report: dict[str, Any], kind: str) -> None:
    report = soak_report[kind]
    print(kind, json.dumps({key: value for key, value in report.items() if key != "samples"}))
    assert report["openings"] == 200
    assert report["hook_given_back"] and report["fault_handler_given_back"] and not report["marker_left"]
    grew = report["growth_after_warm_up"]  # from the 20th opening to the 200th
    assert report["steady_growth"]["rss_mb"] < 8  # a window that stayed behind costs ~0.25 MB an opening: 45 MB here
    assert grew["rss_mb"] < 60  # the allocator or a cache may step up once or twice, never by a window per opening
    assert grew["fds"] <= 1 and grew["python_threads"] == 0 and grew["os_threads"] <= 2
    assert grew["widgets"] == 0 and grew["qobject_wrappers"] <= 10
    assert grew["python_objects"] < 1_000  # a window that stayed behind: ~400 objects an opening
