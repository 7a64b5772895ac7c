"""The editor (Qt only; no business rule here)."""

import PySide6

from parcours_designer.ui.pyside_none import protect_none

protect_none(PySide6.__version__)
