"""A questionnaire to print: boxes to tick, the scale with its end labels, lines to write on."""

from __future__ import annotations

from functools import lru_cache

from parcours_designer.export import fonts
from parcours_designer.export.pdf_doc import PORTRAIT, build_pdf, doc_info, frame_size, missing_note, styles
from parcours_designer.export.pdf_text import para
from parcours_designer.export.text_fit import cut_to_fit
from parcours_designer.model.entities import Question, Questionnaire
from parcours_designer.model.enums import QuestionType
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name

BOX = 10  # points: the side of a box to tick
BOXES_PER_PART = 10  # choices drawn together: a long list goes on over pages
MIN_PITCH = 24.0  # points from one step of a scale to the next: a wide scale wraps
STEP_ROW = BOX + 16  # height of a row of scale steps (box and number)
WRITING_LINES = 4
HINTS = {QuestionType.CHOICE: "Une seule réponse.", QuestionType.MULTIPLE_CHOICE: "Plusieurs réponses possibles.",
         QuestionType.SCALE: "Entourez ou cochez une case.", QuestionType.YES_NO: "", QuestionType.TEXT: ""}


def render_pdf(pathway: Pathway, questionnaire: Questionnaire) -> bytes:
    from reportlab.platypus import Spacer

    sheet = styles()
    title = questionnaire.title or "Questionnaire"
    story = [para(title, sheet["cover_title"]), para(_intro(pathway, questionnaire), sheet["body"]), Spacer(1, 8)]
    if not questionnaire.questions:
        story.append(missing_note("Ce questionnaire n'a pas encore de question.", sheet))
    for number, question in enumerate(questionnaire.questions, start=1):
        story += question_block(number, question, sheet)
    story += [Spacer(1, 14), para("Merci pour vos réponses.", sheet["h2"])]
    return build_pdf(doc_info(pathway, title, "Questionnaire à imprimer"), story)


def _intro(pathway: Pathway, questionnaire: Questionnaire) -> str:
    phases = pathway.index("phases")
    phase = phases.get(questionnaire.phase_id) if questionnaire.phase_id else None
    when = f", étape « {display_name(phase)} »" if phase is not None else ""
    return (f"Parcours « {pathway.title} »{when}. Public : {questionnaire.audience.label}. "
            "Vos réponses nous aident à ajuster le dispositif pour la prochaine édition.")


def question_block(number: int, question: Question, sheet: dict) -> list:
    """The question, kept together with the first of its boxes; a long list of choices goes on."""
    from reportlab.platypus import KeepTogether, Spacer

    block = [para(question.text or question.id, sheet["h2"], bold_prefix=f"{number}. ")]
    hint = HINTS[question.type]
    if hint:
        block.append(para(hint, sheet["note"]))
    width = frame_size(PORTRAIT)[0]
    drawn = _flowables()
    if question.type is QuestionType.SCALE:
        block.append(drawn["scale"](question, width))
    elif question.type is QuestionType.YES_NO:
        block.append(drawn["boxes"](["Oui", "Non"], width, across=True))
    elif question.type is QuestionType.TEXT:
        block.append(drawn["lines"](WRITING_LINES, width))
    else:
        choices = question.choices or ["…"]
        parts = [drawn["boxes"](choices[start:start + BOXES_PER_PART], width)
                 for start in range(0, len(choices), BOXES_PER_PART)]
        return [KeepTogether(block + parts[:1])] + parts[1:] + [Spacer(1, 10)]
    return [KeepTogether(block), Spacer(1, 10)]


@lru_cache(maxsize=1)
def _flowables() -> dict[str, type]:
    """The drawn parts of a question, built on reportlab's Flowable when first needed."""
    from reportlab.platypus import Flowable

    class ScaleBoxes(Flowable):
        """One box per step, its number under it, in rows when the scale is wide; the end
        labels at both ends, under the steps."""

        def __init__(self, question: Question, width: float):
            super().__init__()
            self.low, self.high = question.scale_bounds()
            self.labels = (question.min_label.strip(), question.max_label.strip())
            self.per_row = max(1, int((width - 40) // MIN_PITCH))
            rows = -(-(self.high - self.low + 1) // self.per_row)
            self.width, self.height = width, rows * STEP_ROW + 14

        def draw(self):
            steps = self.high - self.low + 1
            across = min(steps, self.per_row)
            pitch = min(44.0, (self.width - 40) / across)
            canvas = self.canv
            canvas.setLineWidth(0.8)
            canvas.setFont(fonts.REGULAR, 9)
            for k in range(steps):
                row, column = divmod(k, self.per_row)
                x, top = 20 + column * pitch, self.height - row * STEP_ROW
                canvas.rect(x, top - BOX - 2, BOX, BOX)
                canvas.drawCentredString(x + BOX / 2, top - BOX - 13, str(self.low + k))
            canvas.setFont(fonts.ITALIC, 8.5)
            last = 20 + (across - 1) * pitch + BOX
            room = max(60.0, (last - 20) / 2 - 6)
            canvas.drawString(20, 2, _fit(self.labels[0], fonts.ITALIC, 8.5, room))
            canvas.drawRightString(last, 2, _fit(self.labels[1], fonts.ITALIC, 8.5, room))

    class BoxList(Flowable):
        """A box before each choice: one per line, or side by side (oui / non)."""

        def __init__(self, choices: list[str], width: float, across: bool = False):
            super().__init__()
            self.choices, self.across = choices, across
            self.width = width
            self.height = BOX + 6 if across else len(choices) * (BOX + 7)

        def draw(self):
            canvas = self.canv
            canvas.setLineWidth(0.8)
            canvas.setFont(fonts.REGULAR, 9.5)
            for k, choice in enumerate(self.choices):
                x = 20 + k * 90 if self.across else 20
                y = 3 if self.across else self.height - (k + 1) * (BOX + 7) + 4
                canvas.rect(x, y, BOX, BOX)
                room = 70 if self.across else self.width - x - BOX - 30
                canvas.drawString(x + BOX + 6, y + 1.5, _fit(choice, fonts.REGULAR, 9.5, room))

    class WritingLines(Flowable):
        """Dotted lines to write an answer on."""

        def __init__(self, count: int, width: float):
            super().__init__()
            self.count, self.width, self.height = count, width, count * 20

        def draw(self):
            canvas = self.canv
            canvas.setLineWidth(0.5)
            canvas.setDash(1, 2)
            for k in range(self.count):
                y = self.height - (k + 1) * 20 + 2
                canvas.line(20, y, self.width - 10, y)

    return {"scale": ScaleBoxes, "boxes": BoxList, "lines": WritingLines}


def _fit(text: str, font: str, size: float, room: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from parcours_designer.export.safe_text import without_control

    plain = " ".join(without_control(text).split())
    return cut_to_fit(plain, lambda part: stringWidth(part, font, size), room)
