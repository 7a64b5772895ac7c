"""Screenshots of the planning view on the example, a risk scenario against the baseline.

    .venv/bin/python scripts/screenshot_planning.py [FOLDER]

Writes ``planning-scenario.png`` (the year, scenario « consultante malade »
against the baseline in grey) and ``planning-semaines.png`` (zoomed on weeks
around 14 July: weekends and holidays shaded).

Offscreen Qt, 1366×768, « today » fixed at Monday 10 May 2027 so the picture
does not change from one day to the next.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PARCOURS_DESIGNER_HOME", tempfile.mkdtemp(prefix="parcours-planning-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from parcours_designer import paths  # noqa: E402
from parcours_designer.model.fileformat import load_pathway  # noqa: E402
from parcours_designer.ui.document import Document  # noqa: E402
from parcours_designer.ui.planning import PlanningView  # noqa: E402

EXAMPLE = paths.resources_dir() / "examples" / "dla-collectif-culture.parcours"


def shoot(view: PlanningView, app: QApplication, zoom: int, centre: date, target: Path) -> None:
    view.set_zoom_level(zoom)
    app.processEvents()
    view.canvas.show_day(centre)
    app.processEvents()
    view.grab().save(str(target))
    print(target)


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication([])
    view = PlanningView(Document(load_pathway(EXAMPLE)), today=date(2027, 5, 10))
    view.resize(1366, 768)
    view.show()
    view.show_scenario("r1")
    view.select("phases", "ph6")
    folder.mkdir(parents=True, exist_ok=True)
    shoot(view, app, 3, date(2027, 7, 1), folder / "planning-scenario.png")
    shoot(view, app, 0, date(2027, 6, 28), folder / "planning-semaines.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
