"""Start-up of the editor: the domain model is imported while Qt builds the window.

Importing pydantic and building the model's classes costs about as much as
showing an empty window; in a background thread it overlaps with the Qt work
(Qt releases the interpreter lock while it loads fonts, styles and plugins),
and the file is opened as soon as both are done.
"""

from __future__ import annotations

import os
import threading

# We use no pydantic plugin: skip their discovery (an entry-point scan at import).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def preload_model() -> threading.Thread:
    """Import the modules that open a file, in the background; returns the thread."""

    def load() -> None:
        try:
            import parcours_designer.model.fileformat  # noqa: F401
            import parcours_designer.model.kinds  # noqa: F401
        except Exception:  # the main thread's own import reports it, in French
            pass

    thread = threading.Thread(target=load, name="parcours-model-preload", daemon=True)
    thread.start()
    return thread
