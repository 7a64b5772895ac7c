"""A template moved to another year keeps its rhythm and its check."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

from parcours_designer.model import Pathway, Phase, load_pathway
from parcours_designer.model.check import Severity, run_check
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.shift import shift_dates, shift_to_start
from parcours_designer.paths import framework_folders, template_folders
from tests.model.factories import example_pathway


def test_shift_keeps_weekdays_and_the_window():
    original = example_pathway()
    moved = shift_to_start(original, date(2029, 1, 8))
    assert moved.start == date(2029, 1, 8)
    for before, after in zip(original.phases, moved.phases):
        assert after.start.weekday() == before.start.weekday()
        assert (after.end - after.start) == (before.end - before.start)
        assert after.start >= moved.start and after.end <= moved.end
    assert (moved.phases[0].start - original.phases[0].start).days % 7 == 0
    result = run_check(moved, load_catalog(framework_folders()).default())
    assert result.count(Severity.ERROR) == 0
    assert original.start == date(2027, 1, 11)


def test_shift_dates_moves_every_date_field():
    pathway = Pathway(title="T", end=date(2027, 5, 1),
                      phases=[Phase(id="a", start=date(2027, 3, 1), end=date(2027, 3, 2))])
    moved = shift_dates(pathway, timedelta(days=-3))
    assert moved.end == date(2027, 4, 28) and moved.phases[0].start == date(2027, 2, 26)


def test_pathway_without_dates_gets_only_a_start():
    assert shift_to_start(Pathway(title="T"), date(2028, 1, 3)).start == date(2028, 1, 3)


def test_new_from_template_with_a_start(tmp_path):
    target = tmp_path / "nouveau.parcours"
    done = subprocess.run([sys.executable, "-m", "parcours_designer", "new", "--template", "dla-individuel",
                           "-o", str(target), "--start", "2030-09-02"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert load_pathway(target).start == date(2030, 9, 2)
    bad = subprocess.run([sys.executable, "-m", "parcours_designer", "new", "--template", "dla-individuel",
                          "-o", str(tmp_path / "x.parcours"), "--start", "2030-02-30"], capture_output=True, text=True)
    assert bad.returncode == 2 and "date invalide" in bad.stderr


def test_a_pathway_from_a_template_has_its_own_uid():
    from parcours_designer.model.templates import load_template

    first, second = load_template("dla-individuel", template_folders()), load_template("dla-individuel", template_folders())
    assert first.uid and second.uid and first.uid != second.uid


def test_calendar_uids_survive_a_new_title():
    from parcours_designer.export.ics_export import phase_uid

    pathway = example_pathway()
    pathway.uid = "3f1c"
    before = phase_uid(pathway, pathway.phases[0])
    pathway.title = "Nouveau titre"
    assert phase_uid(pathway, pathway.phases[0]) == before == "3f1c-ph1@parcours-designer"
