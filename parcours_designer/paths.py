"""Every folder the program uses, in one place.

Tests (and portable installs) redirect the user folders with the environment
variable ``PARCOURS_DESIGNER_HOME``.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

APP_NAME = "ParcoursDesigner"
HOME_VARIABLE = "PARCOURS_DESIGNER_HOME"


def resources_dir() -> Path:
    """The bundled resources (frameworks, templates, examples, fonts)."""
    return Path(str(resources.files("parcours_designer.resources")))


def _user_root() -> Path | None:
    override = os.environ.get(HOME_VARIABLE)
    return Path(override) if override else None


def config_dir() -> Path:
    root = _user_root()
    if root is not None:
        return root / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    root = _user_root()
    if root is not None:
        return root / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What can be rebuilt at any time (the portfolio index)."""
    root = _user_root()
    if root is not None:
        return root / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_frameworks_dir() -> Path:
    """Where an organisation drops its own competence framework files."""
    return data_dir() / "frameworks"


def user_templates_dir() -> Path:
    return data_dir() / "templates"


def framework_folders() -> list[Path]:
    """The folders of competence frameworks: bundled first, then the user's own (which win by id)."""
    return [resources_dir() / "frameworks", user_frameworks_dir()]


def template_folders() -> list[tuple[Path, bool]]:
    """The folders of pathway templates, bundled first, each with its « bundled » flag."""
    return [(resources_dir() / "templates", True), (user_templates_dir(), False)]


def recovery_dir() -> Path:
    return data_dir() / "recovery"
