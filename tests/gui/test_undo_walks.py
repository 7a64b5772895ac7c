"""Random walks of edits, undos and redos give back every state byte for byte (issue 8).

Each walk makes edits with every command of the editor (set fields of an
item or of the pathway, typing that merges, links, add, duplicate, delete,
move) over every list, the review and the closures, mixed with undos and
redos. After each step the document's content equals the one recorded for
the undo stack's position; at the end, undoing everything gives back the
first file byte for byte, and redoing everything the last one.
"""

from __future__ import annotations

import random
import time
import typing
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

import pytest
from pydantic import BaseModel

from parcours_designer.model.entities import Closure, Question, Review, Topic
from parcours_designer.model.fileformat import dump_pathway
from parcours_designer.model.kinds import KINDS
from parcours_designer.model.references import REF_FIELDS, remove_references
from parcours_designer.ui.commands import AddItem, DeleteItem, MoveItem, SetFields, duplicate_item, set_link
from parcours_designer.ui.document import Document
from parcours_designer.ui.validation import validate_field

pytestmark = pytest.mark.gui

WALKS = 50
EDITS = 200
KEPT_PER_LIST = 3
TEXTS = ["", "Atelier", "Diffusion « hors les murs »", "Coût : 1 234,50 €", "<b>gras</b> & =SUM(A1)", "été 🎭", "x" * 60]
NOT_EDITED = {"id", "questions"}  # ids are never changed; questions are edited as a whole list below


def compact(pathway):
    """The example with a few items per list (walks stay fast), its references kept valid."""
    for list_name in KINDS:
        for item in list(pathway.items(list_name))[KEPT_PER_LIST:]:
            remove_references(pathway, list_name, item.id)
            pathway.items(list_name).remove(item)
    return pathway


def ids_of(document, list_name):
    return [item.id for item in document.items(list_name)]


def ref_field(list_name, field):
    return next((ref for ref in REF_FIELDS if ref.source == list_name and ref.field == field), None)


# Reference fields holding objects (a link and its label), not plain ids: (class name, id key, target list).
LINK_OBJECTS = {"links": ("PartnerLink", "partner_id", "partners"),
                "audience_links": ("AudienceLink", "audience_id", "audiences")}


def candidate(chance, document, list_name, model_class, field):
    """A value for ``field`` built from its annotation (``None`` when the kind is not known here)."""
    ref = ref_field(list_name, field)
    if ref is not None and field not in LINK_OBJECTS:
        targets = ids_of(document, ref.target)
        if typing.get_origin(model_class.model_fields[field].annotation) is list:
            return chance.sample(targets, chance.randint(0, len(targets)))
        return chance.choice(targets + [None])
    if field in LINK_OBJECTS:
        from parcours_designer.model import entities

        class_name, key, target = LINK_OBJECTS[field]
        targets = ids_of(document, target)
        return [getattr(entities, class_name)(**{key: i, "label": chance.choice(TEXTS)})
                for i in chance.sample(targets, chance.randint(0, min(2, len(targets))))]
    return value_for(chance, model_class.model_fields[field].annotation)


def value_for(chance, annotation):
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return value_for(chance, args[0])
    if origin is typing.Union:
        options = [a for a in args if a is not type(None)]
        return None if chance.random() < 0.2 and len(options) < len(args) else value_for(chance, chance.choice(options))
    if origin is list:
        values = [value_for(chance, args[0]) for _ in range(chance.randint(0, 3))]
        return NotImplemented if NotImplemented in values else values
    if origin is dict:
        return {}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return chance.choice(list(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = {name: value_for(chance, info.annotation) for name, info in annotation.model_fields.items()
                  if info.is_required() or chance.random() < 0.5}
        if any(value is NotImplemented for value in fields.values()):
            return NotImplemented
        try:
            return annotation(**fields)
        except ValueError:
            return NotImplemented
    simple = {
        str: lambda: chance.choice(TEXTS),
        bool: lambda: chance.random() < 0.5,
        int: lambda: chance.randint(1, 40),
        float: lambda: chance.choice([0.5, 12.25, 3.0]),
        Decimal: lambda: Decimal(chance.randint(0, 500_000)) / 100,
        date: lambda: date(2027, 1, 1) + timedelta(days=chance.randint(0, 700)),
    }
    return simple[annotation]() if annotation in simple else NotImplemented


class Walk:
    """One random walk over a document, with the state expected at each undo position."""

    def __init__(self, document: Document, chance: random.Random):
        self.document = document
        self.chance = chance
        self.states = [self.snapshot()]
        self.first_file = dump_pathway(document.pathway)
        self.kinds: dict[str, int] = {}
        self.lists: set[str] = set()

    def edits(self) -> int:
        return sum(count for kind, count in self.kinds.items() if kind not in ("undo", "redo"))

    def snapshot(self) -> str:
        """The saved content, in pydantic's fast JSON (the file's own bytes are compared at the ends)."""
        return self.document.pathway.model_dump_json(exclude_defaults=True)

    def step(self) -> None:
        stack = self.document.undo_stack
        roll = self.chance.random()
        if roll < 0.18 and stack.canUndo():
            stack.undo()
            self.kinds["undo"] = self.kinds.get("undo", 0) + 1
        elif roll < 0.32 and stack.canRedo():
            stack.redo()
            self.kinds["redo"] = self.kinds.get("redo", 0) + 1
        else:
            self.edit()
            return
        assert self.snapshot() == self.states[stack.index()]

    def edit(self) -> None:
        command = None
        while command is None:
            command = self.command()
        stack = self.document.undo_stack
        stack.push(command)
        kind = self.label if self.label else type(command).__name__
        kind += " (fusion)" if getattr(command, "merge", False) else ""
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        # A merged edit changes the state of its position; an obsolete one goes back one position.
        self.states = self.states[: stack.index()] + [self.snapshot()]

    def command(self):
        self.label = ""
        list_name = self.chance.choice([*KINDS, "pathway"])
        if list_name == "pathway":
            return self.pathway_edit()
        items = self.document.items(list_name)
        self.lists.add(list_name)
        roll = self.chance.random()
        if not items or roll < 0.12:
            cls = KINDS[list_name].entity
            return AddItem(self.document, list_name, cls(id=self.document.new_id(list_name)),
                           self.chance.randint(0, len(items)))
        item = self.chance.choice(items)
        if roll < 0.2:
            return DeleteItem(self.document, list_name, item.id)
        if roll < 0.26:
            self.label = "duplicate_item"
            return duplicate_item(self.document, list_name, item.id)
        if roll < 0.34 and len(items) > 1:
            return MoveItem(self.document, list_name, items.index(item), self.chance.randrange(len(items)))
        if roll < 0.44:
            self.label = "set_link"
            return self.link(list_name, item)
        return self.set_fields(list_name, item)

    def link(self, list_name, item):
        refs = [ref for ref in REF_FIELDS if ref.source == list_name and ref.field not in LINK_OBJECTS
                and isinstance(getattr(item, ref.field), list) and ids_of(self.document, ref.target)]
        if not refs:
            return None
        ref = self.chance.choice(refs)
        target_id = self.chance.choice(ids_of(self.document, ref.target))
        return set_link(self.document, list_name, item.id, ref.field, target_id, self.chance.random() < 0.6)

    def set_fields(self, list_name, item):
        model_class = type(item)
        names = [n for n in model_class.model_fields if n not in NOT_EDITED]
        values = {}
        for name in self.chance.sample(names, self.chance.randint(1, 2)):
            value = candidate(self.chance, self.document, list_name, model_class, name)
            if value is NotImplemented:
                continue
            try:
                values[name] = validate_field(model_class, name, value)
            except ValueError:
                continue
        if list_name == "questionnaires" and self.chance.random() < 0.3:
            fed = ids_of(self.document, "indicators") + [None]  # a question may feed an indicator
            values["questions"] = [Question(id=f"q{n}", text=self.chance.choice(TEXTS), indicator_id=self.chance.choice(fed))
                                   for n in range(2)]
        if not values:
            return None
        merge = self.chance.random() < 0.3
        return SetFields(self.document, list_name, item.id, values, merge=merge)

    def pathway_edit(self):
        roll = self.chance.random()
        self.lists.add("review" if roll < 0.5 else "pathway")
        if roll < 0.5:
            review = Review(strengths=self.chance.sample(TEXTS, 2),
                            topics_to_report=[Topic(text=self.chance.choice(TEXTS),
                                                    partner_ids=self.chance.sample(ids_of(self.document, "partners"),
                                                                                   min(2, len(self.document.pathway.partners))))
                                              for _ in range(self.chance.randint(0, 3))])
            return SetFields(self.document, None, None, {"review": review})
        if roll < 0.65:
            start = date(2027, 7, 1) + timedelta(days=self.chance.randint(0, 60))
            closures = [Closure(start=start, end=start + timedelta(days=self.chance.randint(0, 20)), label="Été")]
            return SetFields(self.document, None, None, {"closures": closures[: self.chance.randint(0, 1)]})
        title = self.chance.choice([t for t in TEXTS if t]) + self.chance.choice(["", "s", " 2"])
        return SetFields(self.document, None, None, {"title": title, "summary": self.chance.choice(TEXTS)},
                         merge=self.chance.random() < 0.5)

    def finish(self) -> None:
        stack = self.document.undo_stack
        last = self.snapshot()
        assert last == self.states[stack.index()]
        last_file = dump_pathway(self.document.pathway)
        while stack.canUndo():
            stack.undo()
        assert dump_pathway(self.document.pathway) == self.first_file
        assert not self.document.is_modified()
        while stack.canRedo():
            stack.redo()
        assert dump_pathway(self.document.pathway) == last_file


def test_random_edit_undo_redo_walks_restore_every_state(qapp, example_pathway):
    started = time.perf_counter()
    base = compact(example_pathway)
    kinds: dict[str, int] = {}
    lists: set[str] = set()
    edits = 0
    for number in range(WALKS):
        document = Document(base.model_copy(deep=True))
        walk = Walk(document, random.Random(number))
        while walk.edits() < EDITS:
            walk.step()
        walk.finish()
        edits += walk.edits()
        for kind, count in walk.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + count
        lists |= walk.lists
        document.deleteLater()
    assert lists == {*KINDS, "review", "pathway"}
    assert {"SetFields", "SetFields (fusion)", "AddItem", "DeleteItem", "MoveItem", "duplicate_item",
            "set_link"} <= set(kinds)
    print(f"{WALKS} marches, {edits} modifications, {time.perf_counter() - started:.1f} s : {kinds}")
