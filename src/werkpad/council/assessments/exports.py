"""An assessment as a report a council sends to its alderman (CO3): DOCX (python-docx)
to edit further, PDF (WeasyPrint) to send as it is. Both hold the same content: the
assessment's title, council, municipality, date and status, and per point the title,
werkpad's explanation and per question the text, the answer, the remarks or action
points and the evidence as it was saved beside the answer (dated).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from werkpad.core.audit import audit_record
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import AnyUser
from werkpad.council.assessments.selectors import PointRows, points_of
from werkpad.council.assessments.services import OBJECT_TYPE
from werkpad.council.checklist import checklist
from werkpad.council.models.assessments import Answer, Assessment

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
FORMATS = {"docx": DOCX, "pdf": PDF}


@dataclass(frozen=True)
class SavedEvidence:
    """The evidence stored with an answer, as the report shows it."""

    summary: str
    method: str
    computed_at: dt.datetime | None
    figures: tuple[tuple[str, str], ...]

    @property
    def dated(self) -> str:
        if self.computed_at is None:
            return ""
        return date_format(timezone.localtime(self.computed_at), "j F Y H:i")


def saved_evidence(answer: Answer | None) -> SavedEvidence | None:
    snapshot = answer.evidence_snapshot if answer is not None else None
    if not snapshot:
        return None
    raw = snapshot.get("computedAt")
    return SavedEvidence(
        summary=snapshot.get("summary", ""),
        method=snapshot.get("method", ""),
        computed_at=dt.datetime.fromisoformat(raw) if raw else None,
        figures=tuple((f["label"], f["value"]) for f in snapshot.get("figures", [])),
    )


def _date(assessment: Assessment) -> str:
    moment = assessment.finalised_at or assessment.updated_at
    return date_format(timezone.localtime(moment), "j F Y")


def _context(assessment: Assessment) -> dict[str, object]:
    points: list[PointRows] = points_of(assessment, live=False)
    return {
        "assessment": assessment,
        "source": checklist().source,
        "date": _date(assessment),
        "points": [
            {
                "point": p.point,
                "rows": [
                    {
                        "question": r.question,
                        "answer": r.answer,
                        "evidence": saved_evidence(r.answer),
                    }
                    for r in p.rows
                ],
            }
            for p in points
        ],
    }


def assessment_html(assessment: Assessment) -> str:
    with translation.override("nl"):
        return render_to_string("council/assessments/export.html", _context(assessment))


def assessment_pdf(assessment: Assessment) -> bytes:
    """The report as a PDF. WeasyPrint is imported here, so that nothing else pays for it."""
    from weasyprint import CSS, HTML  # type: ignore[import-untyped]

    stylesheet = finders.find("werkpad/council-print.css")
    assert isinstance(stylesheet, str)  # shipped with werkpad's static files
    pdf: bytes = HTML(string=assessment_html(assessment)).write_pdf(
        stylesheets=[CSS(filename=stylesheet)]
    )
    return pdf


def assessment_docx(assessment: Assessment) -> bytes:
    """The report as an editable Word document."""
    import docx

    with translation.override("nl"):
        context = _context(assessment)
        document = docx.Document()
        document.add_heading(assessment.title, level=0)
        facts = document.add_table(rows=0, cols=2)
        for label, value in (
            (_("Client council"), assessment.council.name),
            (_("Municipality"), assessment.municipality.name),
            (_("Date"), context["date"]),
            (_("Status"), assessment.status_label),
            (_("Checklist"), f"{checklist().source.title} ({checklist().source.edition})"),
        ):
            cells = facts.add_row().cells
            cells[0].text, cells[1].text = str(label), str(value)
        if assessment.remarks:
            document.add_paragraph(assessment.remarks)
        for entry in context["points"]:  # type: ignore[attr-defined]
            point = entry["point"]
            document.add_heading(
                _("Point %(number)s") % {"number": point.number} + f": {point.title}", level=1
            )
            for item in point.title_items:
                document.add_paragraph(item, style="List Bullet")
            document.add_paragraph().add_run(
                _("Chapter %(number)s. %(title)s")
                % {"number": point.chapter.number, "title": point.chapter.title}
            ).italic = True
            document.add_paragraph(point.explanation)
            for row in entry["rows"]:
                _docx_question(document, row)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


def _docx_question(document, row: dict) -> None:
    question, answer, evidence = row["question"], row["answer"], row["evidence"]
    document.add_heading(f"{question.id} {question.text}", level=2)
    label = answer.answer_label if answer is not None else _("Not answered yet")
    paragraph = document.add_paragraph()
    paragraph.add_run(_("Council's answer") + ": ").bold = True
    paragraph.add_run(str(label))
    if answer is not None and answer.remarks:
        paragraph = document.add_paragraph()
        paragraph.add_run(question.text_label + ": ").bold = True
        paragraph.add_run(answer.remarks)
    if answer is not None and answer.action_points:
        paragraph = document.add_paragraph()
        paragraph.add_run(question.text_label + ": ").bold = True
        paragraph.add_run(answer.action_points)
    if evidence is not None:
        paragraph = document.add_paragraph()
        paragraph.add_run(
            _("werkpad's data on %(date)s") % {"date": evidence.dated} + ": "
        ).italic = True
        paragraph.add_run(evidence.summary)
        for figure_label, value in evidence.figures:
            document.add_paragraph(f"{figure_label}: {value}", style="List Bullet")


def filename(assessment: Assessment, extension: str) -> str:
    return f"beoordeling-{slugify(assessment.council.name)}-{assessment.pk}.{extension}"


def download(*, user: AnyUser, assessment: Assessment, kind: str) -> HttpResponse:
    """The report in ``kind`` (docx or pdf) as a download; every export is audited."""
    content = assessment_docx(assessment) if kind == "docx" else assessment_pdf(assessment)
    audit_record(
        user=user,
        action=AuditEvent.Action.EXPORT,
        object_type=OBJECT_TYPE,
        object_id=assessment.pk,
        municipality_id=assessment.municipality_id,
        detail=kind,
    )
    response = HttpResponse(content, content_type=FORMATS[kind])
    response["Content-Disposition"] = f'attachment; filename="{filename(assessment, kind)}"'
    return response
