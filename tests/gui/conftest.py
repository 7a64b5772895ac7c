"""GUI tests: real widgets, offscreen, user folders in a temporary directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from parcours_designer import paths  # noqa: E402
from parcours_designer.model.fileformat import load_pathway  # noqa: E402

EXAMPLE = paths.resources_dir() / "examples" / "dla-collectif-culture.parcours"


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    """Every test gets its own empty user folders."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv(paths.HOME_VARIABLE, str(home))
    return home


@pytest.fixture
def example_pathway():
    return load_pathway(EXAMPLE)
