"""Every read of documents (WT3), scoped by ``rules.visibility_q`` and audited in the job
seeker's log ("who looked at my file"): a list of a job seeker's documents, a document's
details and every download of its content."""

from __future__ import annotations

from typing import IO

from django.db.models import QuerySet

from werkpad.accounts.models import User
from werkpad.consents import parts
from werkpad.consents.selectors import shared_parts
from werkpad.core.audit import audit_record
from werkpad.core.errors import PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import scope_of, visible_for
from werkpad.documents.models import Document, Type, document_storage
from werkpad.documents.rules import visibility_q
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING

OBJECT_TYPE = "document"


def document_scope(*, user: User) -> QuerySet[Document]:
    """The same definition as the ``documents.view_document`` rule."""
    return Document.objects.filter(visibility_q(user))


def document_list(
    *,
    user: User,
    job_seeker_id: int | None = None,
    plan_id: int | None = None,
    trajectory_id: int | None = None,
    type: str | None = None,
    purpose: str = AuditEvent.Purpose.DOCUMENTS,
) -> QuerySet[Document]:
    """The documents the user sees, newest first, of one job seeker, plan or trajectory
    when named. Audited: per job seeker when one is named, else as a search."""
    if not user.has_perm("documents.list_document"):
        raise PermissionDeniedError(code="document-list-denied")
    queryset = document_scope(user=user)
    fields = []
    if job_seeker_id is not None:
        queryset = queryset.filter(job_seeker_id=job_seeker_id)
        fields.append("jobSeeker")
    if plan_id is not None:
        queryset = queryset.filter(plan_id=plan_id)
        fields.append("plan")
    if trajectory_id is not None:
        queryset = queryset.filter(trajectory_id=trajectory_id)
        fields.append("trajectory")
    if type:
        queryset = queryset.filter(type=type)
        fields.append("type")
    primary = scope_of(user).primary
    audit_record(
        user=user,
        action=AuditEvent.Action.READ if job_seeker_id is not None else AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        job_seeker_id=job_seeker_id,
        municipality_id=primary.municipality_id if primary else None,
        purpose=purpose,
        fields=fields,
    )
    return queryset.select_related("uploaded_by").order_by("-uploaded_at", "-id")


def _found(user: User, id: int) -> Document:
    return visible_for(
        user,
        document_scope(user=user).select_related("uploaded_by").filter(pk=id).first(),
        kind="document",
        view="documents.view_document",
    )


def document_get(
    *, user: User, id: int, purpose: str = AuditEvent.Purpose.DOCUMENTS_API
) -> Document:
    """One document's details (not its content), audited as a read."""
    document = _found(user, id)
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=document.pk,
        job_seeker_id=document.job_seeker_id,
        municipality_id=document.municipality_id,
        purpose=purpose,
    )
    return document


def document_open(
    *, user: User, id: int, purpose: str = AuditEvent.Purpose.DOCUMENT_DOWNLOAD
) -> tuple[Document, IO[bytes]]:
    """A document and its content, opened for reading: the one way to the content, audited
    as a read of the content (it shows in the job seeker's "who looked at my file")."""
    document = _found(user, id)
    content = document_storage().open(document.file.name, "rb")
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=document.pk,
        job_seeker_id=document.job_seeker_id,
        municipality_id=document.municipality_id,
        purpose=purpose,
        fields=["content"],
    )
    return document, content


def handover_cv(*, user: User, trajectory: Trajectory) -> Document | None:
    """The CV that goes with the handover of a running trajectory (WT3): the job seeker's
    latest CV on their file when they share the part "work" with the provider now, and
    the user sees it. None otherwise. The caller already may see the handover."""
    if trajectory.status not in RUNNING:
        return None
    shared = shared_parts(
        job_seeker_id=trajectory.job_seeker_id,
        organisation_id=trajectory.provider.organisation_id,
        recipient="provider",
    )
    if parts.WORK not in shared:
        return None
    cv = (
        document_scope(user=user)
        .filter(job_seeker_id=trajectory.job_seeker_id, type=Type.CV, health=False)
        .filter(trajectory__isnull=True)
        .select_related("uploaded_by")
        .order_by("-uploaded_at", "-id")
        .first()
    )
    if cv is not None:
        audit_record(
            user=user,
            action=AuditEvent.Action.READ,
            object_type=OBJECT_TYPE,
            object_id=cv.pk,
            job_seeker_id=cv.job_seeker_id,
            municipality_id=cv.municipality_id,
            purpose=AuditEvent.Purpose.HANDOVER_CV,
        )
    return cv
