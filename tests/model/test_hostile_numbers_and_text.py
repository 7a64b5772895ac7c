"""Numbers out of bounds, text that is not UTF-8, odd dates: one French message each (issue 8)."""

from __future__ import annotations

import json

import pytest

from parcours_designer.model import PathwayError, PathwayFileError, Pathway, Phase, dump_pathway, parse_pathway


def _raw(pathway: dict, version: object = 2) -> bytes:
    return json.dumps({"format": "parcours-designer", "format_version": version,
                       "pathway": {"title": "Parcours", **pathway}}).encode("utf-8")


def _refused(raw: bytes) -> str:
    with pytest.raises(PathwayFileError) as caught:
        parse_pathway(raw, "essai.parcours")
    message = str(caught.value)
    for english in ("Input should", "Exceeds the limit", "set_int_max_str_digits", "unicode string",
                    "None", "InvalidOperation", "Overflow"):
        assert english not in message, message
    assert len(message) < 600, message[:600]
    return message


def _with_digits(raw: bytes, placeholder: str, digits: str) -> bytes:
    return raw.replace(f'"{placeholder}"'.encode(), digits.encode())


BIG = "9" * 5000
OUT_OF_BOUNDS = {
    "unit-cost-1e26": ({"costs": [{"id": "c1", "unit_cost": "1e26"}]},
                       "pathway.costs[0] (id « c1 »).unit_cost : un montant ne peut pas dépasser 1 000 000 000 €"),
    "amount-1e30": ({"funding": [{"id": "f1", "amount": 1e30}]},
                    "pathway.funding[0] (id « f1 »).amount : un montant ne peut pas dépasser 1 000 000 000 €"),
    "baseline-amount": ({"costs": [{"id": "c1", "baseline_amount": "1000000000.01"}]},
                        "baseline_amount : un montant ne peut pas dépasser"),
    "extra-cost": ({"risks": [{"id": "r1", "extra_cost": "1e9999"}]}, "extra_cost : un montant ne peut pas dépasser"),
    "money-minus-zero": ({"costs": [{"id": "c1", "unit_cost": "-0"}]}, "unit_cost : un montant ne peut pas être négatif"),
    "money-minus-zero-float": ({"funding": [{"id": "f1", "amount": -0.0}]}, "amount : un montant ne peut pas être négatif"),
    "quantity-huge-exponent": ({"costs": [{"id": "c1", "quantity": "1e999999999"}]},
                               "quantity : une quantité ne peut pas dépasser 1 000 000"),
    "quantity-million-digits": ({"costs": [{"id": "c1", "quantity": "1e999999"}]}, "une quantité ne peut pas dépasser"),
    "quantity-tiny": ({"costs": [{"id": "c1", "quantity": "1e-999999"}]}, "une quantité a au plus 6 décimales"),
    "quantity-minus-zero": ({"costs": [{"id": "c1", "quantity": "-0"}]}, "une quantité ne peut pas être négative"),
    "capacity": ({"partners": [{"id": "p1", "capacity_days_per_month": 10**7}]},
                 "capacity_days_per_month : une quantité ne peut pas dépasser 1 000 000"),
    "size": ({"audiences": [{"id": "a1", "size": 10**10}]},
             "pathway.audiences[0] (id « a1 »).size : doit être un nombre entier de 0 à 1 000 000 000"),
    "participants": ({"phases": [{"id": "ph1", "participants": 10**12}]}, "participants : doit être un nombre entier de 0 à"),
    "duration": ({"phases": [{"id": "ph1", "duration_days": 10**6}]},
                 "duration_days : doit être un nombre entier de 0 à 3 650"),
    "lag": ({"phases": [{"id": "ph1", "lag_days": 99_999}]}, "lag_days : doit être un nombre entier de 0 à 3 650"),
    "delay": ({"risks": [{"id": "r1", "delay_days": 99_999}]}, "delay_days : doit être un nombre entier de 0 à 3 650"),
    "priority": ({"objectives": [{"id": "o1", "priority": 10**6}]}, "priority : doit être un nombre entier de 1 à 1 000"),
    "target-float": ({"indicators": [{"id": "i1", "target": 1e300}]}, "target : un nombre ne peut pas dépasser"),
    "result-int": ({"indicators": [{"id": "i1", "result": -10**20}]}, "result : un nombre ne peut pas dépasser"),
    "text-too-long-number": ({"costs": [{"id": "c1", "unit_cost": "1" + "0" * 10_000}]}, "un montant ne peut pas dépasser"),
}


@pytest.mark.parametrize("case", sorted(OUT_OF_BOUNDS))
def test_numbers_out_of_bounds_are_refused_naming_field_and_bound(case):
    pathway, expected = OUT_OF_BOUNDS[case]
    message = _refused(_raw(pathway))
    assert expected in message


@pytest.mark.parametrize("where, expected", [
    ({"audiences": [{"id": "a1", "size": "BIG"}]}, "pathway.audiences[0] (id « a1 »).size : doit être un nombre entier de 0 à"),
    ({"costs": [{"id": "c1", "unit_cost": "BIG"}]}, "unit_cost : un montant ne peut pas dépasser"),
    ({"indicators": [{"id": "i1", "target": "BIG"}]}, "target : un nombre ne peut pas dépasser"),
    ({"phases": [{"id": "ph1", "lag_days": "BIG"}]}, "lag_days : doit être un nombre entier de 0 à"),
])
def test_integers_of_thousands_of_digits_are_refused_in_french(where, expected):
    raw = _with_digits(_raw(where), "BIG", BIG)
    assert expected in _refused(raw)


def test_giant_format_version_and_missing_one():
    raw = _with_digits(_raw({}, version="BIG"), "BIG", BIG)
    assert "format_version doit être un entier de 1 à" in _refused(raw)
    missing = json.dumps({"format": "parcours-designer", "pathway": {"title": "x"}}).encode()
    assert "format_version est absent" in _refused(missing)


def test_accepted_bounds_still_load_and_resave_identically():
    raw = _raw({"costs": [{"id": "c1", "quantity": "1000000", "unit_cost": "1000000000.00"},
                          {"id": "c2", "quantity": "0.000001", "unit_cost": "0.01"}],
                "phases": [{"id": "ph1", "duration_days": 3650, "lag_days": 3650}],
                "audiences": [{"id": "a1", "size": 1_000_000_000}],
                "indicators": [{"id": "i1", "target": 0.1, "result": "12 %"}]})
    pathway = parse_pathway(raw)
    assert parse_pathway(dump_pathway(pathway)) == pathway
    assert dump_pathway(parse_pathway(dump_pathway(pathway))) == dump_pathway(pathway)


LONE = "x\udfff"


@pytest.mark.parametrize("where, expected", [
    ({"title": LONE}, "pathway.title : texte illisible"),
    ({"phases": [{"id": "ph1", "title": LONE}]}, "pathway.phases[0] (id « ph1 »).title : texte illisible"),
    ({"phases": [{"id": LONE}]}, "pathway.phases[0] (id « x? »).id : texte illisible"),
    ({"phases": [{"id": "ph1", "deliverables": ["ok", LONE]}]}, "pathway.phases[0] (id « ph1 »).deliverables[1] : texte illisible"),
    ({"review": {"topics_to_report": [{"text": LONE}]}}, "pathway.review.topics_to_report[0].text : texte illisible"),
    ({"partners": [{"id": "p1", "contact": {"email": LONE}}]}, "pathway.partners[0] (id « p1 »).contact.email : texte illisible"),
    ({"indicators": [{"id": "i1", "target": LONE}]}, "pathway.indicators[0] (id « i1 »).target : texte illisible"),
    ({LONE: 1}, "texte illisible"),
])
def test_lone_surrogates_are_refused_at_load(where, expected):
    message = _refused(_raw(where))
    assert expected in message
    message.encode("utf-8")  # the message itself can be printed


def test_a_pathway_holding_a_lone_surrogate_is_not_saved_but_named():
    pathway = Pathway(title="Parcours", phases=[Phase(id="ph1")])
    pathway.phases[0].title = LONE  # as an editor field could set it
    with pytest.raises(PathwayError) as caught:
        dump_pathway(pathway)
    assert "pathway.phases[0] (id « ph1 »).title : texte illisible" in str(caught.value)


@pytest.mark.parametrize("value", ["2027-01-01\n", "٢٠٢٧-٠١-٠١", "２０２７-０１-０１", "2027-1-01", " 2027-01-01"])
def test_dates_are_ascii_digits_on_one_line(value):
    message = _refused(_raw({"start": value}))
    assert "pathway.start : une date s'écrit AAAA-MM-JJ" in message
    assert "n'existe pas" not in message
    assert message.count("\n") == 1


@pytest.mark.parametrize("value", ["0999-01-01", "9999-12-31", "1899-12-31", "2200-01-01"])
def test_dates_outside_the_sensible_years_are_refused(value):
    assert "pathway.start : une date doit être comprise entre 1900 et 2199" in _refused(_raw({"start": value}))


@pytest.mark.parametrize("title", [" ", "   \t\n", "\u00a0"])
def test_a_title_of_spaces_is_refused(title):
    assert "pathway.title : ne doit pas être vide" in _refused(_raw({"title": title}))


def test_numbers_in_other_scripts_are_refused_as_money():
    assert "unit_cost : « ١٢ » n'est pas un nombre" in _refused(_raw({"costs": [{"id": "c1", "unit_cost": "١٢"}]}))


def test_durations_adding_up_past_the_calendar_are_refused_quickly():
    """300 chained phases of 3,650 + 3,650 days pushed the check past year 9999 (OverflowError, 18 s)."""
    phases = [{"id": "p0", "start": "2199-01-01", "duration_days": 3650, "lag_days": 3650}]
    phases += [{"id": f"p{n}", "depends_on": [f"p{n - 1}"], "duration_days": 3650, "lag_days": 3650}
               for n in range(1, 300)]
    message = _refused(_raw({"phases": phases}))
    assert "pathway : les durées et décalages des étapes et les retards des risques totalisent 2 190 000 " \
           "jours ouvrés ; au plus 36 500" in message


def test_every_pydantic_error_type_is_told_in_french():
    import typing

    from pydantic_core.core_schema import ErrorType

    from parcours_designer.model.errors import describe_error

    for kind in typing.get_args(ErrorType):
        error = {"type": kind, "msg": "Input should be ENGLISH", "input": "x",
                 "ctx": {"ge": 1, "gt": 1, "le": 9, "lt": 9, "min_length": 1, "max_length": 9, "expected": "'a' or 'b'",
                         "multiple_of": 2, "max_digits": 3, "decimal_places": 2, "whole_digits": 1}}
        reason = describe_error(error)
        assert reason and "ENGLISH" not in reason and "Input" not in reason, (kind, reason)
    assert describe_error({"type": "string_unicode", "msg": "Input should be a valid string, unable to parse raw "
                           "data as a unicode string"}).startswith("texte illisible")


@pytest.mark.parametrize("choices", [["1", "²"], ["0", "9" * 5000], ["0", "1000000000000"], ["١", "٥"]])
def test_a_scale_whose_choices_are_odd_numbers_keeps_sensible_bounds(choices):
    from parcours_designer.model.answers.stats import question_stats  # noqa: F401  (the stats read the bounds)
    from parcours_designer.model.entities import Question

    question = Question(id="q", type="scale", choices=choices)
    low, high = question.scale_bounds()
    assert -100 <= low < high <= 100


@pytest.mark.parametrize("field, value", [("scale_min", -(10**12)), ("scale_max", 10**18), ("scale_max", "BIG")])
def test_scale_bounds_out_of_range_are_refused(field, value):
    raw = _raw({"questionnaires": [{"id": "q1", "questions": [{"id": "s", "type": "scale", field: value}]}]})
    message = _refused(_with_digits(raw, "BIG", BIG))
    assert f"questions[0] (id « s »).{field} : doit être un nombre entier de -100 à 100" in message


def test_giant_answers_are_refused():
    raw = _raw({"questionnaires": [{"id": "q1", "questions": [{"id": "s", "type": "scale"}],
                                    "responses": [{"id": "r1", "answers": {"s": 10**15}}]}]})
    assert "responses[0] (id « r1 »).answers.s" in _refused(raw)


# --- unions (review-deliv H): the branch the input is written as, without pydantic's class names ------

_ANSWERS = "pathway.questionnaires[0] (id « q »).responses[0] (id « r »).answers"
UNIONS = {
    "deliverable-object": ({"phases": [{"id": "a", "deliverables": [{"title": "t", "status": "x", "extra": 1}]}]},
                           ["pathway.phases[0] (id « a »).deliverables[0].status : valeur « x » non reconnue ; "
                            "valeurs possibles : expected, received, accepted, refused",
                            "pathway.phases[0] (id « a »).deliverables[0].extra : clé inconnue (le format ne la "
                            "connaît pas)"]),
    "deliverable-number": ({"phases": [{"id": "a", "deliverables": [5]}]},
                           ["pathway.phases[0] (id « a »).deliverables[0] : doit être un texte ou un objet { … }"]),
    "measure-object": ({"indicators": [{"id": "i", "target": {"a": 1}}]},
                       ["pathway.indicators[0] (id « i »).target : doit être un nombre ou un texte"]),
    "answer-object": ({"questionnaires": [{"id": "q", "responses": [{"id": "r", "answers": {"Q1": {"a": 1}}}]}]},
                      [f"{_ANSWERS}.Q1 : doit être true ou false, un nombre, un texte ou une liste [ … ]"]),
    "answer-too-big": ({"questionnaires": [{"id": "q", "responses": [{"id": "r", "answers": {"Q1": 10**12}}]}]},
                       [f"{_ANSWERS}.Q1 : doit être inférieur ou égal à 1000000000"]),
    "answer-list": ({"questionnaires": [{"id": "q", "responses": [{"id": "r", "answers": {"Q1": ["a", 2]}}]}]},
                    [f"{_ANSWERS}.Q1[1] : doit être un texte"]),
    "answer-keyed-like-a-class": ({"questionnaires": [{"id": "q", "responses": [
        {"id": "r", "answers": {"Deliverable": None}}]}]},
        [f"{_ANSWERS}.Deliverable : doit être true ou false, un nombre, un texte ou une liste [ … ]"]),
}


@pytest.mark.parametrize("case", UNIONS, ids=list(UNIONS))
def test_a_value_of_a_union_gets_the_lines_of_the_kind_it_is_written_as(case):
    pathway, expected = UNIONS[case]
    lines = [line.removeprefix("  - ") for line in _refused(_raw(pathway)).splitlines()[1:]]
    assert lines == expected
