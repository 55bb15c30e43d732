"""PIN rules and hashes (pure: the secret pepper and the salt are passed in).

A PIN is HMAC-SHA256'd with the till's secret pepper, kept outside the database (OS keyring, or a
file only the till's user can read), then stretched with scrypt and a random salt. A stolen database
alone is then no help: without the pepper, not even a 4-digit PIN can be guessed offline. The hash
string carries the pepper's id and the scrypt parameters (`sp1$pepper-id$n$r$p$salt$hash`, base64),
so the cost can be raised later; `needs_rehash` tells when a stored hash is older or cheaper than
today's, and the next successful sign-in replaces it. Hashes of the first version (`scrypt$…`,
without pepper) still verify.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from posreturns.domain.errors import PinError
from posreturns.domain.messages import translate
from posreturns.domain.users import Role

SCHEME, LEGACY_SCHEME = "sp1", "scrypt"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # 16 MiB and ~0.05–0.2 s a check (`make bench`: target <= 0.3 s)
_MAXMEM = 256 * 1024 * 1024
MAX_LENGTH = 12
MIN_LENGTH = {Role.CASHIER: 4, Role.MANAGER: 4, Role.ADMIN: 6}


@dataclass(frozen=True, slots=True)
class Pepper:
    """The till's secret, mixed into every PIN hash. `id` names it in hashes without revealing it."""

    secret: bytes = field(repr=False)

    @property
    def id(self) -> str:
        return hashlib.sha256(b"posreturns-pepper-id" + self.secret).hexdigest()[:12]

    @classmethod
    def new(cls) -> Pepper:
        return cls(secrets.token_bytes(32))


class PepperMissing(PinError):
    """A stored hash needs a pepper this computer does not have (the data folder was moved?)."""


def check_new_pin(pin: str, role: Role) -> None:
    """Raise `PinError` (one sentence) unless `pin` is acceptable for a user of `role`."""
    shortest = MIN_LENGTH[role]
    if not (pin.isascii() and pin.isdigit() and shortest <= len(pin) <= MAX_LENGTH):
        raise PinError(translate("domain.pins", "A {0}'s PIN is {1} to {2} digits; choose another PIN.")
                       .format(_ROLE[role], shortest, MAX_LENGTH))
    if len(set(pin)) == 1:
        raise PinError(translate("domain.pins", "A PIN of one repeated digit is too easy to guess; choose "
                                                "another PIN."))


_ROLE = {Role.CASHIER: translate("domain.pins", "cashier"), Role.MANAGER: translate("domain.pins", "manager"),
         Role.ADMIN: translate("domain.pins", "admin")}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _stretch(secret: bytes, salt: bytes, n: int, r: int, p: int, length: int = 32) -> bytes:
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=length)


def _peppered(pin: str, pepper: Pepper) -> bytes:
    return hmac.new(pepper.secret, pin.encode(), hashlib.sha256).digest()


def hash_pin(pin: str, pepper: Pepper, *, salt: bytes | None = None, n: int = SCRYPT_N, r: int = SCRYPT_R,
             p: int = SCRYPT_P) -> str:
    """The stored form of `pin` (check it with `check_new_pin` first)."""
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = _stretch(_peppered(pin, pepper), salt, n, r, p)
    return f"{SCHEME}${pepper.id}${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def pepper_id_of(stored: str) -> str | None:
    """The id of the pepper a stored hash needs (None: a hash without pepper, or malformed)."""
    parts = stored.split("$")
    return parts[1] if len(parts) == 7 and parts[0] == SCHEME else None


def verify_pin(pin: str, stored: str, pepper: Pepper | None) -> bool:
    """True when `pin` matches `stored`; a malformed hash never matches. Raises `PepperMissing`
    when `stored` needs another pepper than `pepper`."""
    parts = stored.split("$")
    try:
        if len(parts) == 7 and parts[0] == SCHEME:
            if pepper is None or pepper.id != parts[1]:
                raise PepperMissing(
                    translate("domain.pins", "This till's PIN secret is missing (was the data folder moved to "
                                             "another computer?): no PIN can be checked. Restore the secret "
                                             "(docs/security.md) or call support."))
            secret, (n, r, p, salt_b64, digest_b64) = _peppered(pin, pepper), parts[2:]
        elif len(parts) == 6 and parts[0] == LEGACY_SCHEME:
            secret, (n, r, p, salt_b64, digest_b64) = pin.encode(), parts[1:]
        else:
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(digest_b64, validate=True)
        actual = _stretch(secret, salt, int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str, pepper: Pepper) -> bool:
    """True when `stored` is not today's scheme, pepper and cost."""
    parts = stored.split("$")
    return parts[:5] != [SCHEME, pepper.id, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P)]


def spend_a_check() -> None:
    """As much work as checking a PIN, for a refusal that needs no check (unknown id, locked
    account): every refusal then takes the same time, and timing tells nothing."""
    _stretch(secrets.token_bytes(32), secrets.token_bytes(16), SCRYPT_N, SCRYPT_R, SCRYPT_P)
