"""Autosave and crash recovery.

Each running editor holds a lock file ``session-PID.lock`` (a :class:`QLockFile`,
which records the PID and tells a live process from a dead one) in
:func:`paths.recovery_dir`. A few seconds after the last edit it writes a
recovery copy ``session-PID.parcours`` and ``session-PID.json`` (which file
it belongs to) with :func:`atomic_write`, never over the user's file. A clean
exit removes all three. At the next start, a lock whose process is dead with
a recovery copy beside it (or a copy without lock) means a crash: the editor
offers to restore it; a lock held by a live process is another editor
running, and its copy is left alone.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLockFile, QObject, QTimer

from parcours_designer import paths
from parcours_designer.atomic import atomic_write
from parcours_designer.ui.document import Document

AUTOSAVE_DELAY_MS = 3000


@dataclass(frozen=True)
class Orphan:
    """The recovery copy of an editor that did not close properly."""

    lock: Path
    copy: Path
    original: Optional[Path]
    saved_at: str

    def files(self) -> list[Path]:
        return [self.lock, self.copy, self.copy.with_suffix(".json")]


class Session:
    """This process's lock and recovery files."""

    def __init__(self, folder: Optional[Path] = None):
        self.folder = folder or paths.recovery_dir()
        stem = f"session-{os.getpid()}"
        self.lock_path = self.folder / f"{stem}.lock"
        self.copy_path = self.folder / f"{stem}.parcours"
        self.meta_path = self.folder / f"{stem}.json"
        self.lock: Optional[QLockFile] = None

    def start(self) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        self.lock = QLockFile(str(self.lock_path))
        self.lock.setStaleLockTime(0)
        return self.lock.tryLock(0)

    def write_copy(self, document: Document) -> None:
        from parcours_designer.model.fileformat import dump_pathway

        # Which file the copy belongs to is written first: a crash between the two writes
        # never leaves a copy that does not say where it comes from.
        meta = {"path": str(document.path) if document.path else None,
                "saved_at": datetime.now().isoformat(timespec="seconds")}
        atomic_write(self.meta_path, json.dumps(meta).encode("ascii"), keep_backup=False)  # any file name
        # A text no file can hold (a lone surrogate) becomes « ? » here: the copy is always written.
        atomic_write(self.copy_path, dump_pathway(document.pathway, lossy=True), keep_backup=False)

    def drop_copy(self) -> None:
        for path in (self.copy_path, self.meta_path):
            path.unlink(missing_ok=True)

    def end(self) -> None:
        """A clean exit: nothing to recover."""
        self.drop_copy()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def find_orphans(folder: Optional[Path] = None) -> list[Orphan]:
    """Recovery copies left by editors that crashed (most recent first)."""
    folder = folder or paths.recovery_dir()
    if not folder.is_dir():
        return []
    own = f"session-{os.getpid()}.parcours"
    found = []
    for copy in sorted(folder.glob("session-*.parcours")):
        lock_path = copy.with_suffix(".lock")
        if copy.name == own or (lock_path.exists() and not _is_stale(lock_path)):
            continue
        original, saved_at = _read_meta(copy.with_suffix(".json"))
        found.append(Orphan(lock_path, copy, original, saved_at))
    return sorted(found, key=lambda orphan: orphan.saved_at, reverse=True)


def _is_stale(lock_path: Path) -> bool:
    """True when the process that held the lock is gone (a crash); the stale lock is removed."""
    probe = QLockFile(str(lock_path))
    probe.setStaleLockTime(0)
    if probe.tryLock(0):
        probe.unlock()
        return True
    return False


def _read_meta(meta_path: Path) -> tuple[Optional[Path], str]:
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        original = Path(meta["path"]) if meta.get("path") else None
        return original, str(meta.get("saved_at", ""))
    except (OSError, ValueError, KeyError, TypeError):
        return None, ""


def discard(orphan: Orphan) -> None:
    for path in orphan.files():
        path.unlink(missing_ok=True)


class AutoSaver(QObject):
    """Writes the recovery copy a few seconds after an edit.

    The delay starts at the first change not yet copied and is not restarted
    by the next ones (no timer restart per keystroke): while the user types,
    a copy is written every :data:`AUTOSAVE_DELAY_MS` at most, so a crash
    loses at most those few seconds.
    """

    def __init__(self, session: Session, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.session = session
        self.document: Optional[Document] = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.save_now)

    def watch(self, document: Document) -> None:
        self.document = document
        document.changed.connect(self._document_changed)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        self.session.drop_copy()
        if document.is_modified():
            self.timer.start()

    def _document_changed(self, _change) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.timer.stop()
            self.session.drop_copy()

    def save_now(self) -> None:
        if self.document is None or not self.document.is_modified():
            self.session.drop_copy()
            return
        try:
            self.session.write_copy(self.document)
        except Exception:  # Recovery is a safety net: a full disk, or anything, must not interrupt editing.
            pass
