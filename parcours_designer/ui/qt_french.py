"""The few strings of Qt's own dialogs that Qt's French translation (qtbase_fr) lacks.

Qt renamed them (« &Look in: » for « Look in: »…) and ``qtbase_fr.qm`` was
not updated, so the file dialog showed them in English. This translator is
installed after Qt's: Qt asks it first and falls back to ``qtbase_fr``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLibraryInfo, QTranslator

MISSING: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Regarder dans\u00a0:",
    ("QFileDialog", "Files of &type:"): "&Type de fichier\u00a0:",
    ("QAbstractFileIconProvider", "Folder"): "Dossier",
    ("QAbstractFileIconProvider", "File"): "Fichier",
    ("QAbstractFileIconProvider", "Drive"): "Lecteur",
}


class QtFrenchGaps(QTranslator):
    def translate(self, context: str, source: str, disambiguation: Optional[str] = None, n: int = -1) -> Optional[str]:
        return MISSING.get((context, source))  # None: not ours, Qt asks the next translator

    def isEmpty(self) -> bool:
        return False


def qt_translation_folders() -> list[Path]:
    """Where ``qtbase_fr.qm`` may be: Qt's own path, then PySide6's folders (wheels differ by system)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            package / "Qt" / "translations", package / "translations"]
