"""The planning fields of the file format: optional, and old files save byte for byte."""

from __future__ import annotations

import json

from parcours_designer.model.fileformat import dump_pathway, load_pathway, parse_pathway
from tests.planning.helpers import EXAMPLE

NEW_FIELDS = {"duration_days", "lag_days", "pinned", "actual_start", "actual_end", "baseline_start",
              "baseline_end", "baseline_amount", "capacity_days_per_month", "extra_cost", "closures",
              "baseline_saved_on"}


def keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


def test_a_file_without_planning_fields_saves_without_them():
    saved = dump_pathway(load_pathway(EXAMPLE))
    assert not keys(json.loads(saved)) & NEW_FIELDS
    assert '"status": "planned"' not in saved.decode()
    assert dump_pathway(parse_pathway(saved)) == saved


def test_planning_fields_round_trip():
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data = document["pathway"]
    data["closures"] = [{"start": "2027-08-02", "end": "2027-08-27", "label": "Été"}]
    data["baseline_saved_on"] = "2027-01-05"
    data["phases"][1].update(duration_days=20, lag_days=2, pinned=True, status="in_progress",
                             actual_start="2027-01-26", baseline_start="2027-01-25", baseline_end="2027-02-19")
    data["partners"][0]["capacity_days_per_month"] = "6.5"
    data["costs"][0]["baseline_amount"] = "3250.00"
    data["risks"][0]["extra_cost"] = "1400.00"
    raw = json.dumps(document, ensure_ascii=False).encode()
    pathway = parse_pathway(raw)
    assert pathway.phases[1].status.label == "En cours"
    saved = dump_pathway(pathway)
    assert dump_pathway(parse_pathway(saved)) == saved
    assert NEW_FIELDS - {"actual_end"} <= keys(json.loads(saved))
