"""Write a PNG of each screen of the editor at 1366×768 into docs/screenshots/.

Run with ``make screenshots`` (offscreen Qt, user folders in a temporary directory).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
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
    window.derived.refresh_now()
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


def follow_up_shots(app: QApplication, window, folder: Path) -> None:
    """The « Suivi » tab after saving a baseline and moving one phase a week later, then the closures.

    Only the pathway in memory changes (through undoable commands); the example file is left as it is.
    """
    page = window.show_page("planning")
    page.set_today(date(2027, 1, 11))
    page.save_baseline()
    page.view.move_phase("ph4", 7)
    page.show_follow_up()
    page.follow.refresh()
    settle(app, window)
    shoot(window, folder / "planning-suivi.png")
    add_closures(window.document)
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    settle(app, window)
    shoot(window, folder / "planning-fermetures.png")


def shoot(window, target: Path) -> None:
    window.grab().save(str(target))
    print(target)


def add_closures(document) -> None:
    from parcours_designer.model.entities import Closure
    from parcours_designer.ui.commands import SetFields

    closures = [Closure(start=date(2027, 8, 2), end=date(2027, 8, 20), label="Congés d'été"),
                Closure(start=date(2027, 12, 20), end=date(2027, 12, 24), label="Semaine de Noël")]
    document.push(SetFields(document, None, None, {"closures": closures}))


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
    follow_up_shots(app, window, folder)
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
