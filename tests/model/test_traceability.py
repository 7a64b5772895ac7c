"""The traceability matrix and the figures at a glance, shared by the editor and the plan."""

from __future__ import annotations

from parcours_designer.model import Need, Objective, Pathway, Phase
from parcours_designer.model.traceability import pathway_figures, trace_rows
from tests.model.factories import example_pathway


def test_rows_show_each_gap():
    pathway = Pathway(title="T", needs=[Need(id="n1", title="Diffusion"), Need(id="n2", title="Gouvernance")],
                      objectives=[Objective(id="o1", title="Diffuser", need_ids=["n1"]),
                                  Objective(id="o2", title="Sans besoin")],
                      phases=[Phase(id="p1", title="Atelier", objective_ids=["o1"])])
    rows = trace_rows(pathway)
    assert [(r.need, r.objective, r.phases) for r in rows] == [
        ("Diffusion", "Diffuser", ("Atelier",)),
        ("Gouvernance", None, ()),
        (None, "Sans besoin", ()),
    ]


def test_renaming_changes_the_rows():
    pathway = example_pathway()
    before = trace_rows(pathway)
    pathway.phases[1].title = "Diagnostic renommé"
    assert trace_rows(pathway) != before


def test_figures_of_the_example():
    shown = pathway_figures(example_pathway())
    assert (shown.needs_answered, shown.needs, shown.phases) == (6, 6, 13)
    assert (shown.partners_committed, shown.partners) == (8, 8)
    assert shown.balance == 0 and str(shown.total_charges) == "28228.00"
