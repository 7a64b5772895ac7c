"""Review of issue 11 (the pathway as the field describes it): defects found, each
a failing test until fixed."""

from __future__ import annotations

import itertools
import json

import pytest

from parcours_designer import paths
from parcours_designer.model import PathwayFileError, load_pathway
from parcours_designer.model.entities import Indicator
from parcours_designer.model.enums import IndicatorDirection, IndicatorKind, PhaseKind
from parcours_designer.model.indicators import IndicatorStatus, indicator_status
from parcours_designer.model.map_edits import MapEditError, link_edit
from tests.model.factories import example_pathway, minimal_document


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_targets_written_the_french_way_with_thousands_are_compared(space):
    """An officer writes « 1 500 spectateurs » (the way the plan prints it); 1 650 reaches it."""
    audience = Indicator(id="i1", label="Spectateurs", kind=IndicatorKind.QUANTITATIVE,
                         target=f"1{space}500 spectateurs", result=f"1{space}650 spectateurs",
                         direction=IndicatorDirection.AT_LEAST)
    assert indicator_status(audience) == IndicatorStatus.REACHED


def test_two_partners_already_linked_cannot_be_linked_again_the_other_way_round():
    """p2 already holds « partenaire habituel » with p8: drawing p8 → p2 (on the map, or
    ticking p2 in p8's form, which does not show the link p2 holds) doubles the edge."""
    pathway = example_pathway()
    assert [link.partner_id for link in pathway.index("partners")["p2"].links] == ["p8"]
    with pytest.raises(MapEditError):
        link_edit(pathway, "partners:p8", "partners:p2", "travaille avec")


def test_a_map_position_out_of_any_sensible_range_is_refused_by_name(tmp_path):
    document = minimal_document(partners=[{"id": "p1", "name": "Théâtre", "map_position": {"x": 1e300, "y": 0}}])
    path = tmp_path / "carte.parcours"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(PathwayFileError, match="map_position"):
        load_pathway(path)


def test_the_individual_template_types_its_engineering_step_as_engineering():
    template = load_pathway(paths.resources_dir() / "templates" / "dla-individuel.parcours")
    engineering = [phase for phase in template.phases if phase.title.startswith("Ingénierie")]
    assert engineering and all(phase.kind == PhaseKind.ENGINEERING for phase in engineering)


def _lab(colour: str) -> tuple[float, float, float]:
    def linear(channel: float) -> float:
        return ((channel + 0.055) / 1.055) ** 2.4 if channel > 0.04045 else channel / 12.92

    r, g, b = (linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047
    y = r * 0.2126 + g * 0.7152 + b * 0.0722
    z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_every_kind_is_told_apart_on_the_gantt():
    """Two kinds in the same Gantt (an individual support, then its restitution) must not
    look alike: CIE76 ΔE of at least 10 between any two kinds' colours."""
    from parcours_designer.palette import KIND_COLOURS

    close = [
        (first.value, second.value)
        for first, second in itertools.combinations(KIND_COLOURS, 2)
        if sum((a - b) ** 2 for a, b in zip(_lab(KIND_COLOURS[first]), _lab(KIND_COLOURS[second]))) ** 0.5 < 10
    ]
    assert close == []


def test_an_unlinked_actor_added_after_the_map_was_arranged_lands_beside_it():
    """The officer drags one actor (every position is then saved), then adds a partner:
    it must appear next to the map, not so far that the page and the plan shrink the
    whole map to a few points (one new partner turned 1 060 × 646 into 4 178 × 8 424).
    A partner linked to a placed one does land beside it."""
    from parcours_designer.model.entities import Partner
    from parcours_designer.model.map_edits import position_edits
    from parcours_designer.model.stakeholder_map import LINK_LENGTH, NODE_WIDTH, stakeholder_map

    pathway = example_pathway()
    before = stakeholder_map(pathway)
    for edit in position_edits(before, {}):
        setattr(pathway.index(edit.list_name)[edit.item_id], edit.field, edit.value)
    pathway.partners.append(Partner(id="p9", name="Médiathèque de Saint-Lô"))
    left, top, right, bottom = before.bounds()
    margin = LINK_LENGTH + NODE_WIDTH
    new = stakeholder_map(pathway).node("partners:p9")
    assert left - margin <= new.x <= right + margin and top - margin <= new.y <= bottom + margin, (new.x, new.y)
