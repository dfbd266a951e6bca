"""Every read of consents (RI5, TR4).

The job seeker and the caseworkers of their municipality list a job seeker's consents
(audited in the job seeker's log). ``shared_parts`` is the policy read the recipients'
apps ask before they show a part of the file: not audited, never cached, so a
withdrawal takes effect on the next read.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from werkpad.accounts.models import User
from werkpad.consents.models import Consent, ConsentChange
from werkpad.consents.rules import CONSENT_VISIBILITY
from werkpad.consents.workflow import Status
from werkpad.core.audit import audit_record
from werkpad.core.errors import NotFoundError
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import visible_for
from werkpad.jobseekers import rules as jobseeker_rules
from werkpad.jobseekers.models import JobSeeker
from werkpad.jobseekers.selectors import jobseeker_scope

OBJECT_TYPE = "consent"

#: The permission (``rules.py``) each action on a consent needs.
ACTION_PERMISSIONS = {
    "give": "consents.answer",
    "refuse": "consents.answer",
    "withdraw": "consents.answer",
}


def consent_scope(*, user: User) -> QuerySet[Consent]:
    """The consents this user may see: the same definition as ``consents.view_consent``."""
    return Consent.objects.filter(CONSENT_VISIBILITY.q(user))


def consent_job_seeker(*, user: User, job_seeker_id: int) -> JobSeeker:
    """The job seeker whose consents this user may see and record: their own file, or a
    file of a caseworker's municipality; 404 for anyone else (a coach as well)."""
    job_seeker = (
        jobseeker_scope(user=user).select_related("municipality").filter(pk=job_seeker_id).first()
    )
    if job_seeker is None or not (
        job_seeker.user_id == user.pk or jobseeker_rules.is_caseworker_of(user, job_seeker)
    ):
        raise NotFoundError(code="jobseeker-not-found")
    return job_seeker


def consent_list(*, user: User, job_seeker_id: int, purpose: str = "") -> QuerySet[Consent]:
    """A job seeker's consents, for the job seeker and their caseworkers; audited."""
    job_seeker = consent_job_seeker(user=user, job_seeker_id=job_seeker_id)
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        purpose=purpose,
        fields=["recipient", "organisation", "part", "status"],
    )
    return (
        consent_scope(user=user)
        .filter(job_seeker_id=job_seeker.pk)
        .select_related("organisation")
        .order_by("recipient", "organisation__name", "part", "id")
    )


def consent_get(
    *, user: User, id: int, for_action: str | None = None, purpose: str = ""
) -> Consent:
    """One consent, if the user may see it (404 otherwise); with ``for_action`` (a key of
    ``ACTION_PERMISSIONS``) 403 for someone who sees it but may not act. The read is
    audited in the job seeker's log."""
    consent = visible_for(
        user,
        consent_scope(user=user).select_related("organisation", "job_seeker").filter(pk=id).first(),
        kind="consent",
        view="consents.view_consent",
        actions=ACTION_PERMISSIONS,
        for_action=for_action,
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=consent.pk,
        job_seeker_id=consent.job_seeker_id,
        municipality_id=consent.municipality_id,
        purpose=purpose,
        fields=["recipient", "organisation", "part", "status", "history"],
    )
    return consent


def history_list(*, consent: Consent) -> QuerySet[ConsentChange]:
    """The changes of a consent the caller obtained through ``consent_get``."""
    return consent.history.select_related("changed_by").order_by("changed_at", "id")


def job_seeker_history(*, consents: QuerySet[Consent]) -> QuerySet[ConsentChange]:
    """Every change of the consents the caller obtained through ``consent_list``, newest
    first."""
    return (
        ConsentChange.objects.filter(consent__in=consents.values("pk"))
        .select_related("consent", "consent__organisation", "changed_by")
        .order_by("-changed_at", "-id")
    )


def _organisation_q(organisation_id: int | None) -> Q:
    """The recipient organisation, or none (employers)."""
    if organisation_id is None:
        return Q(organisation__isnull=True)
    return Q(organisation_id=organisation_id)


def shared_parts(
    *, job_seeker_id: int, organisation_id: int | None, recipient: str
) -> frozenset[str]:
    """The parts of the file currently consented to this recipient (given, not withdrawn).

    A policy read, not audited and never cached: a withdrawal takes effect on the next
    call."""
    rows = Consent.objects.filter(
        _organisation_q(organisation_id),
        job_seeker_id=job_seeker_id,
        recipient=recipient,
        status=Status.GIVEN,
    ).values_list("part", flat=True)
    return frozenset(rows)


def shared_parts_by_job_seeker(
    *, job_seeker_ids: object, recipient: str, organisation_id: int | None = None
) -> dict[int, frozenset[str]]:
    """``shared_parts`` for many job seekers in one query (``job_seeker_ids`` a list or a
    queryset of ids): each job seeker with a current consent to this recipient, mapped
    to the parts consented. A policy read, not audited and never cached."""
    found: dict[int, set[str]] = {}
    rows = Consent.objects.filter(
        _organisation_q(organisation_id),
        job_seeker_id__in=job_seeker_ids,
        recipient=recipient,
        status=Status.GIVEN,
    ).values_list("job_seeker_id", "part")
    for job_seeker_id, part in rows:
        found.setdefault(job_seeker_id, set()).add(part)
    return {job_seeker_id: frozenset(parts) for job_seeker_id, parts in found.items()}


def consenting_job_seekers(
    *, recipient: str, organisation_id: int | None = None
) -> QuerySet[Consent, Any]:
    """The ids of the job seekers with a current consent (given, not withdrawn) to this
    recipient for at least one part, as a subquery."""
    return (
        Consent.objects.filter(
            _organisation_q(organisation_id), recipient=recipient, status=Status.GIVEN
        )
        .values("job_seeker_id")
        .distinct()
    )


def consent_statuses(
    *, job_seeker_id: int, organisation_id: int | None, recipient: str
) -> dict[str, str]:
    """Part -> current status of each consent the job seeker has for this recipient: a
    policy read (not audited) for the services that record consents on the way."""
    return dict(
        Consent.objects.filter(
            _organisation_q(organisation_id), job_seeker_id=job_seeker_id, recipient=recipient
        ).values_list("part", "status")
    )


def open_request_count(*, job_seeker_id: int) -> int:
    """How many consents the job seeker is asked for and has not answered: for their own
    home page (a count, not a read of the file)."""
    return Consent.objects.filter(job_seeker_id=job_seeker_id, status=Status.REQUESTED).count()


def recipient_organisations(*, job_seeker: JobSeeker) -> list[Organisation]:
    """The providers and advisors' offices of the job seeker's municipality a consent may
    name."""
    return list(
        Organisation.objects.filter(
            municipality_id=job_seeker.municipality_id,
            kind__in=[Organisation.Kind.PROVIDER, Organisation.Kind.ADVISOR_OFFICE],
        ).order_by("kind", "name")
    )
