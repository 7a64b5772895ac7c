"""Write a PNG of each screen of the editor at 1366×768 into docs/screenshots/, of its dialogs,
and the pictures of the user guide (resources/help/images).

Run with ``make screenshots`` (offscreen Qt, user folders in a temporary directory).
"""

from __future__ import annotations

import os
import sys
import tempfile
import unicodedata
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
SELECTED = {"needs": "n2", "objectives": "o2", "phases": "ph7", "partners": "p2",
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


def evaluation_tab_shots(app: QApplication, window, folder: Path) -> None:
    """The Évaluation page's other tabs (questionnaires, answers, bilan), each at 1366×768 too."""
    page = window.show_page("evaluation")
    for index in range(1, page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        shown = page.tabs.currentWidget()
        for list_name, list_page in page.list_pages.items():
            if list_page is shown and window.document.items(list_name):
                page.select(list_name, window.document.items(list_name)[0].id)
        settle(app, window)
        name = unicodedata.normalize("NFKD", page.tabs.tabText(index).replace("&", "").lower())
        name = "".join(c for c in name if c.isascii())
        target = folder / f"evaluation-{index + 1}-{name}.png"
        check_size(window, target)
        shoot(window, target)
    page.tabs.setCurrentIndex(0)


def shoot(window, target: Path) -> None:
    window.grab().save(str(target))
    print(target)


def check_size(window, target: Path) -> None:
    """A page that would need a wider window than 1366 pixels is a defect: say so."""
    if window.width() != SIZE.width() or window.height() != SIZE.height():
        print(f"ATTENTION : {target.name} mesure {window.width()}×{window.height()}", file=sys.stderr)


def add_closures(document) -> None:
    from parcours_designer.model.entities import Closure
    from parcours_designer.ui.commands import SetFields

    closures = [Closure(start=date(2027, 8, 2), end=date(2027, 8, 20), label="Congés d'été"),
                Closure(start=date(2027, 12, 20), end=date(2027, 12, 24), label="Semaine de Noël")]
    document.push(SetFields(document, None, None, {"closures": closures}))


# Screen (its name after the page number, which moves when pages are added) → the guide's picture.
GUIDE_PICTURES = {"accueil.png": "accueil.png", "overview.png": "vue-ensemble.png",
                  "phases.png": "etapes.png", "planning.png": "planning.png", "budget.png": "budget.png"}
GUIDE_WIDTH = 900


def welcome_shot(app: QApplication, folder: Path) -> None:
    """The first run: the welcome page, with one recent file in the user's documents."""
    import shutil

    from parcours_designer.ui.app import empty_window, load_into
    from parcours_designer.ui.recent import RecentFiles
    from parcours_designer.ui.welcome import show_welcome

    documents = Path(os.environ["PARCOURS_DESIGNER_HOME"]) / "Documents"
    documents.mkdir(exist_ok=True)
    recent = documents / "collectif-cotentin-2027.parcours"
    shutil.copy(EXAMPLE, recent)
    RecentFiles().add(recent)
    window = empty_window()
    window.resize(SIZE)
    window.show()
    load_into(window, None)
    show_welcome(window)
    settle_events(app)
    shoot(window, folder / "00-accueil.png")
    window.close()


def settle_events(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def dialog_shots(app: QApplication, window, folder: Path) -> None:
    """The dialogs: template chooser, preferences, file dialog, guide, shortcuts, « À propos »."""
    from parcours_designer.model.templates import list_templates
    from parcours_designer.paths import template_folders
    from parcours_designer.preferences import Officer, Preferences
    from parcours_designer.ui import file_dialogs
    from parcours_designer.ui.help import show_about, show_guide, show_shortcuts
    from parcours_designer.ui.preferences_dialog import PreferencesDialog, frameworks_of
    from parcours_designer.ui.templates_dialog import TemplateDialog

    officer = Officer(name="Camille Martin", organisation="DLA de la Manche", email="camille.martin@example.org",
                      phone="02 33 00 00 00")
    templates = list_templates(template_folders())
    dialogs = [("dialogue-modele.png", TemplateDialog(templates, window, today=date(2027, 9, 8))),
               ("dialogue-preferences.png", PreferencesDialog(Preferences(officer=officer), frameworks_of(window),
                                                              window)),
               ("dialogue-enregistrer.png", file_dialogs.make_dialog(window, "Enregistrer le parcours sous",
                                                                     str(EXAMPLE.parent), "Parcours (*.parcours)"))]
    for name, dialog in dialogs:
        dialog.show()
        settle_events(app)
        shoot(dialog, folder / name)
        dialog.close()
    for name, show in (("aide-guide.png", show_guide), ("aide-raccourcis.png", show_shortcuts),
                       ("aide-a-propos.png", show_about)):
        dialog = show(window)
        settle_events(app)
        shoot(dialog, folder / name)
        dialog.close()


def guide_pictures(folder: Path) -> None:
    """The guide's pictures: some screenshots, narrower (the guide is read offline, inside the program)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    target = paths.resources_dir() / "help" / "images"
    target.mkdir(parents=True, exist_ok=True)
    for shot, picture in GUIDE_PICTURES.items():
        (screen,) = folder.glob(f"[0-9][0-9]-{shot}")
        image = QImage(str(screen)).scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        image.save(str(target / picture))
        print(target / picture)


# The day the pictures are judged as of: the example in progress, its first deliverables handed in.
SHOWN_DAY = date(2027, 6, 28)


def main(folder: Path) -> int:
    app = make_application()
    folder.mkdir(parents=True, exist_ok=True)
    welcome_shot(app, folder)
    window = create_window(str(EXAMPLE))
    window.derived.today = SHOWN_DAY  # the same pictures whatever the day they are made
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
        check_size(window, target)
        window.grab().save(str(target))
        print(target)
    evaluation_tab_shots(app, window, folder)
    follow_up_shots(app, window, folder)
    guide_pictures(folder)
    dialog_shots(app, window, folder)
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
