"""Small builders of pathways for the model tests."""

from __future__ import annotations

from pathlib import Path

from parcours_designer import paths
from parcours_designer.model import load_pathway

EXAMPLE = paths.resources_dir() / "examples" / "dla-collectif-culture.parcours"


def example_pathway():
    return load_pathway(EXAMPLE)


def minimal_document(**pathway) -> dict:
    body = {"title": "Parcours de test"}
    body.update(pathway)
    return {"format": "parcours-designer", "format_version": 1, "pathway": body}


def write_json(tmp_path: Path, document, name: str = "test.parcours") -> Path:
    import json

    target = tmp_path / name
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target
