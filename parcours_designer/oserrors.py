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

_BY_ERRNO: dict[int, str] = {
    errno.ENOSPC: "le disque est plein ; libérez de la place ou choisissez un autre emplacement",
    errno.EROFS: "le support est en lecture seule (clé verrouillée, disque protégé…) ; "
                 "choisissez un autre emplacement",
    errno.EACCES: _PERMISSION,
    errno.EPERM: _PERMISSION,
    errno.ENAMETOOLONG: "le nom du fichier ou du chemin est trop long ; choisissez un nom plus court",
    errno.EBUSY: _LOCKED,
    errno.ETXTBSY: _LOCKED,
    errno.EIO: "erreur de lecture ou d'écriture du support (disque ou clé débranché, réseau coupé ?)",
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.EEXIST: "un fichier de ce nom existe déjà",
    errno.EFBIG: "fichier trop volumineux pour ce support",
    errno.EMFILE: "trop de fichiers ouverts ; fermez des fichiers puis réessayez",
    errno.ENFILE: "trop de fichiers ouverts ; fermez des fichiers puis réessayez",
    errno.EINVAL: "nom de fichier invalide (caractère interdit ?)",
    errno.ELOOP: "trop de liens symboliques dans le chemin",
    errno.ENODEV: "le périphérique n'est pas disponible",
    errno.ENXIO: "le périphérique n'est pas disponible",
    errno.EXDEV: "déplacement impossible d'un disque à un autre",
    errno.EAGAIN: "ressource momentanément indisponible ; réessayez",
    errno.EINTR: "opération interrompue ; réessayez",
    errno.ENOMEM: "mémoire insuffisante",
    errno.ETIMEDOUT: "le support réseau ne répond pas",
}
for _name, _text in (("EDQUOT", "votre quota d'espace disque est dépassé ; libérez de la place"),
                     ("ESTALE", "le fichier réseau n'est plus disponible ; rouvrez le dossier"),
                     ("ENOTCONN", "le support réseau n'est plus connecté"),
                     ("EHOSTDOWN", "le support réseau ne répond pas"),
                     ("ENETDOWN", "le réseau est coupé"),
                     ("ENETUNREACH", "le réseau est inaccessible"),
                     ("ECONNRESET", "la connexion au support réseau a été coupée"),
                     ("ECANCELED", "opération annulée")):
    if hasattr(errno, _name):
        _BY_ERRNO[getattr(errno, _name)] = _text

# Windows system error codes that Python does not turn into an errno of their own.
_BY_WINERROR: dict[int, str] = {
    32: _LOCKED,  # ERROR_SHARING_VIOLATION: open in Excel, Word, an antivirus…
    33: _LOCKED,  # ERROR_LOCK_VIOLATION
    5: _PERMISSION,  # ERROR_ACCESS_DENIED
    19: _BY_ERRNO[errno.EROFS],  # ERROR_WRITE_PROTECT
    21: "le support n'est pas prêt (clé ou disque retiré ?)",  # ERROR_NOT_READY
    39: _BY_ERRNO[errno.ENOSPC],  # ERROR_HANDLE_DISK_FULL
    112: _BY_ERRNO[errno.ENOSPC],  # ERROR_DISK_FULL
    123: "nom de fichier invalide (les caractères \\ / : * ? \" < > | sont interdits)",  # ERROR_INVALID_NAME
    206: _BY_ERRNO[errno.ENAMETOOLONG],  # ERROR_FILENAME_EXCED_RANGE
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
