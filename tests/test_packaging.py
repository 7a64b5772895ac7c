"""The wheel carries every resource, so an installed copy works like the checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tracked_copy(folder: Path) -> Path:
    """The checkout's tracked files only, as a release is built from (not the bytecode or the
    build folders a run leaves in the working tree); the checkout itself outside git."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, timeout=60)
    if listed.returncode != 0:
        return ROOT
    for name in filter(None, listed.stdout.decode("utf-8").split("\0")):
        source, target = ROOT / name, folder / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return folder


def test_wheel_contains_resources_and_builds_without_warnings(tmp_path):
    source = tracked_copy(tmp_path / "source")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v",
                            str(source), "-w", str(tmp_path)], check=True, capture_output=True, text=True, timeout=300)
    backend = [line for line in (build.stdout + build.stderr).splitlines()
               if "Warning" in line or "is absent from" in line or "deprecated" in line]
    # an install is quiet: no setuptools warning (a new folder of resources goes in [tool.setuptools] packages)
    assert backend == [], backend[:5]
    wheel = next(tmp_path.glob("parcours_designer-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {p.relative_to(ROOT / "resources").as_posix()
                for p in (ROOT / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    missing = sorted(e for e in expected if f"parcours_designer/resources/{e}" not in names)
    assert not missing, missing
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "parcours_designer").rglob("*.py")}
    assert not sorted(sources - names), "add the missing packages to pyproject.toml [tool.setuptools] packages"
    assert any(n.endswith("entry_points.txt") for n in names)


def _smoke_test_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("smoke_test", ROOT / "packaging" / "smoke_test.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_frozen_smoke_test_runs_every_command_and_they_pass_unfrozen(tmp_path, user_home):
    """Each sub-command of the program is run by the bundle's smoke test (``make dist`` cannot run
    here), and each of its cases succeeds with this checkout's program."""
    from parcours_designer.cli import COMMANDS, main

    smoke = _smoke_test_module()
    cases = smoke.export_cases(tmp_path) + smoke.command_cases(tmp_path)
    assert {case[0] for case in cases} == {command.NAME for command in COMMANDS}
    work = tmp_path / "sans-gel"
    work.mkdir()
    for case in smoke.command_cases(work):
        assert main(case) == 0, case
    assert (work / "evaluation-reponses.pdf").stat().st_size > 0 and (work / "note.xlsx").stat().st_size > 0
