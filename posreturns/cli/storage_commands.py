"""`backup DEST` and `restore FILE`: the only safe ways to copy a till's database (docs/storage.md).

A backup needs nobody (it is scheduled, and holds what the data folder already holds for the till's
OS user). A restore needs a manager's sign-in, checked against the till's database; when that
database is missing, damaged or has no users (a new computer) there is nobody to check against, and
the audit row says the restore was not signed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import sign_in
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Principal
from posreturns.paths import DATABASE_FILE, resolve_data_dir
from posreturns.persistence.backup import backup_database, restore_database
from posreturns.persistence.marks import Marks, MarksFile
from posreturns.services.errors import StorageError


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    backup = commands.add_parser("backup", parents=shared,
                                 help="write a consistent copy of the till's database (safe while the till works)")
    backup.add_argument("destination", type=Path, metavar="DEST", help="a file, or a folder for a dated file")
    backup.set_defaults(handler=run_backup)
    restore = commands.add_parser("restore", parents=shared,
                                  help="put a backup back (after a lost or damaged database)")
    restore.add_argument("backup", type=Path, metavar="FILE")
    restore.add_argument("--force", action="store_true",
                         help="restore even when the backup lacks returns the database still holds")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_till

    data_dir = resolve_data_dir(args.data_dir)
    open_till(data_dir).close()  # a damaged database is refused here, with its sentence
    report = backup_database(data_dir / DATABASE_FILE, args.destination)
    out.result({"backup": str(report.path), "bytes": report.size, "returns": report.returns,
                "return_sequences": report.marks.returns, "outbox_seq": report.marks.outbox},
               f"Backup written to {report.path} ({report.size / 1e6:.1f} MB, {report.returns} returns"
               f"{_last_numbers(report.marks)}).")
    return EXIT_OK


def run_restore(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_till

    data_dir = resolve_data_dir(args.data_dir)
    database = data_dir / DATABASE_FILE
    actor = _restorer(args, data_dir)
    report = restore_database(database, args.backup, MarksFile(data_dir, database), force=args.force)
    with open_till(data_dir, quick_check="always") as till:
        till.audit("storage.restored", actor.user_id if actor else None, str(args.backup), {
            "lost": report.lost, "set_aside": str(report.set_aside) if report.set_aside else None,
            "return_sequences": report.marks.returns, "signed_in": actor is not None})
    text = [f"Restored {args.backup}{_last_numbers(report.marks)}; returns can be issued again."]
    if report.lost:
        text.append(f"Recorded after this backup and not in it: {'; '.join(report.lost)}. Their numbers will not be "
                    "issued again; run `posreturns sync --once` so the OMS brings back the returns it received.")
    if report.set_aside:
        text.append(f"The damaged database was kept as {report.set_aside}.")
    data: dict[str, Any] = {"restored": str(args.backup), "lost": report.lost,
                            "set_aside": str(report.set_aside) if report.set_aside else None,
                            "return_sequences": report.marks.returns}
    out.result(data, "\n".join(text))
    return EXIT_OK


def _restorer(args: argparse.Namespace, data_dir: Path) -> Principal | None:
    """The manager who signs in for the restore, or None when the database cannot tell who may."""
    from posreturns.app import open_till

    if not (data_dir / DATABASE_FILE).exists():
        return None
    try:
        with open_till(data_dir, quick_check="due") as till:
            if not till.users.list():
                return None
            return sign_in(args, till, Permission.RESTORE_BACKUP, "restore")
    except StorageError:  # damaged: the backup replaces it
        return None


def _last_numbers(marks: Marks) -> str:
    if not marks.returns:
        return ""
    return "; last return of " + ", ".join(f"till {till}: {seq:06d}" for till, seq in sorted(marks.returns.items()))
