"""Choosing a file or a folder, in French.

On Windows and macOS the system's own dialog is used: it speaks the
system's language and knows the user's places. Elsewhere (Linux, where Qt
often has no native dialog, and offscreen) Qt's own dialog is used,
configured here: Qt's French translations (installed by ``ui.app``), the
user's places in the side bar, the name column wide enough, and no « Type »
column (Qt has no French for it). Tests patch :func:`ask_open_file`,
:func:`ask_save_file` and :func:`ask_folder`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QTreeView, QWidget

NATIVE_PLATFORMS = ("win32", "darwin")
SIZE = (900, 540)
TYPE_COLUMN = 2


def use_native() -> bool:
    return sys.platform in NATIVE_PLATFORMS


def make_dialog(parent: Optional[QWidget], title: str, folder: str, name_filter: str = "") -> QFileDialog:
    """A file dialog ready to show (not shown): French, sized, with the user's places."""
    dialog = QFileDialog(parent, title, folder, name_filter)
    if not use_native():
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.setSidebarUrls(_places())
        dialog.resize(*SIZE)
        _fit_columns(dialog)
    return dialog


def _places() -> list[QUrl]:
    kinds = (QStandardPaths.StandardLocation.HomeLocation, QStandardPaths.StandardLocation.DocumentsLocation,
             QStandardPaths.StandardLocation.DesktopLocation, QStandardPaths.StandardLocation.DownloadLocation)
    found = []
    for kind in kinds:
        location = QStandardPaths.writableLocation(kind)
        if location and Path(location).is_dir() and QUrl.fromLocalFile(location) not in found:
            found.append(QUrl.fromLocalFile(location))
    return found


def _fit_columns(dialog: QFileDialog) -> None:
    """Name stretches, size and date show whole; « Type » is hidden."""
    view = dialog.findChild(QTreeView, "treeView")
    if view is None:
        return
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionHidden(TYPE_COLUMN, True)


def ask_open_file(parent: Optional[QWidget], title: str, folder: str, name_filter: str) -> Optional[Path]:
    dialog = make_dialog(parent, title, folder, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def ask_save_file(parent: Optional[QWidget], title: str, suggested: Path, name_filter: str,
                  suffix: str) -> Optional[Path]:
    """The file to write, ``suffix`` added when the name has none; Qt asks before replacing a file."""
    dialog = make_dialog(parent, title, str(suggested.parent), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    dialog.selectFile(suggested.name)
    return _chosen(dialog)


def ask_folder(parent: Optional[QWidget], title: str, folder: str) -> Optional[Path]:
    dialog = make_dialog(parent, title, folder)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _chosen(dialog)


def _chosen(dialog: QFileDialog) -> Optional[Path]:
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
