"""The model's :class:`~parcours_designer.model.map_edits.FieldEdit` lists done as one undo step."""

from __future__ import annotations

from parcours_designer.model.map_edits import FieldEdit
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import Document


def push_field_edits(document: Document, text: str, edits: list[FieldEdit]) -> None:
    """Each edit a :class:`SetFields`, all of them one step named ``text`` (nothing when empty)."""
    if not edits:
        return
    if len(edits) == 1:
        edit = edits[0]
        document.push(SetFields(document, edit.list_name, edit.item_id, {edit.field: edit.value}, text=text))
        return
    stack = document.undo_stack
    stack.beginMacro(text)
    for edit in edits:
        document.push(SetFields(document, edit.list_name, edit.item_id, {edit.field: edit.value}))
    stack.endMacro()
