"""The portfolio index in the user's cache folder: a second reading opens no unchanged file,
and an index that cannot be used never stops the reading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parcours_designer.model import portfolio_scan
from parcours_designer.portfolio_index import index_path, read_indexed
from tests.model.portfolio_folder import ORNE, build_portfolio


@pytest.fixture
def folder(tmp_path):
    return build_portfolio(tmp_path / "portefeuille")


@pytest.fixture
def parsed(monkeypatch):
    """The files really opened and parsed."""
    opened = []
    original = portfolio_scan.load_pathway

    def counting(path):
        opened.append(Path(path).name)
        return original(path)

    monkeypatch.setattr(portfolio_scan, "load_pathway", counting)
    return opened


def test_second_reading_opens_only_changed_files(folder, parsed):
    first = read_indexed(folder)
    assert len(parsed) == 4 and index_path().is_file()
    parsed.clear()
    assert read_indexed(folder).to_json() == first.to_json()
    assert parsed == []
    target = folder / ORNE
    target.write_bytes(target.read_bytes().replace(b'"edition": "2027"', b'"edition": "2028"'))
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 5_000_000))
    third = read_indexed(folder)
    assert parsed == ["individuel.parcours"] and third.summary(ORNE).edition == "2028"


def test_the_same_file_reached_from_another_folder_keeps_its_relative_path(folder, parsed):
    read_indexed(folder)
    inner = read_indexed(folder / "orne")
    assert [s.path for s in inner.pathways] == ["individuel.parcours"]


def test_a_damaged_index_is_started_again(folder, parsed):
    index_path().parent.mkdir(parents=True, exist_ok=True)
    index_path().write_bytes(b"ceci n'est pas une base sqlite" * 100)
    assert len(read_indexed(folder).pathways) == 3
    parsed.clear()
    read_indexed(folder)
    assert parsed == []


def test_an_unwritable_cache_folder_only_costs_time(folder, parsed):
    index_path().parent.parent.mkdir(parents=True, exist_ok=True)
    index_path().parent.write_text("un fichier à la place du dossier", encoding="utf-8")
    assert len(read_indexed(folder).pathways) == 3
    assert len(read_indexed(folder).unreadable) == 1


def test_a_file_that_could_not_be_read_is_read_again_next_time(folder, monkeypatch):
    """A read refused once (a lock, a network share's hiccup) is not remembered as the file's state;
    its message names the file relative to the folder, like the others."""
    target = folder / ORNE
    original = Path.read_bytes

    def refused(path):
        if Path(path) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", refused)
    first = read_indexed(folder)
    assert [(u.path, u.message) for u in first.unreadable if u.path == ORNE] == \
        [(ORNE, f"{ORNE} : lecture non autorisée")]
    monkeypatch.setattr(Path, "read_bytes", original)
    second = read_indexed(folder)
    assert ORNE not in [u.path for u in second.unreadable] and second.summary(ORNE) is not None
