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

# (sample name, kind, partner, options): every page of each document is shown.
PDF_SAMPLES = (
    ("plan", "plan", None, {}),
    ("plan-partenaire-p1", "plan", "p1", {}),  # a consultant
    ("plan-partenaire-p4", "plan", "p4", {}),  # a funder: the whole financing
    ("evaluation", "evaluation", None, {}),
    ("budget", "budget", None, {}),
    ("budget-euros", "budget", None, {"whole_euros": True}),
    ("gantt", "gantt", None, {}),
    ("gantt-a4-portrait", "gantt", None, {"orientation": "portrait"}),
)


def pdf_pages(data: bytes) -> list[bytes]:
    """PNG bytes of every page (pdftoppm at RESOLUTION dpi), in order."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), str(source), str(Path(folder) / "page")],
                       check=True)
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
    for name, kind, partner, options in PDF_SAMPLES:
        data = EXPORT_KINDS[kind].render(pathway, ".pdf", partner, **options)
        for stale in OUT.glob(f"{name}-page*.png"):
            stale.unlink()
        for number, png in enumerate(pdf_pages(data), start=1):
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
