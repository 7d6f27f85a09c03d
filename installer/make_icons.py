#!/usr/bin/env python3
"""Render the application icon (``icons/fitnote-desktop.svg``) into the raster formats.

Why committed raster files and not a render step in every build: the build must not
depend on an SVG renderer on the build machine, and an icon changes rarely. Run this
after editing the SVG; it writes

* ``icons/hicolor/<n>x<n>/apps/fitnote-desktop.png`` (Linux icon theme sizes),
* ``icons/fitnote-desktop.ico`` (Windows: EXE and installer icon),
* ``icons/fitnote-desktop.icns`` (macOS: ``.app`` icon).

Rendering uses Qt's SVG renderer (PySide6 is a dependency anyway), the ICO/ICNS
containers are written by Pillow (pulled in by reportlab).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent / "icons"
SVG = ICONS / "fitnote-desktop.svg"
LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(size: int) -> bytes:
    """The SVG rendered at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot render {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    """Write every raster icon next to the SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    rendered = {n: render_png(n) for n in sorted({*LINUX_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    for n in LINUX_SIZES:
        target = ICONS / "hicolor" / f"{n}x{n}" / "apps" / "fitnote-desktop.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(rendered[n])
    images = {n: Image.open(io.BytesIO(data)) for n, data in rendered.items()}
    largest = images[max(ICO_SIZES)]
    largest.save(ICONS / "fitnote-desktop.ico", sizes=[(n, n) for n in ICO_SIZES])
    images[1024].save(
        ICONS / "fitnote-desktop.icns",
        append_images=[images[n] for n in ICNS_SIZES if n != 1024],
    )
    print(f"icons written under {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
