"""The registry of list kinds: one record per list of the pathway, ids that never collide."""

from __future__ import annotations

import typing

import pytest

from parcours_designer.model.entities import Entity
from parcours_designer.model.kinds import KINDS, kind_of_target
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import NESTED_SOURCES, REF_FIELDS


def entity_lists_of_pathway() -> dict[str, type]:
    """Every field of the pathway that holds a list of entities, with the entity's class, in file order."""
    found = {}
    for name, info in Pathway.model_fields.items():
        if typing.get_origin(info.annotation) is list:
            (item,) = typing.get_args(info.annotation)
            if isinstance(item, type) and issubclass(item, Entity):
                found[name] = item
    return found


def test_every_entity_list_of_the_pathway_has_exactly_one_record_in_file_order():
    lists = entity_lists_of_pathway()
    assert list(KINDS) == list(lists)
    for list_name, kind in KINDS.items():
        assert kind.list_name == list_name
        assert kind.entity is lists[list_name]


def test_names_target_types_and_prefixes_are_each_used_once():
    kinds = list(KINDS.values())
    for attribute in ("target_type", "id_prefix", "title", "definite", "indefinite"):
        values = [getattr(kind, attribute) for kind in kinds]
        assert len(set(values)) == len(values), attribute
    for kind in kinds:
        assert kind_of_target(kind.target_type) is kind
        assert kind.title[0].isupper() and kind.definite[0].islower() and kind.indefinite.startswith(("un ", "une "))
    assert kind_of_target("pathway") is None


def test_every_reference_names_known_lists():
    for ref in REF_FIELDS:
        assert ref.target in KINDS
        assert ref.source in KINDS or ref.source in NESTED_SOURCES or ref.source == "review"


@pytest.mark.parametrize("list_name", list(KINDS))
def test_generated_ids_are_unique_and_take_the_next_free_number(list_name):
    kind = KINDS[list_name]
    prefix = kind.id_prefix
    used = [f"{prefix}2", f"{prefix}7", "x9", f"{prefix}x3", f"{prefix}07"]
    assert kind.new_id(used) == f"{prefix}8"
    for _ in range(40):
        new = kind.new_id(used)
        assert new not in used
        used.append(new)
    assert len(set(used)) == len(used)
    assert kind.new_id([]) == f"{prefix}1"


def test_a_generated_id_is_accepted_by_its_entity_and_does_not_match_another_prefix():
    for kind in KINDS.values():
        item = kind.entity(id=kind.new_id([]))
        others = [other for other in KINDS.values() if other is not kind]
        assert all(other.new_id([item.id]) == f"{other.id_prefix}1" for other in others)
