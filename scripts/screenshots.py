"""Write a PNG of each screen of the editor at 1366×768 into docs/screenshots/.

Run with ``make screenshots`` (offscreen Qt, user folders in a temporary directory).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PARCOURS_DESIGNER_HOME", tempfile.mkdtemp(prefix="parcours-screens-"))

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from parcours_designer import paths  # noqa: E402
from parcours_designer.ui.app import create_window, make_application  # noqa: E402

SIZE = QSize(1366, 768)
EXAMPLE = paths.resources_dir() / "examples" / "dla-collectif-culture.parcours"
# The item selected on each page, so that its form shows something real.
SELECTED = {"needs": "n2", "objectives": "o2", "phases": "ph5", "partners": "p2",
            "audiences": "a1", "risks": None, "budget": ("costs", "c2"), "evaluation": ("indicators", None)}


def settle(app: QApplication, window) -> None:
    for _ in range(5):
        app.processEvents()
    window.checker.run_now()
    app.processEvents()


def select_first(window, key: str) -> None:
    page = window.page(key)
    lists = next(info.lists for info in window.page_infos if info.key == key)
    if not lists:
        return
    wanted = SELECTED.get(key)
    list_name, item_id = wanted if isinstance(wanted, tuple) else (lists[0], wanted)
    items = window.document.items(list_name)
    if item_id is None and items:
        item_id = items[0].id
    if item_id:
        page.select(list_name, item_id)


def main(folder: Path) -> int:
    app = make_application()
    folder.mkdir(parents=True, exist_ok=True)
    window = create_window(str(EXAMPLE))
    window.resize(SIZE)
    window.show()
    settle(app, window)
    panel = window.check_panel
    panel.tree.setCurrentIndex(panel.model.index(4, 0))  # a competence, with its details below
    panel.tree.expand(panel.model.index(panel.model.rowCount() - 1, 0))
    for number, info in enumerate(window.page_infos, start=1):
        window.show_page(info.key)
        select_first(window, info.key)
        settle(app, window)
        target = folder / f"{number:02d}-{info.key}.png"
        window.grab().save(str(target))
        print(target)
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
