"""Use case: import a canonical data file into the local cache, all or nothing."""

from __future__ import annotations

from pathlib import Path

from posreturns.services.canonical import Document
from posreturns.services.canonical_stream import stream_document
from posreturns.services.errors import ImportRejected
from posreturns.services.ports import CacheWriter


def import_bytes(raw: bytes, source: str, writer: CacheWriter) -> dict[str, int]:
    return writer.write(stream_document(raw, source), source)


def read_import(path: Path) -> Document:
    """The file, read and its shape checked (`ImportRejected` naming what is wrong); nothing is
    written. Its orders are checked as they are written, all or nothing (`stream_document`)."""
    return stream_document(_read(path), str(path), reread=lambda: _read(path))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ImportRejected(str(path), "$", f"the file cannot be read ({error.strerror}).") from None


def import_file(path: Path, writer: CacheWriter) -> dict[str, int]:
    return writer.write(read_import(path), str(path))
