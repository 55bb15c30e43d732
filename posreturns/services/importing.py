"""Use case: import a canonical data file into the local cache, all or nothing."""

from __future__ import annotations

from pathlib import Path

from posreturns.services.canonical import Document, load_document
from posreturns.services.errors import ImportRejected
from posreturns.services.ports import CacheWriter


def import_bytes(raw: bytes, source: str, writer: CacheWriter) -> dict[str, int]:
    return writer.write(load_document(raw, source), source)


def read_import(path: Path) -> Document:
    """The file, read and checked whole (`ImportRejected` naming what is wrong); nothing is written."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportRejected(str(path), "$", f"the file cannot be read ({error.strerror}).") from None
    return load_document(raw, str(path))


def import_file(path: Path, writer: CacheWriter) -> dict[str, int]:
    return writer.write(read_import(path), str(path))
