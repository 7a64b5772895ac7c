"""Adversarial review: hostile text, huge fields, odd dates, unsafe outputs — each a defect found and fixed."""

from __future__ import annotations

import re
import time

import pytest
from icalendar import Calendar

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.pathway import Pathway

from .helpers import EXAMPLE, flat, kind_options, pdf_reader

LONG_WORD = "Anticonstitutionnellement" * 200  # 5,000 characters, no space


def example_data() -> dict:
    return load_pathway(EXAMPLE).model_dump()


def long_word_pathway() -> Pathway:
    """One 5,000-character word in every field that lands in a narrow PDF table cell."""
    data = example_data()
    data["costs"][0]["label"] = LONG_WORD
    data["costs"][0]["unit"] = LONG_WORD
    data["funding"][0]["label"] = LONG_WORD
    data["phases"][1]["location"] = LONG_WORD
    data["phases"][1]["deliverables"] = [LONG_WORD]
    data["partners"][0]["role"] = LONG_WORD
    data["partners"][0]["contact"]["email"] = LONG_WORD
    data["indicators"][0]["label"] = LONG_WORD
    data["indicators"][0]["method"] = LONG_WORD
    data["audiences"][0]["name"] = LONG_WORD
    data["risks"][0]["mitigation"] = LONG_WORD
    return Pathway.model_validate(data)


@pytest.mark.parametrize("kind, partner", [("budget", None), ("plan", None), ("plan", "p1"),
                                           ("evaluation", None)])
def test_a_table_cell_taller_than_a_page_continues_on_the_next(kind, partner):
    started = time.monotonic()
    data = EXPORT_KINDS[kind].render(long_word_pathway(), ".pdf", partner)
    assert time.monotonic() - started < 60
    text = "".join(flat(page.extract_text()).replace(" ", "") for page in pdf_reader(data).pages)
    assert "Anticonstitutionnellement" * 8 in text  # printed, cut only at line ends


def ics_events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_ics_survives_carriage_returns_and_control_characters():
    data = example_data()
    data["title"] = "Parcours\r2027\n, Manche;\x1b"  # a raw line break made icalendar assert
    data["phases"][0]["title"] = "Accueil\rdes structures\x00"
    data["phases"][0]["location"] = "Salle\x07 A, étage 2; porte \\ droite"
    data["phases"][0]["deliverables"] = ["Compte rendu\r\nsigné\x0c", "Fiche\rcontact"]
    ics = EXPORT_KINDS["ics"].render(Pathway.model_validate(data), ".ics")
    lines = ics.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", ics.replace(b"\r\n", b""))
    assert b"X-WR-CALNAME:Parcours\\n2027\\n\\, Manche\\;\r\n" in ics
    first = ics_events(ics)[0]
    assert str(first["summary"]) == "Accueil\ndes structures"
    assert str(first["location"]) == "Salle A, étage 2; porte \\ droite"  # , ; \ escaped and read back
    assert "Compte rendu\nsigné" in str(first["description"]) and "Fiche\ncontact" in str(first["description"])


def test_header_of_a_huge_title_is_cut_quickly():
    from parcours_designer.export import fonts
    from parcours_designer.export.pdf_doc import fit_text

    fonts.register_reportlab_fonts()
    started = time.monotonic()
    for _page in range(20):
        cut = fit_text(LONG_WORD + " fin", fonts.REGULAR, 8, 300.0)
    assert time.monotonic() - started < 1.0  # was ~0.9 s a page: 20 pages took 18 s
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert cut.endswith("…") and stringWidth(cut, fonts.REGULAR, 8) <= 300.0
    assert stringWidth(LONG_WORD[: len(cut)] + "…", fonts.REGULAR, 8) > 300.0  # the longest that fits


def test_text_is_cut_in_few_measurements_and_to_the_longest_start_that_fits():
    from parcours_designer.export.text_fit import cut_to_fit

    calls = []

    def measure(text: str) -> float:
        calls.append(text)
        return 6.0 * len(text)

    for room in (0.0, 5.0, 6.0, 300.0, 29_994.0, 30_000.0):
        calls.clear()
        cut = cut_to_fit("x" * 5000, measure, room)
        assert len(calls) <= 15
        naive = "x" * 5000 if room >= 30_000 else "x" * max(0, int(room // 6) - 1) + "…"
        assert cut == naive, room


def century_pathway() -> Pathway:
    """The example with a first phase in 1990, a last one in 2090 and a window over both."""
    from datetime import date

    data = example_data()
    data["phases"][0].update(start=date(1990, 1, 1), end=date(1990, 1, 5), milestone=False)
    data["phases"][-1].update(start=date(2090, 12, 1), end=date(2090, 12, 31), milestone=False)
    data["start"], data["end"] = date(1990, 1, 1), date(2090, 12, 31)
    return Pathway.model_validate(data)


def test_a_century_long_time_axis_keeps_its_labels_apart():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from parcours_designer.export.gantt_export import FigureParts, gantt_figure
    from parcours_designer.model.planning import plan_for

    layout = plan_for(century_pathway()).layout
    figure, ax = gantt_figure(layout, None, 21.8, FigureParts("t", ()))
    renderer = FigureCanvasAgg(figure).get_renderer()
    top = [tick.label2 for tick in ax.xaxis.get_major_ticks() if tick.label2.get_text()]
    boxes = sorted((label.get_window_extent(renderer) for label in top), key=lambda box: box.x0)
    assert 5 <= len(boxes) <= 40
    assert all(left.x1 < right.x0 for left, right in zip(boxes, boxes[1:]))  # no two labels overlap
    assert [label.get_text() for label in ax.get_xticklabels()][:2] == ["janv.\n1990", "janv.\n1995"]


def test_a_century_long_gantt_pdf_prints_only_the_periods_with_bars():
    started = time.monotonic()
    data = EXPORT_KINDS["gantt"].render(century_pathway(), ".pdf")
    assert time.monotonic() - started < 30  # was 101 pages and 12 s
    pages = [flat(page.extract_text()) for page in pdf_reader(data).pages]
    assert len(pages) <= 4
    text = " ".join(pages)
    assert "(échelle : trimestres)" in text
    for title in ("Réunion d'accueil", "Diagnostic partagé", "Comité d'appui de clôture"):  # every phase printed
        assert title in text, title
    assert "du 01/01/1990" in text and "au 31/12/2090" in text


def test_xlsx_cells_stay_within_excel_limit_and_formulas_stay_text():
    import io

    from openpyxl import load_workbook

    data = example_data()
    data["costs"][0]["label"] = "=1+1 " + "x" * 40_000  # Excel declares the workbook damaged beyond 32,767
    data["costs"][1]["unit"] = '=HYPERLINK("http://x","clic")'
    data["funding"][0]["label"] = "@SOMME(A1)"
    book = load_workbook(io.BytesIO(EXPORT_KINDS["budget"].render(Pathway.model_validate(data), ".xlsx")))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    texts = [cell for cell in cells if isinstance(cell.value, str)]
    assert max(len(cell.value) for cell in texts) <= 32_767
    long_label = next(cell for cell in texts if "=1+1 xxx" in cell.value)
    assert long_label.data_type == "s" and long_label.value.endswith("…")
    for shown in ('=HYPERLINK("http://x","clic")', "@SOMME(A1)"):
        assert next(cell for cell in texts if shown in cell.value).data_type == "s"
    assert any(cell.data_type == "f" and cell.value.startswith("=SUM(") for cell in cells)  # totals stay formulas


def test_csv_prefixes_every_formula_start_but_keeps_numbers_numeric():
    import csv
    import io

    data = example_data()
    labels = ["--1", "-1+2", "-²", "+33 1 23", "@x", "=1+1", "-12", "12,50", "-3,5"]
    for cost, label in zip(data["costs"], labels):
        cost["label"] = label
    data["costs"][0]["unit"] = "\tTab"  # labels are stripped on display, units are not
    text = EXPORT_KINDS["budget"].render(Pathway.model_validate(data), ".csv").decode("utf-8-sig")
    shown = {cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row[3:8]}
    for formula in ("--1", "-1+2", "-²", "+33 1 23", "@x", "\tTab", "=1+1"):
        assert "'" + formula in shown and formula not in shown, formula
    for number in ("-12", "12,50", "-3,5"):
        assert number in shown, number
    assert "26728,00" in text  # amounts are plain numbers


def run_export(capsys, *args) -> tuple[int, str]:
    from parcours_designer.cli import main

    status = main(["export", *map(str, args)])
    return status, capsys.readouterr().err


def test_cli_never_exports_over_its_own_input(capsys, tmp_path):
    import shutil

    document = tmp_path / "parcours.xml"  # a pathway saved under a name an export could take
    shutil.copyfile(EXAMPLE, document)
    (tmp_path / "lien.xml").symlink_to(document)
    own = tmp_path / "collectif.parcours"
    shutil.copyfile(EXAMPLE, own)
    before = document.read_bytes()
    for args in (("mspdi", document, "-o", document), ("mspdi", document, "-o", tmp_path / "lien.xml"),
                 ("mspdi", document, "-o", tmp_path / "." / "parcours.xml"), ("plan", own, "-o", own)):
        status, err = run_export(capsys, *args)
        assert status == 2 and "Traceback" not in err and err.startswith("parcours-designer : "), args
    assert document.read_bytes() == before and own.read_bytes() == EXAMPLE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["collectif.parcours", "lien.xml", "parcours.xml"]


def test_cli_never_replaces_a_pipe_or_a_device(capsys, tmp_path):
    import os
    import stat

    pipe = tmp_path / "calendrier.ics"
    os.mkfifo(pipe)
    status, err = run_export(capsys, "ics", EXAMPLE, "-o", pipe)
    assert status == 2 and "n'est pas un fichier ordinaire" in err
    assert stat.S_ISFIFO(pipe.lstat().st_mode) and os.listdir(tmp_path) == ["calendrier.ics"]


def test_a_write_failing_midway_keeps_the_old_export_and_no_partial_file(capsys, tmp_path, monkeypatch):
    import errno
    import os

    target = tmp_path / "budget.csv"
    target.write_bytes(b"ancien budget")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("parcours_designer.atomic.os.replace", disk_full)
    status, err = run_export(capsys, "budget", EXAMPLE, "-o", target)
    assert status == 2 and "écriture impossible" in err and "Traceback" not in err
    assert target.read_bytes() == b"ancien budget" and os.listdir(tmp_path) == ["budget.csv"]


def test_a_read_only_folder_is_refused_before_anything_is_made(capsys, tmp_path, monkeypatch):
    import os

    calls = []
    monkeypatch.setattr("parcours_designer.export.registry.os.access", lambda path, mode: calls.append(mode))
    from dataclasses import replace

    rendering = replace(EXPORT_KINDS["plan"], renderer=lambda *a, **k: calls.append("rendered"))
    monkeypatch.setitem(EXPORT_KINDS, "plan", rendering)
    status, err = run_export(capsys, "plan", EXAMPLE, "-o", tmp_path / "plan.pdf")
    assert status == 2 and "écriture non autorisée dans le dossier" in err
    assert calls == [os.W_OK] and os.listdir(tmp_path) == []


def test_dollars_in_gantt_text_print_literally():
    from matplotlib.text import Text

    from parcours_designer.export.gantt_export import FigureParts, gantt_figure
    from parcours_designer.model.planning import plan_for

    data = example_data()
    data["title"] = "Budget $x$ et 5$"
    data["phases"][0]["title"] = "Atelier $\\frac{1}{2}$ unbalanced $"
    pathway = Pathway.model_validate(data)
    layout = plan_for(pathway).layout
    figure, _ax = gantt_figure(layout, None, 12.0, FigureParts(f"Diagramme – {pathway.title}", ()))
    texts = [t for t in figure.findobj(Text) if "$" in t.get_text()]
    assert len(texts) >= 2 and not any(t.get_parse_math() for t in texts)
    for suffix in (".png", ".svg", ".pdf"):
        assert EXPORT_KINDS["gantt"].render(pathway, suffix)


def odd_dates_pathway(case: str) -> Pathway:
    """The example with 0-day phases, reversed dates, milestones over several days, or 1990 and 2090."""

    data = example_data()
    for phase in data["phases"]:
        if case == "zero-day":
            phase.update(end=phase["start"], duration_days=0)
        elif case == "reversed" and phase["start"] and phase["end"] and phase["start"] != phase["end"]:
            phase.update(start=phase["end"], end=phase["start"])
        elif case == "long-milestones":
            phase["milestone"] = True
    if case == "century":
        return century_pathway()
    if case == "reversed":
        data["start"], data["end"] = data["end"], data["start"]
    return Pathway.model_validate(data)


ODD_CASES = [(case, kind, suffix) for case in ("zero-day", "reversed", "long-milestones", "century")
             for kind, export in EXPORT_KINDS.items() for suffix in export.suffixes]


@pytest.mark.parametrize("case, kind, suffix", ODD_CASES, ids=[f"{c}-{k}{s}" for c, k, s in ODD_CASES])
def test_odd_dates_export_every_kind_quickly(case, kind, suffix):
    from .test_robustness import check_valid

    started = time.monotonic()
    pathway = odd_dates_pathway(case)
    data = EXPORT_KINDS[kind].render(pathway, suffix, **kind_options(EXPORT_KINDS[kind], pathway))
    assert time.monotonic() - started < 30
    check_valid(data, suffix)


def test_reversed_dates_are_named_where_the_phase_is_missing():
    pathway = odd_dates_pathway("reversed")
    gantt = flat("".join(p.extract_text() for p in pdf_reader(EXPORT_KINDS["gantt"].render(pathway, ".pdf")).pages))
    assert "Étapes non représentées sur le diagramme" in gantt
    assert "dates incohérentes (la fin précède le début)" in gantt
    calendar = Calendar.from_ical(EXPORT_KINDS["ics"].render(pathway, ".ics"))
    assert "Étapes non datées\\, absentes du calendrier" in str(calendar["x-wr-caldesc"])  # read back raw


@pytest.mark.parametrize("environment", [{"LC_ALL": "C"}, {"LANG": "en_US.UTF-8", "LC_ALL": ""},
                                         {"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}])
def test_dates_and_amounts_are_french_whatever_the_locale(tmp_path, environment):
    import os
    import subprocess
    import sys

    env = {**os.environ, **environment}
    output = tmp_path / "budget.pdf"
    done = subprocess.run([sys.executable, "-m", "parcours_designer", "export", "plan", str(EXAMPLE), "-o",
                           str(output)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text = flat(" ".join(page.extract_text() for page in pdf_reader(output.read_bytes()).pages))
    assert "TOTAL DES CHARGES 26 728,00 €" in text  # (pypdf gives the no-break spaces back as spaces)
    assert "du lundi 11 janvier 2027 au vendredi 17 décembre 2027" in text
    assert not re.search(r"\b(January|December|Monday)\b|28,228\.00", text)
