"""The OMS address a till may talk to: https, or plain http only to this machine (tests, a local
OMS); an API key and customers' data never cross the network in clear."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from posreturns.domain.messages import translate
from posreturns.services.errors import BadInput


def check_oms_url(url: str) -> str:
    """`url` without its trailing slash, or `BadInput` saying what to write instead."""
    text = url.strip().rstrip("/")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - a malformed port raises here
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme not in ("http", "https") or not host:
        raise BadInput(translate("services.oms_address", '"{0}" is not an OMS address; write it as '
                                                         "https://oms.example.com.").format(text[:80]))
    if parts.scheme == "http" and not is_loopback(host):
        raise BadInput(translate("services.oms_address", "The OMS address must start with https:// ({0} is not "
                                                         "this machine); plain http is only for an OMS on this "
                                                         "till (localhost).").format(host))
    return text


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
