"""`backup DEST` and `restore FILE`: the only safe ways to copy a till's database (docs/storage.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from posreturns.cli.output import EXIT_OK, Output
from posreturns.paths import DATABASE_FILE, resolve_data_dir
from posreturns.persistence.backup import backup_database, restore_database
from posreturns.persistence.marks import Marks, MarksFile


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
    restore.add_argument("--by", help="the manager restoring it (recorded in the audit log)")
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
    from posreturns.persistence.audit import insert_audit
    from posreturns.persistence.engine import WRITE
    from posreturns.services.return_ports import AuditEntry

    data_dir = resolve_data_dir(args.data_dir)
    database = data_dir / DATABASE_FILE
    report = restore_database(database, args.backup, MarksFile(data_dir, database), force=args.force)
    with open_till(data_dir, quick_check="always") as till, \
            till.engine.connect().execution_options(**WRITE) as connection, connection.begin():
        insert_audit(connection, AuditEntry("storage.restored", args.by, str(args.backup), {
            "lost": report.lost, "set_aside": str(report.set_aside) if report.set_aside else None,
            "return_sequences": report.marks.returns}, till.clock.now()))
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


def _last_numbers(marks: Marks) -> str:
    if not marks.returns:
        return ""
    return "; last return of " + ", ".join(f"till {till}: {seq:06d}" for till, seq in sorted(marks.returns.items()))
