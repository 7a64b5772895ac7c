"""What the operating system said, in French: every ``OSError`` a person may see.

The system's own text (``strerror``) is English on most machines; the editor,
the command line and the exports all report a failed read or write through
:func:`os_error_message`, which names the cause from its ``errno`` (or, on
Windows, its ``winerror``).
"""

from __future__ import annotations

import errno
import os
from typing import Optional

_LOCKED = "le fichier est ouvert ou verrouillé par un autre programme ; fermez-le puis réessayez"
_PERMISSION = "vous n'avez pas les droits nécessaires sur ce fichier ou ce dossier"

_DISK_FULL = "le disque est plein ; libérez de la place ou choisissez un autre emplacement"
_READ_ONLY = "le support est en lecture seule (clé verrouillée, disque protégé…) ; choisissez un autre emplacement"
_NAME_TOO_LONG = "le nom du fichier ou du chemin est trop long ; choisissez un nom plus court"
_TOO_MANY_OPEN = "trop de fichiers ouverts ; fermez des fichiers puis réessayez"
_DEVICE_GONE = "le périphérique n'est pas disponible"
# By errno name: not every system knows every name (Windows has no EDQUOT…).
_BY_ERRNO_NAME: dict[str, str] = {
    "ENOSPC": _DISK_FULL,
    "EROFS": _READ_ONLY,
    "EACCES": _PERMISSION,
    "EPERM": _PERMISSION,
    "ENAMETOOLONG": _NAME_TOO_LONG,
    "EBUSY": _LOCKED,
    "ETXTBSY": _LOCKED,
    "EDQUOT": "votre quota d'espace disque est dépassé ; libérez de la place",
    "EIO": "erreur de lecture ou d'écriture du support (disque ou clé débranché, réseau coupé ?)",
    "ENOENT": "fichier ou dossier introuvable",
    "ENOTDIR": "un élément du chemin n'est pas un dossier",
    "EISDIR": "c'est un dossier, pas un fichier",
    "EEXIST": "un fichier de ce nom existe déjà",
    "EFBIG": "fichier trop volumineux pour ce support",
    "EMFILE": _TOO_MANY_OPEN,
    "ENFILE": _TOO_MANY_OPEN,
    "EINVAL": "nom de fichier invalide (caractère interdit ?)",
    "ELOOP": "trop de liens symboliques dans le chemin",
    "ENODEV": _DEVICE_GONE,
    "ENXIO": _DEVICE_GONE,
    "EXDEV": "déplacement impossible d'un disque à un autre",
    "EAGAIN": "ressource momentanément indisponible ; réessayez",
    "EINTR": "opération interrompue ; réessayez",
    "ENOMEM": "mémoire insuffisante",
    "ETIMEDOUT": "le support réseau ne répond pas",
    "ESTALE": "le fichier réseau n'est plus disponible ; rouvrez le dossier",
    "ENOTCONN": "le support réseau n'est plus connecté",
    "EHOSTDOWN": "le support réseau ne répond pas",
    "ENETDOWN": "le réseau est coupé",
    "ENETUNREACH": "le réseau est inaccessible",
    "ECONNRESET": "la connexion au support réseau a été coupée",
    "ECANCELED": "opération annulée",
}
_BY_ERRNO: dict[int, str] = {  # where two names share a number, the first listed wins
    getattr(errno, name): text for name, text in reversed(_BY_ERRNO_NAME.items()) if hasattr(errno, name)
}

# Windows system error codes that Python does not turn into an errno of their own.
_BY_WINERROR: dict[int, str] = {
    32: _LOCKED,  # ERROR_SHARING_VIOLATION: open in Excel, Word, an antivirus…
    33: _LOCKED,  # ERROR_LOCK_VIOLATION
    5: _PERMISSION,  # ERROR_ACCESS_DENIED
    19: _READ_ONLY,  # ERROR_WRITE_PROTECT
    21: "le support n'est pas prêt (clé ou disque retiré ?)",  # ERROR_NOT_READY
    39: _DISK_FULL,  # ERROR_HANDLE_DISK_FULL
    112: _DISK_FULL,  # ERROR_DISK_FULL
    123: "nom de fichier invalide (les caractères \\ / : * ? \" < > | sont interdits)",  # ERROR_INVALID_NAME
    206: _NAME_TOO_LONG,  # ERROR_FILENAME_EXCED_RANGE
    1224: _LOCKED,  # ERROR_USER_MAPPED_FILE
}


def os_error_reason(error: OSError) -> str:
    """Why ``error`` happened, in French, without the system's English text."""
    winerror: Optional[int] = getattr(error, "winerror", None)
    if winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    if error.errno in _BY_ERRNO:
        return _BY_ERRNO[error.errno]
    if winerror is not None:
        return f"erreur du système Windows n° {winerror}"
    if error.errno is not None:
        return f"erreur du système n° {error.errno} ({errno.errorcode.get(error.errno, 'inconnue')})"
    return "erreur du système"


def os_error_message(error: OSError, path: Optional[str | os.PathLike[str]] = None, *,
                     writing: bool = True) -> str:
    """``rapport.pdf : écriture impossible (le disque est plein…)``."""
    reason = os_error_reason(error)
    verb = "écriture" if writing else "lecture"
    action = f"{verb} non autorisée" if reason == _PERMISSION else f"{verb} impossible"
    where = path if path is not None else error.filename
    prefix = f"{where} : " if where is not None else ""
    return f"{prefix}{action} ({reason})"
