"""Every item model passes pytest-qt's qtmodeltester, also while the document changes."""

from __future__ import annotations

import pytest

from parcours_designer.model.check import run_check
from parcours_designer.model.entities import Phase
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.kinds import KINDS
from parcours_designer.paths import framework_folders
from parcours_designer.ui import specs
from parcours_designer.ui.choices import ChoicesModel
from parcours_designer.ui.commands import AddItem, DeleteItem, MoveItem, SetFields
from parcours_designer.ui.check_dock import FindingsModel
from parcours_designer.ui.document import Document
from parcours_designer.ui.table_model import EntityTableModel
from parcours_designer.ui.traceability import TraceabilityModel

pytestmark = pytest.mark.gui


@pytest.fixture
def document(qapp, example_pathway):
    return Document(example_pathway)


def edit_phases(document: Document) -> None:
    """Insert, edit, move and delete phases, then undo everything."""
    document.push(AddItem(document, "phases", Phase(id="ph99", title="Nouvelle"), 2))
    document.push(SetFields(document, "phases", "ph99", {"title": "Renommée"}))
    document.push(MoveItem(document, "phases", 2, 7))
    document.push(MoveItem(document, "phases", 7, 0))
    document.push(DeleteItem(document, "phases", "ph1"))
    while document.undo_stack.canUndo():
        document.undo_stack.undo()


@pytest.mark.parametrize("list_name", list(KINDS))
def test_entity_table_models(qtmodeltester, document, list_name):
    model = EntityTableModel(document, list_name, specs.columns(list_name))
    qtmodeltester.check(model)
    edit_phases(document)
    assert model.rowCount() == len(document.items(list_name))


@pytest.mark.parametrize("checkable, with_none", [(True, False), (False, True)])
def test_choices_models(qtmodeltester, document, checkable, with_none):
    model = ChoicesModel(document, "phases", checkable=checkable, with_none=with_none)
    model.set_checked(["ph2"], excluded="ph3")
    qtmodeltester.check(model)
    edit_phases(document)
    assert model.rowCount() == len(document.pathway.phases) + int(with_none)


def test_traceability_model(qtmodeltester, document):
    model = TraceabilityModel(document)
    qtmodeltester.check(model)
    document.push(DeleteItem(document, "objectives", "o4"))
    model.refresh()
    gaps = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert "— aucun objectif —" in gaps  # n6 was only answered by o4


def test_findings_model(qtmodeltester, document):
    model = FindingsModel()
    framework = load_catalog(framework_folders()).default()
    qtmodeltester.check(model)
    assert model.set_result(run_check(document.pathway, framework))
    document.push(DeleteItem(document, "needs", "n1"))
    assert model.set_result(run_check(document.pathway, framework))
    assert not model.set_result(run_check(document.pathway, framework))
