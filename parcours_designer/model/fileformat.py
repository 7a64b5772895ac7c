"""Reading and writing ``.parcours`` files (format version 2).

Loading is one pipeline: bytes → text → JSON → envelope → refuse newer
versions → dict-to-dict migrations → validation → references. Any failure
raises :class:`PathwayFileError` with one French message; the file is never
touched. Saving is atomic and keeps a ``.bak``.
"""

from __future__ import annotations

import json
import os
import re
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from parcours_designer.atomic import atomic_write
from parcours_designer.model.errors import PathwayError, summarise, unencodable_texts, validation_messages
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import integrity_errors
from parcours_designer.model.types import grouped, shown
from parcours_designer.oserrors import os_error_message

FORMAT_NAME = "parcours-designer"
FORMAT_VERSION = 2
EXTENSION = ".parcours"
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_FORMAT_VERSION = 9999
# Longer JSON integers are read as Decimal: exact, and refused by every field's bound.
MAX_INT_DIGITS = 18
# A lone surrogate can only come from a JSON escape such as \udfff.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")

Migration = Callable[[dict[str, Any]], dict[str, Any]]
# MIGRATIONS[n] turns a version-n ``pathway`` dict into a version n+1 one.


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 only adds optional fields: a version-1 pathway is a valid one."""
    return data


MIGRATIONS: dict[int, Migration] = {1: _from_version_1}


class PathwayFileError(PathwayError):
    """A file that cannot be opened as a pathway."""


def refuse_special_file(file_path: Path, mode: int, error: type[PathwayError]) -> None:
    """A named pipe or a device is never read: it would block for ever or never end."""
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise error(f"{file_path} : ce n'est pas un fichier ordinaire (tube ou périphérique)")


def load_pathway(path: str | os.PathLike[str]) -> Pathway:
    """Read a ``.parcours`` file; raise :class:`PathwayFileError` if unusable."""
    file_path, raw = read_input(path, PathwayFileError, MAX_FILE_BYTES, "un parcours")
    return parse_pathway(raw, file_path.name)


def read_input(path: str | os.PathLike[str], error: type[PathwayError], max_bytes: int,
               what: str) -> tuple[Path, bytes]:
    """The bytes of a file the user gave us, or ``error`` with one French message.

    A pipe or a device is refused unread, and so is a file over ``max_bytes``
    (``what`` says what it should have been: « un parcours »).
    """
    file_path = Path(path)
    try:
        status = file_path.stat()
        refuse_special_file(file_path, status.st_mode, error)
        if status.st_size > max_bytes:
            raise error(f"{file_path.name} : fichier trop volumineux ({status.st_size // 1_048_576} Mio) "
                        f"pour être {what}")
        return file_path, file_path.read_bytes()
    except FileNotFoundError:
        raise error(f"{file_path} : fichier introuvable") from None
    except IsADirectoryError:
        raise error(f"{file_path} : c'est un dossier, pas un fichier") from None
    except PermissionError:
        raise error(f"{file_path} : lecture non autorisée") from None
    except OSError as os_error:
        raise error(os_error_message(os_error, file_path, writing=False)) from None


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
    if _SURROGATE_ESCAPE.search(raw):
        _refuse_unencodable(data, name)
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
        return json.loads(text, parse_constant=_refuse_constant, parse_int=_read_int)
    except json.JSONDecodeError as error:
        raise PathwayFileError(
            f"{name} : JSON invalide ligne {error.lineno}, colonne {error.colno} ({_json_reason(error)})"
        ) from None
    except RecursionError:
        raise PathwayFileError(f"{name} : structure JSON trop profondément imbriquée") from None
    except _RefusedConstant as error:
        raise PathwayFileError(f"{name} : {error}") from None
    except ValueError:
        raise PathwayFileError(f"{name} : JSON illisible (nombre ou texte mal formé)") from None


class _RefusedConstant(ValueError):
    """NaN or Infinity in the JSON text."""


def _refuse_constant(constant: str) -> Any:
    raise _RefusedConstant(f"valeur {constant} interdite (seuls des nombres finis sont acceptés)")


def _read_int(digits: str) -> int | Decimal:
    """A JSON integer; a giant one as a Decimal (no 4,300-digit limit), for the fields to refuse."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else Decimal(digits)


def _refuse_unencodable(data: dict[str, Any], name: str) -> None:
    lines = unencodable_texts(data)
    if lines:
        raise PathwayFileError(f"{name} : parcours invalide\n{summarise(lines)}")


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
        detail = f"« {shown(found)} »" if isinstance(found, str) else "absent"
        raise PathwayFileError(
            f"{name} : ce n'est pas un fichier de parcours (format {detail}, « {FORMAT_NAME} » attendu)"
        )
    if "format_version" not in document:
        raise PathwayFileError(f"{name} : format_version est absent (un nombre entier de 1 à "
                               f"{grouped(MAX_FORMAT_VERSION)} est attendu)")
    version = document["format_version"]
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_FORMAT_VERSION:
        raise PathwayFileError(f"{name} : format_version doit être un entier de 1 à "
                               f"{grouped(MAX_FORMAT_VERSION)} (reçu : {shown(_json_text(version))})")
    if version > current_version:
        raise PathwayFileError(
            f"{name} : ce fichier est au format version {version}, plus récent que la version "
            f"{current_version} que connaît ce programme ; mettez Parcours Designer à jour pour l'ouvrir"
        )
    unknown = sorted(set(document) - {"format", "format_version", "pathway"})
    if unknown:
        raise PathwayFileError(f"{name} : clé inconnue à la racine du document : "
                               f"{', '.join(shown(key) for key in unknown[:5])}")
    data = document.get("pathway")
    if not isinstance(data, dict):
        raise PathwayFileError(f"{name} : l'objet « pathway » est absent ou n'est pas un objet JSON")
    return version, data


def _json_text(value: Any) -> str:
    """How a JSON value is written (``"1"``, ``null``, ``true``, ``12``)."""
    if isinstance(value, Decimal):
        return f"un entier de {len(value.as_tuple().digits)} chiffres"
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


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


def dump_pathway(pathway: Pathway, *, lossy: bool = False) -> bytes:
    """The bytes of a ``.parcours`` file: stable for the same pathway.

    Text that UTF-8 cannot hold (a lone surrogate) raises :class:`PathwayError`
    naming the field, or with ``lossy`` (a recovery copy) becomes ``?``.
    """
    document = pathway_document(pathway)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        if lossy:
            return text.encode("utf-8", "replace")
        raise PathwayError(f"enregistrement impossible :\n{summarise(unencodable_texts(document['pathway']))}") from None


def save_pathway(pathway: Pathway, path: str | os.PathLike[str]) -> None:
    """Write the pathway atomically, keeping the previous file as ``.bak``.

    The bytes are read back first: a pathway that would not reopen (a date
    shifted past the bounds, a text UTF-8 cannot hold…) is refused with the
    loader's French message, and nothing is written.
    """
    data = dump_pathway(pathway)
    parse_pathway(data, Path(path).name)
    atomic_write(path, data)
