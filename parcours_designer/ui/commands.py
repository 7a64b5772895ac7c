"""Every edit of a pathway is one of these undoable commands.

Commands change the pathway, then tell the document what changed
(:class:`~parcours_designer.ui.document.Change`). Deleting an item first
removes every reference to it (``model.references.remove_references``); one
undo puts the item back at its position and restores every reference.
"""

from __future__ import annotations

import copy
from typing import Any, Optional, Union

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from parcours_designer.model.copies import twin_of
from parcours_designer.model.kinds import KINDS
from parcours_designer.model.references import referrers
from parcours_designer.ui.document import FIELDS, INSERTED, MOVED, REMOVED, Change, Document

SET_FIELDS_ID = 1001
# How a command finds an object again: an id, a position (review topics), (questionnaire id, question id).
Key = Union[str, int, tuple[str, str]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


def _noun(list_name: Optional[str]) -> str:
    return KINDS[list_name].definite if list_name else _tr("le parcours")


class SetFields(QUndoCommand):
    """Set some fields of an item (``list_name=None``: of the pathway itself).

    ``values`` maps field names to new values (copied). With ``merge=True``
    successive edits of the same fields of the same item fold into one undo
    step, as when typing.
    """

    def __init__(self, document: Document, list_name: Optional[str], item_id: Optional[str],
                 values: dict[str, Any], *, merge: bool = False, text: str = ""):
        super().__init__(text or _tr("Modifier {0}").format(_noun(list_name)))
        self.document = document
        self.list_name = list_name
        self.item_id = item_id
        self.merge = merge
        target = self._target()
        self.new = {name: copy.deepcopy(value) for name, value in values.items()}
        self.old = {name: copy.deepcopy(getattr(target, name)) for name in values}

    def _target(self):
        if self.list_name is None:
            return self.document.pathway
        item = self.document.item(self.list_name, self.item_id)
        if item is None:
            raise KeyError(f"{self.list_name}/{self.item_id}")
        return item

    def _apply(self, values: dict[str, Any]) -> None:
        target = self._target()
        for name, value in values.items():
            setattr(target, name, copy.deepcopy(value))
        row = self.document.row_of(self.list_name, self.item_id) if self.list_name else -1
        self.document.notify(Change(FIELDS, self.list_name, self.item_id, row, fields=tuple(values)))

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return SET_FIELDS_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetFields) and self.merge and other.merge):
            return False
        if (other.list_name, other.item_id, set(other.new)) != (self.list_name, self.item_id, set(self.new)):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True


def set_link(document: Document, list_name: str, item_id: str, field: str,
             target_id: str, present: bool) -> Optional[SetFields]:
    """The command adding or removing ``target_id`` in the id list ``field``.

    ``None`` when nothing would change.
    """
    item = document.item(list_name, item_id)
    ids = list(getattr(item, field))
    if present == (target_id in ids):
        return None
    ids = ids + [target_id] if present else [i for i in ids if i != target_id]
    return SetFields(document, list_name, item_id, {field: ids},
                     text=_tr("Modifier les liens de {0}").format(_noun(list_name)))


class AddItem(QUndoCommand):
    """Insert ``item`` in ``list_name`` at ``row`` (the end by default).

    The command keeps a copy of ``item`` and inserts a fresh copy of it at
    each redo: it never holds an object of the pathway.
    """

    def __init__(self, document: Document, list_name: str, item, row: Optional[int] = None,
                 text: str = ""):
        super().__init__(text or _tr("Ajouter {0}").format(KINDS[list_name].indefinite))
        self.document = document
        self.list_name = list_name
        self.item = item.model_copy(deep=True)
        self.row = len(document.items(list_name)) if row is None else row

    def redo(self) -> None:
        with self.document.changing(Change(INSERTED, self.list_name, self.item.id, self.row)):
            self.document.items(self.list_name).insert(self.row, self.item.model_copy(deep=True))

    def undo(self) -> None:
        with self.document.changing(Change(REMOVED, self.list_name, self.item.id, self.row)):
            del self.document.items(self.list_name)[self.row]


def duplicate_item(document: Document, list_name: str, item_id: str) -> AddItem:
    """A copy of the item with a fresh id, just after it (a phase's deliverables expected again)."""
    row = document.row_of(list_name, item_id)
    twin = twin_of(document.items(list_name)[row], document.new_id(list_name))
    return AddItem(document, list_name, twin, row + 1,
                   text=_tr("Dupliquer {0}").format(KINDS[list_name].definite))


class DeleteItem(QUndoCommand):
    """Delete an item and every reference to it; undo restores all of it.

    What it keeps are values: a copy of the item, and for each reference
    removed the list, the id (for a review topic, its position; for a
    question, its questionnaire's id and its own), the field and the
    field's former value. Objects are looked up again at each undo,
    so commands done in between (replacing the whole review…) do not matter.
    """

    def __init__(self, document: Document, list_name: str, item_id: str):
        super().__init__(_tr("Supprimer {0}").format(KINDS[list_name].definite))
        self.document = document
        self.list_name = list_name
        self.item_id = item_id
        self.row = document.row_of(list_name, item_id)
        self.item = document.items(list_name)[self.row].model_copy(deep=True)
        self.saved_refs: list[tuple[str, Key, str, Any]] = []

    def redo(self) -> None:
        self.item = self.document.items(self.list_name)[self.row].model_copy(deep=True)
        self.saved_refs = []
        for found in referrers(self.document.pathway, self.list_name, self.item_id):
            attribute = found.field.field
            self.saved_refs.append((found.source, self._key_of(found.source, found.item), attribute,
                                    copy.deepcopy(getattr(found.item, attribute))))
            found.field.drop(found.item, self.item_id)
        self._notify_referrers()
        with self.document.changing(Change(REMOVED, self.list_name, self.item_id, self.row)):
            del self.document.items(self.list_name)[self.row]

    def undo(self) -> None:
        with self.document.changing(Change(INSERTED, self.list_name, self.item_id, self.row)):
            self.document.items(self.list_name).insert(self.row, self.item.model_copy(deep=True))
        for source, key, attribute, value in self.saved_refs:
            setattr(self._holder(source, key), attribute, copy.deepcopy(value))
        self._notify_referrers()

    def _key_of(self, source: str, holder) -> Key:
        """How to find ``holder`` again: its id, a review topic's position, a question's
        questionnaire and id, an offer's consultation and id."""
        if source == "review":
            return next(position for position, topic in enumerate(self.document.pathway.review.topics_to_report)
                        if topic is holder)
        if source == "questions":
            owner = next(q for q in self.document.pathway.questionnaires
                         if any(question is holder for question in q.questions))
            return (owner.id, holder.id)
        if source == "offers":
            owner = next(c for c in self.document.pathway.consultations if any(o is holder for o in c.offers))
            return (owner.id, holder.id)
        return holder.id

    def _holder(self, source: str, key: Key):
        if source == "review":
            return self.document.pathway.review.topics_to_report[key]
        if source == "questions":
            owner = self.document.item("questionnaires", key[0])
            return next(question for question in owner.questions if question.id == key[1])
        if source == "offers":
            return self.document.item("consultations", key[0]).offer(key[1])
        return self.document.item(source, key)

    def _notify_referrers(self) -> None:
        for source, key, attribute, _value in self.saved_refs:
            if source == "review":
                self.document.notify(Change(FIELDS, None, None, fields=("review",)))
                continue
            if source == "questions":  # a question feeding a deleted indicator
                owner_id = key[0]
                row = self.document.row_of("questionnaires", owner_id)
                self.document.notify(Change(FIELDS, "questionnaires", owner_id, row, fields=("questions",)))
                continue
            if source == "offers":  # an offer lives inside its consultation
                self.document.notify(Change(FIELDS, "consultations", key[0],
                                            self.document.row_of("consultations", key[0]), fields=("offers",)))
                continue
            row = self.document.row_of(source, key)
            self.document.notify(Change(FIELDS, source, key, row, fields=(attribute,)))


class MoveItem(QUndoCommand):
    """Move the item at ``row`` to ``new_row`` in its list."""

    def __init__(self, document: Document, list_name: str, row: int, new_row: int):
        super().__init__(_tr("Déplacer {0}").format(KINDS[list_name].definite))
        self.document = document
        self.list_name = list_name
        self.row = row
        self.new_row = new_row

    def _move(self, source: int, destination: int) -> None:
        items = self.document.items(self.list_name)
        with self.document.changing(Change(MOVED, self.list_name, items[source].id, source, destination)):
            items.insert(destination, items.pop(source))

    def redo(self) -> None:
        self._move(self.row, self.new_row)

    def undo(self) -> None:
        self._move(self.new_row, self.row)


def choose_offer(document: Document, consultation_id: str, offer_id: str):
    """« Retenir cette offre », one undo step: the choice, the providers' statuses, the fee lines.

    The edits are the model's (``model.offer_choice``): the offer budgeted in
    full on the phases bought, the former provider's lines removed (or, partly
    spent, kept at what was spent), the chosen provider intervening in the
    phases bought. Returns them.
    """
    from parcours_designer.model.offer_choice import offer_choice
    from parcours_designer.model.references import display_name

    consultation = document.item("consultations", consultation_id)
    edits = offer_choice(document.pathway, consultation_id, offer_id)
    provider = document.item("partners", consultation.offer(offer_id).partner_id or "")
    name = display_name(provider) if provider is not None else _tr("prestataire non précisé")
    stack = document.undo_stack
    stack.beginMacro(_tr("Retenir l'offre de {0}").format(name))
    document.push(SetFields(document, "consultations", consultation_id, {"selected_offer_id": offer_id}))
    for partner_id, status in edits.statuses.items():
        document.push(SetFields(document, "partners", partner_id, {"status": status}))
    for cost_id in edits.removed:
        document.push(DeleteItem(document, "costs", cost_id))
    for cost_id, values in edits.updated.items():
        document.push(SetFields(document, "costs", cost_id, values))
    for cost in edits.added:
        document.push(AddItem(document, "costs", cost))
    for phase_id, partner_ids in edits.phases.items():
        document.push(SetFields(document, "phases", phase_id, {"partner_ids": partner_ids}))
    stack.endMacro()
    return edits
