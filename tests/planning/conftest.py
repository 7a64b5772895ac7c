"""Planning tests: GUI ones run offscreen with user folders in a temporary directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from parcours_designer import paths  # noqa: E402


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv(paths.HOME_VARIABLE, str(home))
    return home
