"""`export gantt|plan --scenario RISK_ID` shows a what-if against the baseline."""

from __future__ import annotations

from pypdf import PdfReader

from tests.cli.test_cli_check import run_cli
from tests.model.factories import EXAMPLE


def test_plan_with_a_scenario_says_so(tmp_path):
    target = tmp_path / "plan.pdf"
    done = run_cli("export", "plan", str(EXAMPLE), "-o", str(target), "--scenario", "r1")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Plan du parcours exporté : {target}\n"  # like `new`, success is confirmed
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Scénario « Indisponibilité de la consultante diffusion (maladie) » comparé au planning de référence" in text


def test_unknown_scenario_and_wrong_kind_exit_two_and_write_nothing(tmp_path):
    done = run_cli("export", "gantt", str(EXAMPLE), "-o", str(tmp_path / "g.png"), "--scenario", "r9")
    assert done.returncode == 2 and "« r9 » n'existe pas" in done.stderr
    done = run_cli("export", "ics", str(EXAMPLE), "-o", str(tmp_path / "c.ics"), "--scenario", "r1")
    assert done.returncode == 2 and "--scenario n'a pas de sens" in done.stderr
    assert list(tmp_path.iterdir()) == []
