"""The wheel carries every resource, so an installed copy works like the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_resources(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    str(ROOT), "-w", str(tmp_path)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("parcours_designer-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {p.relative_to(ROOT / "resources").as_posix()
                for p in (ROOT / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    missing = sorted(e for e in expected if f"parcours_designer/resources/{e}" not in names)
    assert not missing, missing
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "parcours_designer").rglob("*.py")}
    assert not sorted(sources - names), "add the missing packages to pyproject.toml [tool.setuptools] packages"
    assert any(n.endswith("entry_points.txt") for n in names)
