"""The error of an export that cannot be made (its own module: renderers raise it, the registry imports them)."""

from __future__ import annotations

from parcours_designer.model.errors import PathwayError


class ExportError(PathwayError):
    """An export that cannot be made: one French message, nothing written."""
