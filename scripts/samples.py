"""Previews of the example pathway's documents, for docs/samples/ (PNG).

Every document is made by the export registry (as the menu and the command
line do), then its first pages are converted with ``pdftoppm`` (poppler-utils).
Run: ``make samples``.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from parcours_designer.atomic import atomic_write
from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.gantt_layout import GroupBy
from parcours_designer.paths import resources_dir

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "samples"
EXAMPLE = resources_dir() / "examples" / "dla-collectif-culture.parcours"
RESOLUTION = 70
MAX_WIDTH = 1400

# (sample name, kind, partner, pages to show: first and last, 1-based)
PDF_SAMPLES = (
    ("plan", "plan", None, (1, 7)),
    ("plan-partenaire-p1", "plan", "p1", (1, 3)),
    ("evaluation", "evaluation", None, (1, 4)),
    ("budget", "budget", None, (1, 3)),
    ("gantt", "gantt", None, (1, 1)),
)


def pdf_pages(data: bytes, first: int, last: int) -> list[bytes]:
    """PNG bytes of pages ``first`` to ``last`` (pdftoppm at RESOLUTION dpi)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", str(first), "-l", str(last),
                        str(source), str(Path(folder) / "page")], check=True)
        return [page.read_bytes() for page in sorted(Path(folder).glob("page-*.png"))]


def shrink(png: bytes) -> bytes:
    image = Image.open(io.BytesIO(png))
    if image.width > MAX_WIDTH:
        image = image.resize((MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main() -> int:
    pathway = load_pathway(EXAMPLE)
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for name, kind, partner, (first, last) in PDF_SAMPLES:
        data = EXPORT_KINDS[kind].render(pathway, ".pdf", partner)
        for number, png in enumerate(pdf_pages(data, first, last), start=first):
            target = OUT / f"{name}-page{number}.png"
            atomic_write(target, png, keep_backup=False)
            written.append(target)
    for group in (GroupBy.NONE, GroupBy.PARTNER):
        png = EXPORT_KINDS["gantt"].render(pathway, ".png", group_by=group)
        suffix = "" if group is GroupBy.NONE else f"-par-{group.value}"
        target = OUT / f"gantt{suffix}.png"
        atomic_write(target, shrink(png), keep_backup=False)
        written.append(target)
    for target in written:
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
