"""The declared layers (import-linter contracts) and the types (mypy) hold: both are part of `make test`.

The contracts and the mypy settings live in pyproject.toml; docs/ARCHITECTURE.md says why.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_import_contracts_are_kept():
    done = run(str(BIN / "lint-imports"), "--no-cache")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_model_and_exports_type_check():
    """mypy on the model (strict) and the exports; its cache lives in .venv (a cold run takes ~15 s of CPU)."""
    done = run(sys.executable, "-m", "mypy")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert done.stdout.startswith("Success")
