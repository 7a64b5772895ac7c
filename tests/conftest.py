"""Fixtures of every test: Qt without a screen, user folders of its own."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from parcours_designer import paths  # noqa: E402


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory, monkeypatch):
    """Every test gets its own empty user folders (config, frameworks, templates, recovery),
    apart from its ``tmp_path`` so that tests can list that folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv(paths.HOME_VARIABLE, str(home))
    return home
