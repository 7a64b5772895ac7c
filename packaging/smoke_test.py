"""Smoke test of the frozen bundle: the program works with no Python at all.

    python packaging/smoke_test.py dist/parcours-designer

Each command runs the bundle's own executable in a bare environment (empty
PATH, no PYTHON* variables, a fresh HOME): ``--version``, ``check`` on the
example, every export kind in every format the program declares, every other
sub-command (answers imported and drawn, a portfolio and its partner notes),
then the
editor opening the example — in a real X window under Xvfb when ``Xvfb`` and
``xdotool`` are installed (the window title must name the file), otherwise
offscreen (the editor must stay up without a word on stderr). Prints one line
per step and its time; exits non-zero at the first failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "dla-collectif-culture.parcours"
# A real-looking export of answers to the example's questionnaire q1 (Google Forms).
ANSWERS = ROOT / "tests" / "answers" / "exports" / "google-forms.csv"
TEMPLATE = "dla-individuel"
FUNDER = "Conseil départemental de la Manche"  # one of the example's funders
# Export kinds that need an item of the pathway: option and the list it names.
ITEM_OPTIONS = {"questionnaire": ("--questionnaire", "questionnaires"),
                "specifications": ("--consultation", "consultations"),
                "offers": ("--consultation", "consultations")}


class SmokeFailure(Exception):
    pass


def bare_environment(home: Path, **extra: str) -> dict[str, str]:
    empty_bin = home / "empty-bin"
    empty_bin.mkdir(exist_ok=True)
    environment = {"HOME": str(home), "PATH": str(empty_bin), "LANG": "C.UTF-8",
                   "PARCOURS_DESIGNER_HOME": str(home / "user")}
    # Windows cannot start a process without these (they hold no Python).
    for name in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP"):
        if name in os.environ:
            environment[name] = os.environ[name]
    environment.update(extra)
    return environment


def run(executable: Path, args: list[str], environment: dict[str, str], expect: int = 0,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    started = time.perf_counter()
    done = subprocess.run([str(executable), *args], env=environment, capture_output=True,
                          text=True, timeout=timeout)
    elapsed = time.perf_counter() - started
    shown = " ".join(Path(a).name if "/" in a else a for a in args)
    if done.returncode != expect:
        raise SmokeFailure(f"{shown}: exit {done.returncode} (expected {expect})\n{done.stderr[-2000:]}")
    if "Traceback" in done.stderr:
        raise SmokeFailure(f"{shown}: a traceback on stderr\n{done.stderr[-2000:]}")
    print(f"ok  {elapsed:6.2f} s  {shown}")
    return done


def export_cases(work: Path) -> list[list[str]]:
    """Every kind × suffix the program declares, with the options it needs."""
    sys.path.insert(0, str(ROOT))
    from parcours_designer.export.registry import EXPORT_KINDS
    from parcours_designer.model.fileformat import load_pathway

    pathway = load_pathway(EXAMPLE)
    cases = []
    for kind in EXPORT_KINDS.values():
        extra: list[str] = []
        if kind.kind in ITEM_OPTIONS:
            option, attribute = ITEM_OPTIONS[kind.kind]
            items = getattr(pathway, attribute, [])
            if not items:
                raise SmokeFailure(f"export {kind.kind}: the example has no {attribute} to name")
            extra = [option, items[0].id]
        for suffix in kind.suffixes:
            output = work / f"{kind.kind}{suffix}"
            cases.append(["export", kind.kind, str(EXAMPLE), "-o", str(output), *extra])
    return cases


def command_cases(work: Path) -> list[list[str]]:
    """Every other sub-command, on copies made in ``work``: answers imported then drawn in the
    evaluation PDF (bar charts), a portfolio (sqlite index) and its partner notes (.pdf, .xlsx)."""
    answered = work / "reponses.parcours"
    shutil.copyfile(EXAMPLE, answered)
    folder = work / "portefeuille"
    (folder / "2027").mkdir(parents=True)
    shutil.copyfile(EXAMPLE, folder / "2027" / "collectif.parcours")
    (folder / "casse.parcours").write_text("{", encoding="utf-8")
    return [["check", str(EXAMPLE), "--json"], ["frameworks"], ["templates"],
            ["new", "--template", TEMPLATE, "-o", str(work / "nouveau.parcours")],
            ["schedule", str(EXAMPLE), "--json"],
            ["responses", "import", str(answered), str(ANSWERS), "--questionnaire", "q1"],
            ["responses", "stats", str(answered), "--json"],
            ["export", "evaluation", str(answered), "-o", str(work / "evaluation-reponses.pdf")],
            ["portfolio", str(folder), "--json"],
            ["portfolio", str(folder), "--partner", FUNDER, "-o", str(work / "note.pdf")],
            ["portfolio", str(folder), "--partner", FUNDER, "-o", str(work / "note.xlsx")]]


def check_outputs(work: Path) -> None:
    for output in sorted(work.glob("*.*")):
        if output.is_file() and output.stat().st_size == 0:
            raise SmokeFailure(f"{output.name}: empty export")


def editor_in_xvfb(gui: Path, home: Path) -> None:
    """The editor opens the example in a real X window whose title names the file."""
    display = ":87"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        environment = bare_environment(home, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        started = time.perf_counter()
        editor = subprocess.Popen([str(gui), str(EXAMPLE)], env=environment,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            title = wait_for_window(display, EXAMPLE.stem, editor, timeout=60)
            print(f"ok  {time.perf_counter() - started:6.2f} s  editor window « {title} »")
        finally:
            editor.terminate()
            editor.wait(timeout=20)
    finally:
        server.terminate()
        server.wait(timeout=20)


def wait_for_window(display: str, name: str, editor: subprocess.Popen[str], timeout: float) -> str:
    deadline = time.monotonic() + timeout
    environment = {**os.environ, "DISPLAY": display}
    while time.monotonic() < deadline:
        if editor.poll() is not None:
            raise SmokeFailure(f"editor exited with {editor.returncode}\n{editor.stderr.read()[-2000:]}")
        found = subprocess.run(["xdotool", "search", "--name", name], env=environment,
                               capture_output=True, text=True)
        for window in found.stdout.split():
            title = subprocess.run(["xdotool", "getwindowname", window], env=environment,
                                   capture_output=True, text=True).stdout.strip()
            if name in title:
                return title
        time.sleep(0.3)
    raise SmokeFailure(f"no editor window titled with « {name} » after {timeout:.0f} s")


def editor_offscreen(gui: Path, home: Path) -> None:
    """Without an X server: the editor starts on the example and stays up, silent."""
    environment = bare_environment(home, QT_QPA_PLATFORM="offscreen")
    editor = subprocess.Popen([str(gui), str(EXAMPLE)], env=environment,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(8)
    alive = editor.poll() is None
    editor.terminate()
    _, errors = editor.communicate(timeout=20)
    if not alive or "Traceback" in errors:
        raise SmokeFailure(f"editor (offscreen) stopped or failed\n{errors[-2000:]}")
    print("ok  editor up for 8 s offscreen")


def main(bundle: Path) -> int:
    suffix = ".exe" if os.name == "nt" else ""
    cli = bundle / f"parcours-designer{suffix}"
    gui = bundle / f"ParcoursDesigner{suffix}"
    with tempfile.TemporaryDirectory(prefix="smoke-") as folder:
        home = Path(folder)
        environment = bare_environment(home)
        try:
            print(run(cli, ["--version"], environment).stdout.strip())
            work = home / "exports"
            work.mkdir()
            for case in export_cases(work) + command_cases(work):
                run(cli, case, environment)
            check_outputs(work)
            run(cli, ["check", str(home / "absent.parcours")], environment, expect=2)
            if sys.platform.startswith("linux") and shutil.which("Xvfb") and shutil.which("xdotool"):
                editor_in_xvfb(gui, home)
            else:
                editor_offscreen(gui, home)
        except (SmokeFailure, subprocess.TimeoutExpired) as failure:
            print(f"ÉCHEC : {failure}", file=sys.stderr)
            return 1
    print("bundle OK")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1]).resolve()))
