from datetime import date

from parcours_designer.model.gantt_layout import GroupBy
from parcours_designer.model.planning import plan_for
from parcours_designer.model.pathway import Pathway

from .helpers import cycle_pathway, title_only_pathway, undated_pathway


def test_rows_follow_display_order_with_inclusive_ends(example):
    layout = plan_for(example).layout
    assert [bar.phase_id for bar in layout.bars] == [p.id for p in example.phases]
    assert [bar.row for bar in layout.bars] == list(range(len(example.phases)))
    diagnostic = next(b for b in layout.bars if b.phase_id == "ph2")
    assert (diagnostic.start, diagnostic.end) == (date(2027, 1, 25), date(2027, 2, 19))
    assert layout.span() == (date(2027, 1, 11), date(2027, 12, 17))
    assert layout.lanes[0].header_row is None and layout.row_count == 13


def test_milestones_are_one_day(example):
    layout = plan_for(example).layout
    steering = next(b for b in layout.bars if b.phase_id == "ph3")
    assert steering.milestone and steering.start == steering.end


def test_arrows_join_end_of_source_to_start_of_target(example):
    arrows = plan_for(example).layout.arrows
    link = next(a for a in arrows if (a.source_id, a.target_id) == ("ph1", "ph2"))
    assert (link.source_row, link.target_row) == (0, 1)
    assert (link.source_end, link.target_start) == (date(2027, 1, 18), date(2027, 1, 25))
    assert len(arrows) == sum(len(p.depends_on) for p in example.phases)
    assert not any(a.in_cycle for a in arrows)


def test_grouping_by_partner_repeats_shared_phases_under_each_lane(example):
    layout = plan_for(example, group_by=GroupBy.PARTNER).layout
    lanes = {lane.key: lane for lane in layout.lanes}
    assert set(lanes) == {p.id for p in example.partners}
    steering_rows = [b.row for b in layout.bars if b.phase_id == "ph3"]
    assert len(steering_rows) == 3  # p4, p5 and p6 all take part
    for lane in layout.lanes:
        assert lane.header_row == lane.first_row - 1
        rows = range(lane.first_row, lane.first_row + lane.row_count)
        members = [b for b in layout.bars if b.row in rows]
        assert all(lane.key in example.index("phases")[b.phase_id].partner_ids for b in members)
    for arrow in layout.arrows:  # never across lanes
        lane = next(l for l in layout.lanes if l.first_row <= arrow.target_row < l.first_row + l.row_count)
        assert lane.first_row <= arrow.source_row < lane.first_row + lane.row_count


def test_grouping_by_objective_has_a_lane_for_phases_without_objective(example):
    example.phases[0].objective_ids = []
    layout = plan_for(example, group_by=GroupBy.OBJECTIVE).layout
    assert layout.lanes[-1].key is None and layout.lanes[-1].title == "Sans objectif"
    assert layout.row_count == len(layout.bars) + len(layout.lanes)


def test_undated_and_inverted_phases_are_listed_with_their_reason(example):
    example.phases[0].start = example.phases[0].end = None
    example.phases[0].milestone, example.phases[0].duration_days = False, None
    example.phases[1].end, example.phases[1].duration_days = None, 3  # a start and a duration: dated
    example.phases[2].start, example.phases[2].end = date(2027, 3, 5), date(2027, 3, 1)
    layout = plan_for(example).layout
    reasons = {u.phase_id: u.reason for u in layout.undated}
    assert reasons == {"ph1": "non datée (ni dates ni durée)", "ph3": "dates incohérentes (la fin précède le début)"}
    assert len(layout.bars) == 11
    bar = next(b for b in layout.bars if b.phase_id == "ph2")
    assert (bar.end - bar.start).days == 2  # three working days from a Monday
    assert any("non datée" in note for note in layout.missing())


def test_cycle_is_reported_and_its_arrows_marked():
    layout = plan_for(cycle_pathway()).layout
    assert sorted(layout.cycles[0]) == ["ph2", "ph3"]
    cyclic = {(a.source_id, a.target_id) for a in layout.arrows if a.in_cycle}
    assert cyclic == {("ph2", "ph3"), ("ph3", "ph2")}


def test_nothing_dated_gives_an_empty_layout():
    for pathway in (undated_pathway(), title_only_pathway()):
        layout = plan_for(pathway).layout
        assert layout.is_empty and layout.span() is None
        assert len(layout.undated) == len(pathway.phases)


def test_window_alone_gives_a_span():
    layout = plan_for(Pathway(title="t", start=date(2027, 1, 1), end=date(2027, 6, 30))).layout
    assert layout.span() == (date(2027, 1, 1), date(2027, 6, 30))
