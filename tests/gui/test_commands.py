"""Undo commands: every edit undoes exactly, deletes restore their references."""

from __future__ import annotations

import copy

import pytest

from parcours_designer.model.entities import Need
from parcours_designer.model.fileformat import dump_pathway
from parcours_designer.ui.commands import AddItem, DeleteItem, MoveItem, SetFields, duplicate_item, set_link
from parcours_designer.ui.document import Document

pytestmark = pytest.mark.gui


@pytest.fixture
def document(qapp, example_pathway):
    return Document(example_pathway)


def test_delete_partner_removes_every_reference_and_one_undo_restores_them(document):
    before = dump_pathway(document.pathway)
    assert any("p2" in phase.partner_ids for phase in document.pathway.phases)
    document.push(DeleteItem(document, "partners", "p2"))
    assert document.item("partners", "p2") is None
    assert not any("p2" in phase.partner_ids for phase in document.pathway.phases)
    assert not any(cost.partner_id == "p2" for cost in document.pathway.costs)
    assert document.is_modified()
    document.undo_stack.undo()
    assert dump_pathway(document.pathway) == before
    assert not document.is_modified()


def test_typing_merges_into_one_undo_step(document):
    for text in ("A", "Ab", "Abc"):
        document.push(SetFields(document, "needs", "n1", {"title": text}, merge=True))
    assert document.undo_stack.count() == 1
    assert document.item("needs", "n1").title == "Abc"
    document.undo_stack.undo()
    assert document.item("needs", "n1").title == "Structurer la stratégie de diffusion"


def test_add_move_duplicate_link_undo_in_order(document):
    before = dump_pathway(document.pathway)
    document.push(AddItem(document, "needs", Need(id=document.new_id("needs"), title="Nouveau")))
    assert document.pathway.needs[-1].id == "n7"
    document.push(MoveItem(document, "needs", 6, 0))
    assert document.pathway.needs[0].id == "n7"
    document.push(duplicate_item(document, "needs", "n7"))
    assert [n.id for n in document.pathway.needs[:2]] == ["n7", "n8"]
    document.push(set_link(document, "objectives", "o1", "need_ids", "n7", True))
    assert document.item("objectives", "o1").need_ids == ["n1", "n7"]
    assert set_link(document, "objectives", "o1", "need_ids", "n7", True) is None
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert dump_pathway(document.pathway) == before


def test_changes_are_reported(document):
    seen = []
    document.changed.connect(seen.append)
    document.push(DeleteItem(document, "phases", "ph1"))
    kinds = [(c.kind, c.list_name) for c in seen]
    assert ("removed", "phases") in kinds
    assert ("fields", "phases") in kinds  # ph2 depended on ph1
    assert ("fields", "partners") not in kinds


def test_values_are_copied(document):
    ids = ["n1"]
    document.push(SetFields(document, "objectives", "o4", {"need_ids": ids}))
    ids.append("n2")
    assert document.item("objectives", "o4").need_ids == ["n1"]
    kept = copy.deepcopy(document.item("objectives", "o4").need_ids)
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert document.item("objectives", "o4").need_ids == kept


def test_undo_after_editing_the_review_gives_back_the_partner_cited_by_a_topic(document):
    """Issue 8, defect 5: DeleteItem kept the topic objects that SetFields then replaced."""
    before = dump_pathway(document.pathway)
    assert "p4" in document.pathway.review.topics_to_report[0].partner_ids
    document.push(DeleteItem(document, "partners", "p4"))
    assert "p4" not in document.pathway.review.topics_to_report[0].partner_ids
    review = document.pathway.review.model_copy(update={"strengths": ["Un point fort de plus"]})
    document.push(SetFields(document, None, None, {"review": review}))
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.pathway.review.topics_to_report[0].partner_ids == ["p4", "p6"]
    assert dump_pathway(document.pathway) == before
    assert not document.is_modified()
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert "p4" not in document.pathway.review.topics_to_report[0].partner_ids
    assert document.pathway.review.strengths == ["Un point fort de plus"]


def test_commands_hold_no_live_object_of_the_pathway(document):
    """Undo commands hold ids and values: nothing they keep is part of the pathway."""
    from parcours_designer.model.entities import Part

    def live_objects():
        found = {id(document.pathway)}
        pending = [document.pathway]
        while pending:
            node = pending.pop()
            for value in (vars(node).values() if isinstance(node, Part) else node):
                if isinstance(value, (Part, list)):
                    found.add(id(value))
                    pending.append(value)
        return found

    def held(command):
        pending, found = [vars(command)], set()
        while pending:
            node = pending.pop()
            values = node.values() if isinstance(node, dict) else node
            for value in values:
                found.add(id(value))
                if isinstance(value, (dict, list, tuple)):
                    pending.append(value)
        return found

    added = Need(id=document.new_id("needs"), title="Nouveau")
    commands = [DeleteItem(document, "partners", "p4"), AddItem(document, "needs", added),
                duplicate_item(document, "phases", "ph2"), MoveItem(document, "phases", 0, 2),
                SetFields(document, "objectives", "o1", {"need_ids": ["n2"]})]
    for command in commands:
        document.push(command)
        assert not held(command) & live_objects(), type(command).__name__
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
        for command in commands:
            assert not held(command) & live_objects(), type(command).__name__
