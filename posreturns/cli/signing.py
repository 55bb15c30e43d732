"""Who runs a command. Reading needs nobody; a command that changes something needs the ID and PIN of
someone whose role allows it: `--user ID`, and the PIN typed at a prompt or, with `--pin-stdin`, the
first line of standard input (never an argument: the command line is visible to every user of the
computer). The PIN is checked by the till's access service, which counts and audits failures."""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import dataclass, field

from posreturns.app import Till
from posreturns.domain.permissions import Permission, least_role
from posreturns.domain.users import Principal, Role
from posreturns.services.errors import BadInput

WHO = {Role.CASHIER: "a till user", Role.MANAGER: "a manager or an administrator", Role.ADMIN: "an administrator"}


@dataclass(frozen=True)
class Credentials:
    user_id: str
    pin: str = field(repr=False)

    def sign_in(self, till: Till, permission: Permission) -> Principal:
        return till.access.sign_in(self.user_id, self.pin, permission)


def stdin_line() -> str:
    """One line of stdin, read from its byte buffer when it has one: a JSON request or a file read
    after it (`sys.stdin.buffer.read()`) must find everything that follows the line."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin.readline()
    line: bytes = buffer.readline()
    return line.decode("utf-8", "replace")


def read_line(args: argparse.Namespace, prompt: str, what: str) -> str:
    """The next PIN: a line of stdin with --pin-stdin, else typed at a hidden prompt."""
    if getattr(args, "pin_stdin", False):
        line = stdin_line()
        if not line.strip():
            raise BadInput(f"--pin-stdin was given but standard input has no line for {what}; send it first, "
                           "one PIN per line.")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise BadInput(f"No terminal to type {what} in; send it on standard input with --pin-stdin.")
    return getpass.getpass(prompt)


def ask(args: argparse.Namespace, permission: Permission, command: str) -> Credentials:
    """The ID and PIN for `command`; call it before anything else reads standard input."""
    user_id = (getattr(args, "user", None) or "").strip()
    if not user_id:
        if getattr(args, "pin_stdin", False) or not sys.stdin.isatty():
            raise BadInput(f"`posreturns {command}` needs the ID and PIN of {WHO[least_role(permission)]}: add "
                           "--user ID (the PIN is asked for, or read from the first line of stdin with --pin-stdin).")
        sys.stderr.write("User ID: ")  # prompts stay off stdout, which may carry JSON
        sys.stderr.flush()
        user_id = stdin_line().strip()
    return Credentials(user_id, read_line(args, f"PIN for {user_id}: ", "your PIN"))


def sign_in(args: argparse.Namespace, till: Till, permission: Permission, command: str) -> Principal:
    """Ask for the ID and PIN and sign in (for commands that read nothing else from stdin)."""
    return ask(args, permission, command).sign_in(till, permission)
