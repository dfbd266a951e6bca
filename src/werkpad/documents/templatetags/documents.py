"""Document sections on pages other apps own: the file, a plan, a trajectory and the
trajectory's handover (the CV, when the job seeker shares the part "work")."""

from __future__ import annotations

from django import template
from django.urls import reverse

from werkpad.core.models import AuditEvent
from werkpad.documents import selectors
from werkpad.trajectories.workflow import RUNNING

register = template.Library()


def _section(context, *, title_id: str, documents, upload_url: str | None, empty: str):
    return {
        "request": context["request"],
        "title_id": title_id,
        "documents": list(documents),
        "upload_url": upload_url,
        "empty": empty,
    }


@register.inclusion_tag("documents/_section.html", takes_context=True)
def file_documents(context, job_seeker):
    """On a caseworker's view of a file: every document they see, and the way to add one."""
    user = context["request"].user
    documents = selectors.document_list(
        user=user, job_seeker_id=job_seeker.pk, purpose=AuditEvent.Purpose.DOCUMENTS
    )
    may_upload = user.has_perm("jobseekers.change_jobseeker", job_seeker)
    return _section(
        context,
        title_id="h-documents",
        documents=documents,
        upload_url=reverse("documents:upload", args=[job_seeker.pk]) if may_upload else None,
        empty="file",
    )


@register.inclusion_tag("documents/_section.html", takes_context=True)
def plan_documents(context, plan):
    user = context["request"].user
    documents = selectors.document_list(
        user=user,
        job_seeker_id=plan.job_seeker_id,
        plan_id=plan.pk,
        purpose=AuditEvent.Purpose.DOCUMENTS,
    )
    may_upload = user.has_perm("jobseekers.change_jobseeker", plan.job_seeker)
    url = reverse("documents:upload", args=[plan.job_seeker_id]) + f"?plan={plan.pk}"
    return _section(
        context,
        title_id="h-plan-documents",
        documents=documents,
        upload_url=url if may_upload else None,
        empty="plan",
    )


@register.inclusion_tag("documents/_section.html", takes_context=True)
def trajectory_documents(context, trajectory):
    """On the trajectory page: the documents attached to it. The coach adds them while the
    trajectory runs; the caseworker always."""
    user = context["request"].user
    documents = selectors.document_list(
        user=user,
        job_seeker_id=trajectory.job_seeker_id,
        trajectory_id=trajectory.pk,
        purpose=AuditEvent.Purpose.DOCUMENTS,
    )
    may_upload = user.has_perm("jobseekers.change_jobseeker", trajectory.job_seeker) or (
        user.has_perm("trajectories.work_on", trajectory) and trajectory.status in RUNNING
    )
    url = reverse("documents:upload", args=[trajectory.job_seeker_id]) + (
        f"?trajectory={trajectory.pk}"
    )
    return _section(
        context,
        title_id="h-trajectory-documents",
        documents=documents,
        upload_url=url if may_upload else None,
        empty="trajectory",
    )


@register.inclusion_tag("documents/_handover_cv.html", takes_context=True)
def handover_cv(context, trajectory):
    """In the handover: the job seeker's CV when they share the part "work" with the
    provider (WT3)."""
    user = context["request"].user
    return {"cv": selectors.handover_cv(user=user, trajectory=trajectory)}
