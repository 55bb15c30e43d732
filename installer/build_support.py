"""Helpers of installer/posreturns.spec: the Windows version resource and the program icon.

Both are made at build time from what the repository already has (the package version, the SVG
icon), so nothing built is committed."""

from __future__ import annotations

import os
import re
from pathlib import Path

VERSION_INFO = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'posreturns'),
      StringStruct('FileDescription', 'posreturns - in-store returns for store tills'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'posreturns'),
      StringStruct('OriginalFilename', 'posreturns.exe'),
      StringStruct('ProductName', 'posreturns'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' -> (1, 2, 3, 0); a pre-release ('1.3.0rc1') keeps its leading numbers."""
    release = re.match(r"\d+(\.\d+)*", version)
    found = [int(part) for part in release.group(0).split(".")][:4] if release else []
    return tuple(found + [0] * (4 - len(found)))  # type: ignore[return-value]


def version_file(version: str, work: Path) -> str:
    work.mkdir(parents=True, exist_ok=True)
    path = work / "version_info.txt"
    path.write_text(VERSION_INFO.format(numbers=version_numbers(version), version=version), encoding="utf-8")
    return str(path)


def app_icon(root: Path, work: Path) -> str:
    """posreturns/resources/icons/app.svg as a Windows .ico (16 to 256 px), drawn with Qt's SVG renderer."""
    target = work / "posreturns.ico"
    if target.exists():
        return str(target)
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (the renderer needs one)
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(root / "posreturns" / "resources" / "icons" / "app.svg")).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = work / "posreturns-256.png"
    png.write_bytes(bytes(buffer.data()))
    Image.open(png).save(target, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    return str(target)
