"""Autosave and recovery: a killed editor's unsaved edits come back at the next start."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSysInfo

from parcours_designer import paths
from parcours_designer.ui import app as app_module
from parcours_designer.ui import dialogs
from parcours_designer.ui.recovery import find_orphans
from tests.gui.conftest import EXAMPLE

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
ADDED = " (version de travail)"


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def child(tmp_path, user_home):
    document = tmp_path / "parcours.parcours"
    shutil.copy(EXAMPLE, document)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", paths.HOME_VARIABLE: str(user_home),
           "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "tests.gui.crash_child", str(document), ADDED],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    yield process, document
    if process.poll() is None:
        process.kill()
    process.wait(10)


def test_killed_editor_is_restored_at_next_start(qtbot, child, monkeypatch):
    process, document = child
    original = document.read_bytes()
    assert process.stdout.readline().strip() == b"EDITED"
    copies = paths.recovery_dir()
    assert wait_for(lambda: any(copies.glob("session-*.parcours")), 20), "aucune copie de récupération"
    assert find_orphans() == [], "un éditeur vivant n'est pas un plantage"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    assert document.read_bytes() == original, "le fichier de l'utilisateur n'est jamais écrit"

    asked = []
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, text: asked.append(text) or True)
    window = app_module.create_window(None)
    try:
        assert app_module.offer_recovery(window)
        assert asked and str(document) in asked[0]
        pathway = window.document.pathway
        assert pathway.title.endswith(ADDED)
        assert window.document.path == document
        assert window.document.is_modified() and window.isWindowModified()
        assert find_orphans() == []
    finally:
        window.document.undo_stack.setClean()
        window.close()


def test_refused_recovery_is_discarded(qtbot, monkeypatch, user_home):
    folder = paths.recovery_dir()
    folder.mkdir(parents=True)
    # What QLockFile writes: PID, application name, host; process 999999 does not exist.
    host = QSysInfo.machineHostName()
    (folder / "session-999999.lock").write_text(f"999999\nParcours Designer\n{host}\n")
    shutil.copy(EXAMPLE, folder / "session-999999.parcours")
    assert len(find_orphans()) == 1
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, text: False)
    window = app_module.create_window(None)
    try:
        assert not app_module.offer_recovery(window)
        assert find_orphans() == [] and not (folder / "session-999999.parcours").exists()
    finally:
        window.close()


def test_typing_does_not_push_the_recovery_copy_back(qtbot, tmp_path):
    """The autosave delay starts at the first unsaved change; later keystrokes do not restart it."""
    from parcours_designer.model.fileformat import load_pathway
    from parcours_designer.ui.commands import SetFields
    from parcours_designer.ui.document import Document
    from parcours_designer.ui.recovery import AutoSaver, Session

    session = Session(tmp_path)
    saver = AutoSaver(session)
    document = Document(load_pathway(EXAMPLE))
    saver.watch(document)
    saver.timer.setInterval(400)
    started = time.monotonic()
    while time.monotonic() - started < 0.6:  # typing for longer than the delay
        document.push(SetFields(document, "phases", "ph4", {"title": f"Atelier {time.monotonic()}"}, merge=True))
        qtbot.wait(50)
    assert session.copy_path.exists()
    saver.timer.stop()
