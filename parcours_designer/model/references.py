"""Every link between entities, declared once.

The same table serves the loader (dangling references and duplicate ids make
a file invalid), the editor (what refers to an item, and removing those
references when it is deleted) and the documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

from parcours_designer.model.entities import Partner
from parcours_designer.model.kinds import KINDS
from parcours_designer.model.pathway import Pathway

# Items kept inside another item (not lists of the pathway) that hold references: one of
# them named with its article. (The review's topics are named in full where they are used.)
NESTED_SOURCES: dict[str, str] = {"questions": "la question", "offers": "l'offre"}


def _source_noun(source: str) -> str:
    """« l'étape », « la question »…: one item of a reference's ``source``."""
    return KINDS[source].definite if source in KINDS else NESTED_SOURCES[source]


def display_name(item: object) -> str:
    """The human name of an entity: its title, name, label or description."""
    for attribute in ("title", "name", "label", "description", "text", "network"):
        text = getattr(item, attribute, "")
        if isinstance(text, str) and text.strip():
            return text.strip()
    return f"#{getattr(item, 'id', '?')}"


@dataclass(frozen=True)
class RefField:
    """One field of ``source`` items that holds ids of ``target`` items."""

    source: str
    field: str
    target: str
    label: str
    get: Getter
    drop: Dropper


Getter = Callable[[Any], list[str]]  # the ids an item holds in one field
Dropper = Callable[[Any, str], None]  # removes one id from that field


def _ids(attribute: str) -> tuple[Getter, Dropper]:
    def get(item: object) -> list[str]:
        return list(getattr(item, attribute))

    def drop(item: object, target_id: str) -> None:
        setattr(item, attribute, [i for i in getattr(item, attribute) if i != target_id])

    return get, drop


def _one(attribute: str) -> tuple[Getter, Dropper]:
    def get(item: object) -> list[str]:
        value = getattr(item, attribute)
        return [value] if value is not None else []

    def drop(item: object, target_id: str) -> None:
        if getattr(item, attribute) == target_id:
            setattr(item, attribute, None)

    return get, drop


def _links(attribute: str, key: str) -> tuple[Getter, Dropper]:
    """A list of link objects (``links``, ``audience_links``) holding ids under ``key``."""

    def get(item: Partner) -> list[str]:
        return [getattr(link, key) for link in getattr(item, attribute)]

    def drop(item: Partner, target_id: str) -> None:
        setattr(item, attribute, [link for link in getattr(item, attribute) if getattr(link, key) != target_id])

    return get, drop


REF_FIELDS: tuple[RefField, ...] = (
    RefField("needs", "audience_ids", "audiences", "publics", *_ids("audience_ids")),
    RefField("objectives", "need_ids", "needs", "besoins", *_ids("need_ids")),
    RefField("partners", "links", "partners", "liens", *_links("links", "partner_id")),
    RefField("partners", "audience_links", "audiences", "liens avec les publics",
             *_links("audience_links", "audience_id")),
    RefField("phases", "objective_ids", "objectives", "objectifs", *_ids("objective_ids")),
    RefField("phases", "partner_ids", "partners", "partenaires", *_ids("partner_ids")),
    RefField("phases", "depends_on", "phases", "dépend de", *_ids("depends_on")),
    RefField("costs", "phase_id", "phases", "étape", *_one("phase_id")),
    RefField("costs", "partner_id", "partners", "partenaire", *_one("partner_id")),
    RefField("costs", "consultation_id", "consultations", "consultation", *_one("consultation_id")),
    RefField("funding", "partner_id", "partners", "financeur", *_one("partner_id")),
    RefField("indicators", "objective_ids", "objectives", "objectifs", *_ids("objective_ids")),
    RefField("indicators", "partner_ids", "partners", "partenaires", *_ids("partner_ids")),
    RefField("commitments", "phase_ids", "phases", "étapes", *_ids("phase_ids")),
    RefField("commitments", "indicator_ids", "indicators", "indicateurs", *_ids("indicator_ids")),
    RefField("questionnaires", "phase_id", "phases", "étape", *_one("phase_id")),
    RefField("questions", "indicator_id", "indicators", "indicateur alimenté", *_one("indicator_id")),
    RefField("review", "partner_ids", "partners", "partenaires", *_ids("partner_ids")),
    RefField("risks", "phase_ids", "phases", "étapes", *_ids("phase_ids")),
    RefField("consultations", "phase_ids", "phases", "étapes achetées", *_ids("phase_ids")),
    RefField("offers", "partner_id", "partners", "prestataire", *_one("partner_id")),
)


def source_items(pathway: Pathway, source: str) -> list[Any]:
    """The objects that hold a reference field (topics stand in for the review)."""
    if source == "review":
        return list(pathway.review.topics_to_report)
    if source == "questions":
        return [question for questionnaire in pathway.questionnaires for question in questionnaire.questions]
    if source == "offers":
        return [offer for consultation in pathway.consultations for offer in consultation.offers]
    return pathway.items(source)


@dataclass(frozen=True)
class Referrer:
    """An item whose ``field`` refers to another item."""

    source: str
    item: object
    field: RefField

    def describe(self) -> str:
        if self.source == "review":
            return f"un sujet à faire remonter du bilan (« {display_name(self.item)} »)"
        if self.source == "offers":
            return f"l'offre « {getattr(self.item, 'id', '')} » d'une consultation ({self.field.label})"
        return f"{_source_noun(self.source)} « {display_name(self.item)} » ({self.field.label})"


def referrers(pathway: Pathway, target: str, target_id: str) -> list[Referrer]:
    """Every item that refers to the ``target`` item ``target_id``."""
    found = []
    for ref in REF_FIELDS:
        if ref.target != target:
            continue
        for item in source_items(pathway, ref.source):
            if target_id in ref.get(item):
                found.append(Referrer(ref.source, item, ref))
    return found


def remove_references(pathway: Pathway, target: str, target_id: str) -> None:
    """Remove every reference to ``target_id`` (before deleting that item)."""
    for referrer in referrers(pathway, target, target_id):
        referrer.field.drop(referrer.item, target_id)


def duplicate_ids(pathway: Pathway) -> Iterator[str]:
    """French messages, one per id used twice in the same list."""
    for list_name in KINDS:
        seen: set[str] = set()
        for position, item in enumerate(pathway.items(list_name)):
            if item.id in seen:
                yield (
                    f"pathway.{list_name}[{position}] : l'identifiant « {item.id} » apparaît "
                    f"deux fois dans la liste « {KINDS[list_name].title} »"
                )
            seen.add(item.id)
        if list_name == "questionnaires":
            yield from _duplicate_question_ids(pathway)
            yield from _response_problems(pathway)
        if list_name == "consultations":
            yield from _consultation_errors(pathway)


def _duplicate_question_ids(pathway: Pathway) -> Iterator[str]:
    for q_position, questionnaire in enumerate(pathway.questionnaires):
        seen: set[str] = set()
        for position, question in enumerate(questionnaire.questions):
            if question.id in seen:
                yield (
                    f"pathway.questionnaires[{q_position}].questions[{position}] : l'identifiant "
                    f"« {question.id} » est déjà utilisé par une autre question"
                )
            seen.add(question.id)


def _response_problems(pathway: Pathway) -> Iterator[str]:
    """Responses: ids unique in their questionnaire, answers only to its questions."""
    for q_position, questionnaire in enumerate(pathway.questionnaires):
        questions = {question.id for question in questionnaire.questions}
        seen: set[str] = set()
        for position, response in enumerate(questionnaire.responses):
            where = f"pathway.questionnaires[{q_position}].responses[{position}]"
            if response.id in seen:
                yield f"{where} : l'identifiant « {response.id} » est déjà utilisé par une autre réponse"
            seen.add(response.id)
            for question_id in response.answers:
                if question_id not in questions:
                    yield (f"{where} (id « {response.id} ») : réponse à la question « {question_id} » "
                           f"qui n'existe pas dans le questionnaire « {questionnaire.id} »")


def _consultation_errors(pathway: Pathway) -> Iterator[str]:
    """Ids inside a consultation: unique criteria and offers, scores and choice that exist."""
    for position, consultation in enumerate(pathway.consultations):
        where = f"pathway.consultations[{position}] (id « {consultation.id} »)"
        criteria = [criterion.id for criterion in consultation.criteria]
        offers = [offer.id for offer in consultation.offers]
        for kind, ids in (("critère", criteria), ("offre", offers)):
            for repeated in sorted({i for i in ids if ids.count(i) > 1}):
                yield f"{where} : l'identifiant de {kind} « {repeated} » apparaît deux fois"
        for offer in consultation.offers:
            for criterion_id in offer.scores:
                if criterion_id not in criteria:
                    yield (f"{where}, offre « {offer.id} » : note donnée au critère « {criterion_id} » "
                           "qui n'existe pas dans cette consultation")
        if consultation.selected_offer_id is not None and consultation.selected_offer_id not in offers:
            yield (f"{where}, champ « selected_offer_id » : l'offre « {consultation.selected_offer_id} » "
                   "n'existe pas dans cette consultation")


def dangling_references(pathway: Pathway) -> Iterator[str]:
    """French messages, one per reference to an id that does not exist."""
    known = {name: {item.id for item in pathway.items(name)} for name in KINDS}
    for ref in REF_FIELDS:
        for item in source_items(pathway, ref.source):
            for target_id in ref.get(item):
                if target_id not in known[ref.target]:
                    yield _dangling_message(ref, item, target_id)


def _dangling_message(ref: RefField, item: Any, target_id: str) -> str:
    target_noun = KINDS[ref.target].indefinite
    if ref.source == "review":
        where = f"Le sujet à faire remonter « {display_name(item)} » du bilan"
    elif ref.source == "offers":
        where = f"L'offre « {item.id} » d'une consultation"
    else:
        article = _source_noun(ref.source)
        where = f"{article[0].upper()}{article[1:]} « {display_name(item)} » (id « {item.id} »)"
    return (
        f"{where}, champ « {ref.field} » ({ref.label}), fait référence à "
        f"{target_noun} d'identifiant « {target_id} » qui n'existe pas"
    )


def integrity_errors(pathway: Pathway) -> list[str]:
    """Everything that makes a structurally valid pathway unusable."""
    return [*duplicate_ids(pathway), *dangling_references(pathway)]
