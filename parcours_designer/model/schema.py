"""The JSON Schema of the ``.parcours`` format, generated from the model."""

from __future__ import annotations

import json
from typing import Any

from parcours_designer.model.fileformat import FORMAT_NAME, FORMAT_VERSION
from parcours_designer.model.pathway import Pathway


def pathway_schema() -> dict[str, Any]:
    """The envelope and the pathway, as one JSON Schema (draft 2020-12)."""
    inner = Pathway.model_json_schema(mode="validation", ref_template="#/$defs/{model}")
    definitions = inner.pop("$defs", {})
    definitions["Pathway"] = inner
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://parcours-designer.example/schema/pathway-v1.json",
        "title": "Fichier de parcours d'accompagnement (.parcours)",
        "description": "Format version 1, voir docs/format.md.",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "format_version", "pathway"],
        "properties": {
            "format": {"const": FORMAT_NAME},
            "format_version": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
            "pathway": {"$ref": "#/$defs/Pathway"},
        },
        "$defs": definitions,
    }


def schema_text() -> str:
    return json.dumps(pathway_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
