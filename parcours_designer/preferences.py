"""The user's preferences: who they are, the default framework, autosave, the default folder.

Kept as JSON in the user's config folder (:func:`parcours_designer.paths.config_dir`,
platformdirs), with a ``version``. Loading is one pipeline, as for pathways:
bytes → JSON → refuse a newer version → migrations step by step → validation.
An unreadable or newer file gives the defaults and is left untouched (the
next save keeps a ``.bak``); preferences never stop the editor.

No Qt here: the dialog is :mod:`parcours_designer.ui.preferences_dialog`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from parcours_designer import paths
from parcours_designer.atomic import atomic_write
from parcours_designer.model.formatting import count_of

VERSION = 1
FILE_NAME = "preferences.json"
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}  # version n → the dict at version n + 1


class Officer(BaseModel):
    """The person designing pathways: put as referent of every new pathway."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    name: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""

    def is_empty(self) -> bool:
        return not any((self.name, self.organisation, self.email, self.phone))


class Preferences(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    officer: Officer = Field(default_factory=Officer)
    default_framework: str = ""  # "" : the program's default framework
    autosave_seconds: int = Field(default=3, ge=1, le=600)
    default_folder: str = ""  # "" : the user's documents folder


def preferences_file() -> Path:
    return paths.config_dir() / FILE_NAME


def documents_folder() -> Path:
    """The user's documents folder (platformdirs), or the home folder when it does not exist."""
    import platformdirs

    folder = Path(platformdirs.user_documents_dir())
    return folder if folder.is_dir() else Path.home()


def default_folder(preferences: Preferences) -> Path:
    """Where new documents and exports are proposed: the chosen folder if it exists, else the documents."""
    chosen = Path(preferences.default_folder).expanduser() if preferences.default_folder else None
    return chosen if chosen is not None and chosen.is_dir() else documents_folder()


def parse_preferences(raw: bytes) -> Preferences:
    """Preferences from the file's bytes; ``ValueError`` (French) when they cannot be used."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise ValueError("préférences illisibles (JSON invalide)") from None
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise ValueError("préférences illisibles (version absente)")
    version = data.pop("version")
    if version > VERSION:
        raise ValueError(f"préférences d'une version plus récente ({version}) du programme")
    while version < VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    try:
        return Preferences.model_validate(data)
    except ValidationError as error:
        raise ValueError(f"préférences invalides ({count_of(error.error_count(), 'erreur')})") from None


def load_preferences(path: Optional[Path] = None) -> Preferences:
    """The saved preferences, or the defaults when there are none or they cannot be used."""
    try:
        return parse_preferences((path or preferences_file()).read_bytes())
    except (OSError, ValueError):
        return Preferences()


def dump_preferences(preferences: Preferences) -> bytes:
    data = {"version": VERSION, **preferences.model_dump(mode="json")}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def save_preferences(preferences: Preferences, path: Optional[Path] = None) -> None:
    """Write the preferences atomically (the previous file kept as ``.bak``); ``OSError`` on failure."""
    target = path or preferences_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, dump_preferences(preferences), keep_backup=True)


def personalise(pathway, preferences: Preferences, blank: bool):
    """A new pathway made the user's own: the officer as referent instead of a template's sample
    person (no referent when no officer is set); a blank one gets the default framework."""
    from parcours_designer.model.entities import Referent

    officer = preferences.officer
    pathway.referent = None if officer.is_empty() else Referent(**officer.model_dump())
    if blank and preferences.default_framework:
        pathway.framework = preferences.default_framework
    return pathway
