"""The portfolio index: summaries of pathways kept in the user's cache folder (sqlite3).

Keyed by the file's absolute path, size and modification time (and a
signature that changes with the summary's shape and the frameworks), so a
second reading of a folder only opens the files that changed. The index is
a cache: when it cannot be opened or written (corrupt, read-only, locked by
another instance), the portfolio is read without it, never failing because
of it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Optional

from parcours_designer import paths
from parcours_designer.model.portfolio_scan import FileStamp

INDEX_NAME = "portefeuille-index.sqlite3"
SCHEMA = ("CREATE TABLE IF NOT EXISTS summaries (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
          "mtime_ns INTEGER NOT NULL, signature TEXT NOT NULL, entry TEXT NOT NULL)")
COMMIT_EVERY = 50


def index_path() -> Path:
    return paths.cache_dir() / INDEX_NAME


class PortfolioIndex:
    """A :class:`~parcours_designer.model.portfolio_scan.SummaryStore` in sqlite3.

    Use it as a context manager: what was stored is committed on exit."""

    def __init__(self, path: Optional[Path] = None):
        self.path = Path(path) if path is not None else index_path()
        self.connection: Optional[sqlite3.Connection] = None
        self.pending = 0

    def __enter__(self) -> "PortfolioIndex":
        self.connection = self._open()
        return self

    def __exit__(self, *_exc) -> None:
        if self.connection is not None:
            self._commit()
            self.connection.close()
            self.connection = None

    def _open(self) -> Optional[sqlite3.Connection]:
        for attempt in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=2)
                connection.execute(SCHEMA)
                connection.commit()
                return connection
            except sqlite3.DatabaseError:  # a damaged index is only a cache: start it again
                if attempt == 0 and self.path.is_file():
                    self._discard()
            except OSError:
                return None
        return None

    def _discard(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass

    def get(self, path: str, stamp: FileStamp, signature: str) -> Optional[dict]:
        if self.connection is None:
            return None
        try:
            row = self.connection.execute(
                "SELECT entry FROM summaries WHERE path = ? AND size = ? AND mtime_ns = ? AND signature = ?",
                (path, stamp.size, stamp.mtime_ns, signature)).fetchone()
            return json.loads(row[0]) if row else None
        except (sqlite3.Error, ValueError):
            return None

    def put(self, path: str, stamp: FileStamp, signature: str, entry: dict) -> None:
        if self.connection is None:
            return
        try:
            self.connection.execute(
                "INSERT OR REPLACE INTO summaries (path, size, mtime_ns, signature, entry) VALUES (?, ?, ?, ?, ?)",
                (path, stamp.size, stamp.mtime_ns, signature, json.dumps(entry, ensure_ascii=False)))
        except sqlite3.Error:
            return
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self._commit()

    def _commit(self) -> None:
        try:
            self.connection.commit()
        except sqlite3.Error:
            pass
        self.pending = 0


def read_indexed(folder: Path, on_progress=None, today: Optional[date] = None):
    """The portfolio of ``folder`` with scores as of ``today`` (by default the real one), through the
    index in the user's cache folder (a summary is kept for the day it was scored)."""
    from parcours_designer.model.portfolio_scan import catalog_scorer, read_portfolio, scoring_signature

    folders, today = paths.framework_folders(), today or date.today()
    with PortfolioIndex() as index:
        return read_portfolio(folder, catalog_scorer(folders, today), index, on_progress,
                              scoring_signature(folders, today))
