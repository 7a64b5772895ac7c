"""The one way this program writes a file: atomically, keeping a ``.bak``.

The bytes go to a temporary file in the destination folder, are flushed and
fsynced, then replace the destination in one rename. The previous content, if
any, is kept beside it as ``NAME.bak``. A failure at any point leaves the
destination as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def atomic_write(path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; keep the old file as ``.bak``."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and target.exists():
            shutil.copy2(target, backup_path(target))
        _keep_permissions(target, Path(tmp_name))
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)


def _keep_permissions(target: Path, tmp: Path) -> None:
    if target.exists():
        shutil.copymode(target, tmp)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)


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
