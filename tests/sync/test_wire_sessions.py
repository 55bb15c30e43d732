"""The OMS client keeps one HTTP session per live thread: upload runs come and go with threads of their
own, and a session left behind by each would hold its connection open for as long as the till runs."""

from __future__ import annotations

import threading

from posreturns.sync.wire import HttpJsonClient


def _use_from_a_new_thread(client: HttpJsonClient) -> None:
    thread = threading.Thread(target=lambda: client.session)
    thread.start()
    thread.join()


def test_sessions_of_ended_threads_are_closed_when_a_new_thread_asks() -> None:
    client = HttpJsonClient("http://127.0.0.1:9", None)
    for _ in range(25):  # 25 upload runs, each on a thread that then ends
        _use_from_a_new_thread(client)
    assert len(client._sessions) == 1  # the last thread's; the 24 before were closed
    mine = client.session
    assert client.session is mine and len(client._sessions) == 1  # this thread's own, kept while it lives
    client.close()
    assert client._sessions == {}
