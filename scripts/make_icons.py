"""Render the application icon: PNG sizes and a Windows .ico from the SVG source.

Run by ``make icons``; the results are committed (packaging needs no Qt SVG
at build time on every platform).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "parcours-designer.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / f"parcours-designer-{size}.png"
        image.save(str(target))
        written.append(target)
    del app
    return written


def write_ico(pngs: list[Path]) -> Path:
    from PIL import Image

    images = [Image.open(p) for p in pngs if int(p.stem.rsplit("-", 1)[1]) <= 256]
    target = ICONS / "parcours-designer.ico"
    largest = images[-1]
    largest.save(target, sizes=[im.size for im in images], append_images=images[:-1])
    return target


if __name__ == "__main__":
    pngs = render_pngs()
    print("\n".join(str(p) for p in [*pngs, write_ico(pngs)]))
