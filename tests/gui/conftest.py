"""GUI tests: real widgets, offscreen, user folders in a temporary directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from parcours_designer import paths  # noqa: E402
from parcours_designer.model.fileformat import load_pathway  # noqa: E402

EXAMPLE = paths.resources_dir() / "examples" / "dla-collectif-culture.parcours"


@pytest.fixture
def example_pathway():
    return load_pathway(EXAMPLE)


def pytest_collection_modifyitems(items):
    """The offscreen platform warns that it cannot resize top-level windows: not our bug."""
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A dialog a test did not expect fails the test instead of blocking it."""
    from parcours_designer.ui import dialogs, file_dialogs

    def unexpected(*args, **kwargs):
        raise AssertionError(f"boîte de dialogue inattendue : {args[1:]!r}")

    for name in ("confirm_delete", "ask_unsaved", "show_error", "ask_restore"):
        monkeypatch.setattr(dialogs, name, unexpected)
    for name in ("ask_open_file", "ask_save_file", "ask_folder"):
        monkeypatch.setattr(file_dialogs, name, unexpected)


@pytest.fixture(scope="session", autouse=True)
def french(qapp):
    """The application as the editor sets it up: French locale and Qt's French translations."""
    from parcours_designer.ui.app import install_french

    return install_french(qapp)


def open_window(qtbot, path):
    """The editor on ``path`` (``None``: a blank pathway), shown; closed without questions after."""
    from parcours_designer.ui.app import create_window

    window = create_window(str(path) if path is not None else None)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


@pytest.fixture
def example_window(qtbot):
    """The editor on the bundled example."""
    yield from open_window(qtbot, EXAMPLE)


@pytest.fixture
def blank_window(qtbot):
    """The editor on a new blank pathway."""
    yield from open_window(qtbot, None)
