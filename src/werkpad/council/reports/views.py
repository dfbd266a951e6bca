"""The pages of results reports (CO2) under /raad/rapportages/: the list, a new draft,
the report with its tables and suppression legend, its notes, publishing it to the
council, and its export as DOCX or PDF."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError
from werkpad.core.forms import refusal_status
from werkpad.core.models import AuditEvent
from werkpad.council.reports import export, selectors, services
from werkpad.council.reports.forms import NotesForm, ReportForm
from werkpad.council.rules import REPORT_READERS, REPORT_WRITERS

readers = role_required(*REPORT_READERS)
writers = role_required(*REPORT_WRITERS)


@readers
def report_list(request):
    return render(
        request,
        "council/reports/list.html",
        {
            "reports": selectors.report_list(user=request.user),
            "may_write": request.user.has_perm("council.add_resultsreport"),
        },
    )


@writers
def report_create(request):
    municipalities = list(selectors.writer_municipalities(user=request.user))
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST, municipalities=municipalities)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                report = services.report_create(
                    user=request.user,
                    municipality_id=d["municipality"],
                    period_kind=d["period_kind"],
                    year=d["year"],
                    quarter=d["quarter"],
                    notes=d["notes"],
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The draft report is saved."))
                return redirect("council:report-detail", report.pk)
    else:
        today = clock.today()
        form = ReportForm(
            municipalities=municipalities,
            initial={
                "period_kind": "quarter",
                "year": today.year,
                "quarter": (today.month - 1) // 3 + 1,
            },
        )
    return render(request, "council/reports/form.html", {"form": form}, status=status)


def _context(request, report) -> dict:
    figures = selectors.report_figures(report=report)
    reasons = sorted(
        {
            cell["withheld"]
            for table in figures["tables"]
            for row in table["rows"]
            for cell in [*row["cells"], row["total"] or {"withheld": ""}]
            if cell["withheld"]
        }
        | {
            cell["withheld"]
            for table in figures["tables"]
            for cell in [table["total"], *(table["column_totals"] or [])]
            if cell["withheld"]
        }
    )
    return {
        "report": report,
        "figures": figures,
        "reasons": reasons,
        "min_cell": figures["min_cell"],
    }


@readers
def report_detail(request, id: int):
    report = selectors.report_get(user=request.user, id=id)
    context = _context(request, report)
    context["may_publish"] = not report.published and request.user.has_perm(
        "council.publish_resultsreport", report
    )
    refusal = services.publish_refusal(report) if context["may_publish"] else None
    context["publish_refusal"] = str(refusal) if refusal else ""
    context["notes_form"] = NotesForm(initial={"notes": report.notes})
    return render(request, "council/reports/detail.html", context)


@require_POST
@writers
def report_notes(request, id: int):
    form = NotesForm(request.POST)
    if form.is_valid():
        try:
            services.report_notes_set(
                user=request.user, report_id=id, notes=form.cleaned_data["notes"]
            )
        except DomainError as error:
            if isinstance(error, AccessError):
                raise
            messages.error(request, str(error))
        else:
            messages.success(request, _("The notes are saved."))
    return redirect("council:report-detail", id)


@require_POST
@writers
def report_publish(request, id: int):
    try:
        services.report_publish(user=request.user, report_id=id)
    except DomainError as error:
        if isinstance(error, AccessError):
            raise
        messages.error(request, str(error))
    else:
        messages.success(request, _("The report is published to the council."))
    return redirect("council:report-detail", id)


@readers
def report_export(request, id: int, format: str):
    if format not in ("docx", "pdf"):
        raise Http404
    report = selectors.report_get(user=request.user, id=id)
    context = _context(request, report)
    if format == "docx":
        content = export.report_docx(context)
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        content = export.report_pdf(context)
        kind = "application/pdf"
    audit_record(
        user=request.user,
        action=AuditEvent.Action.EXPORT,
        object_type=services.OBJECT_TYPE,
        object_id=report.pk,
        municipality_id=report.municipality_id,
        detail=format,
    )
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{export.filename(report, format)}"'
    return response
