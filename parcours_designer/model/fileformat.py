"""Reading and writing ``.parcours`` files (format version 2).

Loading is one pipeline: bytes → text → JSON → envelope → refuse newer
versions → dict-to-dict migrations → validation → references. Any failure
raises :class:`PathwayFileError` with one French message; the file is never
touched. Saving is atomic and keeps a ``.bak``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from parcours_designer.atomic import atomic_write
from parcours_designer.model.errors import PathwayError, summarise, validation_messages
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import integrity_errors

FORMAT_NAME = "parcours-designer"
FORMAT_VERSION = 2
EXTENSION = ".parcours"
MAX_FILE_BYTES = 64 * 1024 * 1024

Migration = Callable[[dict[str, Any]], dict[str, Any]]
# MIGRATIONS[n] turns a version-n ``pathway`` dict into a version n+1 one.


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 only adds optional fields: a version-1 pathway is a valid one."""
    return data


MIGRATIONS: dict[int, Migration] = {1: _from_version_1}


class PathwayFileError(PathwayError):
    """A file that cannot be opened as a pathway."""


def load_pathway(path: str | os.PathLike[str]) -> Pathway:
    """Read a ``.parcours`` file; raise :class:`PathwayFileError` if unusable."""
    file_path = Path(path)
    try:
        size = file_path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PathwayFileError(
                f"{file_path.name} : fichier trop volumineux ({size // 1_048_576} Mio) "
                "pour être un parcours"
            )
        raw = file_path.read_bytes()
    except FileNotFoundError:
        raise PathwayFileError(f"{file_path} : fichier introuvable") from None
    except IsADirectoryError:
        raise PathwayFileError(f"{file_path} : c'est un dossier, pas un fichier") from None
    except PermissionError:
        raise PathwayFileError(f"{file_path} : lecture non autorisée") from None
    except OSError as error:
        raise PathwayFileError(f"{file_path} : lecture impossible ({error.strerror})") from None
    return parse_pathway(raw, file_path.name)


def parse_pathway(
    raw: bytes,
    name: str = "document",
    *,
    migrations: dict[int, Migration] | None = None,
    current_version: int = FORMAT_VERSION,
) -> Pathway:
    """The pathway held by the bytes of a ``.parcours`` file."""
    document = _decode_json(raw, name)
    version, data = _read_envelope(document, name, current_version)
    data = migrate(data, version, current_version, MIGRATIONS if migrations is None else migrations)
    return validate_pathway(data, name)


def _decode_json(raw: bytes, name: str) -> Any:
    if not raw.strip():
        raise PathwayFileError(f"{name} : le fichier est vide")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PathwayFileError(
            f"{name} : ce n'est pas un texte UTF-8 (octet invalide en position {error.start}) ; "
            "un fichier de parcours est un document JSON en UTF-8"
        ) from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise PathwayFileError(
            f"{name} : JSON invalide ligne {error.lineno}, colonne {error.colno} ({_json_reason(error)})"
        ) from None
    except RecursionError:
        raise PathwayFileError(f"{name} : structure JSON trop profondément imbriquée") from None
    except ValueError as error:
        raise PathwayFileError(f"{name} : {error}") from None


def _refuse_constant(constant: str) -> Any:
    raise ValueError(f"valeur {constant} interdite (seuls des nombres finis sont acceptés)")


def _json_reason(error: json.JSONDecodeError) -> str:
    reasons = {
        "Expecting value": "valeur attendue",
        "Expecting ',' delimiter": "virgule attendue",
        "Expecting ':' delimiter": "deux-points attendus",
        "Expecting property name enclosed in double quotes": "nom de clé entre guillemets attendu",
        "Unterminated string starting at": "texte non terminé",
        "Extra data": "données en trop après la fin du document",
        "Invalid control character at": "caractère de contrôle interdit",
        "Invalid \\escape": "séquence d'échappement invalide",
    }
    return reasons.get(error.msg, "document tronqué ou mal formé")


def _read_envelope(document: Any, name: str, current_version: int) -> tuple[int, dict[str, Any]]:
    if not isinstance(document, dict):
        raise PathwayFileError(
            f"{name} : ce n'est pas un fichier de parcours (un objet JSON est attendu, "
            f"pas {_json_kind(document)})"
        )
    if document.get("format") != FORMAT_NAME:
        found = document.get("format")
        detail = f"« {found} »" if isinstance(found, str) else "absent"
        raise PathwayFileError(
            f"{name} : ce n'est pas un fichier de parcours (format {detail}, « {FORMAT_NAME} » attendu)"
        )
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise PathwayFileError(f"{name} : format_version doit être un entier positif (reçu : {version!r})")
    if version > current_version:
        raise PathwayFileError(
            f"{name} : ce fichier est au format version {version}, plus récent que la version "
            f"{current_version} que connaît ce programme ; mettez Parcours Designer à jour pour l'ouvrir"
        )
    unknown = sorted(set(document) - {"format", "format_version", "pathway"})
    if unknown:
        raise PathwayFileError(f"{name} : clé inconnue à la racine du document : {', '.join(unknown)}")
    data = document.get("pathway")
    if not isinstance(data, dict):
        raise PathwayFileError(f"{name} : l'objet « pathway » est absent ou n'est pas un objet JSON")
    return version, data


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "une liste"
    if isinstance(value, str):
        return "un texte"
    if value is None:
        return "null"
    return "un nombre ou un booléen"


def migrate(
    data: dict[str, Any], version: int, current_version: int, migrations: dict[int, Migration]
) -> dict[str, Any]:
    """Bring a ``pathway`` dict from ``version`` up to ``current_version``."""
    while version < current_version:
        step = migrations.get(version)
        if step is None:
            raise PathwayFileError(f"aucune conversion connue du format version {version} vers {version + 1}")
        data = step(data)
        version += 1
    return data


def validate_pathway(data: dict[str, Any], name: str = "document") -> Pathway:
    """A :class:`Pathway` from its dict, or one French error naming each problem."""
    try:
        pathway = Pathway.model_validate(data)
    except ValidationError as error:
        lines = validation_messages(error, data)
        raise PathwayFileError(f"{name} : parcours invalide\n{summarise(lines)}") from None
    except RecursionError:
        raise PathwayFileError(f"{name} : structure trop profondément imbriquée") from None
    problems = integrity_errors(pathway)
    if problems:
        raise PathwayFileError(f"{name} : parcours invalide\n{summarise(problems)}")
    return pathway


def pathway_document(pathway: Pathway) -> dict[str, Any]:
    """The JSON document of a pathway, as saved."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "pathway": pathway.model_dump(mode="json", exclude_defaults=True),
    }


def dump_pathway(pathway: Pathway) -> bytes:
    """The bytes of a ``.parcours`` file: stable for the same pathway."""
    text = json.dumps(pathway_document(pathway), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def save_pathway(pathway: Pathway, path: str | os.PathLike[str]) -> None:
    """Write the pathway atomically, keeping the previous file as ``.bak``."""
    atomic_write(path, dump_pathway(pathway))
