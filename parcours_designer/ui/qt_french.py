"""Qt's own French translations, and the few strings of its dialogs they lack.

Qt renamed some strings (« &Look in: » for « Look in: »…) and ``qtbase_fr.qm``
was not updated, so the file dialog showed them in English. They are
translated in ``resources/translations/qt_gaps_fr.ts`` (compiled to the
``.qm`` beside it with ``pyside6-lrelease``), installed after Qt's own
translation: Qt asks it first, then falls back to ``qtbase_fr``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo

from parcours_designer import paths

GAPS = "qt_gaps_fr"


def qt_translation_folders() -> list[Path]:
    """Where ``qtbase_fr.qm`` may be: Qt's own path, then PySide6's folders (wheels differ by system)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            package / "Qt" / "translations", package / "translations"]


def gaps_file() -> Path:
    return paths.resources_dir() / "translations" / f"{GAPS}.qm"
