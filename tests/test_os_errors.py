"""What the system says goes to the user in French, wherever a read or a write fails (issue 8)."""

from __future__ import annotations

import errno
import os

import pytest

from parcours_designer.model import Pathway, PathwayFileError, load_pathway, save_pathway
from parcours_designer.oserrors import os_error_message, os_error_reason

ENGLISH = ("No space", "Read-only", "Permission denied", "too long", "busy", "Input/output",
           "Errno", "WinError", "Disk quota")

EXPECTED_BY_NAME = {
    "ENOSPC": "le disque est plein",
    "EROFS": "lecture seule",
    "EACCES": "non autorisée (vous n'avez pas les droits nécessaires",
    "EPERM": "non autorisée (vous n'avez pas les droits nécessaires",
    "ENAMETOOLONG": "nom du fichier ou du chemin est trop long",
    "EBUSY": "ouvert ou verrouillé par un autre programme",
    "ETXTBSY": "ouvert ou verrouillé par un autre programme",
    "EDQUOT": "quota",
    "EIO": "erreur de lecture ou d'écriture du support",
}
EXPECTED = {getattr(errno, name): text for name, text in EXPECTED_BY_NAME.items() if hasattr(errno, name)}


def _english_error(number: int) -> OSError:
    return OSError(number, os.strerror(number), "/tmp/dossier/parcours.parcours")


@pytest.mark.parametrize("number", sorted(EXPECTED), ids=lambda n: errno.errorcode[n])
def test_each_errno_is_told_in_french(number):
    message = os_error_message(_english_error(number))
    assert EXPECTED[number] in message
    assert message.startswith("/tmp/dossier/parcours.parcours : écriture ")
    assert not any(word in message for word in ENGLISH), message


@pytest.mark.parametrize("winerror, expected", [(32, "ouvert ou verrouillé par un autre programme"),
                                                (33, "ouvert ou verrouillé"), (112, "le disque est plein"),
                                                (123, "nom de fichier invalide")])
def test_windows_sharing_violation_and_others(winerror, expected):
    error = OSError(errno.EACCES, "The process cannot access the file because it is being used by another process")
    error.winerror = winerror
    assert expected in os_error_reason(error)


def test_an_unknown_errno_gives_its_number_not_english():
    assert os_error_reason(OSError(errno.EDOM, os.strerror(errno.EDOM))) == f"erreur du système n° {errno.EDOM} (EDOM)"


def _failing(number: int):
    def fail(*_args, **_kwargs):
        raise OSError(number, os.strerror(number))
    return fail


def test_loading_reports_an_io_error_in_french(tmp_path, monkeypatch):
    target = tmp_path / "p.parcours"
    save_pathway(Pathway(title="x"), target)
    monkeypatch.setattr("pathlib.Path.read_bytes", _failing(errno.EIO))
    with pytest.raises(PathwayFileError) as caught:
        load_pathway(target)
    assert "lecture impossible (erreur de lecture ou d'écriture du support" in str(caught.value)


def test_cli_new_on_a_full_disk_says_so_in_french(tmp_path, monkeypatch, capsys):
    from parcours_designer.cli import main

    monkeypatch.setattr("parcours_designer.atomic.os.fsync", _failing(errno.ENOSPC))
    status = main(["new", "--template", "dla-individuel", "-o", str(tmp_path / "n.parcours")])
    err = capsys.readouterr().err
    assert status == 2 and "le disque est plein" in err and "No space" not in err
    assert os.listdir(tmp_path) == []


def test_cli_export_on_a_read_only_medium_says_so_in_french(tmp_path, monkeypatch, capsys):
    from parcours_designer.cli import main
    from tests.model.factories import EXAMPLE

    monkeypatch.setattr("parcours_designer.atomic.os.replace", _failing(errno.EROFS))
    status = main(["export", "ics", str(EXAMPLE), "-o", str(tmp_path / "c.ics")])
    err = capsys.readouterr().err
    assert status == 2 and "le support est en lecture seule" in err and "Read-only" not in err


def test_cli_reports_an_unexpected_os_error_in_french(monkeypatch, capsys):
    from parcours_designer.cli import check_command, main
    from tests.model.factories import EXAMPLE

    monkeypatch.setattr(check_command, "run", _failing(errno.EBUSY))
    status = main(["check", str(EXAMPLE)])
    err = capsys.readouterr().err
    assert status == 2 and "ouvert ou verrouillé par un autre programme" in err
    assert "erreur inattendue" not in err and "busy" not in err



def test_an_unreadable_framework_is_reported_in_french(tmp_path, monkeypatch):
    from parcours_designer.model.frameworks import load_catalog

    (tmp_path / "perso.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr("pathlib.Path.read_bytes", _failing(errno.EACCES))
    catalog = load_catalog([tmp_path])
    assert catalog.problems == ["perso.json : lecture non autorisée (vous n'avez pas les droits nécessaires "
                                "sur ce fichier ou ce dossier)"]
