"""Start-up: the window shows before the model is imported, then loads the document."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from parcours_designer.ui.app import empty_window, finish_start
from tests.gui.conftest import EXAMPLE

pytestmark = pytest.mark.gui

SHOW_WITHOUT_MODEL = """
import sys
from parcours_designer.ui.app import empty_window, make_application
app = make_application()
window = empty_window()
window.show()
app.processEvents()
# The registry of list kinds is plain data (the navigation reads it); nothing else of the model.
light = {"parcours_designer.model", "parcours_designer.model.kinds"}
heavy = sorted(m for m in sys.modules if m.startswith(("pydantic", "parcours_designer.model", "matplotlib"))
               and m not in light)
print(",".join(heavy))
"""


def test_the_window_shows_before_the_model_is_imported(tmp_path):
    env_home = {"PARCOURS_DESIGNER_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    import os

    result = subprocess.run([sys.executable, "-c", SHOW_WITHOUT_MODEL], capture_output=True, text=True,
                            env={**os.environ, **env_home}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_finish_start_loads_the_file_and_speaks_french(qtbot):
    window = empty_window()
    assert not window.menuBar().isEnabled()
    finish_start(window, str(EXAMPLE))
    try:
        assert window.menuBar().isEnabled()
        assert window.document.path == EXAMPLE
        assert window.windowTitle() == "dla-collectif-culture.parcours[*] — Parcours Designer"
        assert QLocale().language() == QLocale.Language.French
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"  # qtbase_fr
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Fichier", "É&dition", "&Affichage", "&Aide"]
        assert window.menu_actions.actions["save"].shortcut().toString() == "Ctrl+S"
        assert window.menu_actions.actions["redo"].shortcut().toString() == "Ctrl+Y"
    finally:
        window.close()


def test_model_preloads_in_the_background_of_a_fresh_interpreter():
    """``parcours-designer FILE`` imports the model in a thread while Qt builds the window."""
    import subprocess
    import sys

    code = ("import sys, os; from parcours_designer.startup import preload_model; "
            "t = preload_model(); t.join(60); "
            "print(t.is_alive(), 'parcours_designer.model.fileformat' in sys.modules, "
            "os.environ['PYDANTIC_DISABLE_PLUGINS'])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "True", "__all__"], done.stderr
