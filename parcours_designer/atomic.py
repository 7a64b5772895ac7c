"""The one way this program writes a file: atomically, keeping a ``.bak``.

The bytes go to a temporary file in the destination folder (``.NAME.xxxxxxxx.tmp``),
are flushed and fsynced, then replace the destination in one rename. Only once
the new file is in place, the previous content is written beside it as
``NAME.bak`` the same way (temporary file, fsync, rename), so that a ``.bak``
is always whole: if that fails (a full disk), the previous ``.bak`` is kept. A
failure before the first rename leaves the destination as it was.

A save interrupted by a crash or ``kill -9`` may leave its temporary file
behind; the next save of the same file removes them (only names of our own
making, only regular files).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Optional

TEMP_SUFFIX = ".tmp"
# ``tempfile.mkstemp`` adds 8 characters from this alphabet between prefix and suffix.
_RANDOM_PART = "[a-z0-9_]{8}"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def atomic_write(path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; keep the old file as ``.bak``."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(target)
    previous = _previous_content(target) if keep_backup else None
    old_mode = _mode_of(target)
    _replace(target, data, old_mode)
    _fsync_folder(folder)
    if previous is not None:
        try:
            _replace(backup_path(target), previous, old_mode)
        except OSError:
            return  # the file is saved; the previous ``.bak``, whole, is kept
        _fsync_folder(folder)


def _previous_content(target: Path) -> Optional[bytes]:
    """What the file holds now (``None`` if there is no file yet)."""
    try:
        return target.read_bytes()
    except FileNotFoundError:
        return None


def _mode_of(target: Path) -> Optional[int]:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return None


def _replace(destination: Path, data: bytes, mode: Optional[int]) -> None:
    """Temporary file, fsync, rename over ``destination``; nothing left behind on failure."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=TEMP_SUFFIX,
                                    dir=destination.parent if str(destination.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _set_permissions(Path(tmp_name), mode)
        os.replace(tmp_name, destination)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


def _set_permissions(tmp: Path, mode: Optional[int]) -> None:
    """The mode the file had; for a new file, what the umask allows."""
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def remove_stale_temporaries(target: Path) -> list[str]:
    """Remove the temporary files an interrupted save of ``target`` (or of its ``.bak``) left."""
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(bak\.)?{_RANDOM_PART}{re.escape(TEMP_SUFFIX)}")
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not pattern.fullmatch(name):
            continue
        candidate = folder / name
        try:
            if stat.S_ISREG(candidate.lstat().st_mode):
                candidate.unlink()
                removed.append(name)
        except OSError:
            continue
    return removed


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
