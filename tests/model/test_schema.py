"""docs/pathway.schema.json is generated from the model and accepts real files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from parcours_designer import paths
from parcours_designer.model.schema import pathway_schema, schema_text

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_committed_schema_is_up_to_date():
    assert (DOCS / "pathway.schema.json").read_text(encoding="utf-8") == schema_text(), \
        "run `make schema` to regenerate docs/pathway.schema.json"


def test_bundled_pathways_validate_against_the_schema():
    validator = jsonschema.Draft202012Validator(pathway_schema())
    files = sorted((paths.resources_dir() / "examples").glob("*.parcours"))
    files += sorted((paths.resources_dir() / "templates").glob("*.parcours"))
    assert files
    for path in files:
        errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        assert not errors, f"{path.name}: {errors[0].message}"


def test_schema_refuses_unknown_keys_and_negative_money():
    validator = jsonschema.Draft202012Validator(pathway_schema())
    bad = {"format": "parcours-designer", "format_version": 1,
           "pathway": {"title": "x", "colour": "red", "costs": [{"id": "c", "unit_cost": -1}]}}
    messages = [e.message for e in validator.iter_errors(bad)]
    assert any("colour" in m for m in messages)
    assert len(messages) >= 2
