"""The document pages (WT3): upload by a caseworker or coach (from the sections on the
file, plan and trajectory pages), the job seeker's own ``/mijn/documenten/`` and the
download through werkpad, audited."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError
from werkpad.core.filters import parse_id
from werkpad.core.forms import show_refusal
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.documents import selectors, services
from werkpad.documents.forms import OwnUploadForm, UploadForm
from werkpad.jobseekers import selectors as jobseeker_selectors

staff_only = role_required(Role.CASEWORKER, Role.COACH)
job_seeker_only = role_required(Role.JOB_SEEKER)


def _back(job_seeker_id: int, plan: int | None, trajectory: int | None) -> str:
    if trajectory:
        return reverse("trajectories:detail", args=[trajectory])
    if plan:
        return reverse("plans:detail", args=[plan])
    return reverse("jobseekers:detail", args=[job_seeker_id])


@staff_only
@require_http_methods(["GET", "POST"])
def upload(request, job_seeker_id: int) -> HttpResponse:
    # The page, and what is posted to it, exist only for whoever may add a document
    # there; anyone else finds nothing (404), before the form is looked at.
    source = request.POST if request.method == "POST" else request.GET
    initial = {
        "plan": parse_id(source.get("plan")),
        "trajectory": parse_id(source.get("trajectory")),
    }
    services.upload_target(
        user=request.user,
        job_seeker_id=job_seeker_id,
        plan_id=initial["plan"],
        trajectory_id=initial["trajectory"],
    )
    form = UploadForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.document_upload(
                user=request.user,
                job_seeker_id=job_seeker_id,
                upload=data["file"],
                type=data["type"],
                health=data["health"],
                plan_id=data["plan"],
                trajectory_id=data["trajectory"],
                description=data["description"],
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The document is saved."))
            return redirect(_back(job_seeker_id, data["plan"], data["trajectory"]))
    return render(
        request,
        "documents/upload.html",
        {"form": form, "job_seeker_id": job_seeker_id},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def download(request, id: int) -> FileResponse:
    document, content = selectors.document_open(
        user=request.user, id=id, purpose=AuditEvent.Purpose.DOCUMENT_DOWNLOAD
    )
    response = FileResponse(
        content,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@job_seeker_only
@require_http_methods(["GET", "POST"])
def my_documents(request) -> HttpResponse:
    job_seeker = jobseeker_selectors.jobseeker_get_own(user=request.user)
    form = OwnUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.document_upload(
                user=request.user,
                job_seeker_id=job_seeker.pk,
                upload=data["file"],
                type=data["type"],
                health=data["health"],
                description=data["description"],
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("Your document is saved. Your contact person can see it now.")
            )
            return redirect("mydocuments:list")
    documents = selectors.document_list(
        user=request.user, job_seeker_id=job_seeker.pk, purpose=AuditEvent.Purpose.DOCUMENTS
    )
    return render(
        request,
        "documents/mine.html",
        {"form": form, "documents": documents, "js": job_seeker},
        status=400 if request.method == "POST" else 200,
    )
