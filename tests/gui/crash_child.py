"""A real editor process for the crash test: opens a file, types, then waits to be killed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from parcours_designer.ui.app import create_window, make_application
from tests.gui.helpers import type_text


def main(path: str, text: str) -> int:
    app = make_application()
    window = create_window(path)
    window.show()

    def edit() -> None:
        title = window.page("overview").form.widgets["title"]
        title.setFocus()
        title.end(False)
        type_text(title, text)
        print("EDITED", flush=True)

    QTimer.singleShot(100, edit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
