"""The recently opened files, kept as JSON in the user's config folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from parcours_designer import paths
from parcours_designer.atomic import atomic_write

MAX_RECENT = 8


class RecentFiles:
    def __init__(self, store: Optional[Path] = None):
        self.store = store or paths.config_dir() / "recent-files.json"

    def load(self) -> list[Path]:
        """The recent files, most recent first (an unreadable list counts as empty)."""
        try:
            data = json.loads(self.store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(data, dict) or not isinstance(data.get("files"), list):
            return []
        return [Path(item) for item in data["files"] if isinstance(item, str)][:MAX_RECENT]

    def add(self, path: Path) -> list[Path]:
        resolved = Path(path).resolve()
        files = [resolved] + [p for p in self.load() if p != resolved]
        self._save(files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def remove(self, path: Path) -> list[Path]:
        files = [p for p in self.load() if p != Path(path)]
        self._save(files)
        return files

    def _save(self, files: list[Path]) -> None:
        data = {"version": 1, "files": [str(p) for p in files]}
        try:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.store, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"),
                         keep_backup=False)
        except OSError:
            pass  # The list of recent files is a convenience: never block the user on it.
