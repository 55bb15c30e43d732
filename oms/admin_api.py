"""A thin client for Medusa v2's Admin API: secret key as HTTP Basic user, JSON in and out, errors raised."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Self

import requests


class OmsError(RuntimeError):
    """The test OMS could not be installed, started, seeded or stopped; the message says why."""


class AdminApiError(OmsError):
    """The Admin API answered with an HTTP error."""

    def __init__(self, method: str, path: str, status: int, body: Any) -> None:
        self.method, self.path, self.status, self.body = method, path, status, body
        message = body.get("message") if isinstance(body, dict) else body
        super().__init__(f"{method} {path} -> {status}: {message}")


class AdminClient:
    """A thin Admin API client: secret key as HTTP Basic user, JSON in and out, errors raised."""

    def __init__(self, base_url: str, api_key: str, timeout: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = (api_key, "")
        self.timeout = timeout

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        expect_error: bool = False,
    ) -> Any:
        resp = self.session.request(
            method, self.base_url + path, params=params, json=json_body, timeout=self.timeout
        )
        try:
            body: Any = resp.json()
        except ValueError:
            body = resp.text
        if resp.status_code >= 400:
            raise AdminApiError(method, path, resp.status_code, body)
        return body

    def raw(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """The bare response, for tests that look at status codes and error bodies."""
        return self.session.request(method, self.base_url + path, timeout=self.timeout, **kwargs)

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=params)

    def post(self, path: str, body: Any = None, **params: Any) -> Any:
        return self.request("POST", path, params=params or None, json_body=body if body is not None else {})

    def delete(self, path: str) -> Any:
        return self.request("DELETE", path)

    def ok(self) -> bool:
        try:
            return (
                self.session.get(
                    f"{self.base_url}/admin/orders", params={"limit": 1, "fields": "id"}, timeout=self.timeout
                ).status_code
                == 200
            )
        except requests.RequestException:
            return False

    def list_all(self, path: str, key: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every row of a list endpoint, following limit/offset pagination."""
        offset, limit = 0, 100
        while True:
            page = self.get(path, limit=limit, offset=offset, **params)
            yield from page[key]
            offset += len(page[key])
            if not page[key] or offset >= page.get("count", 0):
                return

    def find(
        self, path: str, key: str, match: Callable[[dict[str, Any]], bool], **params: Any
    ) -> dict[str, Any] | None:
        return next((row for row in self.list_all(path, key, **params) if match(row)), None)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
