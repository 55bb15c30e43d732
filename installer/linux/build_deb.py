"""`make deb`: the frozen app (dist/posreturns) as a Debian/Ubuntu package, dist/posreturns_<version>_<arch>.deb.

    /opt/posreturns/                      the frozen one-folder app
    /usr/bin/posreturns, posreturns-till  links to its two programs
    /usr/share/applications/posreturns.desktop, /usr/share/icons/hicolor/scalable/apps/posreturns.svg
    /usr/share/posreturns/posreturns-till-autostart.desktop   the optional kiosk entry (docs/install.md)
    /usr/lib/udev/rules.d/70-posreturns.rules                 USB printers and serial scanners

Nothing outside these is written: each user's till data (~/.local/share/posreturns) is made by the
app at first start and left alone by upgrades, removal and purge.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
# The X11 libraries of Qt's xcb platform plugin and what Qt itself links to (the frozen app carries Qt).
DEPENDS = ["libc6 (>= 2.31)", "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libdbus-1-3", "libglib2.0-0",
           "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
           "libxcb-image0", "libxcb-render-util0", "libxcb-randr0", "libxcb-shape0", "libxcb-xfixes0",
           "libxcb-xinerama0", "libxcb-xkb1"]

CONTROL = """Package: posreturns
Version: {version}
Architecture: {arch}
Maintainer: posreturns maintainers <posreturns@localhost>
Installed-Size: {size_kb}
Depends: {depends}
Section: misc
Priority: optional
Description: in-store returns for store tills
 Cashiers scan the receipt and the returned items; a return policy decides and
 computes the exact refund, offers an exchange first, prints the return receipt
 and sends returned stock to the right place. Works offline and syncs to the
 order management system later. Includes the command line (posreturns) and the
 till window (posreturns-till).
"""


def debian_version(python_version: str) -> str:
    """PEP 440 to Debian: a pre-release sorts before its release ('1.2.0rc1' -> '1.2.0~rc1')."""
    for mark in ("rc", "b", "a", ".dev"):
        if mark in python_version:
            return python_version.replace(mark, "~" + mark.lstrip("."), 1)
    return python_version


def build(app: Path, out: Path) -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    deb_version = debian_version(version("posreturns"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(app, root / "opt" / "posreturns", symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        for program in ("posreturns", "posreturns-till"):
            (root / "usr" / "bin" / program).symlink_to(f"/opt/posreturns/{program}")
        place(HERE / "posreturns.desktop", root / "usr/share/applications/posreturns.desktop")
        place(ROOT / "posreturns/resources/icons/app.svg",
              root / "usr/share/icons/hicolor/scalable/apps/posreturns.svg")
        place(HERE / "posreturns-till-autostart.desktop",
              root / "usr/share/posreturns/posreturns-till-autostart.desktop")
        place(HERE / "70-posreturns.rules", root / "usr/lib/udev/rules.d/70-posreturns.rules")
        place(ROOT / "CHANGELOG.md", root / "usr/share/doc/posreturns/CHANGELOG.md")
        place(ROOT / "docs/install.md", root / "usr/share/doc/posreturns/install.md")
        size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(CONTROL.format(version=deb_version, arch=arch, size_kb=size_kb,
                                                       depends=", ".join(DEPENDS)), encoding="utf-8")
        for script in ("postinst", "postrm"):
            place(HERE / script, debian / script, mode=0o755)
        for path in root.rglob("*"):  # a predictable package whatever the umask of the build
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"posreturns_{deb_version}_{arch}.deb"
        # gzip rather than xz: minutes faster to build on a busy CI box, for a third more on disk.
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(target)],
                       check=True, stdout=subprocess.DEVNULL)
    print(f"{target} ({target.stat().st_size / 1e6:.1f} MB)")
    return target


def place(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    os.chmod(target, mode)


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
