"""Every read of mediations (RI4); reads are audited in the job seeker's log."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import scope_of, visible_for
from werkpad.mediations.models import MediationRequest, Session, StatusChange
from werkpad.mediations.rules import MEDIATION_VISIBILITY
from werkpad.mediations.workflow import Status

OBJECT_TYPE = "mediation"


def mediation_scope(*, user: User) -> QuerySet[MediationRequest]:
    """The same definition as the ``mediations.view_mediation`` rule."""
    return MediationRequest.objects.filter(MEDIATION_VISIBILITY.q(user))


def mediation_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[MediationRequest]:
    if not user.has_perm("mediations.list_mediation"):
        raise PermissionDeniedError(code="mediation-list-denied")
    queryset = mediation_scope(user=user)
    status = str((filters or {}).get("status") or "").strip()
    if status:
        wanted = [s for s in status.split(",") if s]
        if set(wanted) - set(Status.values):
            raise InvalidInputError({"status": [_("Unknown status.")]})
        queryset = queryset.filter(status__in=wanted)
    primary = scope_of(user).primary
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        purpose=purpose,
        fields=["status"] if status else [],
        municipality_id=primary.municipality_id if primary else None,
    )
    return queryset.select_related(
        "job_seeker", "trajectory__programme", "trajectory__provider"
    ).order_by("-requested_on", "-id")


ACTION_PERMISSIONS = {
    "manage": "mediations.manage",
    "withdraw": "mediations.withdraw",
}


def mediation_get(
    *, user: User, id: int, purpose: str = "", for_action: str | None = None
) -> MediationRequest:
    mediation = visible_for(
        user,
        mediation_scope(user=user)
        .select_related("job_seeker", "trajectory__programme", "trajectory__provider")
        .filter(pk=id)
        .first(),
        kind="mediation",
        view="mediations.view_mediation",
        actions=ACTION_PERMISSIONS,
        for_action=for_action,
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=mediation.pk,
        job_seeker_id=mediation.job_seeker_id,
        municipality_id=mediation.municipality_id,
        purpose=purpose,
    )
    return mediation


def mediation_sessions(*, user: User, mediation: MediationRequest) -> list[dict[str, object]]:
    """The sessions of a mediation obtained through ``mediation_get``: their notes only
    for those who read them (``mediations.view_notes``)."""
    notes = user.has_perm("mediations.view_notes", mediation)
    sessions: QuerySet[Session] = mediation.sessions.all()
    return [
        {"id": s.pk, "held_on": s.held_on, "notes": s.notes if notes else None} for s in sessions
    ]


def mediation_history(*, mediation: MediationRequest) -> QuerySet[StatusChange]:
    return mediation.history.select_related("changed_by")


def job_seeker_mediations(*, user: User, job_seeker_id: int) -> QuerySet[MediationRequest]:
    return (
        mediation_scope(user=user)
        .filter(job_seeker_id=job_seeker_id)
        .select_related("trajectory__programme", "trajectory__provider")
        .order_by("-requested_on", "-id")
    )
