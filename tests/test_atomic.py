"""Saving never leaves a broken file, a broken ``.bak`` or temporary files behind (issue 8)."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parcours_designer import atomic
from parcours_designer.atomic import atomic_write, backup_path
from parcours_designer.model import Pathway, load_pathway, save_pathway
from parcours_designer.model.fileformat import dump_pathway

KILLS = 24


def _version(title: str, padding: int = 0) -> bytes:
    return dump_pathway(Pathway(title=title, summary="x" * padding))


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_disk_full_while_writing_the_backup_keeps_the_old_backup_whole(tmp_path, monkeypatch):
    target = tmp_path / "p.parcours"
    atomic_write(target, _version("Un"))
    atomic_write(target, _version("Deux"))
    assert load_pathway(backup_path(target)).title == "Un"
    real_fsync = os.fsync
    fsyncs = []

    def copy_half_then_fail(source, destination, **_kwargs):  # how shutil.copy2 fails on a full disk
        data = Path(source).read_bytes()
        Path(destination).write_bytes(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fsync_failing_after_the_first(fd):  # how a temporary file fails on a full disk
        fsyncs.append(fd)
        if len(fsyncs) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(shutil, "copyfile", copy_half_then_fail)
    monkeypatch.setattr(atomic.os, "fsync", fsync_failing_after_the_first)
    try:
        atomic_write(target, _version("Trois"))
    except OSError:
        pass
    monkeypatch.undo()
    assert load_pathway(backup_path(target)).title == "Un"  # still whole
    assert load_pathway(target).title == "Trois"  # the new file was in place before the backup
    assert _temporaries(tmp_path) == []


def test_the_backup_is_renamed_into_place_after_the_file(tmp_path, monkeypatch):
    target = tmp_path / "p.parcours"
    atomic_write(target, _version("Un"))
    replaced = []
    real_replace = os.replace

    def recording_replace(source, destination):
        replaced.append(Path(destination).name)
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", recording_replace)
    atomic_write(target, _version("Deux"))
    assert replaced == ["p.parcours", "p.parcours.bak"]
    assert load_pathway(backup_path(target)).title == "Un"


def test_no_backup_for_exports_and_none_for_a_new_file(tmp_path):
    atomic_write(tmp_path / "a.csv", b"1")
    atomic_write(tmp_path / "a.csv", b"2", keep_backup=False)
    atomic_write(tmp_path / "n.parcours", _version("Neuf"))
    assert sorted(os.listdir(tmp_path)) == ["a.csv", "n.parcours"]


def test_stale_temporary_files_of_that_file_are_removed_at_its_next_save(tmp_path):
    target = tmp_path / "p.parcours"
    save_pathway(Pathway(title="Un"), target)
    ours = [".p.parcours.k3j_9zq1.tmp", ".p.parcours.bak.a1b2c3d4.tmp"]
    others = [".autre.parcours.k3j_9zq1.tmp", ".p.parcours.tmp", ".p.parcours.notes.tmp", "p.parcours.x1y2z3w4.tmp"]
    for name in ours + others:
        (tmp_path / name).write_bytes(b"{partiel")
    (tmp_path / ".p.parcours.dossier1.tmp").mkdir()
    save_pathway(Pathway(title="Deux"), target)
    assert _temporaries(tmp_path) == sorted(others + [".p.parcours.dossier1.tmp"])


@pytest.mark.skipif(os.name != "posix", reason="Unix permissions")
def test_permissions_of_the_file_are_kept_and_given_to_its_backup(tmp_path):
    target = tmp_path / "p.parcours"
    atomic_write(target, _version("Un"))
    os.chmod(target, 0o640)
    atomic_write(target, _version("Deux"))
    assert target.stat().st_mode & 0o777 == 0o640
    assert backup_path(target).stat().st_mode & 0o777 == 0o640


CHILD = """
import sys
from parcours_designer.atomic import atomic_write
target, first, second = sys.argv[1:4]
versions = [open(first, "rb").read(), open(second, "rb").read()]
print("prêt", flush=True)
turn = 0
while True:
    atomic_write(target, versions[turn % 2])
    turn += 1
"""


@pytest.mark.skipif(os.name != "posix", reason="kill -9 of a real process")
def test_kill_9_during_saves_leaves_the_file_and_its_backup_loadable(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    target = folder / "parcours.parcours"
    sources = []
    for number, title in enumerate(("Version A", "Version B")):
        source = tmp_path / f"v{number}.parcours"
        source.write_bytes(_version(title, padding=600_000))
        sources.append(str(source))
    shutil.copy(sources[0], target)
    chance = random.Random(8)
    interrupted = 0
    for _kill in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(target), *sources],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "prêt"
        time.sleep(chance.uniform(0.0, 0.1))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert load_pathway(target).title in ("Version A", "Version B")
        if backup_path(target).exists():
            assert load_pathway(backup_path(target)).title in ("Version A", "Version B")
        interrupted += bool(_temporaries(folder))  # killed while writing a temporary file
    save_pathway(Pathway(title="Après"), target)
    assert _temporaries(folder) == []
    assert load_pathway(backup_path(target)).title in ("Version A", "Version B")
    print(f"{KILLS} kill -9, dont {interrupted} pendant l'écriture d'un fichier temporaire ; "
          "fichier et .bak toujours lisibles, aucun fichier temporaire après l'enregistrement suivant")
