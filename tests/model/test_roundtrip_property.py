"""load(save(p)) == p for any valid pathway, and saving is stable."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parcours_designer.model import (
    Audience, Contact, Cost, Funding, Indicator, Need, Objective, Partner, PartnerLink, Pathway,
    Phase, Question, Questionnaire, Referent, Review, Risk, Topic, dump_pathway, parse_pathway,
)
from parcours_designer.model import enums

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
quantity = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False)
counts = st.integers(min_value=0, max_value=10**6)
measures = st.one_of(st.none(), st.integers(-10**15, 10**15), text,
                     st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))


def ids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(n)]


def subset(draw, pool: list[str]) -> list[str]:
    return draw(st.lists(st.sampled_from(pool), unique=True, max_size=3)) if pool else []


def maybe(draw, pool: list[str]):
    return draw(st.one_of(st.none(), st.sampled_from(pool))) if pool else None


def charge_account():
    return st.one_of(st.just(""), st.from_regex(r"\A(6[0-8]|86)[0-9]{0,4}\Z"))


def product_account():
    return st.one_of(st.just(""), st.from_regex(r"\A(7[0-8]|87)[0-9]{0,4}\Z"))


@st.composite
def pathways(draw):
    n = {k: draw(st.integers(0, 4)) for k in ("a", "n", "o", "p", "ph", "c", "f", "i", "q", "r")}
    a_ids, n_ids, o_ids, p_ids, ph_ids = (ids(k, n[k]) for k in ("a", "n", "o", "p", "ph"))
    return Pathway(
        title=draw(text.filter(lambda t: t.strip() != "")),
        summary=draw(text), territory=draw(text), edition=draw(text),
        referent=draw(st.one_of(st.none(), st.builds(Referent, name=text, organisation=text, email=text, phone=text))),
        start=draw(st.one_of(st.none(), dates)), end=draw(st.one_of(st.none(), dates)),
        audiences=[Audience(id=i, name=draw(text), size=draw(st.one_of(st.none(), counts))) for i in a_ids],
        needs=[Need(id=i, title=draw(text), priority=draw(st.sampled_from(enums.Priority)),
                    sources=draw(st.lists(st.sampled_from(enums.NeedSource), max_size=3)),
                    audience_ids=subset(draw, a_ids)) for i in n_ids],
        objectives=[Objective(id=i, title=draw(text), need_ids=subset(draw, n_ids),
                              priority=draw(st.integers(1, 9))) for i in o_ids],
        partners=[Partner(id=i, name=draw(text), kind=draw(st.sampled_from(enums.PartnerKind)),
                          status=draw(st.sampled_from(enums.PartnerStatus)),
                          contact=Contact(email=draw(text)),
                          links=[PartnerLink(partner_id=t, label=draw(text)) for t in subset(draw, p_ids)])
                  for i in p_ids],
        phases=[Phase(id=i, title=draw(text), kind=draw(st.sampled_from(enums.PhaseKind)),
                      format=draw(st.one_of(st.none(), st.sampled_from(enums.PhaseFormat))),
                      modality=draw(st.one_of(st.none(), st.sampled_from(enums.Modality))),
                      start=draw(st.one_of(st.none(), dates)), end=draw(st.one_of(st.none(), dates)),
                      objective_ids=subset(draw, o_ids), partner_ids=subset(draw, p_ids),
                      depends_on=subset(draw, ph_ids), participants=draw(st.one_of(st.none(), counts)),
                      milestone=draw(st.booleans()), deliverables=draw(st.lists(text, max_size=2)))
                for i in ph_ids],
        costs=[Cost(id=i, label=draw(text), account=draw(charge_account()), phase_id=maybe(draw, ph_ids),
                    partner_id=maybe(draw, p_ids), quantity=draw(quantity), unit=draw(text),
                    unit_cost=draw(money)) for i in ids("c", n["c"])],
        funding=[Funding(id=i, label=draw(text), account=draw(product_account()), partner_id=maybe(draw, p_ids),
                         amount=draw(money), status=draw(st.sampled_from(enums.FundingStatus)))
                 for i in ids("f", n["f"])],
        indicators=[Indicator(id=i, label=draw(text), kind=draw(st.one_of(st.none(), st.sampled_from(enums.IndicatorKind))),
                              objective_ids=subset(draw, o_ids), target=draw(measures), result=draw(measures))
                    for i in ids("i", n["i"])],
        questionnaires=[Questionnaire(id=i, title=draw(text), audience=draw(st.sampled_from(enums.QuestionnaireAudience)),
                                      phase_id=maybe(draw, ph_ids),
                                      questions=[Question(id=f"{i}-{k}", text=draw(text),
                                                          type=draw(st.sampled_from(enums.QuestionType)),
                                                          choices=draw(st.lists(text, max_size=3)))
                                                 for k in range(draw(st.integers(0, 3)))])
                        for i in ids("q", n["q"])],
        review=Review(strengths=draw(st.lists(text, max_size=2)),
                      topics_to_report=[Topic(text=draw(text), partner_ids=subset(draw, p_ids))
                                        for _ in range(draw(st.integers(0, 2)))]),
        risks=[Risk(id=i, description=draw(text), likelihood=draw(st.sampled_from(enums.Level)),
                    delay_days=draw(st.integers(0, 60)), phase_ids=subset(draw, ph_ids))
               for i in ids("r", n["r"])],
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pathways())
def test_load_of_save_is_identity(pathway):
    raw = dump_pathway(pathway)
    reloaded = parse_pathway(raw, "rt.parcours")
    assert reloaded == pathway
    assert dump_pathway(reloaded) == raw


def test_decimal_quantities_keep_their_precision():
    cost = Cost(id="c", account="6226", quantity=Decimal("2.125"), unit_cost=Decimal("10.00"))
    pathway = Pathway(title="T", costs=[cost])
    assert parse_pathway(dump_pathway(pathway)).costs[0].quantity == Decimal("2.125")
