"""Fixtures of the export tests."""

from __future__ import annotations

import pytest

from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.pathway import Pathway

from .helpers import EXAMPLE


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("PARCOURS_DESIGNER_HOME", str(tmp_path / "home"))


@pytest.fixture
def example() -> Pathway:
    return load_pathway(EXAMPLE)
