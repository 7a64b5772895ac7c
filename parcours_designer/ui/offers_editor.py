"""The criteria and the offers of the selected consultation, edited in two small tables.

Every edit replaces the consultation's ``criteria`` or ``offers`` through one
:class:`~parcours_designer.ui.commands.SetFields`; « Retenir cette offre » is
:func:`~parcours_designer.ui.commands.choose_offer` (one undo step). The
weighted score and the rank come from ``model.consultations``.
"""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from parcours_designer.model.consultations import Criterion, Offer, criterion_codes, ranked_offers
from parcours_designer.model.formatting import format_date, format_money, format_score
from parcours_designer.model.offer_choice import unbudgeted_offer
from parcours_designer.model.references import display_name
from parcours_designer.ui.commands import SetFields, choose_offer
from parcours_designer.ui.document import FIELDS, Change, Document
from parcours_designer.ui.editors import parse_number_text
from parcours_designer.ui.nested import RowsEditor
from parcours_designer.ui.plurals import by_count
from parcours_designer.ui.tooltips import plain_tooltip
from parcours_designer.ui.validation import validate_field

CHOSEN_BACKGROUND = QColor("#fff2cc")
READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
PROVIDER, RECEIVED, AMOUNT, FIRST_SCORE = 0, 1, 2, 3


def error_label(parent) -> QLabel:
    """A hidden red line saying, in French, why an entry was refused."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def _consultation(document: Document, consultation_id: Optional[str]):
    return document.item("consultations", consultation_id) if consultation_id else None


class CriteriaEditor(RowsEditor):
    """The selection criteria of the selected consultation, each with its weight."""

    def __init__(self, document: Document, parent=None):
        super().__init__(self.tr("Critères de sélection"), [self.tr("Critère"), self.tr("Poids")],
                         document, parent)
        self.table.horizontalHeaderItem(1).setToolTip(self.tr("Pondération du critère dans la note"))
        self.consultation_id: Optional[str] = None
        self.error = error_label(self)  # placed by the page, across the width (a refused weight)
        # Names wrapped rather than scrolled sideways; rows numbered C1, C2… as the offers' columns.
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setEnabled(False)

    def set_item(self, item_id: Optional[str]) -> None:
        self.consultation_id = item_id
        self.setEnabled(item_id is not None)
        self.error.hide()
        self.reload()

    def concerns(self, change: Change) -> bool:
        return change.list_name == "consultations" and change.item_id == self.consultation_id

    def reload(self) -> None:
        consultation = _consultation(self.document, self.consultation_id)
        criteria = consultation.criteria if consultation else []
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(criteria))
            for row, criterion in enumerate(criteria):
                self.set_text(row, 0, criterion.label, criterion.id)
                self.table.item(row, 0).setToolTip(plain_tooltip(criterion.label))
                self.set_text(row, 1, str(criterion.weight))
            self.table.setVerticalHeaderLabels(criterion_codes(len(criteria)))

    def add_row(self) -> None:
        consultation = _consultation(self.document, self.consultation_id)
        if consultation is None:
            return
        new_id = _free_id("k", {c.id for c in consultation.criteria})
        self._push([*consultation.criteria, Criterion(id=new_id, label=self.tr("Nouveau critère"))])
        self.table.setCurrentCell(len(consultation.criteria) - 1, 0)
        self.table.editItem(self.table.item(len(consultation.criteria) - 1, 0))

    def commit(self) -> None:
        consultation = _consultation(self.document, self.consultation_id)
        if consultation is None:
            return
        kept = {c.id: c for c in consultation.criteria}
        self.error.hide()
        criteria = [kept[self.key_at(row)].model_copy(update={"label": self.text_at(row, 0),
                                                              "weight": self._weight(row, kept[self.key_at(row)])})
                    for row in range(self.table.rowCount()) if self.key_at(row) in kept]
        self._push(criteria)

    def _weight(self, row: int, criterion: Criterion) -> int:
        """The weight typed, or the criterion's own with a French message saying why (the reload shows it)."""
        text = self.text_at(row, 1)
        try:
            if not (text.isascii() and text.isdigit()):
                raise ValueError(self.tr("une pondération est un nombre entier, 1 au moins (reçu : « {0} »)")
                                 .format(text))
            return validate_field(Criterion, "weight", int(text))
        except ValueError as error:
            self.error.setText(self.tr("Pondération de « {0} » : {1}").format(display_name(criterion), str(error)))
            self.error.show()
            return criterion.weight

    def _push(self, criteria: list[Criterion]) -> None:
        consultation = _consultation(self.document, self.consultation_id)
        if criteria == consultation.criteria:
            self.reload()
            return
        known = {c.id for c in criteria}
        offers = [o.model_copy(update={"scores": {k: v for k, v in o.scores.items() if k in known}})
                  for o in consultation.offers]
        values: dict[str, Any] = {"criteria": criteria}
        if offers != consultation.offers:
            values["offers"] = offers  # a criterion removed takes its scores with it
        self.document.push(SetFields(self.document, "consultations", self.consultation_id, values,
                                     text=self.tr("Modifier les critères de sélection")))


def _free_id(prefix: str, used: set[str]) -> str:
    number = len(used) + 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


class OffersEditor(QGroupBox):
    """The offers received: provider, date, amount, a 0–5 score per criterion, notes; score and rank shown."""

    def __init__(self, document: Document, parent=None):
        super().__init__(self.tr("Offres reçues"), parent)
        self.document = document
        self.consultation_id: Optional[str] = None
        self.table = QTableWidget(0, 0, self)
        self.table.setAccessibleName(self.tr("Offres reçues"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_args: self._update_buttons())
        self.error = error_label(self)
        self.add_button = QPushButton(self.tr("Ajouter une offre"), self)
        self.remove_button = QPushButton(self.tr("Supprimer"), self)
        self.choose_button = QPushButton(self.tr("Retenir cette offre"), self)
        self.choose_button.setToolTip(self.choose_tip(False))
        self.add_button.clicked.connect(self.add_offer)
        self.remove_button.clicked.connect(self.remove_offer)
        self.choose_button.clicked.connect(self.choose)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.choose_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        document.changed.connect(self._on_changed)
        self.setEnabled(False)

    # --- showing -------------------------------------------------------------
    def set_item(self, item_id: Optional[str]) -> None:
        self.consultation_id = item_id
        self.setEnabled(item_id is not None)
        self.error.hide()
        self.reload()

    def consultation(self):
        return _consultation(self.document, self.consultation_id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_buttons()  # budget lines edited while the page was hidden

    def _on_changed(self, change: Change) -> None:
        if change.list_name == "costs" and self.isVisible():  # not on the keystroke path of the Budget page
            self._update_buttons()  # the chosen offer's lines may no longer make its amount
        if change.kind != FIELDS:
            return
        if (change.list_name == "consultations" and change.item_id == self.consultation_id) or \
                change.list_name == "partners":
            self.reload()

    def headers(self) -> list[str]:
        consultation = self.consultation()
        criteria = consultation.criteria if consultation else []
        return [self.tr("Prestataire"), self.tr("Reçue le"), self.tr("Montant"),
                *criterion_codes(len(criteria)),
                self.tr("Note /5"), self.tr("Rang"), self.tr("Retenue"), self.tr("Appréciation")]

    def reload(self) -> None:
        consultation = self.consultation()
        offers = consultation.offers if consultation else []
        ranking = {r.offer.id: r for r in ranked_offers(consultation)} if consultation else {}
        current = self.table.currentRow()
        with QSignalBlocker(self.table):
            self.table.clear()
            headers = self.headers()
            self.table.setColumnCount(len(headers))
            self.table.setHorizontalHeaderLabels(headers)
            self._criteria_tips(consultation)
            self.table.setRowCount(len(offers))
            for row, offer in enumerate(offers):
                self._show_offer(row, offer, ranking[offer.id])
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(PROVIDER, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(PROVIDER, 190)
            header.setStretchLastSection(True)
            if 0 <= current < len(offers):
                self.table.setCurrentCell(current, RECEIVED)  # not the provider box: focus stays on the table
        self._update_buttons()

    def _criteria_tips(self, consultation) -> None:
        for number, criterion in enumerate(consultation.criteria if consultation else []):
            item = self.table.horizontalHeaderItem(FIRST_SCORE + number)
            item.setToolTip(plain_tooltip(self.tr("{0} (pondération {1})").format(display_name(criterion),
                                                                                  criterion.weight)))

    def _show_offer(self, row: int, offer: Offer, ranked) -> None:
        consultation = self.consultation()
        self.table.setCellWidget(row, PROVIDER, self._provider_box(row, offer.partner_id))
        self._set(row, RECEIVED, format_date(offer.received_on), offer.id)
        self._set(row, AMOUNT, format_money(offer.amount) if offer.amount is not None else "", right=True)
        for number, criterion in enumerate(consultation.criteria):
            score = offer.scores.get(criterion.id)
            self._set(row, FIRST_SCORE + number, "" if score is None else str(score), right=True)
        after = FIRST_SCORE + len(consultation.criteria)
        self._set(row, after, format_score(ranked.score), right=True, editable=False)
        self._set(row, after + 1, str(ranked.rank), right=True, editable=False)
        self._set(row, after + 2, self.tr("Retenue") if ranked.selected else "", editable=False)
        self._set(row, after + 3, offer.notes)
        if ranked.selected:
            for column in range(1, after + 4):
                self.table.item(row, column).setBackground(QBrush(CHOSEN_BACKGROUND))
                font = QFont(self.table.font())
                font.setBold(True)
                self.table.item(row, column).setFont(font)

    def _set(self, row: int, column: int, text: str, key=None, *, right: bool = False,
             editable: bool = True) -> None:
        item = QTableWidgetItem(text)
        if key is not None:
            item.setData(Qt.ItemDataRole.UserRole, key)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not editable:
            item.setFlags(READ_ONLY)
        self.table.setItem(row, column, item)

    def _provider_box(self, row: int, partner_id: Optional[str]) -> QComboBox:
        box = QComboBox(self.table)
        box.addItem(self.tr("— aucun —"), None)
        for partner in self.document.items("partners"):
            box.addItem(display_name(partner), partner.id)
        box.setCurrentIndex(max(0, box.findData(partner_id)))
        box.setAccessibleName(self.tr("Prestataire de l'offre"))
        # Not a Tab stop: Tab leaves the table in one step, as in every table of the editor.
        box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box.activated.connect(lambda _index, r=row, b=box: self._edit(r, {"partner_id": b.currentData()}))
        return box

    def _update_buttons(self) -> None:
        consultation = self.consultation()
        offer = self.current_offer()
        self.remove_button.setEnabled(offer is not None)
        chosen = offer is not None and consultation.selected_offer_id == offer.id
        rebudget = chosen and unbudgeted_offer(self.document.pathway, consultation) is not None
        self.choose_button.setEnabled(offer is not None and (not chosen or rebudget))
        self.choose_button.setToolTip(self.choose_tip(rebudget))

    def choose_tip(self, rebudget: bool) -> str:
        if rebudget:
            return self.tr("Le montant de l'offre retenue n'est plus celui de ses lignes au budget : "
                           "la retenir de nouveau les met à jour (une seule annulation défait le tout)")
        return self.tr("Retient l'offre, engage le prestataire et ajoute ses honoraires "
                       "au budget (une seule annulation défait le tout)")

    def current_offer(self) -> Optional[Offer]:
        consultation = self.consultation()
        row = self.table.currentRow()
        if consultation is None or not 0 <= row < len(consultation.offers):
            return None
        return consultation.offers[row]

    # --- editing -------------------------------------------------------------
    def _item_changed(self, item: QTableWidgetItem) -> None:
        consultation = self.consultation()
        column, criteria = item.column(), consultation.criteria
        text = item.text().strip()
        try:
            if column == RECEIVED:
                change = {"received_on": _date(text)}
            elif column == AMOUNT:
                change = {"amount": validate_field(Offer, "amount", parse_number_text(text) or None)}
            elif column < FIRST_SCORE + len(criteria):
                change = {"scores": self._scores(item.row(), criteria[column - FIRST_SCORE].id, text)}
            else:
                change = {"notes": item.text()}
        except ValueError as error:
            self._show_error(self.table.horizontalHeaderItem(column).text(), str(error))
            return
        self._edit(item.row(), change)

    def _scores(self, row: int, criterion_id: str, text: str) -> dict[str, int]:
        scores = dict(self.consultation().offers[row].scores)
        if not text:
            scores.pop(criterion_id, None)
            return scores
        if not (text.isascii() and text.isdigit()):
            raise ValueError(self.tr("une note est un nombre entier de 0 à 5"))
        scores[criterion_id] = int(text)
        return validate_field(Offer, "scores", scores)

    def _show_error(self, where: str, message: str) -> None:
        self.reload()
        self.error.setText(self.tr("{0} : {1}").format(where, message))
        self.error.show()

    def _edit(self, row: int, change: dict) -> None:
        consultation = self.consultation()
        self.error.hide()
        offers = [o.model_copy(deep=True) for o in consultation.offers]
        offers[row] = offers[row].model_copy(update=change)
        self._push({"offers": offers}, self.tr("Modifier une offre"))

    def _push(self, values: dict, text: str) -> None:
        consultation = self.consultation()
        if all(getattr(consultation, name) == value for name, value in values.items()):
            self.reload()
            return
        self.document.push(SetFields(self.document, "consultations", self.consultation_id, values, text=text))

    def add_offer(self) -> None:
        consultation = self.consultation()
        used = {o.id for c in self.document.items("consultations") for o in c.offers}
        offers = [*consultation.offers, Offer(id=_free_id("of", used))]
        self._push({"offers": offers}, self.tr("Ajouter une offre"))
        self.table.setCurrentCell(len(offers) - 1, RECEIVED)

    def remove_offer(self) -> None:
        consultation, offer = self.consultation(), self.current_offer()
        if offer is None:
            return
        values: dict[str, Any] = {"offers": [o for o in consultation.offers if o.id != offer.id]}
        if consultation.selected_offer_id == offer.id:
            values["selected_offer_id"] = None
        self._push(values, self.tr("Supprimer une offre"))

    def choose(self) -> None:
        offer = self.current_offer()
        if offer is None:
            return
        edits = choose_offer(self.document, self.consultation_id, offer.id)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.choice_message(edits.budgeted, len(edits.removed)), 6000)

    def choice_message(self, budgeted: int, removed: int) -> str:
        message = by_count(budgeted, self.tr("Offre retenue ; {0} ligne d'honoraires au budget."),
                           self.tr("Offre retenue ; {0} lignes d'honoraires au budget.")).format(budgeted)
        if removed:
            message += " " + by_count(removed, self.tr("{0} ligne de l'ancien prestataire retirée."),
                                      self.tr("{0} lignes de l'ancien prestataire retirées.")).format(removed)
        return message


def _date(text: str):
    if not text:
        return None
    parsed = QDate.fromString(text, "dd/MM/yyyy")
    if not parsed.isValid():
        raise ValueError(QCoreApplication.translate("OffersEditor", "date attendue au format jj/mm/aaaa"))
    return parsed.toPython()
