"""Fixtures of the export tests."""

from __future__ import annotations

import pytest

from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.pathway import Pathway

from .helpers import EXAMPLE


@pytest.fixture
def example() -> Pathway:
    return load_pathway(EXAMPLE)
