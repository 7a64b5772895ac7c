"""Loading and saving .parcours files: round trips, stability, migrations."""

from __future__ import annotations

import json
from pathlib import Path
from datetime import date
from decimal import Decimal

import pytest

from parcours_designer.model import Cost, Pathway, PathwayFileError, Phase, dump_pathway, load_pathway, parse_pathway, save_pathway
from parcours_designer.model.fileformat import FORMAT_VERSION
from tests.model.factories import EXAMPLE, minimal_document, write_json


def test_minimal_file_is_valid(tmp_path):
    pathway = load_pathway(write_json(tmp_path, minimal_document()))
    assert pathway.title == "Parcours de test"
    assert pathway.phases == [] and pathway.review.topics_to_report == []


def test_example_loads_with_exact_money():
    pathway = load_pathway(EXAMPLE)
    assert len(pathway.phases) == 13
    cost = next(c for c in pathway.costs if c.id == "c10")
    assert cost.unit_cost == Decimal("38.50") and cost.quantity == Decimal("24")


def test_save_of_a_just_loaded_file_is_byte_identical(tmp_path):
    first = dump_pathway(load_pathway(EXAMPLE))
    target = tmp_path / "copie.parcours"
    target.write_bytes(first)
    assert dump_pathway(load_pathway(target)) == first


def test_money_as_number_or_string_is_exact(tmp_path):
    doc = minimal_document(costs=[
        {"id": "c1", "account": "6226", "quantity": 3, "unit_cost": 0.1},
        {"id": "c2", "account": "6226", "quantity": "2.5", "unit_cost": "1234.5"},
    ])
    pathway = load_pathway(write_json(tmp_path, doc))
    assert pathway.costs[0].unit_cost == Decimal("0.10")
    assert pathway.costs[1].unit_cost == Decimal("1234.50")
    saved = json.loads(dump_pathway(pathway))
    assert saved["pathway"]["costs"][1]["unit_cost"] == "1234.50"


def test_save_is_atomic_and_keeps_a_backup(tmp_path):
    target = tmp_path / "parcours.parcours"
    save_pathway(Pathway(title="Première version"), target)
    save_pathway(Pathway(title="Seconde version"), target)
    assert load_pathway(target).title == "Seconde version"
    assert load_pathway(tmp_path / "parcours.parcours.bak").title == "Première version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parcours.parcours", "parcours.parcours.bak"]


def test_a_failed_save_leaves_the_file_untouched(tmp_path, monkeypatch):
    target = tmp_path / "parcours.parcours"
    save_pathway(Pathway(title="Intact"), target)
    before = target.read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        save_pathway(Pathway(title="Jamais écrit"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_older_version_is_migrated_in_memory_only(tmp_path):
    def rename_intitule(data):
        data = dict(data)
        data["title"] = data.pop("intitule")
        return data

    raw = json.dumps({"format": "parcours-designer", "format_version": 1,
                      "pathway": {"intitule": "Ancien format"}}).encode()
    pathway = parse_pathway(raw, "ancien.parcours", migrations={1: rename_intitule}, current_version=2)
    assert pathway.title == "Ancien format"


def test_missing_migration_step_is_reported():
    raw = json.dumps(minimal_document()).encode()
    with pytest.raises(PathwayFileError, match="version 1 vers 2"):
        parse_pathway(raw, "x.parcours", migrations={}, current_version=2)


def test_current_version_is_two():
    assert FORMAT_VERSION == 2


def test_a_version_1_file_opens_untouched_and_saves_as_version_2(tmp_path):
    sample = Path(__file__).parent / "samples" / "version-1.parcours"
    copy = tmp_path / "ancien.parcours"
    copy.write_bytes(sample.read_bytes())
    pathway = load_pathway(copy)
    assert copy.read_bytes() == sample.read_bytes()
    assert pathway.phases
    assert json.loads(dump_pathway(pathway))["format_version"] == 2
    assert dump_pathway(pathway) == dump_pathway(load_pathway(copy))


def test_dates_and_ids_survive_a_round_trip(tmp_path):
    pathway = Pathway(title="T", phases=[Phase(id="a", start=date(2027, 2, 28), end=date(2027, 3, 1))],
                      costs=[Cost(id="c", account="6226", quantity=Decimal("2.5"), unit_cost=Decimal("700"))])
    target = tmp_path / "rt.parcours"
    save_pathway(pathway, target)
    assert load_pathway(target) == pathway
