"""The domain never imports Qt: proven in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import parcours_designer

PACKAGE = Path(parcours_designer.__file__).parent


def test_model_imports_no_qt_nor_heavy_libraries():
    modules = sorted(
        "parcours_designer.model." + ".".join(p.relative_to(PACKAGE / "model").with_suffix("").parts)
        for p in (PACKAGE / "model").rglob("*.py") if p.name != "__init__.py"
    )
    code = textwrap.dedent(f"""
        import sys, importlib
        for name in {modules!r}:
            importlib.import_module(name)
        bad = sorted(m for m in sys.modules if m.split('.')[0] in
                     ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'matplotlib', 'reportlab', 'openpyxl'))
        print(','.join(bad))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_no_model_source_mentions_qt():
    for path in (PACKAGE / "model").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "PyQt" not in text, path
