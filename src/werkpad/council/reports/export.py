"""A results report (CO2) as a file: DOCX (python-docx) for councils that edit in Word,
PDF rendered by WeasyPrint from the report's print template. Both show exactly the
published cells: a withheld count is never in the file, only the legend's mark."""

from __future__ import annotations

import io
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext as _

from werkpad.council.models import ResultsReport


def shown(cell: dict[str, Any] | None, min_cell: int) -> str:
    """A published count as text: the number, "<N" for a small group, "hidden" for a
    complementary one."""
    if not cell:
        return ""
    if cell["withheld"] == "small":
        return f"<{min_cell}"
    if cell["withheld"]:
        return _("hidden")
    return str(cell["count"])


def _heading(report: ResultsReport) -> str:
    return _("Results report %(period)s — %(municipality)s") % {
        "period": report.period_label,
        "municipality": report.municipality.name,
    }


def report_docx(context: dict[str, Any]) -> bytes:
    import docx  # python-docx: imported only when a document is made

    report: ResultsReport = context["report"]
    figures = context["figures"]
    min_cell = figures["min_cell"]
    document = docx.Document()
    document.add_heading(_heading(report), level=1)
    document.add_paragraph(
        _("Period %(start)s to %(end)s. %(status)s.")
        % {
            "start": formats.date_format(report.period_start, "SHORT_DATE_FORMAT"),
            "end": formats.date_format(report.period_end, "SHORT_DATE_FORMAT"),
            "status": report.get_status_display(),
        }
    )
    if report.notes:
        document.add_paragraph(report.notes)
    document.add_paragraph(_(figures["targets_note"]))
    for table in figures["tables"]:
        document.add_heading(_(table["title"]), level=2)
        two_d = len(table["columns"]) > 1
        header = ["", *[_(c) for c in table["columns"]]] + ([_("Total")] if two_d else [])
        lines = [header]
        for row in table["rows"]:
            line = [_(row["label"]), *[shown(c, min_cell) for c in row["cells"]]]
            lines.append(line + ([shown(row["total"], min_cell)] if two_d else []))
        totals = [shown(c, min_cell) for c in table["column_totals"] or []]
        lines.append([_("Total"), *totals, shown(table["total"], min_cell)])
        grid = document.add_table(rows=len(lines), cols=len(header))
        grid.style = "Table Grid"
        for row_cells, line in zip(grid.rows, lines, strict=True):
            for cell, text in zip(row_cells.cells, line, strict=True):
                cell.text = text
        if table["note"]:
            document.add_paragraph(_(table["note"]))
    document.add_paragraph(
        _(
            "<%(n)s: fewer than %(n)s people, not shown so that nobody can be recognised. "
            "Hidden: %(n)s people or more, hidden only so that a smaller group cannot be "
            "worked out from the totals and the other figures."
        )
        % {"n": min_cell}
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_html(context: dict[str, Any]) -> str:
    return render_to_string("council/reports/print.html", context)


def report_pdf(context: dict[str, Any]) -> bytes:
    """The report as a PDF; WeasyPrint is imported here so that nothing else pays for it."""
    from weasyprint import CSS, HTML  # type: ignore[import-untyped]

    stylesheet = finders.find("werkpad/council-print.css")
    assert isinstance(stylesheet, str)  # shipped with werkpad's static files
    pdf: bytes = HTML(string=report_html(context)).write_pdf(stylesheets=[CSS(filename=stylesheet)])
    return pdf


def filename(report: ResultsReport, format: str) -> str:
    return f"resultaten-{report.period_label.replace(' ', '-').lower()}.{format}"
