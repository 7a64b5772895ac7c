"""Save the planning baseline: one undo step made of the model's edits.

``model.followup.baseline_edits`` says which fields change (the pathway's
``baseline_saved_on``, each phase's baseline dates, each cost line's baseline
amount); they are pushed as :class:`~parcours_designer.ui.commands.SetFields`
commands inside one undo macro.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from PySide6.QtCore import QCoreApplication

from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.followup import baseline_edits
from parcours_designer.model.formatting import format_date_long
from parcours_designer.model.planning import plan_for
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import Document
from parcours_designer.ui.plurals import by_count


def _tr(text: str) -> str:
    return QCoreApplication.translate("baseline", text)


def save_baseline(document: Document, today: date, calendar: Optional[WorkCalendar] = None) -> str:
    """Record today's schedule and costs as the baseline; the French confirmation.

    Nothing is pushed when the baseline already matches (the document stays as it was).
    """
    pathway = document.pathway
    schedule = plan_for(pathway, calendar=calendar).schedule
    edits = [edit for edit in baseline_edits(pathway, schedule, today) if _changes(document, edit)]
    if not edits:
        return _tr("La référence du planning est déjà à jour.")
    stack = document.undo_stack
    stack.beginMacro(_tr("Enregistrer la référence du planning"))
    try:
        for edit in edits:
            document.push(SetFields(document, edit.list_name, edit.item_id, edit.values))
    finally:
        stack.endMacro()
    phases = sum(1 for edit in edits if edit.list_name == "phases")
    costs = sum(1 for edit in edits if edit.list_name == "costs")
    return _tr("Référence du planning enregistrée le {0} ({1} et {2} mises à jour).").format(
        format_date_long(today),
        by_count(phases, _tr("{0} étape"), _tr("{0} étapes")).format(phases),
        by_count(costs, _tr("{0} charge"), _tr("{0} charges")).format(costs))


def _changes(document: Document, edit) -> bool:
    target = document.pathway if edit.list_name is None else document.item(edit.list_name, edit.item_id)
    return any(getattr(target, name) != value for name, value in edit.values.items())
