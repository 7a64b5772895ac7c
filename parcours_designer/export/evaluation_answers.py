"""The answers in the evaluation summary: per questionnaire the response rate, per
question a bar chart of the distribution, mean and median of a scale, the open
answers listed; and the indicators fed by questions with their computed results."""

from __future__ import annotations

from parcours_designer.export import fonts
from parcours_designer.export.pdf_doc import PORTRAIT, Cell, frame_size, missing_note, table
from parcours_designer.export.pdf_text import bullets, para
from parcours_designer.export.text_fit import cut_to_fit
from parcours_designer.model.answers.indicators import fed_results
from parcours_designer.model.answers.stats import QuestionStats, questionnaire_stats
from parcours_designer.model.entities import Questionnaire
from parcours_designer.model.enums import QuestionType
from parcours_designer.model.formatting import count_of, format_measure, format_number
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name

BAR_ROW = 14
CHART_ROWS = 20  # bars per drawing: a chart of 111 steps or 80 choices goes on over pages
ACCENT_RGB = (0.12, 0.31, 0.47)


def questionnaires_section(pathway: Pathway, sheet: dict) -> list:
    story = [para("Questionnaires et réponses", sheet["h1"])]
    if not pathway.questionnaires:
        return story + [missing_note("Aucun questionnaire n'est encore prévu.", sheet)]
    for questionnaire in pathway.questionnaires:
        story += questionnaire_block(pathway, questionnaire, sheet)
    return story


def questionnaire_block(pathway: Pathway, questionnaire: Questionnaire, sheet: dict) -> list:
    phases = pathway.index("phases")
    when = f" – étape « {display_name(phases[questionnaire.phase_id])} »" \
        if questionnaire.phase_id in phases else ""
    story = [para(display_name(questionnaire), sheet["h2"]),
             para(f"Public : {questionnaire.audience.label}{when}", sheet["body"])]
    stats = questionnaire_stats(pathway, questionnaire)
    if not questionnaire.questions:
        return story + [missing_note("Aucune question.", sheet)]
    if not stats.respondents:
        items = [f"{q.text or q.id} ({q.type.label}" + (f" : {', '.join(q.choices)})" if q.choices else ")")
                 for q in questionnaire.questions]
        return story + [missing_note("Pas encore de réponse importée.", sheet)] + bullets(items, sheet["bullet"])
    rate = f" sur {stats.invited} participant·e·s de l'étape, soit un taux de réponse de " \
           f"{format_number(stats.response_rate, 1)} %" if stats.response_rate is not None else ""
    story.append(para(f"{count_of(stats.respondents, 'réponse')}{rate}.", sheet["body"]))
    for number, question in enumerate(stats.questions, start=1):
        story += question_block(number, question, sheet)
    return story


def question_block(number: int, stats: QuestionStats, sheet: dict) -> list:
    from reportlab.platypus import KeepTogether

    question = stats.question
    figures = count_of(stats.answered, "réponse")
    if stats.mean is not None and stats.median is not None:
        figures += f" – moyenne {format_number(stats.mean)}, médiane {format_number(stats.median)}"
        low, high = question.scale_bounds()
        figures += f" (échelle de {low} à {high})"
    block = [para(question.text or question.id, sheet["body"], bold_prefix=f"{number}. "),
             para(figures, sheet["note"])]
    if question.type is QuestionType.TEXT:
        answers = bullets(list(stats.texts), sheet["bullet"])
        return [KeepTogether(block + answers[:3])] + answers[3:]
    if stats.distribution:
        charts = bar_charts(stats.distribution, frame_size(PORTRAIT)[0])
        return [KeepTogether(block + charts[:1])] + charts[1:]
    return [KeepTogether(block)]


def bar_charts(distribution: dict[str, int], width: float) -> list:
    """The bar chart in drawings of at most :data:`CHART_ROWS` bars, all on the same scale."""
    items = list(distribution.items())
    top = max(distribution.values(), default=0) or 1
    return [bar_chart(items[start:start + CHART_ROWS], width, top) for start in range(0, len(items), CHART_ROWS)]


def bar_chart(items: list[tuple[str, int]], width: float, top: int):
    """A horizontal bar per step or choice, the count at its end (vector, bundled font);
    ``top`` is the count of a full-length bar."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib.colors import Color
    from reportlab.pdfbase.pdfmetrics import stringWidth

    label_width, count_width = width * 0.38, 30
    drawing = Drawing(width, len(items) * BAR_ROW + 4)
    room = width - label_width - count_width - 8
    for row, (label, count) in enumerate(items):
        y = drawing.height - (row + 1) * BAR_ROW
        shown = cut_to_fit(" ".join(label.split()), lambda part: stringWidth(part, fonts.REGULAR, 8), label_width - 8)
        drawing.add(String(label_width - 6, y + 3, shown, fontName=fonts.REGULAR, fontSize=8, textAnchor="end"))
        length = room * count / top
        if length:
            drawing.add(Rect(label_width, y + 1, length, BAR_ROW - 4, fillColor=Color(*ACCENT_RGB), strokeColor=None))
        drawing.add(String(label_width + length + 4, y + 3, str(count), fontName=fonts.REGULAR, fontSize=8))
    return drawing


def fed_indicators_section(pathway: Pathway, sheet: dict) -> list:
    """Indicators whose result comes from a question, computed from the answers."""
    results = fed_results(pathway)
    if not results:
        return []
    indicators = pathway.index("indicators")
    rows = []
    for indicator_id, fed in results.items():
        indicator = indicators[indicator_id]
        for result in fed:
            target = "—" if indicator.target in (None, "") else format_measure(indicator.target)
            rows.append([display_name(indicator), f"{result.question.text or result.question.id} "
                         f"({display_name(result.questionnaire)})", target, Cell(result.text(), bold=True)])
    return [para("Indicateurs alimentés par les questionnaires", sheet["h2"]),
            table(("Indicateur", "Question", "Cible", "Résultat calculé des réponses"), rows,
                  (0.28, 0.34, 0.13, 0.25), sheet=sheet)]
